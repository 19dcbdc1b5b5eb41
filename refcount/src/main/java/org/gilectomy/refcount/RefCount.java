package org.gilectomy.refcount;

import org.gilectomy.locks.Build;
import org.gilectomy.cacheline.TransferCounter;

/**
 * {@code Py_INCREF} / {@code Py_DECREF}, immortality, and the free-on-zero contract.
 *
 * <pre>
 * Overview
 *
 * The strategy is read once (Build.knob: the preset, or {@code -Dgilectomy.refcount}) into static finals, so each build
 * compiles to one straight-line sequence (no virtual dispatch):
 *   PLAIN    incref: n = count; count = n + 1           decref: n = count - 1; count = n
 *   ATOMIC   incref: n = getAndAdd(+1)                  decref: n = getAndAdd(-1) - 1
 *   BIASED   o.ownerId == self ? plain local update : atomic shared update
 *            (protocol in BiasedCounts); self is currentThreadId() (a load of the current
 *            Thread and of its id), or the id a caller already holds (incref(o, self))
 *   BUFFERED append to this thread's log; the commit thread applies (BufferedCounts)
 * Immortality ({@code -Dgilectomy.immortal}, static final): unless NONE, every incref and
 * decref first reads refCount and returns if it is >= IMMORTAL_MIN, before any write, so an
 * immortal object's header line is only ever read. With NONE the check is not compiled in.
 *
 * Free-on-zero, for every strategy:
 *   incref of a count <= 0        -> UseAfterFreeError (resurrecting a dead object)
 *   the update that takes the true count to 0
 *                                 -> dealloc() exactly once, then poison the count with FREED
 *                                    (release store: the freeing thread's writes
 *                                    happen-before any later diagnosis; a plain store under
 *                                    PLAIN, whose count accesses the GIL already orders)
 *   decref reaching below 0       -> UseAfterFreeError
 * Every strategy frees through freeNow(o): dealloc, poison, count (stats, --check-refs), then
 * o.afterFree() (a type may keep o on a FreeList).
 *
 * tryIncref(o) (_Py_TryIncref), for lock-free readers that found o through a pointer another
 * thread may clear and decref at any moment: a new reference if o is alive, else false, with
 * no write and no use-after-free report (that race is what it is for). Atomic with respect
 * to a concurrent final decref:
 *   PLAIN    count > 0 ? count++                      (only under a GIL: nothing races)
 *   ATOMIC   CAS loop; refuses count <= 0 (0: being freed, FREED: poisoned)
 *   BIASED   owner: local > 0 ? local++ (nobody but the owner frees an owned object);
 *            others: CAS loop on shared (BiasedCounts.tryIncrefShared)
 *   immortal true, nothing written
 *   BUFFERED not supported (SUPPORTS_TRY_INCREF false): the commit thread may free an object
 *            whose decref is logged before our increment is applied; callers keep the lock.
 * A freed object may already be reused from a FreeList as another object, and tryIncref
 * then succeeds on the new one: callers re-check that the pointer they read still holds o
 * (decref and retry if not). That re-check sees the writer's store, because the writer
 * stores before it decrefs, and the decref, free and reuse are ordered before the count
 * tryIncref read (RMWs and release stores, read by tryIncref's CAS).
 * Deferred counting (-Dgilectomy.deferred=on, static final DEFERRED; not with BUFFERED): the
 * frames' references to objects marked deferred are not counted (DeferredCounts). The eval
 * loop updates frame references only through increfStack/decrefStack, which write nothing for
 * a deferred object, and converts at the frame's edges (stackRefSteal, newRefFromStack).
 * Diagnostic switches, static finals like the strategy (folded away when off):
 *   -Dgilectomy.check-refs      live objects per type, leak reports (RefCheck)
 *   -Dgilectomy.count-transfers every header write reported to TransferCounter (locks module),
 *                               after the immortal check, by the thread that really writes
 *                               (under BUFFERED: the commit thread, in BufferedCounts); under
 *                               BIASED, every write down the shared path also to
 *                               TransferCounter.nonOwner (load-independent)
 * Under BIASED the freeing thread may be the owner, a non-owner, or a merging thread; under
 * BUFFERED it is always the commit thread (and flush() reports what it found).
 *
 * Integration (what the interpreter calls):
 *   every Python thread, the main program's too: a RefCountThread (else attachThread());
 *   its last refcount action: threadExiting() (RefCountThread.run does it);
 *   eval breaker: if (mergePending()) mergeQueued();
 *   program end, and before reading counts: flush();
 *   at start-up: makeImmortal(o, SINGLETONS) for None, True, False, small ints, interned
 *   strings; when a second thread starts: makeImmortal(o, ALL_SHARED) for functions, code
 *   objects and modules (before the new thread runs).
 *
 * Not promised: detection of a use-after-free that never touches the count (reading a
 * field of a freed object); detection of one on an immortal object (it is never freed).
 * </pre>
 */
