package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyByteArray;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.types.FixedArity;

/**
 * CPython's {@code array} module (Modules/arraymodule.c): the {@code array} type
 * ({@link PyArray}), {@code ArrayType} and {@code typecodes}. Not supported: typecode
 * {@code 'u'}, the buffer protocol (memoryview, bytes(a)), pickling, and subclassing.
 */
public final class ArrayModule {
    private ArrayModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("array");
        Defs.type(m, PyArray.TYPE);
        m.set("ArrayType", PyArray.TYPE);
        Defs.constant(m, "typecodes", PyStr.of("bBuhHiIlLqQfd")); // CPython's: 'u' raises an error naming it
        return m;
    }

    private static PyArray self(PyObject[] a, int off) {
        return (PyArray) a[off];
    }

    static {
        PyType t = PyArray.TYPE;
        t.constructor = (a, off, n, kw) -> {
            if (kw != null && kw.size() > 0) {
                throw PyExc.typeError("array.array() takes no keyword arguments");
            }
            Args.between("array", n, 1, 2, null);
            if (!(a[off] instanceof PyStr code)) {
                throw PyExc.typeError("array() argument 1 must be a unicode character, not " + a[off].type().name());
            }
            PyArray r = new PyArray(PyArray.Code.of(code.value), new long[0]);
            if (n == 2) {
                try {
                    initialize(r, a[off + 1]);
                } catch (RuntimeException e) {
                    RefCount.decref(r);
                    throw e;
                }
            }
            return r;
        };
        t.addGetter("typecode", o -> PyStr.of(String.valueOf(((PyArray) o).code.letter())));
        t.addGetter("itemsize", o -> PyInt.of(((PyArray) o).code.itemSize));
        FixedArity.procedure(t, "append", "append", 1, (a, off) -> self(a, off).addAll(new long[] {self(a, off).code.store(a[off + 1])}));
        FixedArity.procedure(t, "extend", "extend", 1, (a, off) -> extend(self(a, off), a[off + 1]));
        FixedArity.procedure(t, "fromlist", "fromlist", 1, (a, off) -> {
            if (!(a[off + 1] instanceof PyList)) {
                throw PyExc.typeError("arg must be list");
            }
            extend(self(a, off), a[off + 1]);
        });
        FixedArity.procedure(t, "frombytes", "frombytes", 1, (a, off) -> self(a, off).addAll(self(a, off).fromBytes(bytesOf(a[off + 1]))));
        FixedArity.procedure(t, "insert", "insert", 2, (a, off) -> self(a, off).insert(Args.asLong(a[off + 1]), self(a, off).code.store(a[off + 2])));
        t.addMethod("pop", (a, off, n, kw) -> {
            Args.between("pop", n - 1, 0, 1, kw);
            return self(a, off).pop(n > 1 ? Args.asLong(a[off + 1]) : -1);
        });
        FixedArity.procedure(t, "remove", "remove", 1, (a, off) -> {
            long i = self(a, off).find(a[off + 1], 0);
            if (i < 0) {
                throw PyExc.valueError("array.remove(x): x not in array");
            }
            self(a, off).removeAt(i);
        });
        t.addMethod("index", (a, off, n, kw) -> {
            Args.between("index", n - 1, 1, 3, kw);
            long i = self(a, off).find(a[off + 1], n > 2 ? Args.asLong(a[off + 2]) : 0);
            long stop = n > 3 ? Args.asLong(a[off + 3]) : Long.MAX_VALUE;
            long size = self(a, off).length();
            if (i < 0 || i >= (stop < 0 ? stop + size : stop)) {
                throw PyExc.valueError("array.index(x): x not in array");
            }
            return PyInt.of(i);
        });
        FixedArity.function(t, "count", "count", 1, (a, off) -> PyInt.of(self(a, off).count(a[off + 1])));
        FixedArity.procedure(t, "reverse", "reverse", 0, (a, off) -> self(a, off).reverse());
        FixedArity.procedure(t, "byteswap", "byteswap", 0, (a, off) -> self(a, off).byteswap());
        FixedArity.function(t, "tolist", "tolist", 0, (a, off) -> {
            PyObject[] items = self(a, off).snapshot();
            return PyList.steal(items, items.length);
        });
        FixedArity.function(t, "tobytes", "tobytes", 0, (a, off) -> PyBytes.wrap(self(a, off).toBytes()));
        FixedArity.function(t, "buffer_info", "buffer_info", 0, (a, off) -> {
            throw PyExc.notImplemented("array.buffer_info() (an array has no C address here)");
        });
        FixedArity.function(t, "__reduce_ex__", "__reduce_ex__", 1, (a, off) -> {
            throw PyExc.notImplemented("pickling an array.array");
        });
        org.gilectomy.objects.PyBuiltinFunction.Body copy = (a, off, n, kw) -> new PyArray(self(a, off).code, self(a, off).items());
        t.addMethod("__copy__", copy);
        t.addMethod("__deepcopy__", copy);
    }

    /** array(typecode, initializer): bytes, another array, or an iterable of numbers (not a str). */
    private static void initialize(PyArray r, PyObject init) {
        if (init instanceof PyStr) {
            throw PyExc.typeError("cannot use a str to initialize an array with typecode '" + r.code.letter() + "'");
        }
        if (init instanceof PyBytes || init instanceof PyByteArray) {
            r.addAll(r.fromBytes(bytesOf(init)));
            return;
        }
        extend(r, init);
    }

    /** extend(iterable): an array must have the same typecode; other items are checked before any is added. */
    private static void extend(PyArray r, PyObject iterable) {
        if (iterable instanceof PyArray other) {
            if (other.code != r.code) {
                throw PyExc.typeError("can only extend with array of same kind");
            }
            r.addAll(other.items());
            return;
        }
        PyObject[] items = Ops.collect(iterable);
        try {
            r.addAll(r.storeAll(items));
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
    }

    private static byte[] bytesOf(PyObject o) {
        if (o instanceof PyBytes b) {
            return b.toByteArray();
        }
        if (o instanceof PyByteArray b) {
            return b.snapshot();
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + o.type().name() + "'");
    }
}
