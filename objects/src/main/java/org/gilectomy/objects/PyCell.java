package org.gilectomy.objects;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.refcount.RefCount;

/**
 * A cell: the box holding a variable that an inner function captures ({@code nonlocal}, closures).
 *
 * <pre>
 * Overview
 *
 * ref is an owned reference, or null while the variable is unbound. A cell can be reached by
 * several threads (a closure passed to threading.Thread), so ref is read and written under
 * the cell's critical section (a no-op in the GIL build): a reader increfs the value before
 * unlocking, so a writer racing it cannot free the value in between; a writer decrefs the old
 * value after unlocking (a dealloc must not run under the lock).
 *
 * Field   access
 * ref     plain, guarded by the object lock
 *
 * Not promised: any order between two threads' stores beyond the lock's.
 * </pre>
 */
public final class PyCell extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("cell", null);

    private PyObject ref;

    /** A cell that takes over (steals) {@code value}, which may be null (unbound). */
    public PyCell(PyObject value) {
        this.ref = value;
    }

    /** A new reference to the value, or null if unbound. Allocates nothing. */
    public PyObject get() {
        CriticalSection.begin(this);
        try {
            PyObject r = ref;
            if (r != null) {
                RefCount.incref(r);
            }
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /** Stores {@code value}, taking over (stealing) the caller's reference. */
    public void setStealing(PyObject value) {
        PyObject old;
        CriticalSection.begin(this);
        try {
            old = ref;
            ref = value;
        } finally {
            CriticalSection.end();
        }
        if (old != null) {
            RefCount.decref(old);
        }
    }

    @Override
    protected void dealloc() {
        PyObject old = ref;
        ref = null;
        if (old != null) {
            RefCount.decref(old);
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        PyObject v = get();
        if (v == null) {
            return "<cell at " + address(this) + ": empty>";
        }
        try {
            return "<cell at " + address(this) + ": " + v.type().name() + " object at " + address(v) + ">";
        } finally {
            RefCount.decref(v);
        }
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        v.visit(ref);
    }

    @Override
    public void clearReferences() {
        setStealing(null);
    }
}