public final class RefCount {
    public static final RefCountKind KIND =
            RefCountKind.parse(Build.knob(Build.REFCOUNT));
    public static final ImmortalKind IMMORTAL =
            ImmortalKind.parse(Build.knob(Build.IMMORTAL));

    /** Deferred reference counting for objects marked so (DeferredCounts). */
    public static final boolean DEFERRED = deferredKnob();

    private static final boolean ATOMIC = KIND == RefCountKind.ATOMIC;
    static final boolean PLAIN = KIND == RefCountKind.PLAIN;
    static final boolean BIASED = KIND == RefCountKind.BIASED;
    static final boolean BUFFERED = KIND == RefCountKind.BUFFERED;
    private static final boolean CHECK_IMMORTAL = IMMORTAL != ImmortalKind.NONE;
    /** --count-transfers, where the calling thread writes the header (buffered: the committer). */
    private static final boolean COUNT_TRANSFERS = TransferCounter.ENABLED && !BUFFERED;
    /**
     * The GIL build's counts: plain, no immortality check, nothing counted. incref() and
     * decref() test it first, so that in this build they are a few bytecodes: the JIT inlines
     * them at every call site of the eval loop, whose inlining budget the other builds'
     * (folded, but still parsed) branches would otherwise exhaust.
     */
    private static final boolean PLAIN_ONLY = !ATOMIC && !BIASED && !BUFFERED && !CHECK_IMMORTAL
            && !COUNT_TRANSFERS && !RefCountStats.ENABLED;

    /** Whether {@link #tryIncref} works under this strategy (all but BUFFERED). */
    public static final boolean SUPPORTS_TRY_INCREF = !BUFFERED;

    private RefCount() {
    }

    private static boolean deferredKnob() {
        boolean on = DeferredKind.parse(Build.knob(Build.DEFERRED)) == DeferredKind.ON;
        if (on && KIND == RefCountKind.BUFFERED) {
            throw new IllegalArgumentException("deferred reference counting is not supported with buffered counts");
        }
        return on;
    }

    /**
     * {@code _Py_TryIncref}: a new reference to {@code o} if it is still alive (true), else
     * false, writing nothing (see the Overview for the re-check callers owe).
     *
     * @throws IllegalStateException under BUFFERED ({@link #SUPPORTS_TRY_INCREF} false)
     */
    public static boolean tryIncref(RefCounted o) {
        if (CHECK_IMMORTAL && o.refCountPlain() >= RefCounted.IMMORTAL_MIN) {
            return true;
        }
        boolean taken;
        if (BIASED) {
            boolean owner = o.ownerIdPlain() == currentThreadId();
            taken = owner ? BiasedCounts.tryIncrefLocal(o) : BiasedCounts.tryIncrefShared(o);
            if (COUNT_TRANSFERS && taken && !owner && !o.isImmortal()) {
                TransferCounter.nonOwner(o, TransferCounter.INCREF);
            }
        } else if (BUFFERED) {
            throw new IllegalStateException("tryIncref is not supported with buffered reference counts");
        } else if (ATOMIC) {
            taken = tryIncrefAtomic(o);
        } else {
            int before = o.refCountPlain();
            taken = before > 0;
            if (taken) {
                o.setRefCountPlain(before + 1);
            }
        }
        if (taken) {
            if (COUNT_TRANSFERS && !o.isImmortal()) {
                TransferCounter.record(o, TransferCounter.INCREF);
            }
            if (RefCountStats.ENABLED) {
                RefCountStats.COUNTERS.mine().increfs++;
            }
        }
        return taken;
    }

