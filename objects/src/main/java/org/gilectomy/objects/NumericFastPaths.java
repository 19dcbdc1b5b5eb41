package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * The eval loop's fast paths for arithmetic and comparison on the operands programs mostly
 * use: a long-sized {@code int} with another, a {@code float} with a {@code float} or a
 * long-sized {@code int}. No dispatch through {@link Ops} and {@link Numbers}, no allocation
 * beyond the result, a switch over compile-time constants.
 *
 * <p>A fast path covers a case only where its result is exactly the general path's; anything
 * else (an overflow into a big int, a division by zero and its message, {@code bool}, big
 * ints, float {@code //} and {@code %}, other types) answers "not covered" and the caller takes
 * the general path, which raises the errors and handles every other type.
 */
public final class NumericFastPaths {
    // BinaryOp ordinals as constants (checked below), so that the switches are table jumps.
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int TRUEDIV = 3;
    static final int FLOORDIV = 4;
    static final int MOD = 5;
    static final int POW = 6;
    static final int AND = 9;
    static final int OR = 10;
    static final int XOR = 11;
    // CompareOp ordinals
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;
    static final int IS = 6;
    static final int IS_NOT = 7;

    /** compare(): the operands are not covered. */
    public static final int NOT_COVERED = -1;

    /**
     * Longs of at most this magnitude convert to double exactly (Math.abs(Long.MIN_VALUE) is
     * negative and passes the test: -2^63 is exact too).
     */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    static {
        if (BinaryOp.ADD.ordinal() != ADD || BinaryOp.SUB.ordinal() != SUB || BinaryOp.MUL.ordinal() != MUL
                || BinaryOp.TRUEDIV.ordinal() != TRUEDIV || BinaryOp.FLOORDIV.ordinal() != FLOORDIV
                || BinaryOp.MOD.ordinal() != MOD || BinaryOp.POW.ordinal() != POW || BinaryOp.AND.ordinal() != AND
                || BinaryOp.OR.ordinal() != OR || BinaryOp.XOR.ordinal() != XOR
                || CompareOp.EQ.ordinal() != EQ || CompareOp.NE.ordinal() != NE || CompareOp.LT.ordinal() != LT
                || CompareOp.LE.ordinal() != LE || CompareOp.GT.ordinal() != GT || CompareOp.GE.ordinal() != GE
                || CompareOp.IS.ordinal() != IS || CompareOp.IS_NOT.ordinal() != IS_NOT) {
            throw new ExceptionInInitializerError("NumericFastPaths: operator ordinals changed");
        }
    }

    private NumericFastPaths() {
    }

    /**
     * {@code a op b} ({@code op} a {@link BinaryOp} ordinal) as a new reference, or null when
     * not covered. Operands borrowed.
     */
    public static PyObject binary(int op, PyObject a, PyObject b) {
        return binary(op, a, b, false);
    }

    /**
     * {@link #binary}, for a caller that owns a reference to each operand and drops both right
     * after (the eval loop): an int or float operand that nothing else references
     * ({@link RefCount#isSoleReference}) takes the result in place, as a new reference,
     * instead of being freed while a new object is allocated.
     */
    public static PyObject binaryReusing(int op, PyObject a, PyObject b) {
        return binary(op, a, b, true);
    }

    // Exact classes only (getClass() ==, as cheap as instanceof of a final class, and the casts
    // after it are free): an instance of a Python subclass of int or float may override the
    // operator and must never be rewritten in place; it takes the general path.
    private static PyObject binary(int op, PyObject a, PyObject b, boolean reuse) {
        Class<?> ca = a.getClass();
        Class<?> cb = b.getClass();
        if (ca == PyInt.class) {
            PyInt x = (PyInt) a;
            if (x.big == null) {
                if (cb == PyInt.class && ((PyInt) b).big == null) {
                    return longs(op, x, (PyInt) b, reuse);
                }
                if (cb == PyFloat.class) {
                    return doubles(op, (double) x.value, ((PyFloat) b).value, a, b, reuse); // rounds as CPython's int -> float
                }
            }
        } else if (ca == PyFloat.class) {
            double x = ((PyFloat) a).value;
            if (cb == PyFloat.class) {
                return doubles(op, x, ((PyFloat) b).value, a, b, reuse);
            }
            if (cb == PyInt.class && ((PyInt) b).big == null) {
                return doubles(op, x, (double) ((PyInt) b).value, a, b, reuse);
            }
        }
        return null;
    }

    private static PyObject longs(int op, PyInt a, PyInt b, boolean reuse) {
        long x = a.value;
        long y = b.value;
        long r;
        switch (op) {
            case ADD:
                r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) {
                    return null; // overflow: a big int
                }
                break;
            case SUB:
                r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    return null;
                }
                break;
            case MUL: {
                long hi = Math.multiplyHigh(x, y);
                r = x * y;
                if (!((hi == 0 && r >= 0) || (hi == -1 && r < 0))) {
                    return null;
                }
                break;
            }
            case FLOORDIV:
                if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                    return null; // ZeroDivisionError, or 2^63
                }
                r = Math.floorDiv(x, y);
                break;
            case MOD:
                if (y == 0) {
                    return null;
                }
                r = Math.floorMod(x, y);
                break;
            case TRUEDIV:
                // Both exact as doubles: one rounding, as CPython's correctly rounded int / int.
                return y == 0 || Math.abs(x) > EXACT_IN_DOUBLE || Math.abs(y) > EXACT_IN_DOUBLE
                        ? null : PyFloat.of((double) x / (double) y);
            case AND:
                r = x & y;
                break;
            case OR:
                r = x | y;
                break;
            case XOR:
                r = x ^ y;
                break;
            default:
                return null;
        }
        if (reuse && (r < PyInt.SMALL_MIN || r > PyInt.SMALL_MAX)) { // small ints: the shared ones
            if (RefCount.isSoleReference(a)) {
                a.value = r;
                RefCount.incref(a);
                return a;
            }
            if (b != a && RefCount.isSoleReference(b)) {
                b.value = r;
                RefCount.incref(b);
                return b;
            }
        }
        return PyInt.of(r);
    }

    private static PyObject doubles(int op, double x, double y, PyObject a, PyObject b, boolean reuse) {
        double r;
        switch (op) {
            case ADD:
                r = x + y;
                break;
            case SUB:
                r = x - y;
                break;
            case MUL:
                r = x * y;
                break;
            case TRUEDIV:
                if (y == 0) {
                    return null;
                }
                r = x / y;
                break;
            case POW:
                if (!(x > 0)) {
                    return null; // zero and negative bases: the general path
                }
                r = Math.pow(x, y);
                if (Double.isInfinite(r)) {
                    return null; // overflow (OverflowError) or an infinite operand: the general path
                }
                break;
            default:
                return null; // //, % (their own rounding rules), the int-only operators (TypeError)
        }
        if (reuse) {
            if (a instanceof PyFloat f && RefCount.isSoleReference(f)) {
                f.value = r;
                RefCount.incref(f);
                return f;
            }
            if (b instanceof PyFloat f && b != a && RefCount.isSoleReference(f)) {
                f.value = r;
                RefCount.incref(f);
                return f;
            }
        }
        return PyFloat.of(r);
    }

    /**
     * {@code a op b} ({@code op} a {@link CompareOp} ordinal): 1 for true, 0 for false, or
     * {@link #NOT_COVERED}.
     */
    public static int compare(int op, PyObject a, PyObject b) {
        Class<?> ca = a.getClass(); // exact classes only, as in binary()
        Class<?> cb = b.getClass();
        if (ca == PyInt.class && ((PyInt) a).big == null) {
            long x = ((PyInt) a).value;
            if (cb == PyInt.class && ((PyInt) b).big == null) {
                int c = Long.compare(x, ((PyInt) b).value);
                if (op <= GE) {
                    return byOrder(op, c);
                }
            } else if (cb == PyFloat.class && Math.abs(x) <= EXACT_IN_DOUBLE) {
                return compareDoubles(op, (double) x, ((PyFloat) b).value);
            }
        } else if (ca == PyFloat.class) {
            double x = ((PyFloat) a).value;
            if (cb == PyFloat.class) {
                return compareDoubles(op, x, ((PyFloat) b).value);
            }
            if (cb == PyInt.class && ((PyInt) b).big == null && Math.abs(((PyInt) b).value) <= EXACT_IN_DOUBLE) {
                return compareDoubles(op, x, (double) ((PyInt) b).value);
            }
        }
        if (op == IS) {
            return a == b ? 1 : 0;
        }
        if (op == IS_NOT) {
            return a != b ? 1 : 0;
        }
        return NOT_COVERED;
    }

    /** NaN is unordered and unequal to everything (as IEEE and Python say); -0.0 == 0.0. */
    private static int compareDoubles(int op, double l, double r) {
        if (op > GE) {
            return NOT_COVERED;
        }
        if (l != l || r != r) {
            return op == NE ? 1 : 0;
        }
        return byOrder(op, l < r ? -1 : l > r ? 1 : 0);
    }

    /** Whether the order {@code c} (negative, zero, positive) satisfies {@code op} (EQ..GE). */
    private static int byOrder(int op, int c) {
        boolean r;
        switch (op) {
            case EQ:
                r = c == 0;
                break;
            case NE:
                r = c != 0;
                break;
            case LT:
                r = c < 0;
                break;
            case LE:
                r = c <= 0;
                break;
            case GT:
                r = c > 0;
                break;
            default:
                r = c >= 0;
                break;
        }
        return r ? 1 : 0;
    }
}
