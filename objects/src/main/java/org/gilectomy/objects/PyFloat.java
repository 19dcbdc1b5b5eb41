package org.gilectomy.objects;

import org.gilectomy.refcount.FreeList;

/** {@code float}: an IEEE double, printed as CPython's {@code repr} does. */
public class PyFloat extends PyObject {
    public static final PyType TYPE = new PyType("float", null);

    /** Freed floats, per thread, for reuse (CPython's float free list). */
    private static final FreeList<PyFloat> FREE = new FreeList<>(FreeList.DEFAULT_CAPACITY);

    /**
     * Set at creation or at reuse from the free list; also rewritten in place by
     * {@link NumericFastPaths} when the eval loop holds the only reference to a temporary.
     */
    public double value;

    PyFloat(double value) {
        this.value = value;
    }

    /** A new reference: a float from this thread's free list if it has one. */
    public static PyFloat of(double v) {
        PyFloat f = FREE.poll();
        if (f == null) {
            return new PyFloat(v);
        }
        f.value = v;
        return f;
    }

    @Override
    protected void afterFree() {
        FREE.offer(this);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return PyInt.numericEquals(this, o);
    }

    @Override
    public int hashCode() {
        return javaHash(value);
    }

    /** The Java hash of a float (or of a complex with no imaginary part) equal to {@code v}. */
    static int javaHash(double v) {
        // Integral floats hash like the equal int, so 1 and 1.0 are one dict key.
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 0x1p63) {
            return Long.hashCode((long) v);
        }
        return Double.hashCode(v);
    }

    /** CPython's {@code repr(float)}: shortest round-trip digits, exponent form outside 1e-4..1e16. */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        ShortestDigits.Decimal d = ShortestDigits.of(Math.abs(v));
        String digits = d.digits();
        int exponent = d.exponent();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return sign + mantissa + "e" + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    @Override
    public String toString() {
        return repr(value);
    }
}
