package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * An iterator that owns the object it walks, and lets go of it once: at the end of the
 * iteration ({@link #finish}) or when the iterator itself is freed.
 */
public abstract class OwningIterator<T extends PyObject> extends PyIterator implements org.gilectomy.refcount.GcTracked {
    private T source;

    protected OwningIterator(T ownedSource) {
        this.source = ownedSource;
    }

    /** The object walked, or null once finished. */
    protected final T source() {
        return source;
    }

    /** Ends the iteration: releases the source, the first time only. */
    protected final void finish() {
        T s = source;
        if (s != null) {
            source = null;
            RefCount.decref(s);
        }
    }

    @Override
    protected void dealloc() {
        finish();
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /** The source only: what a subclass holds besides is not visited, so it counts as held from outside. */
    @Override
    public void traverse(Visitor v) {
        v.visit(source);
    }

    /** An exhausted iterator is still a valid one: it lets go of its source as at the end. */
    @Override
    public void clearReferences() {
        finish();
    }
}