    private static boolean tryIncrefAtomic(RefCounted o) {
        int c = o.refCountFieldOpaque();
        for (;;) {
            if (c <= 0) {
                return false; // being freed (0) or freed (poisoned)
            }
            if (c >= RefCounted.IMMORTAL_MIN) {
                return true;
            }
            int witness = o.compareAndExchangeRefCount(c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
    }

    public static void incref(RefCounted o) {
        if (PLAIN_ONLY) {
            int before = o.refCountPlain();
            o.setRefCountPlain(before + 1);
            if (before <= 0) {
                increfOfFreed(o); // out of line: the JIT inlines only small methods everywhere
            }
            return;
        }
        increfOther(o);
    }

    /**
     * {@link #incref(RefCounted)} by a caller that already holds its thread's biased owner id
     * {@code self} ({@link #currentThreadId()}, or its {@link RefCountThreadState#ownerId()}),
     * as the eval loop can, once per frame: the owner check is then one load of the header's
     * id compared with a register, as CPython compares {@code ob_tid} with the thread pointer,
     * instead of a load of the current {@code Thread} and of its id at every update. Passing
     * any other thread's id is a data race on the local count. Builds other than BIASED
     * ignore {@code self}.
     */
    public static void incref(RefCounted o, int self) {
        if (PLAIN_ONLY) {
            incref(o);
            return;
        }
        increfOther(o, self);
    }

    private static void increfOfFreed(RefCounted o) {
        throw new UseAfterFreeError("incref", o);
    }

    /** incref() of every build but the plain, uncounted one: finds the caller's id (BIASED). */
    private static void increfOther(RefCounted o) {
        increfOther(o, BIASED ? currentThreadId() : 0);
    }

    /** incref() of every build but the plain, uncounted one, {@code self} the caller's id (BIASED). */
    private static void increfOther(RefCounted o, int self) {
        if (CHECK_IMMORTAL && o.refCountPlain() >= RefCounted.IMMORTAL_MIN) {
            return; // PEP 683: read, never write
        }
        if (COUNT_TRANSFERS) {
            TransferCounter.record(o, TransferCounter.INCREF);
        }
        if (BIASED) {
            if (o.ownerIdPlain() == self) {
                BiasedCounts.increfLocal(o);
            } else {
                if (COUNT_TRANSFERS) {
                    TransferCounter.nonOwner(o, TransferCounter.INCREF);
                }
                BiasedCounts.increfShared(o);
            }
        } else if (BUFFERED) {
            BufferedCounts.incref(o);
        } else {
            int before;
            if (ATOMIC) {
                before = o.getAndAddRefCount(1);
            } else {
                before = o.refCountPlain();
                o.setRefCountPlain(before + 1);
            }
            if (before <= 0) {
                throw new UseAfterFreeError("incref", o);
            }
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().increfs++;
        }
    }

    public static void decref(RefCounted o) {
        if (PLAIN_ONLY) {
            int after = o.refCountPlain() - 1;
            o.setRefCountPlain(after);
            if (after <= 0) {
                zeroOrBelow(o, after);
            }
            return;
        }
        decrefOther(o);
    }

    /** {@link #decref(RefCounted)} with the caller's owner id held: see {@link #incref(RefCounted, int)}. */
    public static void decref(RefCounted o, int self) {
        if (PLAIN_ONLY) {
            decref(o);
            return;
        }
        decrefOther(o, self);
    }

    /** decref() of every build but the plain, uncounted one: finds the caller's id (BIASED). */
    private static void decrefOther(RefCounted o) {
        decrefOther(o, BIASED ? currentThreadId() : 0);
    }

    /** decref() of every build but the plain, uncounted one, {@code self} the caller's id (BIASED). */
    private static void decrefOther(RefCounted o, int self) {
        if (CHECK_IMMORTAL && o.refCountPlain() >= RefCounted.IMMORTAL_MIN) {
            return;
        }
        if (COUNT_TRANSFERS) {
            TransferCounter.record(o, TransferCounter.DECREF);
        }
        if (BIASED) {
            if (RefCountStats.ENABLED) {
                RefCountStats.COUNTERS.mine().decrefs++; // before: the decref may free
            }
            if (o.ownerIdPlain() == self) {
                BiasedCounts.decrefLocal(o);
            } else {
                if (COUNT_TRANSFERS) {
                    TransferCounter.nonOwner(o, TransferCounter.DECREF); // before: the decref may free
                }
                BiasedCounts.decrefShared(o);
            }
            return;
        }
        if (BUFFERED) {
            BufferedCounts.decref(o);
            if (RefCountStats.ENABLED) {
                RefCountStats.COUNTERS.mine().decrefs++;
            }
            return;
        }
        int after;
        if (ATOMIC) {
            after = o.getAndAddRefCount(-1) - 1;
        } else {
            after = o.refCountPlain() - 1;
            o.setRefCountPlain(after);
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().decrefs++;
        }
        if (after <= 0) {
            zeroOrBelow(o, after);
        }
    }

    /**
     * Whether the caller's reference to {@code o} is its only one, so that the caller, about
     * to drop it, may instead reuse the object in place for a new value of the same type (the
     * eval loop's arithmetic on temporaries). Only the holder of that reference may ask: then
     * no other thread can reach {@code o}, so nobody changes its count meanwhile. False
     * whenever the count alone cannot tell: immortal and static objects, another thread's
     * object or a shared count under BIASED (read opaque: a non-owner's update of it implies
     * a second reference), and always under BUFFERED (updates still in the logs).
     */
    public static boolean isSoleReference(RefCounted o) {
        if (BUFFERED) {
            return false;
        }
        if (BIASED) {
            return o.refCountPlain() == 1 && o.ownerIdPlain() == currentThreadId() && o.sharedWordOpaque() == 0;
        }
        return o.refCountPlain() == 1;
    }

    /** Null-tolerant decref, for slots that may be empty. */
    public static void xdecref(RefCounted o) {
        if (o != null) {
            decref(o);
        }
    }

    private static void zeroOrBelow(RefCounted o, int after) {
        if (after < 0) {
            throw new UseAfterFreeError("decref", o);
        }
        freeNow(o);
    }

    /** Frees nested deeper than this on one thread wait for the outermost (CPython's trashcan depth). */
    static final int TRASHCAN_DEPTH = 50;

    /**
     * The one free path of every strategy, run by the thread whose update took the true count
     * to zero (buffered: the commit thread): dealloc() releases the children, then the header
     * is poisoned (release stores: the freeing thread's writes happen-before any later
     * diagnosis), the free is counted, and the type may keep the object on a free list.
     *
     * <p>A dealloc that frees a child nests a free in a free, so a million-deep list would
     * nest a million of them on the Java stack. As CPython's trashcan does, a free nested
     * {@link #TRASHCAN_DEPTH} deep is put off (the object stays at count 0, unreachable)
     * and done by the outermost free before it returns: the caller of the decref that
     * started it sees everything freed, as before, and the stack stays shallow.
     */
    static void freeNow(RefCounted o) {
        RefCountThreadState ts = RefCountThreadState.current();
        if (ts.freeDepth >= TRASHCAN_DEPTH) {
            ts.deferFree(o);
            return;
        }
        ts.freeDepth++;
        try {
            release(ts, o);
            if (ts.freeDepth == 1) {
                for (RefCounted d; (d = ts.nextDeferredFree()) != null; ) {
                    release(ts, d);
                }
            }
        } finally {
            ts.freeDepth--;
        }
    }

    private static void release(RefCountThreadState ts, RefCounted o) {
        if ((o instanceof Finalizable || o.weakRefsAcquire() != null) && Finalizers.keptForFinalizer(ts, o)) {
            return; // revived for its __del__ or its weak references (Finalizers): freed when its count reaches zero again
        }
        if (o instanceof GcTracked) {
            CycleCollector.untracked(ts);
        }
        if (DEFERRED && o.deferredPlain()) {
            DeferredCounts.forget(o);
        }
        o.dealloc();
        if (BIASED) {
            o.setSharedWordRelease(RefCounted.SHARED_FREED);
        }
        if (PLAIN) {
            o.setRefCountPlain(RefCounted.FREED); // every count access is under the GIL: it orders them
        } else {
            o.setRefCountRelease(RefCounted.FREED);
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().frees++;
        }
        if (RefCheck.ENABLED) {
            RefCheck.freed(o);
        }
        o.afterFree();
    }

    /**
     * The count the cycle collector starts from (its {@code gc_refs}): every reference that
     * keeps {@code o} alive, as far as counts know them. Read while no other thread updates
     * counts (GIL held, or world stopped and, under BUFFERED, logs flushed). Under BIASED, local
     * plus shared (an object queued for a merge keeps the queue's reference: it survives this
     * collection). References that a scheme does not count (deferred ones) must be subtracted
     * here, and the thread stacks that hold them are visited as roots by the collector.
     */
    static int countForCollector(RefCounted o) {
        return trueCount(o);
    }

    // ---- deferred reference counting (DeferredCounts)

    /**
     * Marks {@code o} deferred if this build counts so (DEFERRED); a no-op otherwise. Call it
     * on the creating thread before any other thread can reach {@code o}. A mortal object's
     * count gets the bias and {@code scope} (the interpreter that made it) releases it at
     * finalisation ({@link #releaseDeferred}); objects created at STATIC_REFS get the flag only.
     */
    public static void markDeferred(RefCounted o, Object scope) {
        if (!DEFERRED || o.deferredPlain()) {
            return;
        }
        int c = o.refCountPlain();
        if (c >= RefCounted.IMMORTAL_MIN) {
            return; // immortal already: nothing is ever written
        }
        if (c < RefCounted.STATIC_REFS && scope == null) {
            throw new IllegalArgumentException("a mortal deferred object needs a scope to release it");
        }
        o.setDeferredPlain();
        if (c < RefCounted.STATIC_REFS) {
            o.setRefCountPlain(c + DeferredCounts.BIAS); // unpublished: only we can see it
            DeferredCounts.register(o, scope);
        }
    }

    /**
     * {@link #markDeferred} of a mortal object with the calling thread's interpreter as its
     * scope (for objects whose maker does not know the interpreter: classes); left counted
     * if the thread runs for none.
     */
    public static void markDeferredHere(RefCounted o) {
        if (!DEFERRED) {
            return;
        }
        Object scope = RefCountThreadState.current().interpreter();
        if (scope != null) {
            markDeferred(o, scope);
        }
    }

    /**
     * A frame takes a reference to {@code o}, which something else keeps alive meanwhile
     * ({@code PyStackRef_FromPyObjectNew}): an incref, but no write at all for a deferred object.
     */
    public static void increfStack(RefCounted o) {
        if (DEFERRED && o.deferredPlain()) {
            return;
        }
        incref(o);
    }

    /** A frame drops its reference ({@code PyStackRef_CLOSE}): nothing written for a deferred object. */
    public static void decrefStack(RefCounted o) {
        if (DEFERRED && o.deferredPlain()) {
            return;
        }
        decref(o);
    }

    /** {@link #increfStack(RefCounted)} with the caller's owner id held: see {@link #incref(RefCounted, int)}. */
    public static void increfStack(RefCounted o, int self) {
        if (DEFERRED && o.deferredPlain()) {
            return;
        }
        incref(o, self);
    }

    /** {@link #decrefStack(RefCounted)} with the caller's owner id held: see {@link #incref(RefCounted, int)}. */
    public static void decrefStack(RefCounted o, int self) {
        if (DEFERRED && o.deferredPlain()) {
            return;
        }
        decref(o, self);
    }

    /**
     * A new (counted) reference becomes a frame's: for a deferred object the count is dropped
     * (its bias keeps it from zero). Returns {@code o}. ({@code PyStackRef_FromPyObjectSteal}.)
     */
    public static <T extends RefCounted> T stackRefSteal(T o) {
        if (DEFERRED && o != null && o.deferredPlain()) {
            decref(o);
        }
        return o;
    }

    /**
     * A frame's reference leaves the frames (stored into a container, a cell, an attribute, or
     * returned to Java code that expects a new reference): for a deferred object a counted
     * reference is taken. Returns {@code o}. ({@code PyStackRef_AsPyObjectSteal}.)
     */
    public static <T extends RefCounted> T newRefFromStack(T o) {
        if (DEFERRED && o != null && o.deferredPlain()) {
            incref(o);
        }
        return o;
    }

    /**
     * The object's count of counted references, as the cycle collector must read it: under
     * BIASED local plus shared (shared alone once merged); for a mortal deferred object without
     * its bias, so the frames' uncounted references are what the collector adds by scanning
     * the frames; immortal and STATIC_REFS objects report their large markers; under BUFFERED,
     * the count committed so far ({@link #flush()} first). Racy while other threads update it.
     */
    public static int trueCount(RefCounted o) {
        int local = o.refCountFieldOpaque();
        if (local <= RefCounted.FREED / 2 || local >= RefCounted.IMMORTAL_MIN) {
            return local;
        }
        int count = local;
        if (BIASED) {
            int shared = o.sharedWordOpaque();
            count = (shared & RefCounted.SHARED_STATE_MASK) == RefCounted.SHARED_MERGED
                    ? shared >> RefCounted.SHARED_SHIFT
                    : local + (shared >> RefCounted.SHARED_SHIFT);
        }
        if (DEFERRED && o.deferredPlain() && count < RefCounted.STATIC_REFS) {
            count -= DeferredCounts.BIAS;
        }
        return count;
    }

    /**
     * Finalisation of {@code scope}: drops the bias of every deferred object it made that is
     * still alive, freeing those nothing references any more; returns how many. Call it when
     * no thread of that scope runs any more (so no frame holds an uncounted reference), after
     * the modules were torn down.
     */
    public static int releaseDeferred(Object scope) {
        return DEFERRED ? DeferredCounts.releaseAll(scope) : 0;
    }

    /**
     * Whether {@code o} is a mortal deferred object that only its bias keeps alive: no
     * counted reference (true count 0) but not freed. Frames may still hold it (uncounted):
     * the collector asks its roots before it lets go (CPython 3.14t's collector does the same).
     */
    static boolean onlyBiasLeft(RefCounted o) {
        return DEFERRED && o.deferredPlain() && !o.isFreed() && trueCount(o) == 0;
    }

    /**
     * The collector found {@code o} unreachable (no heap reference from outside the garbage,
     * no frame): it stops being deferred, leaves the registry and loses its bias, so the
     * counts free it as any object (freeing it now if nothing counted holds it).
     * CPython 3.14t's {@code disable_deferred_refcounting}.
     */
    static void undeferGarbage(RefCounted o) {
        if (!DEFERRED || !o.deferredPlain() || trueCount(o) >= RefCounted.STATIC_REFS) {
            return; // not deferred, or a process-lifetime object that has no bias
        }
        DeferredCounts.forget(o);
        o.clearDeferredPlain(); // no frame can see it: nothing reads the flag meanwhile
        dropBias(o);
    }

    /** Removes the bias of one deferred object, at finalisation: no other thread updates it. */
    static void dropBias(RefCounted o) {
        if (o.isFreed() || o.refCountFieldOpaque() >= RefCounted.IMMORTAL_MIN) {
            return;
        }
        if (BIASED) {
            BiasedCounts.dropAtFinalisation(o, DeferredCounts.BIAS);
            return;
        }
        int after = ATOMIC ? o.getAndAddRefCount(-DeferredCounts.BIAS) - DeferredCounts.BIAS
                : o.refCountPlain() - DeferredCounts.BIAS;
        if (!ATOMIC) {
            o.setRefCountPlain(after);
        }
        if (after <= 0) {
            zeroOrBelow(o, after);
        }
    }

    // ---- immortality (PEP 683)

    /**
     * Makes {@code o} immortal if this process's {@code -Dgilectomy.immortal} level includes
     * {@code level}; returns whether it did. Call it while no other thread updates the count:
     * at start-up for {@link ImmortalKind#SINGLETONS}, and for {@link ImmortalKind#ALL_SHARED}
     * when the second thread is about to start (before it runs: {@code Thread.start} orders
     * the marker before everything the new thread does). Under BUFFERED it flushes first, so
     * that no logged update is committed over the marker.
     */
    public static boolean makeImmortal(RefCounted o, ImmortalKind level) {
        return makeImmortal(o, level, null);
    }

    /**
     * {@link #makeImmortal(RefCounted, ImmortalKind)} for an object a program ({@code scope})
     * makes immortal while it runs: under --check-refs its finalisation releases what
     * {@code o} references ({@link RefCheck#releaseImmortalOwners}), which would otherwise be
     * reported as leaked.
     */
    public static boolean makeImmortal(RefCounted o, ImmortalKind level, Object scope) {
        if (level == ImmortalKind.NONE || IMMORTAL.compareTo(level) < 0) {
            return false;
        }
        if (BUFFERED) {
            flush();
        }
        if (o.isFreed()) {
            throw new UseAfterFreeError("makeImmortal", o);
        }
        if (RefCheck.ENABLED && o.refCountFieldOpaque() < RefCounted.STATIC_REFS) {
            RefCheck.immortalized(o, scope); // counted as allocated, and will never be freed
        }
        o.setRefCountRelease(RefCounted.IMMORTAL);
        return true;
    }

    /** {@code makeImmortal(o, SINGLETONS)}: for None, True, False, small ints, interned strings. */
    public static boolean makeImmortal(RefCounted o) {
        return makeImmortal(o, ImmortalKind.SINGLETONS);
    }

    // ---- threads (BIASED merge queues, BUFFERED logs)

    /**
     * The id stored as a biased owner: the Java thread id, which OpenJDK never reuses,
     * truncated to an int (wraps after 2^31 threads). One intrinsic load and a field read:
     * no ThreadLocal on the incref/decref path.
     */
    public static int currentThreadId() {
        return idOf(Thread.currentThread());
    }

    static int idOf(Thread t) {
        int id = (int) t.getId();
        return id != 0 ? id : 1; // 0 means "no owner"
    }

    /**
     * Registers the calling thread now rather than at its first object or update (optional:
     * a RefCountThread is registered when constructed, any other thread on first use).
     */
    public static void attachThread() {
        RefCountThreadState.current();
    }

    /**
     * The calling thread's last reference-count action: merges every object queued to it and
     * marks it dead, so that objects queued to it later are merged by the thread that queues
     * them; objects it still owns stay counted (their local counts are folded in by that
     * merge). Under BUFFERED, its logs are committed by the commit thread as usual.
     * {@link RefCountThread#run()} calls it; other threads should.
     */
    public static void threadExiting() {
        RefCountThreadState.current().exit();
    }

    /**
     * Whether other threads queued objects for this thread to merge (BIASED): the eval
     * breaker's bit, for callers that do not hold the thread state (the interpreter reads the
     * whole word, EvalBreaker.MERGE_PENDING among its bits); false under other strategies.
     */
    public static boolean mergePending() {
        if (!BIASED) {
            return false;
        }
        return RefCountThreadState.current().mergePending();
    }

    /**
     * Merges the objects other threads queued for the calling thread (BIASED), freeing those
     * whose count is then zero; returns how many were merged. Call at the eval breaker when
     * {@link #mergePending()}; a no-op under other strategies.
     */
    public static int mergeQueued() {
        return BIASED ? BiasedCounts.mergeQueued() : 0;
    }

    /**
     * BUFFERED: waits until everything logged before the call is committed (frees included)
     * and rethrows the first misuse the commit thread found. Call at program end and before
     * reading counts in tests. A no-op under other strategies.
     */
    public static void flush() {
        if (BUFFERED) {
            BufferedCounts.flush();
        }
    }
}
