package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.IteratorTypes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyRange;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The built-ins over iterables: {@code iter}, {@code next}, {@code any}, {@code all}, and the
 * lazy ones, {@code map}, {@code filter}, {@code zip}, {@code enumerate}, {@code reversed}, whose
 * iterators call back into Python (through {@link Ops#call}) one item at a time, as CPython's do.
 */
final class IterBuiltins {
    static final PyType MAP = new PyType("map", null);
    static final PyType FILTER = new PyType("filter", null);
    static final PyType ZIP = new PyType("zip", null);
    static final PyType ENUMERATE = new PyType("enumerate", null);
    static final PyType REVERSED = new PyType("reversed", null);

    private IterBuiltins() {
    }

    static void install(Builtins b) {
        b.function("iter", (a, off, n, kw) -> {
            Args.between("iter", n, 1, 2, kw);
            if (n == 2) {
                throw PyExc.notImplemented("iter(callable, sentinel)");
            }
            return Ops.iter(a[off]);
        });
        b.function("next", IterBuiltins::next);
        b.function("aiter", (a, off, n, kw) -> { // type(o).__aiter__(o), which must be an async iterator
            Args.exactly("aiter", n, 1, kw);
            PyObject it = Delegation.callSpecial(a[off], "__aiter__");
            if (it == null) {
                throw PyExc.typeError("'" + a[off].type().name() + "' object is not an async iterable");
            }
            PyObject next = it.type().lookup("__anext__");
            if (next == null) {
                String type = it.type().name();
                RefCount.decref(it);
                throw PyExc.typeError("aiter() returned not an async iterator of type '" + type + "'");
            }
            RefCount.decref(next);
            return it;
        });
        b.function("anext", (a, off, n, kw) -> { // type(it).__anext__(it): the awaitable of the next item
            Args.between("anext", n, 1, 2, kw);
            if (n == 2) {
                throw PyExc.notImplemented("anext() with a default");
            }
            PyObject r = Delegation.callSpecial(a[off], "__anext__");
            if (r == null) {
                throw PyExc.typeError("'" + a[off].type().name() + "' object is not an async iterator");
            }
            return r;
        });
        b.function("any", (a, off, n, kw) -> {
            Args.exactly("any", n, 1, kw);
            return PyBool.of(anyMatches(a[off], true));
        });
        b.function("all", (a, off, n, kw) -> {
            Args.exactly("all", n, 1, kw);
            return PyBool.of(!anyMatches(a[off], false));
        });
        b.type("map", MAP, (a, off, n, kw) -> {
            Args.noKeywords("map", kw);
            if (n < 2) {
                throw PyExc.typeError("map() must have at least two arguments.");
            }
            return new Mapped(MAP, a[off], iterators(a, off + 1, n - 1), false);
        });
        b.type("filter", FILTER, (a, off, n, kw) -> {
            Args.noKeywords("filter", kw);
            if (n != 2) {
                throw PyExc.typeError("filter expected 2 arguments, got " + n);
            }
            return new Mapped(FILTER, a[off], iterators(a, off + 1, 1), true);
        });
        b.type("zip", ZIP, (a, off, n, kw) -> {
            PyObject[] opts = Keywords.get("zip", a, off + n, kw, "strict");
            if (opts[0] != null && Ops.isTrue(opts[0])) {
                throw PyExc.notImplemented("zip(strict=True)");
            }
            return new Mapped(ZIP, null, iterators(a, off, n), false);
        });
        b.type("enumerate", ENUMERATE, (a, off, n, kw) -> {
            PyObject[] p = Params.bind("enumerate", a, off, n, kw, 1, "iterable", "start");
            long start = p[1] == null ? 0 : Args.asLong(p[1]);
            return new Enumerated(Ops.iter(p[0]), start);
        });
        b.type("reversed", REVERSED, (a, off, n, kw) -> {
            Args.exactly("reversed", n, 1, kw);
            return reversed(a[off]);
        });
    }

    private static PyObject next(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("next", n, 1, 2, kw);
        PyObject r = Ops.next(a[off]); // iterators and instances with __next__
        if (r != null) {
            return r;
        }
        if (n == 2) {
            RefCount.incref(a[off + 1]);
            return a[off + 1];
        }
        throw new PyException(PyExc.STOP_ITERATION, "");
    }

    /** Whether some item's truth is {@code truth}, stopping at the first. */
    private static boolean anyMatches(PyObject iterable, boolean truth) {
        PyIterator it = Ops.iter(iterable);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                boolean t;
                try {
                    t = Ops.isTrue(x);
                } finally {
                    RefCount.decref(x);
                }
                if (t == truth) {
                    return true;
                }
            }
            return false;
        } finally {
            RefCount.decref(it);
        }
    }

    private static PyIterator[] iterators(PyObject[] a, int off, int n) {
        PyIterator[] its = new PyIterator[n];
        try {
            for (int i = 0; i < n; i++) {
                its[i] = Ops.iter(a[off + i]);
            }
        } catch (PyException e) {
            for (PyIterator it : its) {
                RefCount.xdecref(it);
            }
            throw e;
        }
        return its;
    }

    private static PyObject reversed(PyObject o) {
        if (o instanceof PyRange r) {
            return r.reversedIterator();
        }
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyDict) {
            PyObject[] items = Builtins.collect(o);
            java.util.Collections.reverse(java.util.Arrays.asList(items));
            PyType type = o instanceof PyList ? IteratorTypes.LIST_REVERSE
                    : o instanceof PyDict ? IteratorTypes.DICT_REVERSE_KEYS : REVERSED;
            return PyIterator.overOwned(type, items);
        }
        if (o instanceof org.gilectomy.objects.IndexedSequence q) {
            return q.reversedIterator();
        }
        throw PyExc.typeError("'" + o.type().name() + "' object is not reversible");
    }

    /**
     * map (function over the items of one or more iterators), filter (items whose function
     * value, or own value for None, is true) and zip (function null: tuples of the items).
     */
    static final class Mapped extends PyIterator implements org.gilectomy.refcount.GcTracked {
        private final PyType type;
        private PyObject function; // owned, null for zip
        private PyIterator[] sources; // owned; null once exhausted
        private final boolean filter;

        Mapped(PyType type, PyObject function, PyIterator[] ownedSources, boolean filter) {
            this.type = type;
            if (function != null) {
                RefCount.incref(function);
            }
            this.function = function;
            this.sources = ownedSources;
            this.filter = filter;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public PyObject next() {
            while (sources != null) {
                if (sources.length == 0) { // zip() with no iterables is empty
                    release();
                    return null;
                }
                PyObject[] items = new PyObject[sources.length];
                for (int i = 0; i < items.length; i++) {
                    items[i] = sources[i].next();
                    if (items[i] == null) {
                        for (int j = 0; j < i; j++) {
                            RefCount.decref(items[j]);
                        }
                        release();
                        return null;
                    }
                }
                if (function == null) {
                    return PyTuple.steal(items);
                }
                if (!filter) {
                    try {
                        return Ops.call(function, items);
                    } finally {
                        for (PyObject x : items) {
                            RefCount.decref(x);
                        }
                    }
                }
                boolean keep;
                try {
                    if (function == PyNone.NONE) {
                        keep = Ops.isTrue(items[0]);
                    } else {
                        PyObject v = Ops.call(function, items);
                        keep = Ops.isTrue(v);
                        RefCount.decref(v);
                    }
                } catch (PyException e) {
                    RefCount.decref(items[0]);
                    throw e;
                }
                if (keep) {
                    return items[0];
                }
                RefCount.decref(items[0]);
            }
            return null;
        }

        private void release() {
            PyIterator[] s = sources;
            PyObject f = function;
            sources = null;
            function = null;
            if (s != null) {
                for (PyIterator it : s) {
                    RefCount.decref(it);
                }
            }
            RefCount.xdecref(f);
        }

        @Override
        protected void dealloc() {
            release();
        }

        @Override
        public void traverse(Visitor v) {
            v.visit(function);
            PyIterator[] s = sources;
            if (s != null) {
                for (PyIterator it : s) {
                    v.visit(it);
                }
            }
        }

        /** Exhausts the iterator, as its end does. */
        @Override
        public void clearReferences() {
            release();
        }
    }

    /** {@code enumerate(iterable, start)}: (index, item) tuples. */
    static final class Enumerated extends PyIterator implements org.gilectomy.refcount.GcTracked {
        private PyIterator source; // owned; null once exhausted
        private long index;

        Enumerated(PyIterator ownedSource, long start) {
            this.source = ownedSource;
            this.index = start;
        }

        @Override
        public PyType type() {
            return ENUMERATE;
        }

        @Override
        public PyObject next() {
            PyIterator s = source;
            if (s == null) {
                return null;
            }
            PyObject x = s.next();
            if (x == null) {
                source = null;
                RefCount.decref(s);
                return null;
            }
            return PyTuple.steal(new PyObject[] {PyInt.of(index++), x});
        }

        @Override
        protected void dealloc() {
            clearReferences();
        }

        @Override
        public void traverse(Visitor v) {
            v.visit(source);
        }

        /** Exhausts the iterator, as its end does. */
        @Override
        public void clearReferences() {
            PyIterator s = source;
            source = null;
            RefCount.xdecref(s);
        }
    }
}
