package org.gilectomy.runtime.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.Hashing;
import org.gilectomy.objects.Numbers;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBoundMethod;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** Numeric and character built-ins: abs, divmod, round, pow, hex, bin, oct, ord, chr, hash, id, callable. */
public final class NumberBuiltins {
    private NumberBuiltins() {
    }

    static void install(Builtins b) {
        b.function("abs", (a, off, n, kw) -> {
            Args.exactly("abs", n, 1, kw);
            PyObject x = a[off];
            if (x instanceof org.gilectomy.objects.PyComplex c) {
                return PyFloat.of(c.abs());
            }
            PyObject own = Ops.unaryDunderOrNull(x, "__abs__");
            if (own != null) {
                return own;
            }
            if (!Numbers.isNumber(x)) {
                throw PyExc.typeError("bad operand type for abs(): '" + x.type().name() + "'");
            }
            if (x instanceof PyFloat f) {
                return PyFloat.of(Math.abs(f.value));
            }
            PyObject zero = PyInt.of(0);
            return Numbers.unary(Ops.compare(CompareOp.LT, x, zero) ? '-' : '+', x); // the built-in number's, not an override's
        });
        b.function("divmod", (a, off, n, kw) -> {
            Args.between("divmod", n, 2, 2, kw);
            return divmod(a[off], a[off + 1]);
        });
        b.function("round", NumberBuiltins::round);
        b.function("pow", NumberBuiltins::pow);
        b.function("hex", (a, off, n, kw) -> radix("hex", a, off, n, kw, 16, "0x"));
        b.function("oct", (a, off, n, kw) -> radix("oct", a, off, n, kw, 8, "0o"));
        b.function("bin", (a, off, n, kw) -> radix("bin", a, off, n, kw, 2, "0b"));
        b.function("ord", (a, off, n, kw) -> {
            Args.exactly("ord", n, 1, kw);
            if (!(a[off] instanceof PyStr s)) {
                throw PyExc.typeError("ord() expected string of length 1, but " + a[off].type().name() + " found");
            }
            int cps = s.length();
            if (cps != 1) {
                throw PyExc.typeError("ord() expected a character, but string of length " + cps + " found");
            }
            return PyInt.of(s.codePointAt(0));
        });
        b.function("chr", (a, off, n, kw) -> {
            Args.exactly("chr", n, 1, kw);
            long c = Args.asLong(a[off]);
            if (c < 0 || c > 0x10ffff) {
                throw PyExc.valueError("chr() arg not in range(0x110000)");
            }
            return PyStr.ofCodePoint((int) c);
        });
        b.function("hash", (a, off, n, kw) -> {
            Args.exactly("hash", n, 1, kw);
            return PyInt.of(Hashing.hash(a[off]));
        });
        b.function("id", (a, off, n, kw) -> {
            Args.exactly("id", n, 1, kw);
            return PyInt.of(System.identityHashCode(a[off]) & 0xffffffffL);
        });
        b.function("callable", (a, off, n, kw) -> {
            Args.exactly("callable", n, 1, kw);
            return PyBool.of(Ops.isCallable(a[off]));
        });
    }

    private static PyObject divmod(PyObject x, PyObject y) {
        PyObject q;
        try {
            q = Ops.binary(BinaryOp.FLOORDIV, x, y);
        } catch (PyException e) {
            if (e.matches(PyExc.ZERO_DIVISION_ERROR) && (x instanceof PyFloat || y instanceof PyFloat)) {
                e.release();
                throw PyExc.zeroDivision("float divmod()");
            }
            if (e.matches(PyExc.TYPE_ERROR)) {
                e.release();
                throw PyExc.typeError("unsupported operand type(s) for divmod(): '" + x.type().name()
                        + "' and '" + y.type().name() + "'");
            }
            throw e;
        }
        PyObject r = Ops.binary(BinaryOp.MOD, x, y);
        return PyTuple.steal(new PyObject[] {q, r});
    }

    private static PyObject round(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("round", a, off, n, kw, 1, "number", "ndigits");
        PyObject x = p[0];
        boolean noDigits = p[1] == null || p[1] == PyNone.NONE;
        if (x instanceof PyFloat f) {
            double v = f.value;
            if (noDigits) {
                if (Double.isNaN(v)) {
                    throw PyExc.valueError("cannot convert float NaN to integer");
                }
                if (Double.isInfinite(v)) {
                    throw new PyException(PyExc.OVERFLOW_ERROR, "cannot convert float infinity to integer");
                }
                return PyInt.of(new BigDecimal(Math.rint(v)).toBigInteger());
            }
            long digits = Args.asLong(p[1]);
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0 || digits > 400) {
                return PyFloat.of(v);
            }
            if (digits < -400) {
                return PyFloat.of(0.0 * Math.signum(v));
            }
            // The exact binary value rounded half-even, as CPython's correctly rounded round().
            double r = new BigDecimal(v).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
            return PyFloat.of(r == 0 ? Math.copySign(0.0, v) : r);
        }
        if (x instanceof PyInt || x instanceof PyBool) {
            if (noDigits) {
                return PyInt.of(((x instanceof PyBool bo) ? BigInteger.valueOf(bo.value ? 1 : 0) : ((PyInt) x).toBigInteger()));
            }
            long digits = Args.asLong(p[1]);
            BigInteger v = x instanceof PyBool bo ? BigInteger.valueOf(bo.value ? 1 : 0) : ((PyInt) x).toBigInteger();
            if (digits >= 0) {
                return PyInt.of(v);
            }
            return PyInt.of(new BigDecimal(v).setScale((int) digits, RoundingMode.HALF_EVEN).toBigIntegerExact());
        }
        throw PyExc.typeError("type " + x.type().name() + " doesn't define __round__ method");
    }

    private static PyObject pow(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("pow", a, off, n, kw, 2, "base", "exp", "mod");
        if (p[2] == null || p[2] == PyNone.NONE) {
            return Ops.binary(BinaryOp.POW, p[0], p[1]);
        }
        if (!(isInt(p[0]) && isInt(p[1]) && isInt(p[2]))) {
            throw PyExc.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger base = big(p[0]);
        BigInteger exp = big(p[1]);
        BigInteger mod = big(p[2]);
        if (mod.signum() == 0) {
            throw PyExc.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger m = mod.abs();
        BigInteger r;
        if (exp.signum() < 0) {
            try {
                r = base.modInverse(m).modPow(exp.negate(), m);
            } catch (ArithmeticException e) {
                throw PyExc.valueError("base is not invertible for the given modulus");
            }
        } else {
            r = base.modPow(exp, m);
        }
        if (mod.signum() < 0 && r.signum() != 0) {
            r = r.add(mod); // the result takes the modulus's sign, as Python's %
        }
        return PyInt.of(r);
    }

    private static boolean isInt(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool;
    }

    public static BigInteger big(PyObject o) {
        return o instanceof PyBool b ? BigInteger.valueOf(b.value ? 1 : 0) : ((PyInt) o).toBigInteger();
    }

    private static PyObject radix(String fn, PyObject[] a, int off, int n, PyTuple kw, int radix, String prefix) {
        Args.exactly(fn, n, 1, kw);
        if (!isInt(a[off])) {
            throw PyExc.typeError("'" + a[off].type().name() + "' object cannot be interpreted as an integer");
        }
        BigInteger v = big(a[off]);
        String digits = v.abs().toString(radix);
        return PyStr.of((v.signum() < 0 ? "-" : "") + prefix + digits);
    }
}
