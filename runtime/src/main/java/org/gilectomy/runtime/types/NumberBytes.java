package org.gilectomy.runtime.types;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.runtime.interp.Params;

/**
 * Conversions of numbers to and from other representations: {@code int.to_bytes},
 * {@code int.from_bytes}, {@code float.hex} and {@code float.fromhex}, with CPython 3.11's
 * defaults (length 1, big-endian) and errors.
 */
public final class NumberBytes {
    private NumberBytes() {
    }

    public static void install() {
        PyInt.TYPE.addMethod("to_bytes", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("to_bytes", a, off + 1, n - 1, kw, 0, "length", "byteorder", "signed");
            return PyBytes.wrap(toBytes(a[off], Params.optLong(p[0], 1), little(p[1]),
                    p[2] != null && org.gilectomy.objects.Ops.isTrue(p[2])));
        });
        // class methods: reached as int.from_bytes / float.fromhex, the type is then not an argument
        PyInt.TYPE.addMethod("from_bytes", (a, off, n, kw) -> {
            int skip = n > 0 && a[off] instanceof PyType ? 1 : 0;
            PyObject[] p = Params.bind("from_bytes", a, off + skip, n - skip, kw, 1, "bytes", "byteorder", "signed");
            byte[] c = BytesLike.fromIterable(p[0]);
            boolean little = little(p[1]);
            byte[] bigEndian = new byte[c.length + 1]; // a leading zero keeps an unsigned value positive
            for (int i = 0; i < c.length; i++) {
                bigEndian[i + 1] = little ? c[c.length - 1 - i] : c[i];
            }
            BigInteger v = new BigInteger(bigEndian);
            if (p[2] != null && org.gilectomy.objects.Ops.isTrue(p[2]) && c.length > 0 && v.testBit(8 * c.length - 1)) {
                v = v.subtract(BigInteger.ONE.shiftLeft(8 * c.length));
            }
            return PyInt.of(v);
        });
        PyFloat.TYPE.addMethod("hex", (a, off, n, kw) -> {
            org.gilectomy.objects.Args.exactly("float.hex", n - 1, 0, kw);
            return PyStr.of(hex(((PyFloat) a[off]).value));
        });
        PyFloat.TYPE.addMethod("fromhex", (a, off, n, kw) -> {
            int skip = n > 0 && a[off] instanceof PyType ? 1 : 0;
            org.gilectomy.objects.Args.exactly("fromhex", n - skip, 1, kw);
            return PyFloat.of(fromHex(Params.str(a[off + skip])));
        });
    }

    private static boolean little(PyObject order) {
        String s = order == null ? "big" : Params.str(order);
        if (!s.equals("big") && !s.equals("little")) {
            throw PyExc.valueError("byteorder must be either 'little' or 'big'");
        }
        return s.equals("little");
    }

    private static byte[] toBytes(PyObject self, long length, boolean little, boolean signed) {
        if (length < 0) {
            throw PyExc.valueError("length argument must be non-negative");
        }
        BigInteger v = self instanceof PyInt i ? i.toBigInteger() : BigInteger.valueOf(org.gilectomy.objects.Args.asLong(self));
        if (!signed && v.signum() < 0) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "can't convert negative int to unsigned");
        }
        int bits = signed ? v.bitLength() + 1 : v.bitLength();
        if (bits > 8 * length) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "int too big to convert");
        }
        byte[] twos = v.toByteArray(); // big-endian two's complement, minimal length
        byte[] out = new byte[(int) length];
        byte fill = (byte) (v.signum() < 0 ? 0xff : 0);
        for (int i = 0; i < length; i++) {
            int src = twos.length - 1 - i; // i-th byte from the least significant end
            byte b = src >= 0 ? twos[src] : fill;
            out[little ? i : (int) length - 1 - i] = b;
        }
        return out;
    }

    /** CPython's float.hex: 13 hex digits of mantissa and a signed decimal exponent. */
    static String hex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(d);
        String sign = bits < 0 ? "-" : "";
        if (d == 0) {
            return sign + "0x0.0p+0";
        }
        int e = (int) ((bits >>> 52) & 0x7ff);
        long m = bits & ((1L << 52) - 1);
        int exp = e == 0 ? -1022 : e - 1023;
        return sign + "0x" + (e == 0 ? "0" : "1") + "." + String.format("%013x", m) + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    private static final Pattern HEX_FLOAT = Pattern.compile(
            "([+-]?)(?:0x)?([0-9a-f]*)(?:\\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?");

    /** CPython's float.fromhex, rounded to nearest by Java's own hex-float reader. */
    static double fromHex(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        Matcher m = HEX_FLOAT.matcher(s);
        String whole = m.matches() ? m.group(2) : "";
        String frac = m.matches() && m.group(3) != null ? m.group(3) : "";
        if (!m.matches() || whole.isEmpty() && frac.isEmpty()) {
            throw PyExc.valueError("invalid hexadecimal floating-point string");
        }
        String exp = m.group(4) == null ? "0" : m.group(4);
        if (exp.replaceFirst("^[+-]?0*", "").length() > 9) { // far beyond any double: Java would misread it
            exp = exp.startsWith("-") ? "-99999" : "99999";
        }
        double v = Double.parseDouble("0x" + (whole.isEmpty() ? "0" : whole) + "." + frac + "p" + exp);
        if (Double.isInfinite(v)) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "hexadecimal value too large to represent as a float");
        }
        return negative ? -v : v;
    }
}
