package org.gilectomy.runtime.types;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyRange;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PySlice;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.PyCoroutineWrapper;
import org.gilectomy.runtime.interp.PyGenerator;

/**
 * Attributes that every built-in value has in CPython and programs probe with
 * {@code hasattr}/{@code getattr}: {@code __class__}, the container protocol's
 * {@code __len__}, {@code __iter__}, {@code __contains__}, {@code __getitem__}, an iterator's
 * {@code __next__}; and tuple's {@code count}/{@code index}, range's {@code start}/{@code stop}/
 * {@code step}. Each calls the operation the runtime already has, so behaviour is the same as
 * {@code len(x)}, {@code iter(x)}, {@code y in x}, {@code x[k]}.
 */
public final class ValueAttributes {
    private static final PyType[] VALUE_TYPES = {
        PyInt.TYPE, PyFloat.TYPE, org.gilectomy.objects.PyComplex.TYPE, PyStr.TYPE, PyBytes.TYPE, PyList.TYPE, PyTuple.TYPE, PyDict.TYPE, PySet.TYPE,
        PySet.FROZEN_TYPE, PyRange.TYPE, PyNone.TYPE, PyFunction.TYPE, PyIterator.TYPE, PyGenerator.TYPE,
        org.gilectomy.objects.PyByteArray.TYPE, PySlice.TYPE, org.gilectomy.objects.PyEllipsis.TYPE,
    };
    private static final PyType[] CONTAINER_TYPES = {
        PyStr.TYPE, PyBytes.TYPE, PyList.TYPE, PyTuple.TYPE, PyDict.TYPE, PySet.TYPE, PySet.FROZEN_TYPE, PyRange.TYPE,
        org.gilectomy.objects.PyByteArray.TYPE,
    };
    private static final PyType[] SUBSCRIPTABLE_TYPES = {
        PyStr.TYPE, PyBytes.TYPE, PyList.TYPE, PyTuple.TYPE, PyDict.TYPE, PyRange.TYPE,
        org.gilectomy.objects.PyByteArray.TYPE,
    };

    private ValueAttributes() {
    }

    /** How many items of {@code seq} equal {@code x}; or, with {@code first}, the index of the first (-1 if none). */
    private static long countOrIndex(PyObject seq, PyObject x, boolean first) {
        PyIterator it = Ops.iter(seq);
        try {
            long count = 0;
            for (long i = 0; ; i++) {
                PyObject item = it.next();
                if (item == null) {
                    return first ? -1 : count;
                }
                boolean equal;
                try {
                    equal = Ops.sameOrEq(item, x);
                } finally {
                    RefCount.decref(item);
                }
                if (equal && first) {
                    return i;
                }
                count += equal ? 1 : 0;
            }
        } finally {
            RefCount.decref(it);
        }
    }

