package org.gilectomy.locks;

import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * {@code -Dgilectomy.lock=pymutex}: CPython 3.13's {@code PyMutex} (Python/lock.c), the lock of
 * PEP 703's free-threaded build. Reached only through {@link ObjectLock}, which folds the
 * choice of kind away.
 *
 * <pre>
 * Overview
 *
 * Two bits in the word:
 *   LOCKED     = 1   somebody owns the lock
 *   HAS_PARKED = 2   somebody is (or may be) queued in the ParkingLot under this object
 * All four combinations occur: HAS_PARKED without LOCKED is a free lock with sleepers, which
 * any thread may take (barging) by setting LOCKED and leaving HAS_PARKED alone.
 *
 *   lock:
 *     if CAS(0 -> LOCKED): return                                  // fast path
 *     v = getOpaque; spins = 0; waitStart = now                    // the fairness clock
 *     loop:
 *       if !(v & LOCKED):
 *         if CAS(v -> v | LOCKED): return                          // keeps HAS_PARKED
 *       else if !(v & HAS_PARKED) and spins < SPIN_ROUNDS:         // spin only while nobody sleeps
 *         Thread.yield (by default every round, as CPython; see YIELD_ROUNDS); spins++
 *       else if !(v & HAS_PARKED) and !CAS(v -> v | HAS_PARKED):   // first sleeper sets the bit
 *         (re-read and retry)
 *       else:
 *         r = ParkingLot.park(o, word == LOCKED|HAS_PARKED, waitStart)   // validated under the bucket
 *         if r == HANDED_OFF: return                               // the word stayed LOCKED: ours
 *       v = getOpaque
 *
 *   unlock:
 *     if CAS_release(LOCKED -> 0): return                          // fast path: nobody sleeps
 *     v = LOCKED|HAS_PARKED (only the owner clears LOCKED, and a sleeper's bit stays until woken)
 *     ParkingLot.unparkOne(o, callback), where under the bucket lock:
 *       callback(found, waitStart, more):
 *         handOff = found and now - waitStart >= FAIRNESS_NANOS
 *         word = (handOff ? LOCKED : 0) | (more ? HAS_PARKED : 0)   // setRelease
 *         return handOff                                            // the waiter learns it on waking
 *
 * Why it cannot lose a wake-up: a thread sleeps only if, under the bucket lock, the word is
 * LOCKED|HAS_PARKED. While the word is LOCKED|HAS_PARKED nobody but the owner can change it
 * (every other CAS needs LOCKED or HAS_PARKED clear), and the owner changes it only inside
 * the callback, under that same bucket lock, where it also learns whether anybody is queued.
 * So a would-be sleeper either is queued before the owner looks (and counted in "more", so
 * HAS_PARKED stays set for the next unlock) or validates after the owner wrote the word (and
 * does not sleep).
 *
 * Eventual fairness: a woken thread that is not handed the lock competes again and may lose
 * to a barging newcomer, keeping its original waitStart. Once it has waited FAIRNESS_NANOS
 * (default 1 ms, -Dgilectomy.lock.fairness-ns) the unlocker hands the lock over directly: the
 * word never becomes free, so no newcomer can take it. 0 makes every wake a hand-off (strict
 * FIFO among sleepers, at the cost of a full sleep/wake per acquisition under contention).
 *
 * Field     access (see Lockable)
 * lockWord  compareAndExchange (volatile) to acquire and to set HAS_PARKED; release CAS on
 *           the fast unlock; setRelease inside the callback (the owner holds the lock and the
 *           bucket, so nothing races it); getOpaque while spinning; getVolatile under the
 *           bucket lock to validate a park
 *
 * The fairness clock starts when the thread enters the slow path, as in CPython: its spin
 * yields, and on an oversubscribed machine 40 yields can take as long as the lock is held.
 *
 * Differences from CPython's lock.c: "more waiters" is exact for this object rather than
 * "anybody in the bucket"; -Dgilectomy.lock.yield can make the first spin rounds onSpinWait
 * pauses instead of yields; no time-outs.
 *
 * Not promised: FIFO order (barging is allowed until the fairness time is reached),
 * reentrancy, that the unlocker is the owner (not checked; unlocking a lock that is not held
 * throws IllegalMonitorStateException, as CPython aborts).
 * </pre>
 */
final class PyMutexLock {
    static final int UNLOCKED = 0;
    static final int LOCKED = 1;
    static final int HAS_PARKED = 2;

    /** CPython's TIME_TO_BE_FAIR_NS: a waiter parked this long gets the lock handed to it. */
    public static final long DEFAULT_FAIRNESS_NANOS = 1_000_000L;
    public static final String FAIRNESS_PROPERTY = Build.PREFIX + "lock.fairness-ns";
    static final long FAIRNESS_NANOS = Build.longValue("lock.fairness-ns", DEFAULT_FAIRNESS_NANOS); // >= 0

    /**
     * Of the SPIN_ROUNDS, how many (the last ones) Thread.yield rather than onSpinWait. CPython
     * yields on every round, and so does this unless -Dgilectomy.lock.yield says otherwise: on
     * an oversubscribed machine a yield lets a preempted owner run and finish, and it covers a
     * critical section of microseconds where 40 pauses (about a microsecond) would give up and
     * park. Measured with ContendedLockBenchmark on 2 cores, hold=long: yielding on every round
     * rather than only the last 4 raised throughput at 4 and 16 threads from 0.27-0.34 to
     * 0.42-0.45 ops/us, ReentrantLock's level or above.
     */
    static final int YIELD_ROUNDS = Build.integer("lock.yield", ObjectLock.SPIN_ROUNDS);

    /** Stateless and shared: the slow unlock allocates nothing. */
    private static final ParkingLot.Unparker HAND_OFF_OR_RELEASE = PyMutexLock::handOffOrRelease;

    static {
        if (FAIRNESS_NANOS < 0) {
            throw new IllegalArgumentException("-D" + FAIRNESS_PROPERTY + " must be >= 0, not " + FAIRNESS_NANOS);
        }
    }

    private PyMutexLock() {
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
            unlockSlow(o);
        }
    }

    /** Takes the lock if LOCKED is clear, even with sleepers queued (as CPython's timeout 0). */
    static boolean tryLock(Lockable o) {
        if (o.compareAndSetLockWord(UNLOCKED, LOCKED)) {
            if (LockStats.ENABLED) {
                LockStats.countAcquisition();
            }
            return true;
        }
        return tryLockWithSleepers(o);
    }

    /** tryLock's second chance: the word may be HAS_PARKED alone, a free lock with sleepers. */
    private static boolean tryLockWithSleepers(Lockable o) {
        int v = o.lockWordOpaque();
        while ((v & LOCKED) == 0) {
            int witness = o.compareAndExchangeLockWord(v, v | LOCKED);
            if (witness == v) {
                if (LockStats.ENABLED) {
                    LockStats.countAcquisition();
                }
                return true;
            }
            v = witness;
        }
        return false;
    }

    static boolean isLocked(Lockable o) {
        return (o.lockWordVolatile() & LOCKED) != 0;
    }

    /** The unlocker's decision, under the bucket lock; for tests too. */
    static boolean shouldHandOff(long waitedNanos) {
        return waitedNanos >= FAIRNESS_NANOS;
    }

    private static void lockSlow(Lockable o) {
        long waitStart = System.nanoTime(); // the fairness clock, and the statistics' wait
        LockEvents.Contended event = LockEvents.beginContended(); // null unless JFR records it
        int spins = 0;
        int parks = 0;
        boolean handedOff = false;
        int v = o.lockWordOpaque();
        for (;;) {
            if ((v & LOCKED) == 0) {
                int witness = o.compareAndExchangeLockWord(v, v | LOCKED);
                if (witness == v) {
                    break;
                }
                v = witness;
                continue;
            }
            if ((v & HAS_PARKED) == 0) {
                if (spins < ObjectLock.SPIN_ROUNDS) {
                    // Spin only while nobody sleeps: once somebody does, the lock is going to be
                    // handed around through the parking lot and spinning only burns the owner's CPU.
                    if (spins >= ObjectLock.SPIN_ROUNDS - YIELD_ROUNDS) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                    spins++;
                    v = o.lockWordOpaque();
                    continue;
                }
                // v == LOCKED: announce a sleeper before sleeping, so the owner's unlock takes
                // the slow path and wakes somebody.
                int witness = o.compareAndExchangeLockWord(v, v | HAS_PARKED);
                if (witness != v) {
                    v = witness;
                    continue;
                }
            }
            int r = ParkingLot.parkIfWordIs(o, LOCKED | HAS_PARKED, waitStart);
            if (r != ParkingLot.NOT_PARKED) {
                parks++;
                if (r == ParkingLot.HANDED_OFF) {
                    handedOff = true; // the unlocker left the word LOCKED for us
                    break;
                }
            }
            v = o.lockWordOpaque();
        }
        if (LockStats.ENABLED) {
            LockStats.COUNTERS.mine().contended(System.nanoTime() - waitStart, spins, parks, handedOff);
        }
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.LOCK_WAIT, waitStart, spins, parks, o.typeNameForDiagnostics());
        if (event != null) {
            LockEvents.commitContended(event, o, System.nanoTime() - waitStart, parks, handedOff);
        }
    }

    private static void unlockSlow(Lockable o) {
        int v = o.lockWordVolatile();
        for (;;) {
            if ((v & LOCKED) == 0) {
                throw new IllegalMonitorStateException("Py_UNLOCK of an object that is not locked (word " + v + ")");
            }
            if ((v & HAS_PARKED) != 0) {
                // LOCKED|HAS_PARKED: only we can change it now, and we do so in the callback.
                ParkingLot.unparkOne(o, HAND_OFF_OR_RELEASE);
                return;
            }
            // LOCKED alone. Not reached by a correct owner (its fast-path CAS fails only once
            // HAS_PARKED is set, and nobody else clears that bit); kept so that a misuse (an
            // unlock racing the owner's) re-reads and decides again rather than corrupting it.
            int witness = o.compareAndExchangeLockWordRelease(v, UNLOCKED);
            if (witness == v) {
                return;
            }
            v = witness;
        }
    }

    /** The {@link ParkingLot.Unparker}: runs under the bucket lock, holding the lock. */
    private static boolean handOffOrRelease(Lockable o, boolean found, long waitStartNanos, boolean moreWaiters) {
        boolean handOff = found && shouldHandOff(System.nanoTime() - waitStartNanos);
        int word = (handOff ? LOCKED : UNLOCKED) | (moreWaiters ? HAS_PARKED : 0);
        // Release: the next owner (the woken thread, through Waiter.state, or a barging one,
        // through its CAS) sees everything written under the lock.
        o.setLockWordRelease(word);
        return handOff;
    }
}
