package org.gilectomy.locks;

import java.util.function.IntPredicate;

import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * {@code -Dgilectomy.lock=spinpark}: the Gilectomy's futex-like per-object lock. Reached only
 * through {@link ObjectLock}, which folds the choice of kind away.
 *
 * <pre>
 * Overview
 *
 * A three-state word (Drepper, "Futexes are tricky", mutex #2):
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
 * Field     access (see Lockable)
 * lockWord  CAS / getAndSet (volatile) to acquire; release CAS or getAndSetRelease to release;
 *           getOpaque while spinning; getVolatile under the bucket lock to validate a park
 *
 * Not promised: fairness (a spinning newcomer may barge past a woken waiter, and a woken
 * waiter can lose again and again), reentrancy (a thread that locks an object twice
 * deadlocks: critical sections prevent that), or that the unlocking thread is the locking one
 * (not checked).
 * </pre>
 */
final class SpinParkLock {
    static final int FREE = 0;
    static final int LOCKED = 1;
    static final int LOCKED_WAITERS = 2;

    private static final IntPredicate STILL_LOCKED_WITH_WAITERS = w -> w == LOCKED_WAITERS;

    private SpinParkLock() {
    }

    static void lock(Lockable o) {
        if (o.compareAndSetLockWord(FREE, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.countAcquisition();
            }
            return;
        }
        lockContended(o);
    }

    static void unlock(Lockable o) {
        if (!o.compareAndSetLockWordRelease(LOCKED, FREE)) {
            unlockWithWaiters(o);
        }
    }

    static boolean tryLock(Lockable o) {
        if (o.compareAndSetLockWord(FREE, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.countAcquisition();
            }
            return true;
        }
        return false;
    }

    static boolean isLocked(Lockable o) {
        return o.lockWordVolatile() != FREE;
    }

    private static void lockContended(Lockable o) {
        LockEvents.Contended event = LockEvents.beginContended(); // null unless JFR records it
        long start = LockStats.ENABLED || GilTimeline.ENABLED || event != null ? System.nanoTime() : 0L;
        int spins = 0;
        int parks = 0;
        acquired:
        {
            for (; spins < ObjectLock.SPIN_ROUNDS; spins++) {
                int w = o.lockWordOpaque();
                if (w == LOCKED_WAITERS) {
                    break;
                }
                if (w == FREE && o.compareAndSetLockWord(FREE, LOCKED)) {
                    break acquired;
                }
                if (spins >= ObjectLock.SPIN_ROUNDS - ObjectLock.YIELD_ROUNDS) {
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
            LockStats.COUNTERS.mine().contended(System.nanoTime() - start, spins, parks, false);
        }
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.LOCK_WAIT, start, spins, parks, o.typeNameForDiagnostics());
        if (event != null) {
            LockEvents.commitContended(event, o, System.nanoTime() - start, parks, false);
        }
    }

    private static void unlockWithWaiters(Lockable o) {
        // Word first, then wake: the woken thread (or a barging one) finds it FREE.
        o.getAndSetLockWordRelease(FREE);
        ParkingLot.unparkOne(o);
    }
}
