package org.gilectomy.objects;

import java.math.BigInteger;
import org.gilectomy.refcount.RefCount;

/**
 * Python's {@code hash()}: the values CPython 3.11 computes for ints, floats, bools and tuples,
 * so that a set of such keys lays out its table, and so iterates, exactly as CPython's does.
 * Strings hash by their Java hash (CPython randomises str hashes per process, so no program
 * can depend on them); objects of Python classes by their {@code __hash__}; other objects by
 * identity.
 */
public final class Hashing {
    /** CPython's _PyHASH_BITS and _PyHASH_MODULUS (2**61 - 1) on 64-bit platforms. */
    static final int BITS = 61;
    static final long MODULUS = (1L << BITS) - 1;
    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);
    private static final long INF = 314159;
    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;

    private Hashing() {
    }

    /** {@code hash(o)}; TypeError for the unhashable types, whose Java hashCode throws it. */
    public static long hash(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            PyObject m = o.type().lookupHeap("__hash__");
            if (m != null) {
                RefCount.decref(m);
                return Dunders.hash(o);
            }
        }
        return hashOf(o, true);
    }

    /** {@code object.__hash__}-style: the built-in type's hash (identity for objects of Python classes), never a class's {@code __hash__}. */
    static long hashBuiltin(PyObject o) {
        return hashOf(o, false);
    }

    private static long hashOf(PyObject o, boolean classHash) {
        if (o instanceof PyInt i) {
            return i.big == null ? ofLong(i.value) : ofBig(i.big);
        }
        if (o instanceof PyBool b) {
            return b.value ? 1 : 0;
        }
        if (o instanceof PyStr s) {
            return fix(s.value.hashCode());
        }
        if (o instanceof PyFloat f) {
            return ofDouble(f.value, f);
        }
        if (o instanceof PyTuple t) {
            return ofTuple(t);
        }
        if (o instanceof PyComplex c) { // CPython's complex_hash: real + 1000003 * imag, wrapping
            return fix(ofDouble(c.real, c) + 1000003L * ofDouble(c.imag, c));
        }
        if (o instanceof PySet s && s.isFrozen()) {
            return s.frozenHash();
        }
        if (o instanceof PyWeakref w) {
            return w.pyHash(); // the referent's (a subclass's own __hash__ was taken above)
        }
        if (Dunders.isUserObject(o)) {
            return classHash ? Dunders.hash(o) : ofIdentity(o);
        }
        return fix(o.hashCode()); // identity, or the unhashable types' TypeError (list, dict, set, slice, ...)
    }

    /** The hash of an object compared by identity (object.__hash__). */
    static long ofIdentity(PyObject o) {
        return fix(System.identityHashCode(o));
    }

    public static PyException unhashable(PyObject o) {
        return PyExc.typeError("unhashable type: '" + o.type().name() + "'");
    }

    private static long fix(long h) {
        return h == -1 ? -2 : h;
    }

    static long ofLong(long v) {
        if (v == Long.MIN_VALUE) {
            return ofBig(BigInteger.valueOf(v));
        }
        long r = Math.abs(v) % MODULUS;
        return fix(v < 0 ? -r : r);
    }

    private static long ofBig(BigInteger v) {
        long r = v.abs().mod(BIG_MODULUS).longValue();
        return fix(v.signum() < 0 ? -r : r);
    }

    /** CPython's _Py_HashDouble: the value of v modulo 2**61 - 1, so 2.0 hashes like 2. */
    private static long ofDouble(double v, PyObject identity) {
        if (Double.isNaN(v)) {
            return fix(System.identityHashCode(identity));
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? INF : -INF;
        }
        int e = Math.getExponent(v);
        double m;
        if (v == 0) {
            return 0;
        }
        // frexp: v = m * 2**e with 0.5 <= |m| < 1
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            m = v * 0x1p54;
            e = Math.getExponent(m) + 1 - 54;
            m = m / Math.scalb(1.0, Math.getExponent(m) + 1);
        } else {
            e = e + 1;
            m = v / Math.scalb(1.0, e);
        }
        int sign = 1;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (BITS - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) {
                x -= MODULUS;
            }
        }
        e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
        x = ((x << e) & MODULUS) | x >>> (BITS - e);
        return fix(x * sign);
    }

    /** CPython 3.8+'s tuple hash, a reduced xxHash over the items' hashes. */
    private static long ofTuple(PyTuple t) {
        long acc = XXPRIME_5;
        for (int i = 0; i < t.size(); i++) {
            long lane = hash(t.getBorrowed(i));
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += t.size() ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796 : acc;
    }
}
