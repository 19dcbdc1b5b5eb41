package org.gilectomy.runtime.types;

import java.util.List;
import java.util.Map;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.ListSort;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.DictUpdate;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyDictView;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Keywords;

/** The methods of {@code list}, {@code dict} and {@code set}/{@code frozenset}: every one of them, in one place per type (the constructors are the builtins module's, in {@code interp.Builtins}). */
public final class ContainerMethods {
    private ContainerMethods() {
    }

    public static void install() {
        listMethods();
        dictMethods();
        setMethods(PySet.TYPE, "set", false);
        setMethods(PySet.FROZEN_TYPE, "frozenset", true);
    }

    private static PyList list(PyObject[] a, int off) {
        return (PyList) a[off];
    }

    private static void listMethods() {
        PyType t = PyList.TYPE;
        t.addMethod("append", (a, off, n, kw) -> {
            Args.exactly("list.append", n - 1, 1, kw);
            ((PyList) a[off]).append(a[off + 1]);
            return PyNone.newRef();
        });
        t.addMethod("extend", (a, off, n, kw) -> {
            Args.exactly("list.extend", n - 1, 1, kw);
            ((PyList) a[off]).extendFrom(a[off + 1]);
            return PyNone.newRef();
        });
        t.addMethod("pop", (a, off, n, kw) -> {
            Args.between("pop", n - 1, 0, 1, kw);
            return ((PyList) a[off]).pop(n == 2 ? Args.asLong(a[off + 1]) : -1);
        });
        t.addMethod("sort", (a, off, n, kw) -> {
            if (n != 1) {
                throw PyExc.typeError("sort() takes no positional arguments");
            }
            sortList((PyList) a[off], a, off + n, kw);
            return PyNone.newRef();
        });
            t.addMethod("insert", (a, off, n, kw) -> {
            Args.noKeywords("insert", kw);
            if (n - 1 != 2) {
                throw PyExc.typeError("insert expected 2 arguments, got " + (n - 1));
            }
            list(a, off).insert(Args.asLong(a[off + 1]), a[off + 2]);
            return PyNone.newRef();
        });
        t.addMethod("remove", (a, off, n, kw) -> {
            Args.exactly("list.remove", n - 1, 1, kw);
            if (!list(a, off).remove(a[off + 1])) {
                throw PyExc.valueError("list.remove(x): x not in list");
            }
            return PyNone.newRef();
        });
        t.addMethod("index", (a, off, n, kw) -> {
            Args.between("index", n - 1, 1, 3, kw);
            long start = n > 2 ? Args.asLong(a[off + 2]) : 0;
            long stop = n > 3 ? Args.asLong(a[off + 3]) : Long.MAX_VALUE;
            long i = list(a, off).indexOf(a[off + 1], start, stop);
            if (i < 0) {
                throw PyExc.valueError(Ops.repr(a[off + 1]) + " is not in list");
            }
            return PyInt.of(i);
        });
        FixedArity.function(t, "count", "list.count", 1, (a, off) -> PyInt.of(list(a, off).count(a[off + 1])));
        FixedArity.procedure(t, "reverse", "list.reverse", 0, (a, off) -> list(a, off).reverse());
        FixedArity.procedure(t, "clear", "list.clear", 0, (a, off) -> list(a, off).clear());
        t.addMethod("copy", (a, off, n, kw) -> {
            Args.exactly("list.copy", n - 1, 0, kw);
            PyObject[] items = list(a, off).snapshot();
            return PyList.steal(items, items.length);
        });
    }

    /** list.sort, and sorted() after it copied: the keyword arguments key and reverse. */
    public static void sortList(PyList l, PyObject[] a, int kwOff, PyTuple kw) {
        PyObject[] opts = Keywords.get("sort", a, kwOff, kw, "key", "reverse");
        PyObject key = opts[0] == PyNone.NONE ? null : opts[0];
        ListSort.sort(l, key, opts[1] != null && Ops.isTrue(opts[1]));
    }

    private static PyDict dict(PyObject[] a, int off) {
        return (PyDict) a[off];
    }

