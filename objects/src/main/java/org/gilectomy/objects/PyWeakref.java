package org.gilectomy.objects;

import java.util.ArrayList;
import org.gilectomy.refcount.Finalizers;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCounted;

/**
 * A weak reference ({@code _weakref.ref}, and {@code proxy}): refers to an object without
 * keeping it alive; cleared when the object dies, then its callback is called with it.
 *
 * <pre>
 * Overview
 *
 * The referent's RefCounted.weakRefs holds its {@link Referents}: the weak references to it,
 * an array list guarded by the Referents' monitor. A weak reference's referent field is
 * written (set at creation, cleared once) only under that monitor; it owns no reference.
 *
 * make:   lock; append (or, for a plain ref without callback, return the one already there,
 *         as CPython shares it); unlock. The maker holds a reference to the referent.
 * get:    lock; r = referent; if r != null take a reference: tryIncref (refused at count
 *         zero: the object is being freed, the reference is as good as cleared); unlock.
 * clear:  (Finalizers, at count zero before dealloc, or on cyclic garbage) lock; for each
 *         reference: referent = null, and if it has a callback and is alive, take a
 *         reference to it; unlock; then call each callback with its reference (outside the
 *         lock: Finalizers runs them in a call-out or on a Python thread).
 * free of a weak reference: lock its referent's list, remove it, unlock.
 * hash:   computed once from the live referent, then kept (volatile long, -1 unset).
 *
 * Under BUFFERED counts (no tryIncref) make refuses: a reader's incref could meet the count
 * at zero between the committer's last decref and the free, and no lock here can order them.
 *
 * Not promised: callbacks of weak references that are themselves garbage are called, where
 * CPython skips them.
 * </pre>
 */
public class PyWeakref extends SubclassableDescriptor implements CallableObject, DataAttributes {
    public static final PyType REF = PyType.ofModule("weakref", "ReferenceType", null);
    public static final PyType PROXY = PyType.ofModule("weakref", "ProxyType", null);
    public static final PyType CALLABLE_PROXY = PyType.ofModule("weakref", "CallableProxyType", null);

    private final PyType cls;
    private volatile PyObject referent; // not owned; written under the referent's Referents lock
    private final PyObject callback; // owned; null if none
    private volatile long hash = -1;

    private PyWeakref(PyType cls, PyObject referent, PyObject callback, boolean subclassInstance) {
        super(subclassInstance);
        this.cls = cls;
        this.referent = referent;
        this.callback = callback == PyNone.NONE ? null : callback;
        if (this.callback != null) {
            RefCount.incref(this.callback);
        }
    }

    /** {@code ref(o, callback)} ({@code cls} REF or a subclass) or {@code proxy(o, callback)} (cls PROXY): a new reference. */
    public static PyWeakref make(PyType cls, PyObject o, PyObject callback) {
        if (!RefCount.SUPPORTS_TRY_INCREF) {
            // BUFFERED: see the overview (c2_weakref_threads.py failed most runs before this refusal).
            throw PyExc.notImplemented("a weak reference under buffered reference counts (gilectomy-buffered)");
        }
        if (!weaklyReferenceable(o)) {
            throw PyExc.typeError("cannot create weak reference to '" + o.type().name() + "' object");
        }
        if (cls == PROXY && Ops.isCallable(o)) {
            cls = CALLABLE_PROXY;
        }
        Referents list = Referents.of(o);
        boolean shared = (callback == null || callback == PyNone.NONE) && (cls == REF || cls == PROXY || cls == CALLABLE_PROXY);
        synchronized (list) {
            if (shared) {
                for (PyWeakref w : list.refs) {
                    if (w.cls == cls && w.callback == null && RefCount.tryIncref(w)) {
                        return w;
                    }
                }
            }
            PyWeakref w = cls.isHeapType() ? new Sub(cls, o, callback) : new PyWeakref(cls, o, callback, false);
            list.refs.add(w);
            return w;
        }
    }

    /** CPython's rule, for the types this runtime has: instances of classes, classes, functions, sets, generators, modules. */
    private static boolean weaklyReferenceable(PyObject o) {
        return o instanceof PyInstance && !(o instanceof PyBaseException) || o instanceof PyType || o instanceof PyFunction
                || o instanceof PySet || o instanceof PyModule || o instanceof PyBoundMethod || o instanceof BuiltinSubclass
                        && !(o instanceof PyTuple || o instanceof PyInt || o instanceof PyStr)
                || o.type().fullName().equals("generator");
    }

