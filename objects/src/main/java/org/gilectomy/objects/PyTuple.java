package org.gilectomy.objects;

import java.util.Arrays;
import org.gilectomy.refcount.RefCount;

/** {@code tuple}: immutable, so it is read without any lock in both builds. */
public class PyTuple extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("tuple", null);
    public static final PyTuple EMPTY = new PyTuple(new PyObject[0], STATIC_REFS);

    private final PyObject[] items;

    PyTuple(PyObject[] items) {
        this.items = items;
    }

    private PyTuple(PyObject[] items, int refs) {
        super(refs);
        this.items = items;
    }

    /** A new tuple that takes over (steals) the references in {@code items}. */
    public static PyTuple steal(PyObject[] items) {
        if (items.length == 0) {
            RefCount.incref(EMPTY);
            return EMPTY;
        }
        return new PyTuple(items);
    }

    /** A new tuple holding new references to {@code src[off .. off+n)}. */
    public static PyTuple copyOf(PyObject[] src, int off, int n) {
        PyObject[] items = Arrays.copyOfRange(src, off, off + n);
        for (PyObject o : items) {
            RefCount.incref(o);
        }
        return steal(items);
    }

    /** A tuple the runtime keeps for the whole process (constants); its items must be too. */
    public static PyTuple constant(PyObject[] items) {
        return new PyTuple(items, STATIC_REFS);
    }

    public int size() {
        return items.length;
    }

    public PyObject getBorrowed(int i) {
        return items[i];
    }

    /** A new reference to item {@code i}, with Python's negative indexing and IndexError. */
    public PyObject getItem(long i) {
        long n = items.length;
        long j = i < 0 ? i + n : i;
        if (j < 0 || j >= n) {
            throw PyExc.indexError("tuple index out of range");
        }
        PyObject r = items[(int) j];
        RefCount.incref(r);
        return r;
    }

    @Override
    protected void dealloc() {
        for (int i = items.length - 1; i >= 0; i--) { // last first, as CPython's (the order __del__ methods see)
            RefCount.decref(items[i]);
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTuple t && Arrays.equals(items, t.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        for (PyObject o : items) {
            v.visit(o);
        }
    }

    /** Immutable: a cycle through a tuple also runs through a mutable object, whose clear breaks it. */
    @Override
    public void clearReferences() {
    }
}
