package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * An iterator that owns the object it walks, and lets go of it once: at the end of the
 * iteration ({@link #finish}) or when the iterator itself is freed.
 */
public abstract class OwningIterator<T extends PyObject> extends PyIterator {
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
}
