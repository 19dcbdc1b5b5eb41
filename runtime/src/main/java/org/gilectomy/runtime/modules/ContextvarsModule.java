package org.gilectomy.runtime.modules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Container;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.ThreadState;

/*
 * Overview
 *
 * CPython's _contextvars (PEP 567): ContextVar, Token, Context, copy_context. Each thread has
 * its own current Context (ThreadState.context, touched by that thread only; a new thread
 * starts with an empty one, as in CPython 3.11). A Context's mapping is an immutable Java map
 * replaced whole on every set (CPython uses a persistent HAMT), published through a volatile
 * field, so another thread reading a Context (ctx[var], copy) sees one consistent mapping with
 * no lock; only the thread that entered a Context writes it. Entering is a compare-and-set of
 * the Context's entered flag (ENTERED): two threads cannot enter one Context at once, the
 * second gets CPython's RuntimeError. A Token's one use is a compare-and-set too (USED).
 *
 * Counting: a Context owns a reference to every value in its mapping; a set takes one to the
 * new value and releases the replaced one. Known gap: Contexts are not tracked by the cycle
 * collector, so a value that refers back to its Context keeps both alive; a Context hashes and
 * compares by identity (CPython: unhashable, == compares the mappings); keys(), values() and
 * items() return lists.
 */
public final class ContextvarsModule {
    static final PyType CONTEXT_VAR = PyType.ofModule("_contextvars", "ContextVar", null);
    static final PyType TOKEN = PyType.ofModule("_contextvars", "Token", null);
    static final PyType CONTEXT = PyType.ofModule("_contextvars", "Context", null);
    private static final PyType MISSING_TYPE = PyType.ofModule("_contextvars", "Token.MISSING", null);
    /** {@code Token.MISSING}: the old value of a variable that had none. */
    static final PyObject MISSING = new PyObject(org.gilectomy.refcount.RefCounted.STATIC_REFS) {
        @Override
        public PyType type() {
            return MISSING_TYPE;
        }

        @Override
        public String toString() {
            return "<Token.MISSING>";
        }
    };

    private ContextvarsModule() {
    }

    static final class Var extends PyObject {
        final String name;
        final PyObject dflt; // owned, or null

        Var(String name, PyObject dflt) {
            this.name = name;
            this.dflt = dflt;
        }

        @Override
        public PyType type() {
            return CONTEXT_VAR;
        }

        @Override
        public String toString() {
            return "<ContextVar name=" + PyStr.repr(name) + (dflt == null ? "" : " default=" + Ops.repr(dflt))
                    + " at " + address(this) + ">";
        }

        @Override
        protected void dealloc() {
            RefCount.xdecref(dflt);
        }
    }

    static final class Context extends PyObject implements Container {
        private volatile Map<Var, PyObject> vars;
        private volatile boolean entered;
        private static final java.lang.invoke.VarHandle ENTERED;

