package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PyMutex's hand-off (eventual fairness), in the surefire runs with {@code -Dgilectomy.lock=pymutex}:
 * "pymutex" (the default fairness time, 1 ms) and "pymutex-handoff" (0: every wake hands off).
 */
@EnabledIfSystemProperty(named = LockKind.PROPERTY, matches = "pymutex")
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost wake-up fails, never hangs the build
class PyMutexLockTest {

    static final class Obj extends Lockable {
        long counter; // guarded by the object lock
    }

    @Test
    void fairnessTimeComesFromTheSystemProperty() {
        assertEquals(LockKind.PYMUTEX, ObjectLock.KIND);
        assertEquals(Long.getLong(PyMutexLock.FAIRNESS_PROPERTY, PyMutexLock.DEFAULT_FAIRNESS_NANOS),
                PyMutexLock.FAIRNESS_NANOS);
        assertEquals(1_000_000L, PyMutexLock.DEFAULT_FAIRNESS_NANOS, "CPython's TIME_TO_BE_FAIR_NS");
    }

    @Test
    void handOffDecisionIsTheFairnessTime() {
        assertTrue(PyMutexLock.shouldHandOff(PyMutexLock.FAIRNESS_NANOS));
        assertTrue(PyMutexLock.shouldHandOff(PyMutexLock.FAIRNESS_NANOS + 1));
        if (PyMutexLock.FAIRNESS_NANOS > 0) {
            assertFalse(PyMutexLock.shouldHandOff(PyMutexLock.FAIRNESS_NANOS - 1));
        }
    }

    /**
     * HAS_PARKED alone is a free lock with (possibly) sleepers: tryLock and lock take it, keep
     * the bit, and the unlock goes through the parking lot, which finds nobody and clears it.
     */
    @Test
    void aFreeLockWithTheSleeperBitCanBeTakenAndIsClearedByTheUnlock() {
        Obj o = new Obj();
        o.setLockWordRelease(PyMutexLock.HAS_PARKED);
        assertFalse(ObjectLock.isLocked(o));
        assertTrue(ObjectLock.tryLock(o));
        assertEquals(PyMutexLock.LOCKED | PyMutexLock.HAS_PARKED, o.lockWordForDiagnostics());
        assertFalse(ObjectLock.tryLock(o));
        ObjectLock.unlock(o);
        assertEquals(PyMutexLock.UNLOCKED, o.lockWordForDiagnostics(), "nobody was queued: the bit goes");

        o.setLockWordRelease(PyMutexLock.HAS_PARKED);
        ObjectLock.lock(o); // the slow path's CAS(v -> v | LOCKED)
        assertEquals(PyMutexLock.LOCKED | PyMutexLock.HAS_PARKED, o.lockWordForDiagnostics());
        ObjectLock.unlock(o);
        assertEquals(PyMutexLock.UNLOCKED, o.lockWordForDiagnostics());
    }

