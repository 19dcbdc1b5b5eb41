package org.gilectomy.refcount;

import static org.gilectomy.refcount.RefCounted.SHARED_INIT;
import static org.gilectomy.refcount.RefCounted.SHARED_MERGED;
import static org.gilectomy.refcount.RefCounted.SHARED_ONE;
import static org.gilectomy.refcount.RefCounted.SHARED_QUEUED;
import static org.gilectomy.refcount.RefCounted.SHARED_SHIFT;
import static org.gilectomy.refcount.RefCounted.SHARED_STATE_MASK;

import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * Biased reference counting (Choi, Shull and Torrellas 2018; PEP 703 / CPython 3.13t's
 * {@code _Py_DecRefShared}, {@code _Py_MergeZeroLocalRefcount}, {@code Python/brc.c}).
 *
 * <pre>
 * Overview
 *
 * Header: ownerId, local = refCount (plain, owner only), shared = count << 2 | state
 * (encoding in RefCounted). True count = local + count while owned; count once MERGED.
 * RefCount.incref/decref pick the path with one compare: o.ownerId == currentThreadId().
 *
 * owner incref:    local = local + 1                                  (plain: no atomics)
 * owner decref:    local = local - 1; if local == 0: mergeZeroLocal
 * mergeZeroLocal:  (the owner lets go: nothing held through it any more)
 *                  s = shared (acquire)
 *                  if s == 0: free                    (nobody else ever touched it)
 *                  CAS shared: state -> MERGED, count kept; ownerId = 0
 *                  if count == 0: free
 * shared incref:   getAndAdd(shared, +ONE)                           (report if merged, <= 0)
 * shared decref:   CAS loop on shared:
 *                    s == 0 (INIT, count 0) -> QUEUED, count 0: the decrement is NOT applied;
 *                                              the queue now holds that reference (not for
 *                                              a process-lifetime object, local >= STATIC_REFS/2:
 *                                              merged, its count would overflow the shared
 *                                              word; it goes to count -1 instead)
 *                    otherwise              -> s - ONE (the count may go negative while owned)
 *                  queued by us      -> push to the owner's merge queue (RefCountThreadState)
 *                  now MERGED, 0     -> free
 * merge (owner, at its eval breaker, or anyone once the owner is dead):
 *                  CAS shared: count = count + (MERGED ? 0 : local) - 1 (the queue's
 *                  reference), state -> MERGED; local = 0 just before the CAS (after it, a
 *                  racing free could already have poisoned it), ownerId = 0 after it
 *                  if count == 0: free
 *
 * Why it is exact: each transition to MERGED happens once, by CAS, and afterwards there is
 * one count (shared) updated only by CAS/getAndAdd, so exactly one decref sees it reach
 * zero. Before MERGED, the object cannot reach zero: a non-owner that would take the sum to
 * zero sees count 0 and queues instead (the object stays alive in the queue), and the
 * owner's local reaching zero merges. Queueing happens only from INIT, so at most once.
 *
 * owner tryIncref:  local > 0 ? local = local + 1 : refuse      (only the owner frees it while owned)
 * shared tryIncref: CAS loop on shared, refusing
 *                    s == 0 (INIT, count 0): the owner, its local count reaching zero, may
 *                                 read 0 and free with no CAS (mergeZeroLocal's fast path),
 *                                 so a CAS from 0 could resurrect a freed object;
 *                    MERGED, count <= 0: freed or being freed;
 *                  otherwise s + ONE. Every other free follows a CAS on shared, which ours
 *                  either precedes (the count it frees on includes us: no free) or follows
 *                  (we see MERGED 0 or the poison and refuse). QUEUED is alive: the queue
 *                  holds a reference until the owner's merge, itself a CAS.
 *                  A refusal is not a verdict that o is dead: callers fall back to the lock.
 *                  A deferred object is not refused at INIT (tryIncrefSharedDeferred): its
 *                  bias keeps its owner from the CAS-less free.
 *
 * free: ownerId = 0; dealloc(); shared = SHARED_FREED (release); local = FREED (release).
 * A later update finds "MERGED with count <= 0" (shared paths) or local <= 0 (owner path,
 * if the owner id was read stale) and throws UseAfterFreeError.
 *
 * The methods are public so that jcstress and JMH can pin a path whatever thread runs the
 * actor; the runtime calls RefCount.incref/decref, which choose.
 *
 * Not promised: correctness if a path is forced for an object on a thread that is not (for
 * the local path) its owner, other than in those tests' controlled interleavings.
 * </pre>
 */
public final class BiasedCounts {
    private BiasedCounts() {
    }

    /** Owner path of incref: a plain increment of the local count. */
    public static void increfLocal(RefCounted o) {
        int before = o.refCountPlain();
        o.setRefCountPlain(before + 1);
        if (before <= 0) {
            throw new UseAfterFreeError("incref", o);
        }
    }

    /** Owner path of decref: a plain decrement; at zero the owner gives the object up. */
    public static void decrefLocal(RefCounted o) {
        int after = o.refCountPlain() - 1;
        o.setRefCountPlain(after);
        if (after <= 0) {
            if (after < 0) {
                throw new UseAfterFreeError("decref", o);
            }
            mergeZeroLocal(o);
        }
    }

    /** Non-owner path of incref: one atomic add on the shared count. */
    public static void increfShared(RefCounted o) {
        int before = o.getAndAddSharedWord(SHARED_ONE);
        if (before < SHARED_ONE && (before & SHARED_STATE_MASK) == SHARED_MERGED) {
            throw new UseAfterFreeError("incref", o); // merged and <= 0: freed or being freed
        }
    }

    /** Owner path of tryIncref: the local count, if the object is still counted there. */
    public static boolean tryIncrefLocal(RefCounted o) {
        int before = o.refCountPlain();
        if (before <= 0) {
            return false;
        }
        o.setRefCountPlain(before + 1);
        return true;
    }

    /** Non-owner path of tryIncref: a CAS loop on the shared count (see the Overview). */
    public static boolean tryIncrefShared(RefCounted o) {
        int s = o.sharedWordOpaque();
        for (;;) {
            if (s == SHARED_INIT || (s < SHARED_ONE && (s & SHARED_STATE_MASK) == SHARED_MERGED)) {
                return false;
            }
            int witness = o.compareAndExchangeSharedWord(s, s + SHARED_ONE);
            if (witness == s) {
                return true;
            }
            s = witness;
        }
    }

    /**
     * Non-owner tryIncref of a deferred object: as {@link #tryIncrefShared}, but the initial
     * shared word (INIT) is accepted. The refusal there guards against an owner that finds its
     * local count at zero and frees with no CAS; a deferred object's local count carries
     * DeferredCounts.BIAS (or starts at STATIC_REFS) until the collector, with the other threads
     * stopped, or finalisation, with none running, takes it off, so its owner cannot do that
     * while another thread is here. A freed one (MERGED, count <= 0) is still refused. This is
     * what lets a lock-free read of a dict (a class's namespace) return a deferred method that
     * its owner never shared, instead of falling back to the dict's lock.
     */
    public static boolean tryIncrefSharedDeferred(RefCounted o) {
        int s = o.sharedWordOpaque();
        for (;;) {
            if (s < SHARED_ONE && (s & SHARED_STATE_MASK) == SHARED_MERGED) {
                return false;
            }
            int witness = o.compareAndExchangeSharedWord(s, s + SHARED_ONE);
            if (witness == s) {
                return true;
            }
            s = witness;
        }
    }

    /** Non-owner path of decref: a CAS loop on the shared count; may queue or free. */
    public static void decrefShared(RefCounted o) {
        int s = o.sharedWordOpaque();
        boolean queue;
        int next;
        for (;;) {
            if (s < SHARED_ONE && (s & SHARED_STATE_MASK) == SHARED_MERGED) {
                throw new UseAfterFreeError("decref", o);
            }
            // Owned, shared count 0: the owner's local holds the rest, so queue it for a merge,
            // unless it lives for the process (local near STATIC_REFS): its count would not fit
            // the shared word once merged, and it is never freed, so the shared count may go
            // below zero instead.
            queue = s == SHARED_INIT && o.refCountFieldOpaque() < RefCounted.STATIC_REFS / 2;
            next = queue ? SHARED_QUEUED : s - SHARED_ONE;
            int witness = o.compareAndExchangeSharedWord(s, next);
            if (witness == s) {
                break;
            }
            s = witness;
        }
        if (queue) {
            queueToOwner(o);
        } else if (next == SHARED_MERGED) {
            free(o); // merged, and ours was the last reference
        }
    }

    /** The owner's local count has just reached zero. */
    static void mergeZeroLocal(RefCounted o) {
        int s = o.sharedWordAcquire(); // acquire: other threads' last updates before their frees
        if (s == SHARED_INIT) {
            free(o); // no thread but the owner ever held it
            return;
        }
        int next;
        for (;;) {
            next = (s & ~SHARED_STATE_MASK) | SHARED_MERGED;
            int witness = o.compareAndExchangeSharedWord(s, next);
            if (witness == s) {
                break;
            }
            s = witness;
        }
        // Only after MERGED is published: a pusher that reads ownerId 0 knows it is merged.
        o.setOwnerIdOpaque(0);
        if (next == SHARED_MERGED) {
            free(o);
        } else if (next < SHARED_ONE) {
            throw new UseAfterFreeError("decref", o); // the counts summed below zero
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().merges++;
        }
    }

    private static void queueToOwner(RefCounted o) {
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().queued++;
        }
        int owner = o.ownerIdPlain();
        RefCountThreadState st = owner == 0 ? null : RefCountThreadState.owner(owner);
        if (st == null || st.dead()) {
            long t0 = GilTimeline.ENABLED ? System.nanoTime() : 0L;
            mergeQueuedObject(o); // the owner exited (or merged already): do it ourselves
            if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.MERGE, t0, 1, 0, null);
            return;
        }
        st.mergeQueue.offer(o);
        st.setBreakerBits(org.gilectomy.threadstate.EvalBreaker.MERGE_PENDING);
        if (st.dead()) {
            st.drain(); // the owner exited between our check and our offer
        }
    }

    /**
     * Merges one object taken from a merge queue, dropping the queue's reference. Runs on the
     * owner, or on any thread once the owner is dead (its local count is then stable and
     * visible: see RefCountThreadState).
     */
    static void mergeQueuedObject(RefCounted o) {
        int local = o.refCountPlain();
        if (local >= RefCounted.IMMORTAL_MIN) {
            return; // made immortal while queued: nothing to count any more
        }
        // Zero the local count before publishing MERGED, never after: once MERGED is visible
        // another thread may free the object and poison refCount, and a later store of 0
        // would unpoison it (seen in BiasedTest). Until MERGED only this thread writes it.
        o.setRefCountOpaque(0);
        int s = o.sharedWordAcquire();
        int next;
        for (;;) {
            int count = s >> SHARED_SHIFT;
            if ((s & SHARED_STATE_MASK) != SHARED_MERGED) {
                count += local; // the owner's references join the shared count
            }
            count -= 1; // the reference the queue held
            next = (count << SHARED_SHIFT) | SHARED_MERGED;
            int witness = o.compareAndExchangeSharedWord(s, next);
            if (witness == s) {
                break;
            }
            s = witness;
        }
        o.setOwnerIdOpaque(0);
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().merges++;
        }
        if (next == SHARED_MERGED) {
            free(o);
        } else if (next < SHARED_ONE) {
            throw new UseAfterFreeError("decref", o);
        }
    }

    /**
     * Drops {@code n} references at once, when no other thread updates {@code o} any more
     * (finalisation: the deferred bias). An owner that has exited left a final local count,
     * visible to us (the threads were joined), so the caller takes the object over and
     * drops them from the local count as the owner would; a merged object drops them from
     * the shared count.
     */
    static void dropAtFinalisation(RefCounted o, int n) {
        if (o.ownerIdPlain() != 0) {
            o.setOwnerIdOpaque(RefCount.currentThreadId());
            int after = o.refCountPlain() - n;
            if (after > 0) {
                o.setRefCountPlain(after);
                return;
            }
            // The bias hid the owner's decrefs of references other threads counted in the
            // shared word (a function stored by a worker in a list the owner frees): the local
            // count ends below zero and the shared word above it by as much. Their sum is the
            // object's count: the local part moves into the shared word, and the object merges.
            o.setRefCountPlain(0);
            if (after < 0) {
                int s = o.sharedWordOpaque();
                for (;;) {
                    int witness = o.compareAndExchangeSharedWord(s, s + after * SHARED_ONE);
                    if (witness == s) {
                        break;
                    }
                    s = witness;
                }
            }
            mergeZeroLocal(o); // frees it when the sum is zero, reports a use after free below it
            return;
        }
        int s = o.sharedWordOpaque();
        int next;
        for (;;) {
            next = s - n * SHARED_ONE;
            int witness = o.compareAndExchangeSharedWord(s, next);
            if (witness == s) {
                break;
            }
            s = witness;
        }
        if (next == SHARED_MERGED) {
            free(o);
        } else if (next < SHARED_ONE) {
            throw new UseAfterFreeError("decref", o);
        }
    }

    private static void free(RefCounted o) {
        o.setOwnerIdOpaque(0);
        RefCount.freeNow(o);
    }

    private static final java.util.concurrent.atomic.AtomicInteger DETACHED_IDS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Registers an owner id that belongs to no thread (negative, so it never matches
     * {@link RefCount#currentThreadId()}), with its own merge queue: for jcstress and JMH,
     * where each state needs its own owner. Pair with {@link #adopt} before the object is
     * published, {@link #mergeQueuedFor} from the thread playing the owner, and
     * {@link #retireDetachedOwner} at the end.
     */
    public static int newDetachedOwner() {
        RefCountThreadState st = new RefCountThreadState(DETACHED_IDS.decrementAndGet());
        st.register();
        return st.id;
    }

    /** Makes {@code ownerId} the owner of an unpublished object (tests and benchmarks). */
    public static void adopt(RefCounted o, int ownerId) {
        o.setOwnerIdOpaque(ownerId);
    }

    /** As threadExiting() for a detached owner: merges its queue and forgets it. */
    public static void retireDetachedOwner(int ownerId) {
        RefCountThreadState st = RefCountThreadState.owner(ownerId);
        if (st != null) {
            st.exit();
        }
    }

    /**
     * Merges what was queued to the owner {@code ownerId} ({@link RefCounted#ownerIdOpaque()});
     * returns how many. For jcstress and JMH, where the thread playing the owner is not the
     * one that created the object: call it only from the thread that updates those objects'
     * local counts, or once that thread has finished (a happens-before edge).
     */
    public static int mergeQueuedFor(int ownerId) {
        RefCountThreadState st = RefCountThreadState.owner(ownerId);
        return st == null ? 0 : st.drain();
    }

    /** Merges what other threads queued for the calling thread; returns how many. */
    static int mergeQueued() {
        RefCountThreadState st = RefCountThreadState.current();
        return st.mergePending() ? st.drain() : 0;
    }
}
