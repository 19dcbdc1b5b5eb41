package org.gilectomy.runtime.modules;

import org.gilectomy.runtime.types.FixedArity;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code _collections} (Modules/_collectionsmodule.c): {@code deque} and
 * {@code defaultdict}, which CPython's {@code collections/__init__.py} re-exports.
 */
public final class CollectionsModule {
    private CollectionsModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_collections");
        Defs.type(m, PyDeque.TYPE);
        Defs.type(m, PyDefaultDict.TYPE);
        Defs.type(m, PyDeque.ITER);
        Defs.type(m, PyDeque.REVERSE_ITER);
        return m;
    }

    private static PyDeque deque(PyObject[] a, int off) {
        return (PyDeque) a[off];
    }

    static {
        PyType t = PyDeque.TYPE;
        t.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("deque", a, off, n, kw, 0, "iterable", "maxlen");
            long maxlen = Params.optLong(p[1], -1);
            if (p[1] != null && p[1] != PyNone.NONE && maxlen < 0) {
                throw PyExc.valueError("maxlen must be non-negative");
            }
            PyDeque d = new PyDeque(maxlen);
            if (p[0] != null) {
                try {
                    extend(d, p[0], false);
                } catch (RuntimeException e) {
                    RefCount.decref(d);
                    throw e;
                }
            }
            return d;
        };
        t.addGetter("maxlen", o -> ((PyDeque) o).maxlen < 0 ? PyNone.newRef() : PyInt.of(((PyDeque) o).maxlen));
        for (boolean left : new boolean[] {false, true}) {
            String suffix = left ? "left" : "";
            t.addMethod("append" + suffix, (a, off, n, kw) -> {
                Args.exactly("append" + suffix, n - 1, 1, kw);
                deque(a, off).add(new PyObject[] {a[off + 1]}, left);
                return PyNone.newRef();
            });
            t.addMethod("extend" + suffix, (a, off, n, kw) -> {
                Args.exactly("extend" + suffix, n - 1, 1, kw);
                extend(deque(a, off), a[off + 1], left);
                return PyNone.newRef();
            });
            t.addMethod("pop" + suffix, (a, off, n, kw) -> {
                Args.exactly("pop" + suffix, n - 1, 0, kw);
                return deque(a, off).pop(left);
            });
        }
        t.addMethod("rotate", (a, off, n, kw) -> {
            Args.between("rotate", n - 1, 0, 1, kw);
            deque(a, off).rotate(n > 1 ? Args.asLong(a[off + 1]) : 1);
            return PyNone.newRef();
        });
        FixedArity.procedure(t, "clear", "clear", 0, (a, off) -> deque(a, off).clear());
        FixedArity.procedure(t, "reverse", "reverse", 0, (a, off) -> deque(a, off).reverse());
        FixedArity.function(t, "count", "count", 1, (a, off) -> PyInt.of(deque(a, off).count(a[off + 1])));
        FixedArity.procedure(t, "remove", "remove", 1, (a, off) -> deque(a, off).remove(a[off + 1]));
        FixedArity.procedure(t, "insert", "insert", 2, (a, off) -> deque(a, off).insert(Args.asLong(a[off + 1]), a[off + 2]));
        t.addMethod("index", (a, off, n, kw) -> {
            Args.between("index", n - 1, 1, 3, kw);
            PyDeque d = deque(a, off);
            long size = d.size();
            long start = n > 2 ? clampIndex(a[off + 2], size) : 0;
            long stop = n > 3 ? clampIndex(a[off + 3], size) : size;
            long i = d.find(a[off + 1], start, stop);
            if (i < 0) {
                throw PyExc.valueError(Ops.repr(a[off + 1]) + " is not in deque");
            }
            return PyInt.of(i);
        });
        org.gilectomy.objects.PyBuiltinFunction.Body copy = (a, off, n, kw) -> {
            Args.exactly("copy", n - 1, 0, kw);
            return deque(a, off).copy();
        };
        t.addMethod("copy", copy);
        t.addMethod("__copy__", copy);

        PyType dd = PyDefaultDict.TYPE;
        dd.constructor = (a, off, n, kw) -> {
            PyObject factory = n > 0 ? a[off] : PyNone.NONE;
            PyDefaultDict.checkFactory(factory);
            PyDefaultDict d = new PyDefaultDict(factory);
            if (n > 1 || kw != null) {
                PyObject[] args = new PyObject[n + (kw == null ? 0 : kw.size())];
                args[0] = d;
                System.arraycopy(a, off + 1, args, 1, args.length - 1);
                try {
                    // the rest is dict.update's: a mapping or pairs, and keywords
                    RefCount.decref(Ops.call(PyDict.TYPE.lookupMethodBorrowed("update"), args, 0, Math.max(1, n), kw));
                } catch (RuntimeException e) {
                    RefCount.decref(d);
                    throw e;
                }
            }
            return d;
        };
        dd.addMethod("__missing__", (a, off, n, kw) -> {
            Args.exactly("__missing__", n - 1, 1, kw);
            return ((PyDefaultDict) a[off]).missing(a[off + 1]);
        });
        org.gilectomy.objects.PyBuiltinFunction.Body ddCopy = (a, off, n, kw) -> {
            Args.exactly("copy", n - 1, 0, kw);
            PyDefaultDict src = (PyDefaultDict) a[off];
            PyObject f = src.factory();
            PyDefaultDict c = new PyDefaultDict(f);
            RefCount.decref(f);
            c.putAll(src);
            return c;
        };
        dd.addMethod("copy", ddCopy);
        dd.addMethod("__copy__", ddCopy);
    }

    /** A start or stop of index(): negative counts from the end, then clamped to [0, size]. */
    private static long clampIndex(PyObject o, long size) {
        if (!(o instanceof PyInt || o instanceof org.gilectomy.objects.PyBool)) {
            throw PyExc.typeError("slice indices must be integers or have an __index__ method");
        }
        long i = Args.asLong(o);
        return i < 0 ? Math.max(0, i + size) : Math.min(i, size);
    }

    /** extend/extendleft: the items are collected first (the iterable may be Python code, or the deque itself). */
    private static void extend(PyDeque d, PyObject iterable, boolean left) {
        PyObject[] items = Ops.collect(iterable);
        try {
            d.add(items, left);
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
    }
}
