package org.gilectomy.refcount;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.gilectomy.locks.CriticalSection;

/**
 * Running finalizers ({@code __del__}) of objects whose count reaches zero (PEP 442's
 * resurrection allowed, each finalizer at most once).
 *
 * <pre>
 * Overview
 *
 * The free path (RefCount.release) asks each Finalizable object at count zero whether a
 * finalizer is pending. If so the object is not freed: its header is revived with a count of
 * one (revive, below), owned by this class, and
 *   a thread that runs Python (and is not BUFFERED's commit thread) runs the finalizer at once,
 *     as CPython's does: inside a critical-section call-out (every object lock this thread
 *     holds is released first, as around any call from type code into Python code), then
 *     drops the reference; if the finalizer stored the object somewhere it lives on, else the
 *     count reaches zero again and, the finalizer having run, the object is freed;
 *   any other thread (the commit thread, a thread that runs no Python) queues it in PENDING,
 *     which a Python thread drains at its next cycle collection (gc.collect() included:
 *     runPending) and at interpreter exit.
 * revive: under BIASED the header becomes merged with a shared count of one (no owner: any
 * thread's decref takes the shared path); otherwise the count becomes one. Only the freeing
 * thread holds the object at that moment (its count was zero), so a plain or release store
 * suffices, as for FreeList reuse.
 *
 * Field     access
 * PENDING   lock-free queue: offered by freeing threads, polled by Python threads
 *
 * Not promised: when a queued finalizer runs (only: before the next collection returns, or
 * at exit); the order of finalizers of objects freed together.
 * </pre>
 */
public final class Finalizers {
    private static final ConcurrentLinkedQueue<RefCounted> PENDING = new ConcurrentLinkedQueue<>();

    private Finalizers() {
    }

    /**
     * The free path's question for {@code o}, at count zero on {@code ts}'s thread: true if it
     * was kept alive for its finalizer (run here, or queued), false to free it now.
     */
    static boolean keptForFinalizer(RefCountThreadState ts, RefCounted o) {
        if (!(o instanceof Finalizable f) || !f.finalizerPending()) {
            return false;
        }
        revive(o);
        if (RefCount.BUFFERED || !ts.runsPython) {
            PENDING.add(o);
        } else {
            run(f, o);
        }
        return true;
    }

    private static void revive(RefCounted o) {
        if (RefCount.BIASED) {
            o.setOwnerIdOpaque(0);
            o.setSharedWordRelease(RefCounted.SHARED_ONE | RefCounted.SHARED_MERGED);
        } else if (RefCount.PLAIN) {
            o.setRefCountPlain(1);
        } else {
            o.setRefCountRelease(1);
        }
    }

    /** Runs {@code f}'s finalizer holding no object lock, then drops the reference {@code o} carried. */
    private static void run(Finalizable f, RefCounted o) {
        boolean out = CriticalSection.beginCallOut();
        try {
            f.runFinalizer();
        } finally {
            if (out) {
                CriticalSection.endCallOut();
            }
        }
        RefCount.decref(o);
    }

    /** Runs the queued finalizers (a thread that runs Python, holding no object lock). */
    public static void runPending() {
        for (RefCounted o; (o = PENDING.poll()) != null; ) {
            run((Finalizable) o, o);
        }
    }
}
