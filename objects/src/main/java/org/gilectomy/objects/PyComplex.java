package org.gilectomy.objects;

import java.math.BigDecimal;

/**
 * {@code complex}: two IEEE doubles, with CPython 3.11's arithmetic (an int or float operand is
 * first made a complex with a zero imaginary part, as 3.11 does), its division and power
 * algorithms, error messages and repr.
 */
public final class PyComplex extends PyObject {
    public static final PyType TYPE = new PyType("complex", null);

    public final double real;
    public final double imag;

    public PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    // ------------------------------------------------------------------ arithmetic

    /** {@code a op b} when either is complex and both are numbers; null otherwise (TypeError follows). */
    static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        if (!isOperand(a) || !isOperand(b)) {
            return null;
        }
        double ar = realOf(a);
        double ai = a instanceof PyComplex c ? c.imag : 0.0;
        double br = realOf(b);
        double bi = b instanceof PyComplex c ? c.imag : 0.0;
        return switch (op) {
            case ADD -> new PyComplex(ar + br, ai + bi);
            case SUB -> new PyComplex(ar - br, ai - bi);
            case MUL -> new PyComplex(ar * br - ai * bi, ar * bi + ai * br);
            case TRUEDIV -> {
                double[] q = quotient(ar, ai, br, bi);
                if (q == null) {
                    throw PyExc.zeroDivision("complex division by zero");
                }
                yield new PyComplex(q[0], q[1]);
            }
            case POW -> power(ar, ai, br, bi);
            default -> null;
        };
    }

    private static boolean isOperand(PyObject o) {
        return o instanceof PyComplex || Numbers.isNumber(o);
    }

    private static double realOf(PyObject o) {
        return o instanceof PyComplex c ? c.real : Numbers.toDouble(o);
    }

    /** CPython's _Py_c_quot (Smith's method); null for a zero divisor. */
    private static double[] quotient(double ar, double ai, double br, double bi) {
        double absR = Math.abs(br);
        double absI = Math.abs(bi);
        if (absR >= absI) {
            if (absR == 0.0) {
                return null;
            }
            double ratio = bi / br;
            double denom = br + bi * ratio;
            return new double[] {(ar + ai * ratio) / denom, (ai - ar * ratio) / denom};
        }
        if (absI >= absR) {
            double ratio = br / bi;
            double denom = br * ratio + bi;
            return new double[] {(ar * ratio + ai) / denom, (ai * ratio - ar) / denom};
        }
        return new double[] {Double.NaN, Double.NaN}; // a NaN in the divisor
    }

    private static final String ZERO_POWER = "0.0 to a negative or complex power";

    /** CPython's complex_pow: repeated squaring for small integral exponents, else polar form. */
    private static PyObject power(double ar, double ai, double br, double bi) {
        double[] r;
        if (bi == 0.0 && br == Math.floor(br) && Math.abs(br) <= 100.0) {
            long n = (long) br;
            r = powu(ar, ai, Math.abs(n));
            if (n < 0) {
                r = quotient(1.0, 0.0, r[0], r[1]);
                if (r == null) {
                    throw PyExc.zeroDivision(ZERO_POWER);
                }
            }
        } else if (br == 0.0 && bi == 0.0) {
            r = new double[] {1.0, 0.0};
        } else if (ar == 0.0 && ai == 0.0) {
            if (bi != 0.0 || br < 0.0) {
                throw PyExc.zeroDivision(ZERO_POWER);
            }
            r = new double[] {0.0, 0.0};
        } else {
            double vabs = Math.hypot(ar, ai);
            double len = Math.pow(vabs, br);
            double at = Math.atan2(ai, ar);
            double phase = at * br;
            if (bi != 0.0) {
                len /= Math.exp(at * bi);
                phase += bi * Math.log(vabs);
            }
            r = new double[] {len * Math.cos(phase), len * Math.sin(phase)};
        }
        if (Double.isInfinite(r[0]) || Double.isInfinite(r[1])) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "complex exponentiation");
        }
        return new PyComplex(r[0], r[1]);
    }

    private static double[] powu(double xr, double xi, long n) {
        double rr = 1.0;
        double ri = 0.0;
        double pr = xr;
        double pi = xi;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) {
                double t = rr * pr - ri * pi;
                ri = rr * pi + ri * pr;
                rr = t;
            }
            double t = pr * pr - pi * pi;
            pi = pr * pi + pi * pr;
            pr = t;
        }
        return new double[] {rr, ri};
    }

    /** A negative float to a fractional power, which CPython's float_pow hands to complex. */
    static PyObject floatPower(double x, double y) {
        return power(x, 0.0, y, 0.0);
    }

    public PyComplex negate() {
        return new PyComplex(-real, -imag);
    }

    /** {@code abs(z)}: the hypotenuse; OverflowError if it is infinite but the parts are not. */
    public double abs() {
        double r = Math.hypot(real, imag);
        if (Double.isInfinite(r) && Double.isFinite(real) && Double.isFinite(imag)) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "absolute value too large");
        }
        return r;
    }

    // ------------------------------------------------------------------ equality, hash, repr

    /** {@code a == b} when either is complex: null if the other is not a number (identity decides). */
    static Boolean equal(PyObject a, PyObject b) {
        if (!isOperand(a) || !isOperand(b)) {
            return null;
        }
        PyComplex c = a instanceof PyComplex x ? x : (PyComplex) b;
        PyObject other = c == a ? b : a;
        if (other instanceof PyComplex d) {
            return c.real == d.real && c.imag == d.imag;
        }
        return c.imag == 0 && equalsReal(c.real, other);
    }

    /** Whether the double equals the int or float exactly (2**53 + 1 != 2.0**53). */
    private static boolean equalsReal(double x, PyObject n) {
        if (n instanceof PyFloat f) {
            return x == f.value;
        }
        if (!Double.isFinite(x)) {
            return false;
        }
        return new BigDecimal(Numbers.big(n)).compareTo(new BigDecimal(x)) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyObject p && Boolean.TRUE.equals(equal(this, p));
    }

    @Override
    public int hashCode() {
        return imag == 0 ? PyFloat.javaHash(real) : 31 * Double.hashCode(real) + Double.hashCode(imag);
    }

    /** One part of the repr: float's repr without a trailing ".0", with a sign if asked. */
    private static String part(double v, boolean sign) {
        String s = PyFloat.repr(v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return sign && !s.startsWith("-") ? "+" + s : s;
    }

    @Override
    public String toString() {
        if (real == 0 && Math.copySign(1.0, real) == 1.0) {
            return part(imag, false) + "j";
        }
        return "(" + part(real, false) + part(imag, true) + "j)";
    }
}