    private static void dictMethods() {
        PyType t = PyDict.TYPE;
        t.addMethod("get", (a, off, n, kw) -> {
            Args.between("get", n - 1, 1, 2, kw);
            PyObject v = ((PyDict) a[off]).get(a[off + 1]);
            if (v != null) {
                return v;
            }
            PyObject dflt = n == 3 ? a[off + 2] : PyNone.NONE;
            RefCount.incref(dflt);
            return dflt;
        });
            t.addMethod("keys", (a, off, n, kw) -> view("keys", a, off, n, kw, PyDictView.Kind.KEYS));
        t.addMethod("values", (a, off, n, kw) -> view("values", a, off, n, kw, PyDictView.Kind.VALUES));
        t.addMethod("items", (a, off, n, kw) -> view("items", a, off, n, kw, PyDictView.Kind.ITEMS));
        t.addMethod("setdefault", (a, off, n, kw) -> {
            Args.between("setdefault", n - 1, 1, 2, kw);
            hashCheck(a[off + 1]);
            return dict(a, off).setDefault(a[off + 1], n == 3 ? a[off + 2] : PyNone.NONE);
        });
        t.addMethod("pop", (a, off, n, kw) -> {
            Args.between("pop", n - 1, 1, 2, kw);
            hashCheck(a[off + 1]);
            PyObject v = dict(a, off).pop(a[off + 1]);
            if (v != null) {
                return v;
            }
            if (n == 3) {
                RefCount.incref(a[off + 2]);
                return a[off + 2];
            }
            throw new PyException(PyExc.KEY_ERROR, Ops.repr(a[off + 1]));
        });
        t.addMethod("popitem", (a, off, n, kw) -> {
            Args.exactly("dict.popitem", n - 1, 0, kw);
            Map.Entry<PyObject, PyObject> e = dict(a, off).popLast();
            if (e == null) {
                throw new PyException(PyExc.KEY_ERROR, "'popitem(): dictionary is empty'");
            }
            return PyTuple.steal(new PyObject[] {e.getKey(), e.getValue()});
        });
        t.addMethod("update", (a, off, n, kw) -> {
            if (n - 1 > 1) {
                throw PyExc.typeError("update expected at most 1 argument, got " + (n - 1));
            }
            PyDict self = dict(a, off);
            if (n == 2) {
                update(self, a[off + 1]);
            }
            if (kw != null) {
                for (int k = 0; k < kw.size(); k++) {
                    self.put(kw.getBorrowed(k), a[off + n + k]);
                }
            }
            return PyNone.newRef();
        });
        t.addMethod("copy", (a, off, n, kw) -> {
            Args.exactly("dict.copy", n - 1, 0, kw);
            PyDict r = new PyDict();
            update(r, a[off]);
            return r;
        });
        FixedArity.procedure(t, "clear", "dict.clear", 0, (a, off) -> dict(a, off).clear());
        // fromkeys is a class method: reached as dict.fromkeys, where self is the type itself.
        t.addMethod("fromkeys", (a, off, n, kw) -> {
            int skip = a[off] instanceof PyType || a[off] instanceof PyDict ? 1 : 0;
            Args.between("fromkeys", n - skip, 1, 2, kw);
            PyObject value = n - skip == 2 ? a[off + skip + 1] : PyNone.NONE;
            PyDict r = new PyDict();
            for (PyObject k : Builtins.collect(a[off + skip])) {
                try {
                    hashCheck(k);
                    r.put(k, value);
                } finally {
                    RefCount.decref(k);
                }
            }
            return r;
        });
    }

    private static PyObject view(String fn, PyObject[] a, int off, int n, PyTuple kw, PyDictView.Kind kind) {
        Args.exactly("dict." + fn, n - 1, 0, kw);
        return new PyDictView(dict(a, off), kind);
    }

    private static void hashCheck(PyObject key) {
        key.hashCode(); // unhashable keys raise TypeError before any change
    }

    /** {@code d.update(src)}: see {@link DictUpdate}. */
    public static void update(PyDict d, PyObject src) {
        DictUpdate.update(d, src);
    }

    // ------------------------------------------------------------------ set and frozenset

    private static PySet set(PyObject[] a, int off) {
        return (PySet) a[off];
    }

    /** A set made from any iterable argument; the caller releases it. */
    static PySet asSet(PyObject o) {
        if (o instanceof PySet s) {
            RefCount.incref(s);
            return s;
        }
        PySet s = new PySet(false);
        try {
            s.updateFromIterable(o);
        } catch (PyException e) {
            RefCount.decref(s);
            throw e;
        }
        return s;
    }

    /** An operation of a set with one other set. */
    private interface WithSet {
        PyObject apply(PySet self, PySet other);
    }

    /** An operation of a set with any iterable, giving a new set. */
    private interface WithIterable {
        PySet apply(PySet self, PyObject other);
    }

