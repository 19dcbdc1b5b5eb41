package org.gilectomy.runtime.modules;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Hashing;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.interp.NumberBuiltins;
import org.gilectomy.runtime.interp.Params;

/**
 * The {@code random} module: CPython 3.11's algorithms over {@link MersenneTwister}, so a
 * seeded program prints the numbers CPython prints. {@code random.Random(x)} makes a generator
 * of its own; the module's functions are the methods of a hidden one, as CPython's
 * {@code random._inst}. A generator may be shared by threads;
 * each call into it (one {@code random()}, one {@code getrandbits()}) holds the state's object
 * lock, as each was one C call under CPython's GIL; a {@code randrange} that draws twice may
 * interleave with another thread's draws, as in CPython.
 */
public final class RandomModule {
    static final PyType STATE_TYPE = PyType.ofModule("random", "Random", PyType.OBJECT);

    /** A generator (random.Random; the module's functions use a hidden one), as an object so that it has a Py_LOCK. */
    static final class State extends PyObject {
        final MersenneTwister mt = new MersenneTwister();

        /** A random.Random made by the program. */
        State() {
        }

        /** The module's hidden generator: it lives as long as the process, as the module does. */
        State(int initialRefs) {
            super(initialRefs);
        }

        @Override
        public PyType type() {
            return STATE_TYPE;
        }

        double random() {
            ObjectLock.lock(this);
            try {
                return mt.nextDouble();
            } finally {
                ObjectLock.unlock(this);
            }
        }

        BigInteger bits(int k) {
            ObjectLock.lock(this);
            try {
                return mt.nextBits(k);
            } finally {
                ObjectLock.unlock(this);
            }
        }

        void seed(BigInteger n) {
            ObjectLock.lock(this);
            try {
                mt.seed(n);
            } finally {
                ObjectLock.unlock(this);
            }
        }

        /** CPython's _randbelow_with_getrandbits: rejection sampling on n.bit_length() bits. */
        BigInteger below(BigInteger n) {
            int k = n.bitLength();
            BigInteger r = bits(k);
            while (r.compareTo(n) >= 0) {
                r = bits(k);
            }
            return r;
        }

        long below(long n) {
            return below(BigInteger.valueOf(n)).longValue();
        }
    }

    private RandomModule() {
    }

    /** The methods of random.Random, which the module also offers bound to its hidden instance. */
    private static final String[] METHODS = {
        "seed", "random", "getrandbits", "randbytes", "randrange", "randint", "uniform", "choice", "shuffle", "sample"};

    public static PyModule module() {
        PyModule m = new PyModule("random");
        State st = new State(PyObject.STATIC_REFS); // CPython's random._inst
        st.seed(seedValue(null));
        Defs.type(m, STATE_TYPE);
        for (String name : METHODS) {
            Defs.constant(m, name, new org.gilectomy.objects.PyBoundMethod(STATE_TYPE.lookupMethodBorrowed(name), st));
        }
        return m;
    }

    private static State self(PyObject[] a, int off) {
        return (State) a[off];
    }

