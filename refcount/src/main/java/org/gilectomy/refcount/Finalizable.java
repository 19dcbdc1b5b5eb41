package org.gilectomy.refcount;

/**
 * An object that may have a finalizer ({@code __del__}, PEP 442): run once, when its count
 * first reaches zero or when the cycle collector finds it in garbage, whichever comes first.
 * The free path ({@link Finalizers}) asks {@link #finalizerPending} before dealloc.
 */
public interface Finalizable {
    /** Whether this object has a finalizer that has not run yet. */
    boolean finalizerPending();

    /**
     * Marks the finalizer as run, then runs it, on a thread that runs Python and holds no
     * object lock. The caller owns a reference to this object across the call. Never throws:
     * an exception is reported as CPython reports one it cannot raise.
     */
    void runFinalizer();
}
