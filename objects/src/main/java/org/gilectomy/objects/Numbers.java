package org.gilectomy.objects;

import java.math.BigInteger;

/**
 * Arithmetic on {@code int}, {@code bool} and {@code float} with Python's semantics: ints
 * never overflow (long fast path, BigInteger beyond), {@code //} and {@code %} floor, mixed
 * operations promote to float. Every method returns a new reference, or null when the operands
 * are not both numbers (the caller then tries other types or raises TypeError).
 */
public final class Numbers {
    private Numbers() {
    }

    public static boolean isNumber(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool || o instanceof PyFloat;
    }

    /** An int-like operand (int or bool) as a PyInt-compatible view; null otherwise. */
    static boolean isIntLike(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool;
    }

    static long smallValue(PyObject o) {
        return o instanceof PyBool b ? (b.value ? 1 : 0) : ((PyInt) o).value;
    }

    static boolean isBig(PyObject o) {
        return o instanceof PyInt i && i.big != null;
    }

    static BigInteger big(PyObject o) {
        return o instanceof PyInt i ? i.toBigInteger() : BigInteger.valueOf(smallValue(o));
    }

    public static double toDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value;
        }
        if (o instanceof PyInt i) {
            double d = i.toDouble();
            if (Double.isInfinite(d)) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "int too large to convert to float");
            }
            return d;
        }
        return smallValue(o);
    }

    /** Binary arithmetic; {@code op} is one of the {@link BinaryOp} constants. */
    public static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        if (a instanceof PyComplex || b instanceof PyComplex) {
            return PyComplex.binary(op, a, b);
        }
        if (op == BinaryOp.MATMUL || !isNumber(a) || !isNumber(b)) {
            return null;
        }
        if (isIntLike(a) && isIntLike(b)) {
            if (op == BinaryOp.TRUEDIV) {
                return trueDivide(a, b);
            }
            if (!isBig(a) && !isBig(b)) {
                return longOp(op, smallValue(a), smallValue(b));
            }
            return bigOp(op, big(a), big(b));
        }
        if (op.intOnly) {
            return null;
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (op == BinaryOp.POW && x < 0 && Double.isFinite(x) && Double.isFinite(y) && y != Math.rint(y)) {
            return PyComplex.floatPower(x, y); // a negative number to a fractional power, as CPython's float_pow
        }
        return PyFloat.of(floatOp(op, x, y));
    }

    private static PyObject longOp(BinaryOp op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) {
                    return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
                }
                return PyInt.of(r);
            }
            case SUB: {
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
                }
                return PyInt.of(r);
            }
            case MUL: {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return PyInt.of(lo);
                }
                return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
            }
            case FLOORDIV:
                if (y == 0) {
                    throw PyExc.zeroDivision("integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
                }
                return PyInt.of(Math.floorDiv(x, y));
            case MOD:
                if (y == 0) {
                    throw PyExc.zeroDivision("integer modulo by zero");
                }
                return PyInt.of(Math.floorMod(x, y));
            case AND:
                return PyInt.of(x & y);
            case OR:
                return PyInt.of(x | y);
            case XOR:
                return PyInt.of(x ^ y);
            case LSHIFT:
                if (y < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                if (y < 63 && (x == 0 || Long.numberOfLeadingZeros(Math.abs(x)) > y + 1)) {
                    return PyInt.of(x << y);
                }
                return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
            case RSHIFT:
                if (y < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                return PyInt.of(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
            default:
                return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
        }
    }

    private static PyObject bigOp(BinaryOp op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD:
                return PyInt.of(x.add(y));
            case SUB:
                return PyInt.of(x.subtract(y));
            case MUL:
                return PyInt.of(x.multiply(y));
            case FLOORDIV:
            case MOD: {
                if (y.signum() == 0) {
                    throw PyExc.zeroDivision(op == BinaryOp.MOD ? "integer modulo by zero"
                            : "integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                BigInteger r = qr[1];
                if (r.signum() != 0 && r.signum() != y.signum()) {
                    q = q.subtract(BigInteger.ONE);
                    r = r.add(y);
                }
                return PyInt.of(op == BinaryOp.FLOORDIV ? q : r);
            }
            case POW:
                if (y.signum() < 0) {
                    return PyFloat.of(Math.pow(x.doubleValue(), y.doubleValue()));
                }
                if (y.bitLength() > 31) {
                    throw new PyException(PyExc.OVERFLOW_ERROR, "exponent too large");
                }
                return PyInt.of(x.pow(y.intValueExact()));
            case AND:
                return PyInt.of(x.and(y));
            case OR:
                return PyInt.of(x.or(y));
            case XOR:
                return PyInt.of(x.xor(y));
            case LSHIFT:
                if (y.signum() < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                return PyInt.of(x.shiftLeft(y.intValueExact()));
            case RSHIFT:
                if (y.signum() < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                return PyInt.of(y.bitLength() > 31 ? (x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO)
                        : x.shiftRight(y.intValue()));
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** int / int, correctly rounded as CPython's (not a division of two rounded doubles). */
    private static PyObject trueDivide(PyObject a, PyObject b) {
        BigInteger n = big(a);
        BigInteger d = big(b);
        if (d.signum() == 0) {
            throw PyExc.zeroDivision("division by zero");
        }
        if (n.bitLength() <= 53 && d.bitLength() <= 53) {
            return PyFloat.of(n.doubleValue() / d.doubleValue()); // both exact: one rounding
        }
        boolean negative = n.signum() != d.signum() && n.signum() != 0;
        n = n.abs();
        d = d.abs();
        // Scale so that the quotient has at least 55 bits, then keep a sticky bit for the
        // remainder: BigInteger.doubleValue() then rounds once, to nearest even, correctly.
        int shift = 55 + d.bitLength() - n.bitLength();
        BigInteger[] qr = (shift >= 0 ? n.shiftLeft(shift) : n).divideAndRemainder(shift >= 0 ? d : d.shiftLeft(-shift));
        BigInteger q = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            q = q.setBit(0);
        }
        double r = Math.scalb(q.doubleValue(), -shift - 1);
        if (Double.isInfinite(r)) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "integer division result too large for a float");
        }
        return PyFloat.of(negative ? -r : r);
    }

    private static double floatOp(BinaryOp op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                if (y == 0) {
                    throw PyExc.zeroDivision("float division by zero");
                }
                return x / y;
            case FLOORDIV:
                if (y == 0) {
                    throw PyExc.zeroDivision("float floor division by zero");
                }
                return floorDivide(x, y);
            case MOD: {
                if (y == 0) {
                    throw PyExc.zeroDivision("float modulo");
                }
                double r = x % y;
                if (r == 0) {
                    return Math.copySign(0.0, y); // a zero remainder takes the divisor's sign, as in CPython
                }
                if ((r < 0) != (y < 0)) {
                    r += y;
                }
                return r;
            }
            case POW:
                if (x == 0 && y < 0) {
                    throw PyExc.zeroDivision("0.0 cannot be raised to a negative power");
                }
                double r = Math.pow(x, y);
                if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                    throw new PyException(PyExc.OVERFLOW_ERROR, "(34, 'Numerical result out of range')"); // C's ERANGE
                }
                return r;
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** Three-way numeric comparison; both operands must be numbers. NaN compares unequal to all. */
    public static int compare(PyObject a, PyObject b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (!isBig(a) && !isBig(b)) {
                return Long.compare(smallValue(a), smallValue(b));
            }
            return big(a).compareTo(big(b));
        }
        if (!(a instanceof PyFloat fa && b instanceof PyFloat fb)) {
            return compareIntFloat(a, b);
        }
        double x = fa.value;
        double y = fb.value;
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return 2; // unordered: neither <, ==, nor >
        }
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
    }

    /** An int against a float, exactly (as CPython: 2**53 + 1 != 2.0**53). */
    private static int compareIntFloat(PyObject a, PyObject b) {
        boolean floatFirst = a instanceof PyFloat;
        double d = ((PyFloat) (floatFirst ? a : b)).value;
        if (Double.isNaN(d)) {
            return 2;
        }
        int c; // int against float
        if (Double.isInfinite(d)) {
            c = d > 0 ? -1 : 1;
        } else {
            c = new java.math.BigDecimal(big(floatFirst ? b : a)).compareTo(new java.math.BigDecimal(d));
        }
        return floatFirst ? -c : c;
    }

    /** Unary minus, plus, invert on numbers; null if not a number. */
    public static PyObject unary(char op, PyObject a) {
        if (isIntLike(a)) {
            if (!isBig(a)) {
                long v = smallValue(a);
                switch (op) {
                    case '-':
                        return v == Long.MIN_VALUE ? PyInt.of(BigInteger.valueOf(v).negate()) : PyInt.of(-v);
                    case '+':
                        return PyInt.of(v);
                    default:
                        return PyInt.of(~v);
                }
            }
            BigInteger v = big(a);
            return PyInt.of(op == '-' ? v.negate() : op == '+' ? v : v.not());
        }
        if (a instanceof PyComplex c && op != '~') {
            return op == '-' ? c.negate() : new PyComplex(c.real, c.imag);
        }
        if (a instanceof PyFloat f && op != '~') {
            return PyFloat.of(op == '-' ? -f.value : f.value);
        }
        return null;
    }

    /**
     * {@code x // y} for floats as CPython's float_divmod computes it: from the remainder, not
     * from {@code floor(x / y)}, so that an infinite dividend gives nan (its remainder is nan)
     * and a quotient that {@code x / y} rounds up is not one too big.
     */
    static double floorDivide(double x, double y) {
        double mod = x % y; // C's fmod
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }
}
