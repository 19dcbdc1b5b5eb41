package org.gilectomy.runtime.modules;

import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyExc;

/**
 * IEEE 754 half precision (struct's {@code e} code), converted from and to a double directly
 * (rounding half to even once, as CPython's PyFloat_Pack2 does, not through a float).
 */
final class Half {
    private Half() {
    }

    /** The 16 bits of {@code x}; OverflowError past the largest half (65504, after rounding). */
    static int fromDouble(double x) {
        int sign = (Double.doubleToRawLongBits(x) < 0) ? 0x8000 : 0;
        if (Double.isNaN(x)) {
            return sign | 0x7e00;
        }
        if (Double.isInfinite(x)) {
            return sign | 0x7c00;
        }
        double a = Math.abs(x);
        if (a == 0) {
            return sign;
        }
        int e = Math.getExponent(a);
        if (e < -14) { // subnormal (or rounds up to the smallest normal, whose bits follow on)
            return sign | (int) Math.rint(a * 0x1p24);
        }
        int f = (int) Math.rint((a / Math.scalb(1.0, e) - 1) * 1024);
        if (f == 1024) {
            f = 0;
            e++;
        }
        if (e > 15) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "float too large to pack with e format");
        }
        return sign | (e + 15) << 10 | f;
    }

    static double toDouble(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exp = bits >> 10 & 0x1f;
        int frac = bits & 0x3ff;
        if (exp == 0) {
            return sign * frac * 0x1p-24;
        }
        if (exp == 31) {
            return frac == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * (1 + frac / 1024.0) * Math.scalb(1.0, exp - 15);
    }
}