    private static boolean isInt(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool;
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    /** {@code slice(stop)} or {@code slice(start, stop[, step])}. */
    public static PyObject newSlice(PyObject[] a, int off, int n, PyTuple kw) {
        Args.noKeywords("slice", kw);
        if (n < 1 || n > 3) {
            throw PyExc.typeError("slice expected " + (n < 1 ? "at least 1 argument" : "at most 3 arguments") + ", got " + n);
        }
        PyObject start = n == 1 ? PyNone.NONE : a[off];
        PyObject stop = n == 1 ? a[off] : a[off + 1];
        PyObject step = n == 3 ? a[off + 2] : PyNone.NONE;
        return new PySlice(newRef(start), newRef(stop), newRef(step));
    }

    public static void install() {
        for (PyType t : VALUE_TYPES) {
            t.addGetter("__class__", o -> {
                PyType type = o.type();
                RefCount.incref(type);
                return type;
            });
        }
        for (PyType t : CONTAINER_TYPES) {
            String prefix = t.name() + ".";
            t.addMethod("__len__", (a, off, n, kw) -> {
                Args.exactly(prefix + "__len__", n - 1, 0, kw);
                return PyInt.of(Ops.lenBuiltin(a[off])); // a subclass may override __len__ and call this
            });
            t.addMethod("__iter__", (a, off, n, kw) -> {
                Args.exactly(prefix + "__iter__", n - 1, 0, kw);
                return Ops.iterBuiltin(a[off]);
            });
            t.addMethod("__contains__", (a, off, n, kw) -> {
                Args.exactly(prefix + "__contains__", n - 1, 1, kw);
                return PyBool.of(Ops.containsBuiltin(a[off], a[off + 1]));
            });
        }
        for (PyType t : SUBSCRIPTABLE_TYPES) {
            String qualified = t.name() + ".__getitem__";
            t.addMethod("__getitem__", (a, off, n, kw) -> {
                Args.exactly(qualified, n - 1, 1, kw);
                return Ops.getItemBuiltin(a[off], a[off + 1]);
            });
        }
        for (PyType t : new PyType[] {PyIterator.TYPE, PyGenerator.TYPE, PyCoroutineWrapper.TYPE}) {
            t.addMethod("__iter__", (a, off, n, kw) -> {
                Args.exactly("__iter__", n - 1, 0, kw);
                return Ops.iter(a[off]);
            });
            t.addMethod("__next__", (a, off, n, kw) -> {
                Args.exactly("__next__", n - 1, 0, kw);
                PyObject r = Ops.next(a[off]);
                if (r == null) {
                    throw new org.gilectomy.objects.PyException(PyExc.STOP_ITERATION, "");
                }
                return r;
            });
        }
        for (PyType t : new PyType[] {PyTuple.TYPE, PyRange.TYPE}) {
            t.addMethod("count", (a, off, n, kw) -> {
                Args.exactly("count", n - 1, 1, kw);
                if (a[off] instanceof PyRange r && isInt(a[off + 1])) {
                    return PyInt.of(r.containsInt(a[off + 1]) ? 1 : 0);
                }
                return PyInt.of(countOrIndex(a[off], a[off + 1], false));
            });
            t.addMethod("index", (a, off, n, kw) -> {
                Args.exactly("index", n - 1, 1, kw);
                if (a[off] instanceof PyRange r && isInt(a[off + 1])) {
                    PyInt i = r.indexOfInt(a[off + 1]);
                    if (i == null) {
                        throw PyExc.valueError(Ops.repr(a[off + 1]) + " is not in range");
                    }
                    return i;
                }
                long i = countOrIndex(a[off], a[off + 1], true);
                if (i < 0) {
                    throw PyExc.valueError(a[off] instanceof PyTuple ? "tuple.index(x): x not in tuple"
                            : Ops.repr(a[off + 1]) + " is not in range");
                }
                return PyInt.of(i);
            });
        }
        PySlice.TYPE.addGetter("start", o -> newRef(((PySlice) o).start()));
        PySlice.TYPE.addGetter("stop", o -> newRef(((PySlice) o).stop()));
        PySlice.TYPE.addGetter("step", o -> newRef(((PySlice) o).step()));
        PySlice.TYPE.addMethod("indices", (a, off, n, kw) -> {
            Args.exactly("slice.indices", n - 1, 1, kw);
            long len = Args.asLong(a[off + 1]);
            if (len < 0) {
                throw PyExc.valueError("length should not be negative");
            }
            long[] ix = ((PySlice) a[off]).indices(len);
            return PyTuple.steal(new PyObject[] {PyInt.of(ix[0]), PyInt.of(ix[1]), PyInt.of(ix[2])});
        });
        PyNone.TYPE.addGetter("__doc__", o -> PyNone.newRef()); // CPython's NoneType has no docstring either
        PyRange.TYPE.addGetter("start", o -> ((PyRange) o).startInt());
        PyRange.TYPE.addGetter("stop", o -> ((PyRange) o).stopInt());
        PyRange.TYPE.addGetter("step", o -> ((PyRange) o).stepInt());
    }
}