    static {
        PyType t = STATE_TYPE;
        t.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("Random", a, off, n, kw, 0, "x");
            State st = new State();
            st.seed(seedValue(p[0]));
            return st;
        };
        t.addMethod("seed", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("seed", a, off + 1, n - 1, kw, 0, "a", "version");
            self(a, off).seed(seedValue(p[0]));
            return PyNone.newRef();
        });
        t.addMethod("random", (a, off, n, kw) -> {
            Args.exactly("random", n - 1, 0, kw);
            return PyFloat.of(self(a, off).random());
        });
        t.addMethod("getrandbits", (a, off, n, kw) -> {
            Args.exactly("getrandbits", n - 1, 1, kw);
            long k = Args.asLong(a[off + 1]);
            if (k < 0) {
                throw PyExc.valueError("number of bits must be non-negative");
            }
            return PyInt.of(self(a, off).bits((int) Math.min(k, Integer.MAX_VALUE)));
        });
        t.addMethod("randbytes", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("randbytes", a, off + 1, n - 1, kw, 1, "n");
            long count = Args.asLong(p[0]);
            if (count < 0) {
                throw PyExc.valueError("number of bits must be non-negative");
            }
            // getrandbits(n * 8).to_bytes(n, 'little'), as CPython's
            byte[] big = self(a, off).bits((int) Math.min(count * 8, Integer.MAX_VALUE)).toByteArray();
            byte[] little = new byte[(int) count];
            for (int i = 0; i < little.length && i < big.length; i++) {
                little[i] = big[big.length - 1 - i];
            }
            return org.gilectomy.objects.PyBytes.wrap(little);
        });
        t.addMethod("randrange", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("randrange", a, off + 1, n - 1, kw, 1, "start", "stop", "step");
            return randrange(self(a, off), p[0], p[1], p[2]);
        });
        t.addMethod("randint", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("randint", a, off + 1, n - 1, kw, 2, "a", "b");
            PyInt stop = PyInt.of(index(p[1], 2).add(BigInteger.ONE));
            try {
                return randrange(self(a, off), p[0], stop, null);
            } finally {
                RefCount.decref(stop);
            }
        });
        t.addMethod("uniform", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("uniform", a, off + 1, n - 1, kw, 2, "a", "b");
            double lo = Modules.asDouble(p[0]);
            double hi = Modules.asDouble(p[1]);
            return PyFloat.of(lo + (hi - lo) * self(a, off).random());
        });
        t.addMethod("choice", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("choice", a, off + 1, n - 1, kw, 1, "seq");
            long len = Ops.len(p[0]);
            if (len == 0) {
                throw PyExc.indexError("Cannot choose from an empty sequence");
            }
            PyInt i = PyInt.of(self(a, off).below(len));
            try {
                return Ops.getItem(p[0], i);
            } finally {
                RefCount.decref(i);
            }
        });
        t.addMethod("shuffle", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("shuffle", a, off + 1, n - 1, kw, 1, "x");
            if (!(p[0] instanceof PyList l)) {
                throw PyExc.typeError("'" + p[0].type().name() + "' object does not support item assignment");
            }
            State st = self(a, off);
            for (long i = l.size() - 1; i > 0; i--) {
                long j = st.below(i + 1);
                PyObject x = l.getItem(i);
                PyObject y = l.getItem(j);
                l.setItem(i, y);
                l.setItem(j, x);
                RefCount.decref(x);
                RefCount.decref(y);
            }
            return PyNone.newRef();
        });
        t.addMethod("sample", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("sample", a, off + 1, n - 1, kw, 2, "population", "k");
            return sample(self(a, off), p[0], Args.asLong(p[1]));
        });
    }

    private static BigInteger seedValue(PyObject a) {
        if (a == null || a == PyNone.NONE) {
            return new BigInteger(2500 * 8, new SecureRandom());
        }
        if (a instanceof PyInt i) {
            return i.toBigInteger();
        }
        if (a instanceof PyStr s) {
            // Version 2: the text's UTF-8 bytes followed by their SHA-512, as one big-endian int.
            byte[] text = s.value.getBytes(StandardCharsets.UTF_8);
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-512").digest(text);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] all = new byte[1 + text.length + digest.length];
            System.arraycopy(text, 0, all, 1, text.length);
            System.arraycopy(digest, 0, all, 1 + text.length, digest.length);
            return new BigInteger(all);
        }
        if (a instanceof PyFloat || a instanceof PyBool) {
            // Not an exact int: CPython seeds with hash(a) read as an unsigned 64-bit number.
            long h = Hashing.hash(a);
            return new BigInteger(Long.toUnsignedString(h));
        }
        throw PyExc.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }

    /** An int argument of randrange; integral floats are accepted (CPython warns), others refused. */
    private static BigInteger index(PyObject o, int argNo) {
        if (o instanceof PyInt || o instanceof PyBool) {
            return NumberBuiltins.big(o);
        }
        if (o instanceof PyFloat f && f.value == Math.rint(f.value) && !Double.isInfinite(f.value)) {
            return new java.math.BigDecimal(f.value).toBigInteger();
        }
        if (o instanceof PyFloat) {
            throw PyExc.valueError("non-integer arg " + argNo + " for randrange()");
        }
        throw PyExc.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
    }

    private static PyObject randrange(State st, PyObject start, PyObject stop, PyObject step) {
        BigInteger istart = index(start, 1);
        if (stop == null || stop == PyNone.NONE) {
            if (step != null) {
                throw PyExc.typeError("Missing a non-None stop argument");
            }
            if (istart.signum() > 0) {
                return PyInt.of(st.below(istart));
            }
            throw PyExc.valueError("empty range for randrange()");
        }
        BigInteger istop = index(stop, 2);
        BigInteger width = istop.subtract(istart);
        BigInteger istep = step == null ? BigInteger.ONE : index(step, 3);
        if (istep.equals(BigInteger.ONE)) {
            if (width.signum() > 0) {
                return PyInt.of(istart.add(st.below(width)));
            }
            throw PyExc.valueError("empty range for randrange() (" + istart + ", " + istop + ", " + width + ")");
        }
        BigInteger count;
        if (istep.signum() > 0) {
            count = floorDiv(width.add(istep).subtract(BigInteger.ONE), istep);
        } else if (istep.signum() < 0) {
            count = floorDiv(width.add(istep).add(BigInteger.ONE), istep);
        } else {
            throw PyExc.valueError("zero step for randrange()");
        }
        if (count.signum() <= 0) {
            throw PyExc.valueError("empty range for randrange()");
        }
        return PyInt.of(istart.add(istep.multiply(st.below(count))));
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** CPython's sample: a pool for small populations, else rejection against a set of picks. */
    private static PyObject sample(State st, PyObject population, long k) {
        if (population instanceof PySet || population instanceof PyDict) {
            throw PyExc.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
        }
        long n = Ops.len(population);
        if (k < 0 || k > n) {
            throw PyExc.valueError("Sample larger than population or is negative");
        }
        PyObject[] result = new PyObject[(int) k];
        long setsize = 21;
        if (k > 5) {
            setsize += (long) Math.pow(4, Math.ceil(StrictMath.log(k * 3) / StrictMath.log(4)));
        }
        if (n <= setsize) {
            PyObject[] pool = Builtins.collect(population);
            for (int i = 0; i < k; i++) {
                int j = (int) st.below(n - i);
                result[i] = pool[j];
                pool[j] = pool[(int) (n - i - 1)];
                pool[(int) (n - i - 1)] = null;
            }
            for (PyObject o : pool) {
                RefCount.xdecref(o);
            }
        } else {
            java.util.Set<Long> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = st.below(n);
                while (selected.contains(j)) {
                    j = st.below(n);
                }
                selected.add(j);
                PyInt ix = PyInt.of(j);
                try {
                    result[i] = Ops.getItem(population, ix);
                } finally {
                    RefCount.decref(ix);
                }
            }
        }
        return PyList.steal(result, result.length);
    }
}
