package org.gilectomy.refcount;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.locks.Lockable;

/**
 * The reference-count part of an object header.
 *
 * <pre>
 * Overview
 *
 * Word encoding of refCount:
 *   n >= 1        live, n owned references
 *   0             transient: being freed by the thread that took it to zero
 *   FREED         poisoned after dealloc; any later incref or decref is a use-after-free
 * A newly allocated object starts at 1: the reference owned by its creator.
 * Objects the runtime never frees (None, True, False, small ints) start at STATIC_REFS, so
 * counting them is faithful (their cache line still bounces between threads) but they never
 * reach zero. (Immortality proper, which skips the count, comes with PEP 683 support.)
 *
 * Field      access
 * refCount   plain get/set under the GIL (RefCount.PLAIN); getAndAdd otherwise. Both go
 *            through the accessors below, so the field is never touched directly.
 *
 * Not promised: anything about the count of an object shared between threads under PLAIN
 * without a GIL (that is the negative control: updates are lost).
 * </pre>
 */
public abstract class RefCounted extends Lockable {
    /** Poison: far below zero, so that even racing increments cannot bring it back to life. */
    public static final int FREED = Integer.MIN_VALUE / 2;
    /** Starting count of objects the runtime keeps for the whole process. */
    public static final int STATIC_REFS = 1 << 29;

    private static final VarHandle REF_COUNT;

    static {
        try {
            REF_COUNT = MethodHandles.lookup().findVarHandle(RefCounted.class, "refCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Touched only through the accessors below. */
    private int refCount = 1;

    protected RefCounted() {
    }

    protected RefCounted(int initialRefs) {
        this.refCount = initialRefs;
    }

    final int refCountPlain() {
        return refCount;
    }

    final void setRefCountPlain(int value) {
        refCount = value;
    }

    final int getAndAddRefCount(int delta) {
        return (int) REF_COUNT.getAndAdd(this, delta);
    }

    final void setRefCountRelease(int value) {
        REF_COUNT.setRelease(this, value);
    }

    /** The count as seen now (racy under concurrency): for {@code sys.getrefcount} and tests. */
    public final int refCountOpaque() {
        return (int) REF_COUNT.getOpaque(this);
    }

    /** Whether this object has been freed (poisoned). */
    public final boolean isFreed() {
        return refCountOpaque() <= FREED / 2;
    }

    /**
     * Releases what this object references (decrefs its children). Called exactly once, by
     * the thread whose decref took the count to zero, before the object is poisoned.
     */
    protected abstract void dealloc();

    /** A short description for use-after-free and leak reports. */
    public abstract String describeForDiagnostics();
}