        static {
            try {
                ENTERED = java.lang.invoke.MethodHandles.lookup().findVarHandle(Context.class, "entered", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** A Context holding {@code vars} (a new reference to each value is taken). */
        Context(Map<Var, PyObject> vars) {
            vars.values().forEach(RefCount::incref);
            this.vars = vars;
        }

        @Override
        public PyType type() {
            return CONTEXT;
        }

        @Override
        public String toString() {
            return "<_contextvars.Context object at " + address(this) + ">";
        }

        /** Only by the thread that entered this Context (or its thread's current one). */
        void put(Var v, PyObject value) {
            Map<Var, PyObject> next = new LinkedHashMap<>(vars);
            RefCount.incref(value);
            PyObject old = next.put(v, value);
            vars = java.util.Collections.unmodifiableMap(next);
            RefCount.xdecref(old);
        }

        void remove(Var v) {
            Map<Var, PyObject> next = new LinkedHashMap<>(vars);
            PyObject old = next.remove(v);
            vars = java.util.Collections.unmodifiableMap(next);
            RefCount.xdecref(old);
        }

        @Override
        public long length() {
            return vars.size();
        }

        @Override
        public PyIterator iterator() {
            PyObject[] keys = vars.keySet().toArray(new PyObject[0]);
            for (PyObject k : keys) {
                RefCount.incref(k);
            }
            return PyIterator.overOwned(PyIterator.TYPE, keys);
        }

        @Override
        public boolean containsItem(PyObject item) {
            return vars.containsKey(varArg(item));
        }

        @Override
        protected void dealloc() {
            vars.values().forEach(RefCount::decref);
        }
    }

    static final class Token extends PyObject {
        final Var var;
        final Context context;
        final PyObject old; // owned, or null for MISSING
        private volatile boolean used;
        private static final java.lang.invoke.VarHandle USED;

        static {
            try {
                USED = java.lang.invoke.MethodHandles.lookup().findVarHandle(Token.class, "used", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Token(Var var, Context context, PyObject old) {
            RefCount.incref(var);
            RefCount.incref(context);
            this.var = var;
            this.context = context;
            this.old = old;
        }

        @Override
        public PyType type() {
            return TOKEN;
        }

        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + " at " + address(this) + ">";
        }

        @Override
        protected void dealloc() {
            RefCount.decref(var);
            RefCount.decref(context);
            RefCount.xdecref(old);
        }
    }

    /** This thread's current Context, made empty on first need. */
    private static Context current() {
        ThreadState ts = ThreadState.current();
        if (ts.context == null) {
            ts.context = new Context(Map.of());
        }
        return (Context) ts.context;
    }

    private static Var varArg(PyObject o) {
        if (o instanceof Var v) {
            return v;
        }
        throw PyExc.typeError("a ContextVar key was expected, got " + Ops.repr(o));
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    public static PyModule module() {
        PyModule m = new PyModule("_contextvars");
        CONTEXT_VAR.constructor = (a, off, n, kw) -> {
            if (n > 1) {
                throw PyExc.typeError("ContextVar() takes at most 1 positional argument (" + n + " given)");
            }
            PyObject[] p = org.gilectomy.runtime.interp.Params.bind("ContextVar", a, off, n, kw, 1, "name", "default");
            if (!(p[0] instanceof PyStr name)) {
                throw PyExc.typeError("context variable name must be a str");
            }
            if (p[1] != null) {
                RefCount.incref(p[1]);
            }
            return new Var(name.value, p[1]);
        };
        CONTEXT_VAR.addGetter("name", o -> PyStr.of(((Var) o).name));
        CONTEXT_VAR.addMethod("get", (a, off, n, kw) -> {
            Args.between("get", n - 1, 0, 1, kw);
            Var v = (Var) a[off];
            PyObject value = current().vars.get(v);
            if (value != null) {
                return newRef(value);
            }
            if (n > 1) {
                return newRef(a[off + 1]);
            }
            if (v.dflt != null) {
                return newRef(v.dflt);
            }
            throw new PyException(PyExc.LOOKUP_ERROR, null, newRef(v));
        });
        CONTEXT_VAR.addMethod("set", (a, off, n, kw) -> {
            Args.exactly("set", n - 1, 1, kw);
            Var v = (Var) a[off];
            Context c = current();
            PyObject old = c.vars.get(v);
            if (old != null) {
                RefCount.incref(old);
            }
            Token t = new Token(v, c, old);
            c.put(v, a[off + 1]);
            return t;
        });
        CONTEXT_VAR.addMethod("reset", (a, off, n, kw) -> {
            Args.exactly("reset", n - 1, 1, kw);
            Var v = (Var) a[off];
            if (!(a[off + 1] instanceof Token t)) {
                throw PyExc.typeError("expected an instance of Token, got " + Ops.repr(a[off + 1]));
            }
            if (t.used) {
                throw new PyException(PyExc.RUNTIME_ERROR, t + " has already been used once");
            }
            if (t.var != v) {
                throw PyExc.valueError(t + " was created by a different ContextVar");
            }
            Context c = current();
            if (t.context != c) {
                throw PyExc.valueError(t + " was created in a different Context");
            }
            if (!Token.USED.compareAndSet(t, false, true)) {
                throw new PyException(PyExc.RUNTIME_ERROR, t + " has already been used once");
            }
            if (t.old == null) {
                c.remove(v);
            } else {
                c.put(v, t.old);
            }
            return PyNone.newRef();
        });
        TOKEN.addGetter("var", o -> newRef(((Token) o).var));
        TOKEN.addGetter("old_value", o -> newRef(((Token) o).old == null ? MISSING : ((Token) o).old));
        TOKEN.addAttribute("MISSING", MISSING);
        CONTEXT.constructor = (a, off, n, kw) -> {
            if (n > 0 || kw != null) {
                throw PyExc.typeError("Context() does not accept any arguments");
            }
            return new Context(Map.of());
        };
        CONTEXT.addMethod("run", (a, off, n, kw) -> {
            if (n < 2) {
                throw PyExc.typeError("run() missing 1 required positional argument");
            }
            return run((Context) a[off], a, off + 1, n - 1, kw);
        });
        CONTEXT.addMethod("copy", (a, off, n, kw) -> {
            Args.exactly("copy", n - 1, 0, kw);
            return new Context(((Context) a[off]).vars);
        });
        CONTEXT.addMethod("__getitem__", (a, off, n, kw) -> {
            PyObject value = ((Context) a[off]).vars.get(varArg(a[off + 1]));
            if (value == null) {
                throw Ops.keyError(a[off + 1]);
            }
            return newRef(value);
        });
        CONTEXT.addMethod("get", (a, off, n, kw) -> {
            Args.between("get", n - 1, 1, 2, kw);
            PyObject value = ((Context) a[off]).vars.get(varArg(a[off + 1]));
            return newRef(value != null ? value : n > 2 ? a[off + 2] : PyNone.NONE);
        });
        CONTEXT.addMethod("keys", (a, off, n, kw) -> list(((Context) a[off]).vars, 0));
        CONTEXT.addMethod("values", (a, off, n, kw) -> list(((Context) a[off]).vars, 1));
        CONTEXT.addMethod("items", (a, off, n, kw) -> list(((Context) a[off]).vars, 2));
        Defs.type(m, CONTEXT_VAR);
        Defs.type(m, TOKEN);
        Defs.type(m, CONTEXT);
        Defs.def(m, "copy_context", (a, off, n, kw) -> {
            Args.exactly("copy_context", n, 0, kw);
            return new Context(current().vars);
        });
        return m;
    }

    /** Context.run: {@code f(args)} with {@code c} as this thread's current Context meanwhile. */
    private static PyObject run(Context c, PyObject[] a, int off, int n, PyTuple kw) {
        if (!Context.ENTERED.compareAndSet(c, false, true)) {
            throw new PyException(PyExc.RUNTIME_ERROR, "cannot enter context: " + c + " is already entered");
        }
        ThreadState ts = ThreadState.current();
        PyObject saved = ts.context;
        RefCount.incref(c);
        ts.context = c;
        try {
            return Ops.call(a[off], a, off + 1, n - 1, kw);
        } finally {
            ts.context = saved;
            RefCount.decref(c);
            c.entered = false;
        }
    }

    /** {@code keys()} (0), {@code values()} (1) or {@code items()} (2), as a list. */
    private static PyObject list(Map<Var, PyObject> vars, int what) {
        PyList l = new PyList();
        for (Map.Entry<Var, PyObject> e : vars.entrySet()) {
            PyObject item = what == 0 ? newRef(e.getKey()) : what == 1 ? newRef(e.getValue())
                    : PyTuple.steal(new PyObject[] {newRef(e.getKey()), newRef(e.getValue())});
            l.append(item);
            RefCount.decref(item);
        }
        return l;
    }
}
