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
 * Three int fields, one layout for every strategy (PEP 703's ob_tid, ob_ref_local,
 * ob_ref_shared), after the lock word of Lockable:
 *
 * Word encoding of refCount (the local count under BIASED, the only count otherwise):
 *   n >= IMMORTAL_MIN  immortal (PEP 683): set to IMMORTAL by makeImmortal; incref/decref
 *                      read it and write nothing. The gap between IMMORTAL and IMMORTAL_MIN
 *                      (2^29) absorbs updates that raced with makeImmortal.
 *   n >= 1             live, n owned references (under BIASED: n held through the owner)
 *   0                  transient: being freed by the thread that took it to zero; under
 *                      BIASED also "merged": the whole count now lives in sharedWord
 *   FREED              poisoned after dealloc; any later incref or decref is a use-after-free
 * A newly allocated object starts at 1: the reference owned by its creator.
 * Objects the runtime never frees start at STATIC_REFS (2^29 < IMMORTAL_MIN), so with
 * -Dgilectomy.immortal=none counting them is faithful (their cache line still bounces between
 * threads) but they never reach zero.
 *
 * Word encoding of sharedWord (BIASED only; 0 under the other strategies):
 *   count << SHARED_SHIFT | state, count a signed 30-bit int (may be negative: a non-owner
 *   may drop a reference the owner's local count holds), state in the low two bits:
 *     SHARED_INIT   (0)  owned: the true count is refCount + count
 *     SHARED_QUEUED (1)  owned and pushed once to the owner's merge queue; the queue holds one
 *                        reference (the decref that queued it was not subtracted), dropped
 *                        at the merge
 *     SHARED_MERGED (2)  no owner any more: the true count is count; refCount is 0
 *   SHARED_FREED   poisoned after dealloc (MERGED with a count far below zero)
 *
 * deferred: set by RefCount.markDeferred before the object is published, cleared only by the
 *   collector on an object no thread can reach any more (RefCount.undeferGarbage) (deferred
 *   reference counting, DeferredCounts): references from frames are not counted, and a mortal
 *   one's count carries DeferredCounts.BIAS so that it never reaches zero through decrefs.
 *
 * traits: what the free path must know of the object's class (TRAIT_FINALIZABLE,
 *   TRAIT_GC_TRACKED, TRAIT_PLAIN_FREE), computed by the constructor, where the JIT knows the
 *   exact class and folds the tests; written plain before publication, never after. The free
 *   path reads this byte rather than testing interfaces or calling dealloc()/afterFree(): it is
 *   inlined at many sites of the eval loop, whose shared type profile turns each interface
 *   test into a scan of the class's secondary supertypes and each of those calls into a
 *   virtual call (JFR, count-down under gil, 2026-12-08: 40% of the samples on the interface
 *   test after the free).
 *
 * ownerId (BIASED only): the creating thread's id (RefCount.currentThreadId(), never 0);
 *   0 once merged or freed, and under the other strategies.
 *
 * Field       access
 * refCount    PLAIN: plain get/set (under the GIL). ATOMIC: getAndAdd, compareAndExchange
 *             (tryIncref). BUFFERED: plain
 *             get/set by the commit thread only. BIASED: plain get/set by the owner only;
 *             others read it (opaque) only for the immortal check, or after the owner is
 *             known to be dead (a happens-before edge: see BiasedCounts). Poisoned (and
 *             revived from a FreeList) with a release store; a plain one under PLAIN.
 * sharedWord  BIASED: getAndAdd (non-owner incref), compareAndExchange (decref, merge,
 *             non-owner tryIncref),
 *             getAcquire (owner at zero), release store of the poison.
 * ownerId     BIASED: written plain by the constructor, opaque 0 when merged or freed by the
 *             thread that merges; read plain on every incref/decref. A stale read is harmless:
 *             only the creating thread's id and 0 are ever stored and ids are never reused,
 *             so a thread reads its own id only if it is the owner (it sees its own writes).
 *
 * Not promised: anything about the count of an object shared between threads under PLAIN
 * without a GIL (that is the negative control: updates are lost); an exact refCountOpaque()
 * while other threads update the object.
 * </pre>
 */
public abstract class RefCounted extends Lockable {
    /** Poison: far below zero, so that even racing increments cannot bring it back to life. */
    public static final int FREED = Integer.MIN_VALUE / 2;
    /** Starting count of objects the runtime keeps for the whole process. */
    public static final int STATIC_REFS = 1 << 29;
    /** The immortal marker (PEP 683) stored by {@link RefCount#makeImmortal(RefCounted)}. */
    public static final int IMMORTAL = 0x6000_0000;
    /** Any count at or above this is immortal: a racing update may have moved the marker. */
    public static final int IMMORTAL_MIN = 1 << 30; // must be > STATIC_REFS + any plausible count

