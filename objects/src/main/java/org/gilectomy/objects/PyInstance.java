package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.refcount.RefCount;

/**
 * An instance of a class made by a class statement: its class and its attributes.
 *
 * <pre>
 * Overview
 *
 * Attributes live in one of two modes:
 *   shape mode  shape != null: attribute i (name shape.keyAt(i)) is values[i], an owned,
 *               non-null reference, for i < shape.size(); values may be longer (spare room).
 *               Instances of a class that set the same names in the same order share shapes,
 *               so the eval loop's inline caches (AttrCache) find an attribute by a shape
 *               identity check and an array index: no hashing, no string compare.
 *   dict mode   shape == null: the attributes are in dict, a PyDict (its own lock). Entered,
 *               for good, when __dict__ is asked for (the dict must then be the live
 *               namespace), on del of an attribute, or beyond Shape.MAX_KEYS names.
 *
 * Free-threaded builds: every read and write of values and dict, and every write of shape,
 * holds this object's critical section; a read increfs the value before unlocking and a
 * write decrefs the displaced value after unlocking, so a concurrent set can neither lose
 * another attribute (adding a name copies values and moves shape under the lock) nor hand
 * out a freed object.
 * The one lock-free read is shapeAcquire() (LOAD_METHOD's "does the instance shadow this
 * name?" check): shapes are immutable and only the pointer changes, written with a release
 * store under the lock. A stale shape there means the method call is ordered before a
 * concurrent attribute set that shadows it, as if the read had taken the lock first.
 * GIL build: the locks compile to nothing, and the GIL orders everything.
 *
 * Field    access
 * shape    written under the lock with setRelease; read under the lock (plain) or without
 *          it with getAcquire
 * values   guarded by the object lock
 * dict     guarded by the object lock; once set never changes before dealloc
 * cls      final
 *
 * Not promised: a consistent view across separate attribute reads.
 * </pre>
 *
 * <p>Java {@code equals}/{@code hashCode} dispatch to {@code __eq__}/{@code __hash__} so that
 * instances key a {@link PyDict} as Python says; without them, identity.
 */
public class PyInstance extends PyObject implements org.gilectomy.refcount.GcTracked, org.gilectomy.refcount.Finalizable {
    private static final VarHandle SHAPE;

