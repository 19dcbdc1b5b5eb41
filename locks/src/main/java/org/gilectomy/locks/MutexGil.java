package org.gilectomy.locks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.gilectomy.trace.GilTimeline;

/**
 * What both GILs share: CPython's shape of a GIL, a {@code locked} flag and its last
 * {@code holder} guarded by an internal mutex, with a condition signalled on release, and the
 * statistics kept under that same mutex.
 *
 * <pre>
 * Field     access
 * locked    guarded by mutex
 * holder    guarded by mutex (the last thread to take the GIL, kept after release)
 * stats     guarded by mutex
 * releases  written under mutex (incremented by every release), read without it (volatile)
 *           by a waiter that spins instead of parking (NewGil's short switch intervals)
 * </pre>
 */
abstract class MutexGil extends Gil {
    final ReentrantLock mutex = new ReentrantLock();
    final Condition released = mutex.newCondition();
    final GilStats stats = new GilStats();

    boolean locked;
    Thread holder;
    volatile long releases;

    /** Marks the GIL free and wakes one waiter; the caller holds {@code mutex} and the GIL. */
    final void releaseLocked() {
        if (!locked || holder != Thread.currentThread()) {
            throw new IllegalStateException("GIL released by a thread that does not hold it");
        }
        locked = false;
        releases++; // the only writer: mutex held
        if (GilTimeline.ENABLED) GilTimeline.released();
        released.signal();
    }

    @Override
    public final boolean heldByCurrentThread() {
        mutex.lock();
        try {
            return locked && holder == Thread.currentThread();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public final GilStats.Totals stats() {
        mutex.lock();
        try {
            return stats.snapshot();
        } finally {
            mutex.unlock();
        }
    }
}
