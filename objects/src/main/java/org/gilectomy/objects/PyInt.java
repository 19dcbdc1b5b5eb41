package org.gilectomy.objects;

import java.math.BigInteger;
import org.gilectomy.refcount.RefCount;

/**
 * {@code int}: arbitrary precision. Values that fit in a long are held in {@link #value}
 * ({@link #big} null); others in {@link #big}. The small ints -5..256 are preallocated, as in
 * CPython, so the commonest results cost no allocation (and, faithfully, share a header that
 * every thread counts on).
 */
public class PyInt extends PyObject {
    public static final PyType TYPE = new PyType("int", null);

    static final int SMALL_MIN = -5;
    static final int SMALL_MAX = 256;
    static final PyInt[] SMALL = new PyInt[SMALL_MAX - SMALL_MIN + 1];
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new PyInt(i + SMALL_MIN, STATIC_REFS);
        }
    }

    /**
     * Set at creation; also rewritten in place by {@link NumericFastPaths} when the eval loop
     * holds the only reference to a temporary (so no other code can see the change).
     */
    public long value;
    public final BigInteger big; // null when the value fits in a long

    private PyInt(long value) {
        this.value = value;
        this.big = null;
        plainFreeIfExactly(PyInt.class); // an int owns nothing: its free is the header's alone
    }

    private PyInt(long value, int refs) {
        super(refs);
        this.value = value;
        this.big = null;
    }

    /** For {@link BuiltinSubclasses}: {@code value} and {@code big} as in an existing int. */
    PyInt(long value, BigInteger big) {
        this.value = value;
        this.big = big;
    }

    private PyInt(BigInteger big) {
        this.value = 0;
        this.big = big;
        plainFreeIfExactly(PyInt.class);
    }

    /** A new reference to the int {@code v}. */
    public static PyInt of(long v) {
        if (v >= SMALL_MIN && v <= SMALL_MAX) {
            PyInt r = SMALL[(int) v - SMALL_MIN];
            RefCount.incref(r);
            return r;
        }
        return new PyInt(v);
    }

    /** A new reference, normalised to the long form when it fits. */
    public static PyInt of(BigInteger v) {
        if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
            return of(v.longValue());
        }
        return new PyInt(v);
    }

    public boolean isBig() {
        return big != null;
    }

    public BigInteger toBigInteger() {
        return big != null ? big : BigInteger.valueOf(value);
    }

    public double toDouble() {
        return big != null ? big.doubleValue() : (double) value;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Python {@code ==} between ints, bools and floats, for Java equality of dict keys. */
    static boolean numericEquals(PyObject a, Object b) {
        if (b instanceof PyComplex c) {
            return c.equals(a);
        }
        if (!(b instanceof PyObject) || !Numbers.isNumber((PyObject) b)) {
            return false;
        }
        return Numbers.compare(a, (PyObject) b) == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PyInt other) {
            return big == null ? other.big == null && value == other.value : big.equals(other.big);
        }
        return numericEquals(this, o);
    }

    @Override
    public int hashCode() {
        return big == null ? Long.hashCode(value) : big.hashCode();
    }

    @Override
    public String toString() {
        return big != null ? decimal(big) : Long.toString(value);
    }

    /** CPython 3.11's default cap on decimal conversions of ints, and the least non-zero cap. */
    public static final int DEFAULT_MAX_STR_DIGITS = 4300;
    public static final int MIN_MAX_STR_DIGITS = 640;
    private static final String RAISE_LIMIT = "; use sys.set_int_max_str_digits() to increase the limit";
    /** sys.set_int_max_str_digits: the cap, 0 for none (a long has fewer digits than any cap). */
    private static volatile int maxStrDigits = DEFAULT_MAX_STR_DIGITS;

    public static int maxStrDigits() {
        return maxStrDigits;
    }

    public static void setMaxStrDigits(long n) {
        if (n != 0 && n < MIN_MAX_STR_DIGITS) {
            throw PyExc.valueError("maxdigits must be 0 or larger than " + MIN_MAX_STR_DIGITS);
        }
        maxStrDigits = (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * {@code str(v)} in decimal, or CPython's ValueError when it has more digits than the cap
     * (a quadratic conversion CPython refuses, so a program relying on it fails there).
     */
    public static String decimal(BigInteger v) {
        int limit = maxStrDigits;
        // More than (bits - 1) * log10(2) digits: over the cap without converting.
        if (limit > 0 && (v.bitLength() - 1) * 0.30102999566398120 >= limit) {
            throw overLimit("");
        }
        String s = v.toString();
        if (limit > 0 && s.length() - (v.signum() < 0 ? 1 : 0) > limit) {
            throw overLimit("");
        }
        return s;
    }

    /** int(text, base) with {@code digits} digits in a base that is not a power of two: refused over the cap. */
    public static void checkParsedDigits(int digits) {
        int limit = maxStrDigits;
        if (limit > 0 && digits > limit) {
            throw overLimit(": value has " + digits + " digits");
        }
    }

    private static PyException overLimit(String detail) {
        return PyExc.valueError("Exceeds the limit (" + maxStrDigits + " digits) for integer string conversion"
                + detail + RAISE_LIMIT);
    }
}
