package org.gilectomy.refcount;

/**
 * A reference count was updated on an object that had already been freed, or was decremented
 * below zero: a bug in the runtime's reference-count discipline, reported at once rather than
 * left to corrupt state silently.
 */
public final class UseAfterFreeError extends Error {
    private static final long serialVersionUID = 1L;

    public UseAfterFreeError(String operation, RefCounted o) {
        super(operation + " of a freed '" + o.typeNameForDiagnostics() + "' object " + o.describeForDiagnostics());
        this.operation = operation;
        this.typeName = o.typeNameForDiagnostics();
    }

    private final String operation;
    private final String typeName;

    /** The operation that touched the freed object: incref, decref, makeImmortal. */
    public String operation() {
        return operation;
    }

    /** The type of the freed object (the Python type name for Python objects). */
    public String typeName() {
        return typeName;
    }
}
