package org.gilectomy.refcount;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.gilectomy.locks.CriticalSection;

/**
 * Running finalizers ({@code __del__}) of objects whose count reaches zero (PEP 442's
 * resurrection allowed, each finalizer at most once), and clearing the weak references to
 * objects that die (then running their callbacks).
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
 * Weak references: an object that ever had one has a non-null RefCounted.weakRefs. At count
 * zero, before dealloc, the free path has the installed WeakClearer clear them: each weak
 * reference's pointer to the object is set to null under its list's lock, so a reader (who
 * takes a reference with tryIncref, refused at count zero) finds either the live object or
 * nothing; the callbacks then run as a finalizer would (at once on a Python thread, in a
 * call-out, else queued). Under BUFFERED, which has no tryIncref, no weak reference is ever
 * made (PyWeakref.make refuses), so no object there has any to clear.
 * The collector clears the weak references to garbage (clearWeakReferences) while the world
 * is still stopped, and runs their callbacks before any finalizer.
 * revive: under BIASED the header becomes merged with a shared count of one (no owner: any
 * thread's decref takes the shared path); otherwise the count becomes one. Only the freeing
 * thread holds the object at that moment (its count was zero), so a plain or release store
 * suffices, as for FreeList reuse.
 *
 * Field     access
 * PENDING      lock-free queue: offered by freeing threads, polled by Python threads
 * weakClearer  volatile, set once when the runtime starts
 *
 * Not promised: when a queued finalizer runs (only: before the next collection returns, or
 * at exit); the order of finalizers of objects freed together.
 * </pre>
 */
public final class Finalizers {
    private static final ConcurrentLinkedQueue<Runnable> PENDING = new ConcurrentLinkedQueue<>();

    /** Clears the weak references to an object (the objects module's, installed at start). */
    public interface WeakClearer {
        /** Clears the references in {@code list} to {@code o}; returns what must run after (the callbacks), or null. */
        Runnable clear(RefCounted o, Object list);

        /** Whether {@code list} holds any reference (else there is nothing to clear). */
        boolean any(Object list);
    }

    private static volatile WeakClearer weakClearer = new WeakClearer() {
        @Override
        public Runnable clear(RefCounted o, Object list) {
            return null;
        }

        @Override
        public boolean any(Object list) {
            return false;
        }
    };

    public static void installWeakClearer(WeakClearer c) {
        weakClearer = c;
    }

    private Finalizers() {
    }

    /**
     * The free path's question for {@code o}, at count zero on {@code ts}'s thread: true if it
     * was kept alive for its finalizer (run here, or queued), false to free it now.
     */
    static boolean keptForFinalizer(RefCountThreadState ts, RefCounted o) {
        if (o instanceof Finalizable f && f.finalizerPending()) {
            revive(o);
            callSoon(ts, () -> {
                f.runFinalizer();
                RefCount.decref(o);
            });
            return true;
        }
        Object list = o.weakRefsAcquire();
        if (list == null || !weakClearer.any(list)) {
            return false;
        }
        Runnable callbacks = weakClearer.clear(o, list);
        if (callbacks != null) {
            callSoon(ts, callbacks);
        }
        return false;
    }

    /** The collector's step 5, world stopped: clears the weak references to garbage; returns their callbacks. */
    static List<Runnable> clearWeakReferences(List<RefCounted> garbage) {
        List<Runnable> callbacks = new ArrayList<>();
        for (RefCounted o : garbage) {
            Object list = o.weakRefsAcquire();
            Runnable r = list == null ? null : weakClearer.clear(o, list);
            if (r != null) {
                callbacks.add(r);
            }
        }
        return callbacks;
    }

    /** Runs the callbacks {@link #clearWeakReferences} returned (world restarted, a Python thread). */
    static void runAll(List<Runnable> callbacks) {
        for (Runnable r : callbacks) {
            runCallout(r);
        }
    }

    /** Runs {@code r} now if this thread runs Python (not BUFFERED's committer), else queues it. */
    private static void callSoon(RefCountThreadState ts, Runnable r) {
        if (RefCount.BUFFERED || !ts.runsPython) {
            PENDING.add(r);
        } else {
            runCallout(r);
        }
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

    /** Runs {@code r} (null: nothing) holding no object lock. */
    private static void runCallout(Runnable r) {
        if (r == null) {
            return;
        }
        boolean out = CriticalSection.beginCallOut();
        try {
            r.run();
        } finally {
            if (out) {
                CriticalSection.endCallOut();
            }
        }
    }

    /** Runs the queued finalizers and callbacks (a thread that runs Python, holding no object lock). */
    public static void runPending() {
        while (!PENDING.isEmpty()) {
            for (Runnable r; (r = PENDING.poll()) != null; ) {
                runCallout(r);
            }
            if (RefCount.BUFFERED) {
                RefCount.flush(); // the references they dropped: frees, which may queue more
            }
        }
    }
}
