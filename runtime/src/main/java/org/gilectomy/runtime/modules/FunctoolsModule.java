package org.gilectomy.runtime.modules;

import org.gilectomy.objects.CallableObject;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * CPython's {@code _functools} (Modules/_functoolsmodule.c): {@code reduce} and {@code partial}.
 * {@code cmp_to_key} and {@code _lru_cache_wrapper} are left to the pure-Python versions in
 * CPython's {@code functools.py}, which it uses when {@code _functools} lacks them.
 */
public final class FunctoolsModule {
    private FunctoolsModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_functools");
        Defs.def(m, "reduce", FunctoolsModule::reduce);
        Defs.type(m, Partial.TYPE);
        return m;
    }

    private static PyObject reduce(PyObject[] a, int off, int n, PyTuple kw) {
        org.gilectomy.objects.Args.between("reduce", n, 2, 3, kw);
        PyIterator it = Ops.iter(a[off + 1]);
        PyObject acc = null;
        try {
            if (n == 3) {
                acc = a[off + 2];
                RefCount.incref(acc);
            }
            for (PyObject x = it.next(); x != null; x = it.next()) {
                if (acc == null) {
                    acc = x;
                    continue;
                }
                try {
                    PyObject next = Ops.call(a[off], acc, x);
                    RefCount.decref(acc);
                    acc = next;
                } finally {
                    RefCount.decref(x);
                }
            }
        } catch (RuntimeException e) {
            RefCount.xdecref(acc);
            throw e;
        } finally {
            RefCount.decref(it);
        }
        if (acc == null) {
            throw PyExc.typeError("reduce() of empty iterable with no initial value");
        }
        return acc;
    }

    /** {@code functools.partial(func, *args, **keywords)}: immutable once made. */
    static final class Partial extends PyObject implements CallableObject, DataAttributes, org.gilectomy.refcount.GcTracked {
        static final PyType TYPE = PyType.ofModule("functools", "partial", PyType.OBJECT);

        static {
            TYPE.constructor = (a, off, n, kw) -> {
                if (n < 1) {
                    throw PyExc.typeError("type 'partial' takes at least one argument");
                }
                if (!Ops.isCallable(a[off])) {
                    throw PyExc.typeError("the first argument must be callable");
                }
                PyObject[] args = new PyObject[n - 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = a[off + 1 + i];
                    RefCount.incref(args[i]);
                }
                PyDict keywords = new PyDict();
                for (int k = 0; kw != null && k < kw.size(); k++) {
                    keywords.put(kw.getBorrowed(k), a[off + n + k]);
                }
                return new Partial(a[off], PyTuple.steal(args), keywords);
            };
        }

        private final PyObject func;
        private final PyTuple args;
        private final PyDict keywords;

        /** {@code func} borrowed; {@code args} and {@code keywords} owned. */
        Partial(PyObject func, PyTuple args, PyDict keywords) {
            RefCount.incref(func);
            this.func = func;
            this.args = args;
            this.keywords = keywords;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject call(PyObject[] a, int off, int n, PyTuple kwnames) {
            var merged = new java.util.LinkedHashMap<PyObject, PyObject>();
            var stored = keywords.itemsSnapshot(); // owned references, released after the call
            for (var e : stored) {
                merged.put(e.getKey(), e.getValue());
            }
            java.util.List<PyObject> extra = new java.util.ArrayList<>(); // references to drop afterwards
            for (int k = 0; kwnames != null && k < kwnames.size(); k++) {
                PyObject name = kwnames.getBorrowed(k);
                RefCount.incref(name);
                RefCount.incref(a[off + n + k]);
                extra.add(name);
                extra.add(a[off + n + k]);
                merged.put(name, a[off + n + k]); // a call's keyword overrides a stored one
            }
            int np = args.size() + n;
            PyObject[] all = new PyObject[np + merged.size()];
            for (int i = 0; i < args.size(); i++) {
                all[i] = args.getBorrowed(i);
            }
            System.arraycopy(a, off, all, args.size(), n);
            PyObject[] names = new PyObject[merged.size()];
            int k = 0;
            for (var e : merged.entrySet()) {
                names[k] = e.getKey();
                RefCount.incref(names[k]);
                all[np + k] = e.getValue();
                k++;
            }
            PyTuple kwTuple = names.length == 0 ? null : PyTuple.steal(names);
            try {
                return Ops.call(func, all, 0, np, kwTuple);
            } finally {
                RefCount.xdecref(kwTuple);
                for (var e : stored) {
                    RefCount.decref(e.getKey());
                    RefCount.decref(e.getValue());
                }
                extra.forEach(RefCount::decref);
            }
        }

        @Override
        public PyObject getAttribute(String name) {
            PyObject v = switch (name) {
                case "func" -> func;
                case "args" -> args;
                case "keywords" -> keywords;
                default -> null;
            };
            if (v != null) {
                RefCount.incref(v);
            }
            return v;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("functools.partial(").append(Ops.repr(func));
            for (int i = 0; i < args.size(); i++) {
                sb.append(", ").append(Ops.repr(args.getBorrowed(i)));
            }
            for (var e : keywords.itemsSnapshot()) {
                sb.append(", ").append(e.getKey() instanceof PyStr s ? s.value : Ops.repr(e.getKey()))
                        .append('=').append(Ops.repr(e.getValue()));
                RefCount.decref(e.getKey());
                RefCount.decref(e.getValue());
            }
            return sb.append(')').toString();
        }

        @Override
        protected void dealloc() {
            RefCount.decref(func);
            RefCount.decref(args);
            RefCount.decref(keywords);
        }

        // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

        @Override
        public void traverse(Visitor v) {
            v.visit(func);
            v.visit(args);
            v.visit(keywords);
        }

        /** Immutable: the keywords dict clears itself; a cycle through func or args closes in a mutable object. */
        @Override
        public void clearReferences() {
        }
    }
}