    /** The referent as a new reference, or null if it is dead. */
    public PyObject get() {
        PyObject r = referent;
        if (r == null) {
            return null;
        }
        Referents list = (Referents) r.weakRefsAcquire();
        synchronized (list) {
            r = referent;
            return r != null && RefCount.tryIncref(r) ? r : null;
        }
    }

    /** Callback, or null. */
    public PyObject callbackBorrowed() {
        return callback;
    }

    @Override
    public PyType type() {
        return cls;
    }

    /** {@code str(proxy)}: the referent's. */
    String proxyStr() {
        PyObject r = live();
        try {
            return Ops.str(r);
        } finally {
            RefCount.decref(r);
        }
    }

    boolean isProxy() {
        return cls == PROXY || cls == CALLABLE_PROXY;
    }

    @Override
    public PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames) {
        if (isProxy()) {
            PyObject r = live();
            try {
                return Ops.call(r, args, off, nargs, kwnames);
            } finally {
                RefCount.decref(r);
            }
        }
        Args.exactly("weakref", nargs, 0, kwnames);
        PyObject r = get();
        return r == null ? PyNone.newRef() : r;
    }

    /** A proxy's referent (new reference), or CPython's ReferenceError. */
    PyObject live() {
        PyObject r = get();
        if (r == null) {
            throw new PyException(PyExc.REFERENCE_ERROR, "weakly-referenced object no longer exists");
        }
        return r;
    }

    /** Python's hash: the referent's, kept once computed. */
    long pyHash() {
        if (isProxy()) {
            throw PyExc.typeError("unhashable type: '" + cls.name() + "'");
        }
        long h = hash;
        if (h != -1) {
            return h;
        }
        PyObject r = get();
        if (r == null) {
            throw PyExc.typeError("weak object has gone away");
        }
        try {
            h = Hashing.hash(r);
        } finally {
            RefCount.decref(r);
        }
        hash = h;
        return h;
    }

    @Override
    public int hashCode() {
        return attributes != null ? BuiltinSubclasses.hashCode(this, () -> Long.hashCode(pyHash())) : Long.hashCode(pyHash());
    }

    @Override
    public boolean equals(Object o) {
        return attributes != null ? BuiltinSubclasses.equals(this, o, this::refEquals) : refEquals(o);
    }

    /** Two live references compare their referents; otherwise identity, as CPython's. */
    private boolean refEquals(Object o) {
        if (!(o instanceof PyWeakref other) || isProxy() || other.isProxy()) {
            return this == o;
        }
        PyObject a = get();
        PyObject b = other.get();
        try {
            return a == null || b == null ? this == other : Ops.eq(a, b);
        } finally {
            RefCount.xdecref(a);
            RefCount.xdecref(b);
        }
    }

    @Override
    public String toString() {
        PyObject r = referent;
        String kind = isProxy() ? "weakproxy" : "weakref";
        if (r == null) {
            return "<" + kind + " at " + address(this) + "; dead>";
        }
        PyObject name = r instanceof PyFunction || r instanceof PyType || r instanceof PyModule ? Ops.attrOrNull(r, "__name__") : null;
        try {
            return "<" + kind + " at " + address(this) + "; to '" + r.type().name() + "' at " + address(r)
                    + (name instanceof PyStr n ? " (" + n.value + ")" : "") + ">";
        } finally {
            RefCount.xdecref(name);
        }
    }

    @Override
    protected void dealloc() {
        detach();
        RefCount.xdecref(callback);
    }

    /** Leaves the referent's list (under its lock), unless already cleared. */
    private void detach() {
        PyObject r = referent;
        if (r != null) {
            Referents list = (Referents) r.weakRefsAcquire();
            synchronized (list) {
                if (referent != null) {
                    list.refs.remove(this);
                    referent = null;
                }
            }
        }
    }

    /** {@code getweakrefcount(o)}. */
    public static int count(PyObject o) {
        Object l = o.weakRefsAcquire();
        if (l == null) {
            return 0;
        }
        synchronized (l) {
            return ((Referents) l).refs.size();
        }
    }

    /** {@code getweakrefs(o)}: a new list of new references. */
    public static PyList all(PyObject o) {
        PyList out = new PyList();
        Object l = o.weakRefsAcquire();
        if (l != null) {
            synchronized (l) {
                for (PyWeakref w : ((Referents) l).refs) {
                    if (RefCount.tryIncref(w)) {
                        out.append(w);
                        RefCount.decref(w);
                    }
                }
            }
        }
        return out;
    }

    /** The weak references to one object (its RefCounted.weakRefs); guarded by its monitor. */
    static final class Referents {
        final ArrayList<PyWeakref> refs = new ArrayList<>(2);

        static Referents of(PyObject o) {
            Object l = o.weakRefsAcquire();
            return (Referents) (l != null ? l : o.weakRefsInstall(new Referents()));
        }

        /** Finalizers' clear: every reference cleared; the callbacks, to run after. */
        Runnable clear() {
            ArrayList<PyWeakref> called = new ArrayList<>();
            synchronized (this) {
                for (int i = refs.size() - 1; i >= 0; i--) { // newest first, as CPython calls them
                    PyWeakref w = refs.get(i);
                    w.referent = null;
                    if (w.callback != null && RefCount.tryIncref(w)) {
                        called.add(w);
                    }
                }
                refs.clear();
            }
            return called.isEmpty() ? null : () -> {
                for (PyWeakref w : called) {
                    try {
                        RefCount.decref(Ops.call(w.callback, w));
                    } catch (PyException e) {
                        Unraisable.report(Ops.repr(w.callback), e);
                    } finally {
                        RefCount.decref(w);
                    }
                }
            };
        }
    }

    static {
        Finalizers.installWeakClearer(new Finalizers.WeakClearer() {
            @Override
            public Runnable clear(RefCounted o, Object list) {
                return ((Referents) list).clear();
            }

            @Override
            public boolean any(Object list) {
                synchronized (list) {
                    return !((Referents) list).refs.isEmpty();
                }
            }
        });
    }

    /** ref's constructor, {@code __new__} for subclasses, {@code __init__}, {@code __callback__}; start-up (BuiltinSubclasses). */
    static void install() {
        REF.constructor = (a, off, n, kw) -> make(REF, a[off], refCallback("ref", a, off, n, kw));
        BuiltinSubclasses.newOf(REF, (cls, a, off, n, kw) -> make(cls, a[off], refCallback(cls.name(), a, off, n, kw)));
        REF.addMethod("__init__", (a, off, n, kw) -> {
            refCallback("__init__", a, off + 1, n - 1, kw);
            return PyNone.newRef();
        });
        REF.addGetter("__callback__", o -> {
            PyObject c = ((PyWeakref) o).callback;
            return c == null ? PyNone.newRef() : newRef(c);
        });
    }

    /** {@code ref(ob, callback=None)}'s callback (null when absent), the arguments checked as CPython's. */
    private static PyObject refCallback(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        if (kw != null) {
            throw PyExc.typeError(fn + "() takes no keyword arguments");
        }
        Args.between(fn, n, 1, 2, null);
        return n == 2 ? a[off + 1] : null;
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    /** A proxy's attributes are its referent's. */
    @Override
    public PyObject getAttribute(String name) {
        if (!isProxy()) {
            return null;
        }
        PyObject r = live();
        try {
            return Ops.getAttr(r, name);
        } finally {
            RefCount.decref(r);
        }
    }

    @Override
    public boolean setAttribute(String name, PyObject value) {
        if (!isProxy()) {
            return false;
        }
        PyObject r = live();
        try {
            Ops.setAttr(r, name, value);
        } finally {
            RefCount.decref(r);
        }
        return true;
    }

    @Override
    public boolean deleteAttribute(String name) {
        if (!isProxy()) {
            return false;
        }
        PyObject r = live();
        try {
            Ops.delAttr(r, name);
        } finally {
            RefCount.decref(r);
        }
        return true;
    }

    /** An instance of a Python subclass of ref ({@code weakref.KeyedRef}, {@code WeakMethod}). */
    static final class Sub extends PyWeakref implements BuiltinSubclass {
        Sub(PyType cls, PyObject referent, PyObject callback) {
            super(cls, referent, callback, true);
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }
    }
}
