package org.gilectomy.refcount;

/**
 * An object that can hold references to other objects and so be part of a reference cycle:
 * the cycle collector ({@link CycleCollector}) finds it (RefCounted's constructor registers
 * every mortal one) and calls the two methods below, CPython's {@code tp_traverse} and
 * {@code tp_clear}. They run while no other thread touches the object (the GIL held, or the
 * world stopped), except {@link #clearReferences}, which runs on garbage, unreachable from
 * any other thread.
 */
public interface GcTracked {
    /** Receives each reference a {@link GcTracked} object owns (null, an empty slot, is ignored). */
    @FunctionalInterface
    interface Visitor {
        void visit(RefCounted referent);

        /**
         * Receives a reference this object holds without a count, to an object that is
         * {@link ReferencedUncounted} (an instance's reference to its class): it keeps the
         * referent alive (the collector's reach follows it) but is not in its count (the
         * collector's subtraction skips it). Ignored by default.
         */
        default void visitUncounted(RefCounted referent) {
        }
    }

    /**
     * A mark for objects that others reference without a count (a class, which its instances
     * reference uncounted: no count write per instance made or freed, and no contended class
     * count in the free-threaded builds). Such an object must hold a counted reference to
     * itself (a class's, through its method resolution order, as in CPython) so that counts
     * never free it: only a collection that examines every container can tell that nothing
     * references it, so a younger generation's collection keeps it (CycleCollector).
     */
    interface ReferencedUncounted {
    }

    /**
     * Calls {@code v} once for each reference this object owns (counted in the referent's
     * count), and for no other: a reference visited but not owned would make the collector
     * free a live object.
     */
    void traverse(Visitor v);

    /**
     * Drops the references that can form a cycle (the mutable ones; an immutable container
     * such as a tuple cannot close a cycle by itself and may do nothing), leaving the object
     * valid: its own dealloc runs later, when its count reaches zero.
     */
    void clearReferences();

    /**
     * The hook for weak references (PEP 442's order: before any finalizer): the object is
     * cyclic garbage; clear the weak references to it and queue or run their callbacks.
     * Nothing by default.
     */
    default void clearWeakReferencesAsGarbage() {
    }

    /**
     * The hook for finalizers ({@code __del__}, PEP 442): runs this object's finalizer if it
     * has one that has not run yet, and returns whether any code ran (which may have
     * resurrected it). Nothing by default.
     */
    default boolean finalizeAsGarbage() {
        return false;
    }
}
