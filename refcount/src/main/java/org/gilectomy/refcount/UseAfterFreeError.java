package org.gilectomy.refcount;

/**
 * A reference count was updated on an object that had already been freed, or was decremented
 * below zero: a bug in the runtime's reference-count discipline, reported at once rather than
 * left to corrupt state silently.
 */
public final class UseAfterFreeError extends Error {
    private static final long serialVersionUID = 1L;

    public UseAfterFreeError(String operation, RefCounted o) {
        super(operation + " of freed object " + o.describeForDiagnostics());
    }
}
