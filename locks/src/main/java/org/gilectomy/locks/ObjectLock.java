package org.gilectomy.locks;

import java.util.function.IntPredicate;

/**
 * {@code Py_LOCK} / {@code Py_UNLOCK}: the per-object lock of the free-threaded build.
 *
 * <pre>
 * Overview
 *
 * The implementation is chosen once per process ({@code -Dgilectomy.lock}, read into the
 * static final {@link #KIND}); with {@code none} (the GIL build) lock and unlock are empty
 * and the JIT removes them.
 *
 * spinpark: a futex-like three-state word (Drepper, "Futexes are tricky", mutex #2)
 *   FREE = 0, LOCKED = 1, LOCKED_WAITERS = 2
 *
 *   lock:
 *     if CAS(FREE -> LOCKED): return                                   // fast path
 *     repeat SPIN_ROUNDS:                                              // bounded spin
 *       w = getOpaque                                                  // read before any CAS
 *       if w == LOCKED_WAITERS: break                                  // someone sleeps: stop spinning
 *       if w == FREE and CAS(FREE -> LOCKED): return
 *       onSpinWait (the last YIELD_ROUNDS use Thread.yield instead)
 *     while getAndSet(LOCKED_WAITERS) != FREE:                         // we may have waiters now
 *       ParkingLot.park(o, word == LOCKED_WAITERS)                     // validated under the bucket
 *
 *   unlock:
 *     if CAS_release(LOCKED -> FREE): return                           // nobody waits
 *     getAndSet_release(FREE); ParkingLot.unparkOne(o)                 // word first, then wake
 *
 * A thread that took the lock through getAndSet(LOCKED_WAITERS) leaves the word at
 * LOCKED_WAITERS even if nobody is left: the cost is one spurious unparkOne, never a lost
 * wake-up. The word is never stored with a plain store.
 *
 * Not promised: fairness (a spinning newcomer may barge past a woken waiter), reentrancy (a
 * thread that locks an object twice deadlocks: critical sections prevent that), or that the
 * unlocking thread is the locking one (not checked).
 * </pre>
 */
public final class ObjectLock {
    public static final LockKind KIND = LockKind.fromSystemProperty();
    public static final boolean ENABLED = KIND != LockKind.NONE;

    static final int FREE = 0;
    static final int LOCKED = 1;
    static final int LOCKED_WAITERS = 2;

    public static final int DEFAULT_SPIN_ROUNDS = 40;
    public static final int DEFAULT_YIELD_ROUNDS = 4;
    public static final int SPIN_ROUNDS = Integer.getInteger("gilectomy.lock.spin", DEFAULT_SPIN_ROUNDS);
    public static final int YIELD_ROUNDS = Integer.getInteger("gilectomy.lock.yield", DEFAULT_YIELD_ROUNDS);

    private static final IntPredicate STILL_LOCKED_WITH_WAITERS = w -> w == LOCKED_WAITERS;

    private ObjectLock() {
    }

    /** {@code Py_LOCK}. */
    public static void lock(Lockable o) {
        if (!ENABLED) {
            return;
        }
        if (o.compareAndSetLockWord(FREE, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.COUNTERS.mine().acquisitions++;
            }
            return;
        }
        lockContended(o);
    }

    /** {@code Py_UNLOCK}. */
    public static void unlock(Lockable o) {
        if (!ENABLED) {
            return;
        }
        if (!o.compareAndSetLockWordRelease(LOCKED, FREE)) {
            unlockWithWaiters(o);
        }
    }

    /** Non-blocking attempt; true if the caller now holds the lock. */
    public static boolean tryLock(Lockable o) {
        return !ENABLED || o.compareAndSetLockWord(FREE, LOCKED);
    }

    /** Whether the word says somebody holds the lock; for assertions and tests. */
    public static boolean isLocked(Lockable o) {
        return o.lockWordVolatile() != FREE;
    }

    private static void lockContended(Lockable o) {
        long start = LockStats.ENABLED ? System.nanoTime() : 0L;
        int spins = 0;
        int parks = 0;
        acquired:
        {
            for (; spins < SPIN_ROUNDS; spins++) {
                int w = o.lockWordOpaque();
                if (w == LOCKED_WAITERS) {
                    break;
                }
                if (w == FREE && o.compareAndSetLockWord(FREE, LOCKED)) {
                    break acquired;
                }
                if (spins >= SPIN_ROUNDS - YIELD_ROUNDS) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            while (o.getAndSetLockWord(LOCKED_WAITERS) != FREE) {
                if (ParkingLot.park(o, STILL_LOCKED_WITH_WAITERS)) {
                    parks++;
                }
            }
        }
        if (LockStats.ENABLED) {
            long waited = System.nanoTime() - start;
            LockStats.Counters c = LockStats.COUNTERS.mine();
            c.acquisitions++;
            c.contended++;
            c.spinRounds += spins;
            c.parks += parks;
            c.totalWaitNanos += waited;
            if (waited > c.maxWaitNanos) {
                c.maxWaitNanos = waited;
            }
        }
    }

    private static void unlockWithWaiters(Lockable o) {
        // Word first, then wake: the woken thread (or a barging one) finds it FREE.
        o.getAndSetLockWordRelease(FREE);
        ParkingLot.unparkOne(o);
    }
}
