package org.gilectomy.runtime.modules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * {@code collections.defaultdict}: a dict (it is one, for {@code isinstance} and every dict
 * operation) whose missing keys get {@code default_factory()}.
 *
 * <pre>
 * Overview
 *
 * factory: an owned reference (None when absent), read with getAcquire and replaced with
 * getAndSet through FACTORY, so a reader racing an assignment holds either value, and each old
 * value is released once. A reader increfs what it read before calling it; the writer's
 * release of the old value can then not free it under the reader (a reader that read it holds
 * the GIL or, free-threaded, reads it in the dict's critical section, where the writer
 * replaces it too).
 *
 * __missing__(key): value = factory(); then setdefault(key, value) on the dict's own
 * machinery, so two threads missing the same key at once both get the one value stored, where
 * a plain store would let the second overwrite the first's (CPython 3.13t stores, and can).
 *
 * Field     access
 * factory   VarHandle FACTORY: getAcquire, getAndSet; changed inside the dict's section
 * </pre>
 */
final class PyDefaultDict extends PyDict implements DataAttributes {
    static final PyType TYPE = PyType.ofModule("collections", "defaultdict", PyDict.TYPE);
    private static final VarHandle FACTORY;

    static {
        try {
            FACTORY = MethodHandles.lookup().findVarHandle(PyDefaultDict.class, "factory", PyObject.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through FACTORY
    private volatile PyObject factory;

    /** {@code factory} borrowed: the new dict takes its own reference. */
    PyDefaultDict(PyObject factory) {
        RefCount.incref(factory);
        this.factory = factory;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The factory as a new reference (None if there is none). */
    PyObject factory() {
        org.gilectomy.locks.CriticalSection.begin(this);
        try {
            PyObject f = (PyObject) FACTORY.getAcquire(this);
            RefCount.incref(f);
            return f;
        } finally {
            org.gilectomy.locks.CriticalSection.end();
        }
    }

    /** Checks a factory as CPython's constructor does. */
    static void checkFactory(PyObject f) {
        if (f != PyNone.NONE && !Ops.isCallable(f)) {
            throw PyExc.typeError("first argument must be callable or None");
        }
    }

    @Override
    public PyObject missing(PyObject key) {
        PyObject f = factory();
        try {
            if (f == PyNone.NONE) {
                return super.missing(key);
            }
            PyObject value = Ops.call(f);
            try {
                return setDefault(key, value);
            } finally {
                RefCount.decref(value);
            }
        } finally {
            RefCount.decref(f);
        }
    }

    @Override
    public String ownRepr() {
        PyObject f = factory();
        try {
            return "defaultdict(" + (f == PyNone.NONE ? "None" : Ops.repr(f)) + ", " + Ops.dictRepr(this) + ")";
        } finally {
            RefCount.decref(f);
        }
    }

    @Override
    public PyObject getAttribute(String name) {
        return name.equals("default_factory") ? factory() : null;
    }

    @Override
    public boolean setAttribute(String name, PyObject value) {
        if (!name.equals("default_factory")) {
            return false;
        }
        PyObject v = value == null ? PyNone.NONE : value;
        RefCount.incref(v);
        PyObject old;
        org.gilectomy.locks.CriticalSection.begin(this);
        try {
            old = (PyObject) FACTORY.getAndSet(this, v);
        } finally {
            org.gilectomy.locks.CriticalSection.end();
        }
        RefCount.decref(old);
        return true;
    }

    @Override
    public boolean deleteAttribute(String name) {
        return setAttribute(name, null);
    }

    /** After the pairs (PyDict's dealloc, which is also its clear()): the factory. */
    @Override
    protected void afterFree() {
        RefCount.decref((PyObject) FACTORY.getAndSet(this, (PyObject) null));
        super.afterFree();
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        super.traverse(v);
        v.visit((PyObject) FACTORY.getAcquire(this));
    }

    /** The factory becomes None (the dict stays valid), then the pairs go. */
    @Override
    public void clearReferences() {
        setAttribute("default_factory", null);
        super.clearReferences();
    }
}