    static {
        try {
            SHAPE = MethodHandles.lookup().findVarHandle(PyInstance.class, "shape", Shape.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final PyObject[] NO_VALUES = new PyObject[0];

    private final PyType cls;
    /** Touched only through the accessors (see the overview). */
    private Shape shape;
    private PyObject[] values = NO_VALUES;
    private PyDict dict;
    /**
     * Whether {@code __del__} has run (PEP 442: at most once). Written by the one thread that
     * holds the object at count zero, or by the collector on garbage: never concurrently.
     */
    private boolean finalized;

    public PyInstance(PyType cls) {
        this.cls = cls;
        this.shape = cls.rootShape();
    }

    @Override
    public final PyType type() {
        return cls;
    }

    /** The current shape, read without the lock; null in dict mode. */
    public final Shape shapeAcquire() {
        return (Shape) SHAPE.getAcquire(this);
    }

    private void setShapeRelease(Shape s) {
        SHAPE.setRelease(this, s);
    }

    /**
     * Inline-cache read: a new reference to attribute {@code index} if the instance still has
     * shape {@code expected}; null otherwise (the caller takes the general path).
     */
    public final PyObject getIfShape(Shape expected, int index) {
        CriticalSection.begin(this);
        try {
            if (shape != expected) {
                return null;
            }
            PyObject v = values[index];
            RefCount.incref(v);
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * Inline-cache write: replaces attribute {@code index} if the instance has shape
     * {@code expected}, or appends it if the instance has shape {@code from} and
     * {@code expected} is its child by this name. Takes its own reference to {@code v};
     * returns false (and changes nothing) on a miss.
     */
    public final boolean setIfShape(Shape from, Shape expected, int index, PyObject v) {
        PyObject old;
        CriticalSection.begin(this);
        try {
            Shape s = shape;
            if (s == expected) {
                old = values[index];
            } else if (s == from && s != null) {
                appendLocked(expected, index, v);
                old = null;
            } else {
                return false;
            }
            RefCount.incref(v);
            values[index] = v;
        } finally {
            CriticalSection.end();
        }
        if (old != null) {
            RefCount.decref(old);
        }
        return true;
    }

    private void appendLocked(Shape next, int index, PyObject v) {
        if (index >= values.length) {
            values = java.util.Arrays.copyOf(values, Math.max(Math.max(4, index * 2), cls.slotHint()));
        }
        cls.noteSlots(next.size());
        setShapeRelease(next);
    }

    /** {@code o.name} from the instance's own attributes: a new reference, or null. */
    public final PyObject getOwn(PyStr key) {
        PyDict d;
        CriticalSection.begin(this);
        try {
            Shape s = shape;
            if (s != null) {
                int i = s.indexOf(key);
                if (i < 0) {
                    return null;
                }
                PyObject v = values[i];
                RefCount.incref(v);
                return v;
            }
            d = dict;
        } finally {
            CriticalSection.end();
        }
        return d.get(key); // dict mode: the dict never changes once set
    }

    /** Whether the instance has its own attribute {@code key}. */
    public final boolean hasOwn(PyStr key) {
        PyObject v = getOwn(key);
        if (v == null) {
            return false;
        }
        RefCount.decref(v);
        return true;
    }

    /** {@code o.name = v} into the instance's own attributes (takes its own reference to v). */
    public final void setOwn(PyStr key, PyObject v) {
        PyObject old = null;
        PyDict d;
        CriticalSection.begin(this);
        try {
            Shape s = shape;
            d = dict;
            if (s != null) {
                int i = s.indexOf(key);
                if (i >= 0) {
                    old = values[i];
                    RefCount.incref(v);
                    values[i] = v;
                    d = null;
                } else {
                    Shape next = s.with(key);
                    if (next != null) {
                        appendLocked(next, s.size(), v);
                        RefCount.incref(v);
                        values[s.size()] = v;
                        d = null;
                    } else {
                        d = toDictLocked();
                    }
                }
            }
        } finally {
            CriticalSection.end();
        }
        if (old != null) {
            RefCount.decref(old);
        }
        if (d != null) {
            d.put(key, v);
        }
    }

    /** {@code del o.name} on the instance's own attributes; whether it was there. */
    public final boolean removeOwn(PyStr key) {
        PyDict d;
        CriticalSection.begin(this);
        try {
            if (shape != null && shape.indexOf(key) < 0) {
                return false;
            }
            d = shape != null ? toDictLocked() : dict;
        } finally {
            CriticalSection.end();
        }
        return d.remove(key);
    }

    /** The attribute namespace ({@code __dict__}), borrowed: the instance keeps it from now on. */
    public final PyDict dictBorrowed() {
        CriticalSection.begin(this);
        try {
            return shape != null ? toDictLocked() : dict;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * Moves the attributes into a new dict (dict mode). The values' references move with them;
     * the dict's put takes its own, so ours are dropped after the dict has them. PyDict.put
     * opens the dict's critical section inside this object's (a new dict: never contended;
     * its keys are str, so nothing calls out).
     */
    private PyDict toDictLocked() {
        PyDict d = new PyDict();
        Shape s = shape;
        for (int i = 0; i < s.size(); i++) {
            d.put(s.keyAt(i), values[i]);
            RefCount.decref(values[i]); // the dict holds one now; no dealloc: d keeps it alive
            values[i] = null;
        }
        values = NO_VALUES;
        dict = d;
        setShapeRelease(null);
        return d;
    }

    @Override
    protected void dealloc() {
        dropAttributes();
    }

    /** Releases the attribute values and the dict (dealloc, and the collector's clear). */
    private void dropAttributes() {
        PyObject[] v;
        PyDict d;
        CriticalSection.begin(this);
        try {
            v = values;
            d = dict;
            values = NO_VALUES;
            dict = null;
        } finally {
            CriticalSection.end();
        }
        for (PyObject o : v) {
            if (o != null) {
                RefCount.decref(o);
            }
        }
        if (d != null) {
            RefCount.decref(d);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof PyObject other && Dunders.eq(this, other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Dunders.hash(this));
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /** The class is referenced uncounted (see PyType's "Collectable classes"). */
    @Override
    public void traverse(Visitor v) {
        for (PyObject o : values) {
            v.visit(o);
        }
        v.visit(dict);
        v.visitUncounted(cls);
    }

    /** Whether the class defines {@code __del__} and it has not run; a plain flag read when no class ever had one. */
    @Override
    public boolean finalizerPending() {
        return PyType.finalizersDefined() && !finalized && Classes.hasFinalizer(cls);
    }

    @Override
    public void runFinalizer() {
        finalized = true;
        Classes.runFinalizer(this);
    }

    /** PEP 442: the collector found this object in garbage; its {@code __del__} runs first, once. */
    @Override
    public boolean finalizeAsGarbage() {
        if (!finalizerPending()) {
            return false;
        }
        RefCount.incref(this); // held across the call, as the free path holds it
        try {
            runFinalizer();
        } finally {
            RefCount.decref(this);
        }
        return true;
    }

    @Override
    public void clearReferences() {
        dropAttributes();
    }
}