    static final int SHARED_SHIFT = 2;
    static final int SHARED_ONE = 1 << SHARED_SHIFT;
    static final int SHARED_STATE_MASK = SHARED_ONE - 1;
    static final int SHARED_INIT = 0;
    static final int SHARED_QUEUED = 1;
    static final int SHARED_MERGED = 2;
    /** MERGED with count -2^28: any later update sees "merged, count <= 0" and reports it. */
    static final int SHARED_FREED = (Integer.MIN_VALUE / 2) | SHARED_MERGED;

    private static final VarHandle REF_COUNT;
    private static final VarHandle SHARED_WORD;
    private static final VarHandle OWNER_ID;
    private static final VarHandle WEAK_REFS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            REF_COUNT = l.findVarHandle(RefCounted.class, "refCount", int.class);
            SHARED_WORD = l.findVarHandle(RefCounted.class, "sharedWord", int.class);
            OWNER_ID = l.findVarHandle(RefCounted.class, "ownerId", int.class);
            WEAK_REFS = l.findVarHandle(RefCounted.class, "weakRefs", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Touched only through the accessors below. */
    private int refCount;
    /** BIASED only. Touched only through the accessors below. */
    private int sharedWord;
    /** BIASED only. Touched only through the accessors below. */
    private int ownerId;
    /**
     * The weak references to this object (the objects module's list of them), null while it
     * has none: set once by CAS, read with acquire (Finalizers explains the protocol).
     */
    @SuppressWarnings("unused") // through WEAK_REFS only
    private Object weakRefs;
    /** The cycle collector's scratch word (CycleCollector): 0 outside a collection; plain. */
    int gcState;
    /** Written once, plain, before publication (RefCount.markDeferred); read plain. */
    private boolean deferred;
    /** The class's free-path traits (see the Overview); plain, written only by constructors. */
    private byte traits;

    /** traits: the class implements Finalizable. */
    static final int TRAIT_FINALIZABLE = 1;
    /** traits: the class implements GcTracked. */
    static final int TRAIT_GC_TRACKED = 2;
    /** traits: freeing needs neither dealloc() nor afterFree() (a leaf value of an exact built-in class). */
    static final int TRAIT_PLAIN_FREE = 4;

    protected RefCounted() {
        this(1);
    }

    protected RefCounted(int initialRefs) {
        this.refCount = initialRefs;
        this.traits = (byte) ((this instanceof Finalizable ? TRAIT_FINALIZABLE : 0)
                | (this instanceof GcTracked ? TRAIT_GC_TRACKED : 0));
        if (RefCount.BIASED) {
            // Registers the creating thread (its merge queue) if it is not yet known: the
            // queue must exist before any other thread can find this object.
            this.ownerId = RefCountThreadState.currentForNewObject().id;
        }
        if (RefCheck.ENABLED && initialRefs < STATIC_REFS) {
            RefCheck.allocated(this);
        }
        if ((traits & TRAIT_GC_TRACKED) != 0 && initialRefs < STATIC_REFS) {
            CycleCollector.track(this); // folded per allocation site: the JIT knows the class
        }
    }

    /**
     * FreeList reuse: the header of a freed (poisoned) object becomes a new object's, owned
     * by the calling thread. Only the thread that freed it calls this (see FreeList).
     */
    final void reviveFromFreeList() {
        if (RefCount.BIASED) {
            setSharedWordRelease(SHARED_INIT);
            setOwnerIdOpaque(RefCountThreadState.currentForNewObject().id);
        }
        if (RefCount.PLAIN) {
            setRefCountPlain(1); // under the GIL, as every PLAIN count access
        } else {
            setRefCountRelease(1);
        }
        if (RefCheck.ENABLED) {
            RefCheck.allocated(this);
        }
    }

    // ---- refCount

    final int refCountPlain() {
        return refCount;
    }

    final void setRefCountPlain(int value) {
        refCount = value;
    }

    final int getAndAddRefCount(int delta) {
        return (int) REF_COUNT.getAndAdd(this, delta);
    }

    /** Volatile semantics: RefCount.tryIncref decides on the value it returns. */
    final int compareAndExchangeRefCount(int expected, int next) {
        return (int) REF_COUNT.compareAndExchange(this, expected, next);
    }

    final void setRefCountRelease(int value) {
        REF_COUNT.setRelease(this, value);
    }

    final void setRefCountOpaque(int value) {
        REF_COUNT.setOpaque(this, value);
    }

    final int refCountFieldOpaque() {
        return (int) REF_COUNT.getOpaque(this);
    }

    // ---- sharedWord (BIASED)

    final int sharedWordOpaque() {
        return (int) SHARED_WORD.getOpaque(this);
    }

    final int sharedWordAcquire() {
        return (int) SHARED_WORD.getAcquire(this);
    }

    final int getAndAddSharedWord(int delta) {
        return (int) SHARED_WORD.getAndAdd(this, delta);
    }

    /** Volatile semantics: the merge and free decisions are made on the value it returns. */
    final int compareAndExchangeSharedWord(int expected, int next) {
        return (int) SHARED_WORD.compareAndExchange(this, expected, next);
    }

    final void setSharedWordRelease(int value) {
        SHARED_WORD.setRelease(this, value);
    }

    // ---- ownerId (BIASED)

    final int ownerIdPlain() {
        return ownerId;
    }

    final void setOwnerIdOpaque(int id) {
        OWNER_ID.setOpaque(this, id);
    }

    // ---- weakRefs

    /** The weak reference list, or null if no weak reference to this object was ever made. */
    public final Object weakRefsAcquire() {
        return WEAK_REFS.getAcquire(this);
    }

    /** Installs the weak reference list if there is none yet; returns the one installed (this or another thread's). */
    public final Object weakRefsInstall(Object list) {
        Object witness = WEAK_REFS.compareAndExchange(this, null, list);
        return witness == null ? list : witness;
    }

    // ---- traits

    /** The class implements Finalizable (a plain read of the traits byte). */
    final boolean isFinalizableClass() {
        return (traits & TRAIT_FINALIZABLE) != 0;
    }

    /** The class implements GcTracked (a plain read of the traits byte). */
    final boolean isGcTrackedClass() {
        return (traits & TRAIT_GC_TRACKED) != 0;
    }

    /** Freeing needs neither dealloc() nor afterFree() ({@link #plainFreeIfExactly}). */
    final boolean isPlainFree() {
        return (traits & TRAIT_PLAIN_FREE) != 0;
    }

    /**
     * For the constructor of a class whose objects own nothing and keep no free list: if this
     * object is exactly of class {@code c} (not of a subclass, which may own attributes or
     * define {@code __del__}), its free skips dealloc() and afterFree(). The JIT folds the
     * test at an allocation site.
     */
    protected final void plainFreeIfExactly(Class<? extends RefCounted> c) {
        if (getClass() == c) {
            traits |= TRAIT_PLAIN_FREE;
        }
    }

    // ---- deferred (DeferredCounts)

    final boolean deferredPlain() {
        return deferred;
    }

    final void setDeferredPlain() {
        deferred = true;
    }

    /** The collector, on an object no thread can reach (RefCount.undeferGarbage). */
    final void clearDeferredPlain() {
        deferred = false;
    }

    // ---- public views

    /**
     * The count as seen now (racy under concurrency): for {@code sys.getrefcount} and tests;
     * {@link RefCount#trueCount}, which says what it includes.
     */
    public final int refCountOpaque() {
        return RefCount.trueCount(this);
    }

    /** Whether frames hold uncounted references to this object (deferred reference counting). */
    public final boolean isDeferred() {
        return deferred;
    }

    /** Whether this object has been freed (poisoned). */
    public final boolean isFreed() {
        return refCountFieldOpaque() <= FREED / 2;
    }

    /** Whether this object is immortal (its count is never written). */
    public final boolean isImmortal() {
        return refCountFieldOpaque() >= IMMORTAL_MIN;
    }

    /** The owner's id under BIASED (0 once merged, freed, or under another strategy). */
    public final int ownerIdOpaque() {
        return (int) OWNER_ID.getOpaque(this);
    }

    /**
     * Releases what this object references (decrefs its children). Called exactly once, by
     * the thread that freed it (under BUFFERED, the commit thread), before it is poisoned.
     */
    protected abstract void dealloc();

    /**
     * Called once the object is freed and poisoned, on the freeing thread: a type may keep it
     * on a {@link FreeList} for reuse. Nothing by default.
     */
    protected void afterFree() {
    }

    /** A short description for use-after-free and leak reports. */
    public abstract String describeForDiagnostics();
}