    /**
     * A waiter parked for longer than the fairness time is handed the lock: the word never
     * becomes free in between, the waiter returns owning it, and it counts one hand-off.
     */
    @Test
    void aWaiterThatWaitedLongerThanTheFairnessTimeIsHandedTheLock() throws Exception {
        assumeTrue(LockStats.ENABLED);
        Obj o = new Obj();
        ObjectLock.lock(o);
        AtomicLong handoffsSeenByWaiter = new AtomicLong(-1);
        AtomicInteger wordSeenByWaiter = new AtomicInteger(-1);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = ObjectLockTest.daemon(() -> {
            LockStats.Counters mine = LockStats.COUNTERS.mine();
            long before = mine.handoffs;
            ObjectLock.lock(o);
            wordSeenByWaiter.set(o.lockWordForDiagnostics());
            handoffsSeenByWaiter.set(mine.handoffs - before);
            acquired.countDown();
            ObjectLock.unlock(o);
        });
        waiter.start();
        ObjectLockTest.awaitParked(o, 1);
        // Past the fairness time (at most the 1 ms default here): the next unlock must hand over.
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PyMutexLock.FAIRNESS_NANOS) + 5);
        LockStats.Totals before = LockStats.totals();
        ObjectLock.unlock(o);
        assertTrue(acquired.await(10, TimeUnit.SECONDS));
        waiter.join();
        assertEquals(1, handoffsSeenByWaiter.get(), "the waiter must have been handed the lock");
        assertEquals(PyMutexLock.LOCKED, wordSeenByWaiter.get(),
                "handed over: LOCKED, and no HAS_PARKED since nobody else waits");
        assertEquals(1, LockStats.totals().handoffs() - before.handoffs());
        assertEquals(0, o.lockWordForDiagnostics());
    }

    /** Between the hand-off and the new owner's return nobody can barge: the word stays LOCKED. */
    @Test
    void aHandedOffLockIsNeverFreeForABargingThread() throws Exception {
        Obj o = new Obj();
        ObjectLock.lock(o);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = ObjectLockTest.daemon(() -> {
            ObjectLock.lock(o);
            acquired.countDown();
            // Hold it so the main thread can look at the word.
            LockSupportSleep.millis(50);
            ObjectLock.unlock(o);
        });
        waiter.start();
        ObjectLockTest.awaitParked(o, 1);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PyMutexLock.FAIRNESS_NANOS) + 5);
        ObjectLock.unlock(o);
        // Handed over under the bucket lock: from here until the waiter unlocks, tryLock fails.
        assertFalse(ObjectLock.tryLock(o), "a handed-off lock must not be free for a barging thread");
        assertTrue(acquired.await(10, TimeUnit.SECONDS));
        waiter.join();
        assertTrue(ObjectLock.tryLock(o));
        ObjectLock.unlock(o);
    }

    /**
     * A waiter woken before the fairness time is not handed the lock: the unlock frees the word
     * and the waiter competes for it. Timing-dependent, so it only asserts when the whole
     * sequence provably took less than the fairness time.
     */
    @Test
    void aWaiterWokenBeforeTheFairnessTimeIsNotHandedTheLock() throws Exception {
        assumeTrue(LockStats.ENABLED);
        assumeTrue(PyMutexLock.FAIRNESS_NANOS >= 1_000_000L, "needs a fairness time long enough to beat");
        for (int attempt = 0; attempt < 20; attempt++) {
            Obj o = new Obj();
            ObjectLock.lock(o);
            AtomicLong handoffs = new AtomicLong(-1);
            Thread waiter = ObjectLockTest.daemon(() -> {
                LockStats.Counters mine = LockStats.COUNTERS.mine();
                long before = mine.handoffs;
                ObjectLock.lock(o);
                handoffs.set(mine.handoffs - before);
                ObjectLock.unlock(o);
            });
            long started = System.nanoTime(); // the waiter's fairness clock starts after this
            waiter.start();
            while (!ParkingLot.hasWaiters(o) && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
                Thread.onSpinWait();
            }
            ObjectLock.unlock(o);
            long elapsed = System.nanoTime() - started; // an upper bound on how long it had waited
            waiter.join();
            if (elapsed < PyMutexLock.FAIRNESS_NANOS) {
                assertEquals(0, handoffs.get(), "woken after " + elapsed + " ns: no hand-off before the fairness time");
                return;
            }
        }
        assumeTrue(false, "this machine never woke a waiter within the fairness time in 20 attempts");
    }

    /** With fairness 0 ("pymutex-handoff" run), every wake of a parked waiter is a hand-off. */
    @Test
    void withFairnessZeroEveryWakeIsAHandOff() throws Exception {
        assumeTrue(LockStats.ENABLED);
        assumeTrue(PyMutexLock.FAIRNESS_NANOS == 0, "only in the fairness-0 run");
        LockStats.Totals before = LockStats.totals();
        Obj o = new Obj();
        int threads = 3 * Runtime.getRuntime().availableProcessors() + 1;
        int perThread = 1_000;
        ObjectLockTest.runAll(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                ObjectLock.lock(o);
                try {
                    long seen = o.counter;
                    Thread.yield();
                    o.counter = seen + 1;
                } finally {
                    ObjectLock.unlock(o);
                }
            }
        });
        LockStats.Totals after = LockStats.totals();
        assertEquals((long) threads * perThread, o.counter);
        long parks = after.parks() - before.parks();
        long handoffs = after.handoffs() - before.handoffs();
        assertTrue(parks > 0, "threads yielding inside the lock must make waiters park");
        assertEquals(parks, handoffs, "with fairness 0 every wake-up hands the lock over");
    }

    /** Under contention with the default fairness time, parks happen and the lock stays exclusive. */
    @Test
    void contendedWithSleepersStaysExclusiveAndEndsFree() throws Exception {
        Obj o = new Obj();
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        int perThread = 2_000;
        ObjectLockTest.runAll(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                ObjectLock.lock(o);
                try {
                    long seen = o.counter;
                    if ((i & 3) == 0) {
                        LockSupportSleep.micros(200); // some holds longer than a spin
                    }
                    o.counter = seen + 1;
                } finally {
                    ObjectLock.unlock(o);
                }
            }
        });
        assertEquals((long) threads * perThread, o.counter);
        assertEquals(PyMutexLock.UNLOCKED, o.lockWordForDiagnostics());
        assertFalse(ParkingLot.hasWaiters(o));
    }

    /** Sleeps without Thread.sleep's InterruptedException, for lambdas. */
    static final class LockSupportSleep {
        static void millis(long ms) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        static void micros(long us) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(us));
        }
    }
}