    /** {@code self.op(*others)}: folds the others in one by one (union, intersection, ...). */
    private static void fold(PyType t, String kind, String name, boolean frozen, WithIterable op) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.noKeywords(kind + "." + name, kw);
            PySet acc = set(a, off).copy(frozen);
            for (int i = 1; i < n; i++) {
                PySet next;
                try {
                    next = op.apply(acc, a[off + i]);
                } finally {
                    RefCount.decref(acc);
                }
                acc = next;
            }
            return acc;
        });
    }

    /** The items of an iterable, in its order, that the set holds (CPython's set_intersection). */
    private static PySet intersectIterable(PySet self, PyObject other, boolean frozen) {
        PySet r = new PySet(frozen);
        for (PyObject k : Builtins.collect(other)) {
            if (self.contains(k)) {
                r.add(k);
            }
            RefCount.decref(k);
        }
        return r;
    }

    /** {@code self.op(other)} returning a bool. */
    private static void predicate(PyType t, String kind, String name, WithSet op) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.exactly(kind + "." + name, n - 1, 1, kw);
            PySet other = asSet(a[off + 1]);
            try {
                return op.apply(set(a, off), other);
            } finally {
                RefCount.decref(other);
            }
        });
    }

    /** A mutating {@code self.op(*others)} returning None. */
    private interface Mutation {
        void apply(PySet self, PySet other);
    }

    private static void mutator(PyType t, String name, Mutation op) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.noKeywords("set." + name, kw);
            for (int i = 1; i < n; i++) {
                PySet other = asSet(a[off + i]);
                try {
                    op.apply(set(a, off), other);
                } finally {
                    RefCount.decref(other);
                }
            }
            return PyNone.newRef();
        });
    }

    private static void setMethods(PyType t, String kind, boolean frozen) {
        fold(t, kind, "union", frozen, (x, y) -> {
            PySet r = x.copy(frozen);
            r.updateFromIterable(y);
            return r;
        });
        fold(t, kind, "intersection", frozen, (x, y) -> y instanceof PySet s ? x.intersection(s, frozen)
                : intersectIterable(x, y, frozen));
        fold(t, kind, "difference", frozen, (x, y) -> {
            if (y instanceof PySet s) {
                return x.difference(s, frozen);
            }
            PySet r = x.copy(frozen);
            for (PyObject k : Builtins.collect(y)) {
                r.discard(k);
                RefCount.decref(k);
            }
            return r;
        });
        t.addMethod("symmetric_difference", (a, off, n, kw) -> {
            Args.exactly(kind + ".symmetric_difference", n - 1, 1, kw);
            PySet other = asSet(a[off + 1]);
            try {
                return set(a, off).symmetricDifference(other, frozen);
            } finally {
                RefCount.decref(other);
            }
        });
        predicate(t, kind, "issubset", (x, y) -> PyBool.of(x.isSubset(y)));
        predicate(t, kind, "issuperset", (x, y) -> PyBool.of(y.isSubset(x)));
        predicate(t, kind, "isdisjoint", (x, y) -> {
            PySet common = x.intersection(y, false);
            boolean none = common.size() == 0;
            RefCount.decref(common);
            return PyBool.of(none);
        });
        t.addMethod("copy", (a, off, n, kw) -> {
            Args.exactly(kind + ".copy", n - 1, 0, kw);
            if (frozen) {
                RefCount.incref(a[off]);
                return a[off];
            }
            return set(a, off).copy(false);
        });
        if (frozen) {
            return;
        }
        FixedArity.procedure(t, "add", "set.add", 1, (a, off) -> set(a, off).add(a[off + 1]));
        FixedArity.procedure(t, "discard", "set.discard", 1, (a, off) -> set(a, off).discard(a[off + 1]));
        t.addMethod("remove", (a, off, n, kw) -> {
            Args.exactly("set.remove", n - 1, 1, kw);
            if (!set(a, off).discard(a[off + 1])) {
                throw new PyException(PyExc.KEY_ERROR, Ops.repr(a[off + 1]));
            }
            return PyNone.newRef();
        });
        FixedArity.function(t, "pop", "set.pop", 0, (a, off) -> set(a, off).pop());
        FixedArity.procedure(t, "clear", "set.clear", 0, (a, off) -> set(a, off).clear());
        t.addMethod("update", (a, off, n, kw) -> {
            Args.noKeywords("set.update", kw);
            for (int i = 1; i < n; i++) {
                set(a, off).updateFromIterable(a[off + i]);
            }
            return PyNone.newRef();
        });
        mutator(t, "difference_update", PySet::differenceUpdate);
        mutator(t, "intersection_update", PySet::intersectionUpdate);
        mutator(t, "symmetric_difference_update", PySet::symmetricDifferenceUpdate);
    }
}
