package org.gilectomy.locks;

import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * {@code -Dgilectomy.lock=spin}: a pure spin lock, the negative example. It never parks, so
 * with more runnable threads than cores the waiters burn the quanta the owner needs to finish
 * and unlock; throughput collapses and waits grow to scheduler time slices. Reached only
 * through {@link ObjectLock}, which folds the choice of kind away.
 *
 * <pre>
 * Overview
 *
 * Word: UNLOCKED = 0, LOCKED = 1.
 *
 *   lock:                                    test-and-test-and-set, exponential back-off
 *     if CAS(UNLOCKED -> LOCKED): return                        // fast path
 *     backoff = 1
 *     loop:
 *       if getOpaque == UNLOCKED and CAS(UNLOCKED -> LOCKED): return   // test, then test-and-set
 *       if backoff <= MAX_BACKOFF: onSpinWait x backoff; backoff *= 2  // exponential back-off
 *       else: Thread.yield()                                    // the most it ever concedes
 *
 *   unlock:
 *     CAS_release(LOCKED -> UNLOCKED), or IllegalMonitorStateException if it was not locked
 *
 * The read before the CAS keeps waiters spinning on their own cached copy of the line instead
 * of stealing it with failing CASes; the back-off spreads their attempts out after a release.
 *
 * Field     access (see Lockable)
 * lockWord  CAS (volatile) to acquire, release CAS to release, getOpaque while spinning
 *
 * Not promised: fairness of any kind (a thread can starve), progress under oversubscription
 * (it gets slow, not stuck: yield lets the owner run eventually), reentrancy, owner checks.
 * </pre>
 */
final class SpinLock {
    static final int UNLOCKED = 0;
    static final int LOCKED = 1;

    /**
     * Back-off doubles from 1 onSpinWait per round up to this many, then every round yields.
     * 2^16 pauses are about 2 ms at the ~30 ns an x86 PAUSE takes on the development machine:
     * a waiter concedes its CPU only after burning about a scheduler time slice, which is what a
     * lock that never parks costs an oversubscribed machine. The cap decides how badly it
     * collapses (ContendedLockBenchmark, 16 threads on 2 cores, hold=short): at 256 (8 us) it
     * degenerates into a yield loop that Linux schedules well and only its tail latency shows
     * (max waits of hundreds of ms); at 2^16 throughput fell by about 40%; at 2^20 (30 ms,
     * effectively never yielding) by about 5x.
     */
    static final int MAX_BACKOFF = Build.integer("lock.spin-backoff", ObjectLock.DEFAULT_SPIN_BACKOFF); // 0..2^20

    static {
        if (MAX_BACKOFF < 0 || MAX_BACKOFF > 1 << 20) { // the doubling must not overflow
            throw new IllegalArgumentException("-D" + ObjectLock.SPIN_BACKOFF_PROPERTY + " must be in 0..1048576, not " + MAX_BACKOFF);
        }
    }

    private SpinLock() {
    }

    static void lock(Lockable o) {
        if (o.compareAndSetLockWord(UNLOCKED, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.countAcquisition();
            }
            return;
        }
        lockSlow(o);
    }

    static void unlock(Lockable o) {
        if (!o.compareAndSetLockWordRelease(LOCKED, UNLOCKED)) {
            throw new IllegalMonitorStateException("Py_UNLOCK of an object that is not locked (word "
                    + o.lockWordVolatile() + ")");
        }
    }

    static boolean tryLock(Lockable o) {
        if (o.compareAndSetLockWord(UNLOCKED, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.countAcquisition();
            }
            return true;
        }
        return false;
    }

    static boolean isLocked(Lockable o) {
        return o.lockWordVolatile() != UNLOCKED;
    }

    private static void lockSlow(Lockable o) {
        LockEvents.Contended event = LockEvents.beginContended(); // null unless JFR records it
        long start = LockStats.ENABLED || GilTimeline.ENABLED || event != null ? System.nanoTime() : 0L;
        int rounds = 0;
        int backoff = 1;
        for (;;) {
            if (o.lockWordOpaque() == UNLOCKED && o.compareAndSetLockWord(UNLOCKED, LOCKED)) {
                break;
            }
            if (backoff <= MAX_BACKOFF) {
                for (int i = 0; i < backoff; i++) {
                    Thread.onSpinWait();
                }
                backoff <<= 1;
            } else {
                Thread.yield();
            }
            rounds++;
        }
        if (LockStats.ENABLED) {
            LockStats.COUNTERS.mine().contended(System.nanoTime() - start, rounds, 0, false);
        }
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.LOCK_WAIT, start, rounds, 0, o.typeNameForDiagnostics());
        if (event != null) {
            LockEvents.commitContended(event, o, System.nanoTime() - start, 0, false);
        }
    }
}
