package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Py_LOCK/Py_UNLOCK under the kind surefire chose for this JVM (locks/pom.xml runs this suite
 * once per kind: spinpark, pymutex, pymutex with fairness 0, spin), oversubscribed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost wake-up fails, never hangs the build
class ObjectLockTest {
    static final class Obj extends Lockable {
        long counter; // guarded by the object lock
    }

    @Test
    void kindComesFromTheSystemProperty() {
        assertEquals(LockKind.parse(System.getProperty(LockKind.PROPERTY)), ObjectLock.KIND);
        assertTrue(ObjectLock.ENABLED, "this suite is about a real lock: surefire must not run it with lock=none");
    }

    @Test
    void mutualExclusionWithMoreThreadsThanCores() throws Exception {
        Obj o = new Obj();
        int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        int perThread = 50_000;
        runAll(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                ObjectLock.lock(o);
                try {
                    o.counter++;
                } finally {
                    ObjectLock.unlock(o);
                }
            }
        });
        assertEquals((long) threads * perThread, o.counter);
        assertEquals(0, o.lockWordForDiagnostics(), "every kind leaves a free, waiter-less lock at word 0");
        assertFalse(ParkingLot.hasWaiters(o));
    }

    /** The same with a critical section long enough that waiters give up spinning and park. */
    @Test
    void mutualExclusionWithLongCriticalSections() throws Exception {
        Obj o = new Obj();
        int threads = 3 * Runtime.getRuntime().availableProcessors() + 1;
        int perThread = 2_000;
        runAll(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                ObjectLock.lock(o);
                try {
                    long seen = o.counter;
                    if ((i & 7) == 0) {
                        Thread.yield(); // let a waiter run out of spins while we hold the lock
                    }
                    o.counter = seen + 1;
                } finally {
                    ObjectLock.unlock(o);
                }
            }
        });
        assertEquals((long) threads * perThread, o.counter);
        assertEquals(0, o.lockWordForDiagnostics());
    }

    /** Negative control for the tests above: without the lock, updates are lost. */
    @Test
    void withoutTheLockUpdatesAreLost() throws Exception {
        Obj o = new Obj();
        int threads = 4;
        int perThread = 2_000_000;
        long lost = 0;
        for (int attempt = 0; attempt < 5 && lost == 0; attempt++) {
            o.counter = 0;
            runAll(threads, () -> {
                for (int i = 0; i < perThread; i++) {
                    racyIncrement(o);
                }
            });
            lost = (long) threads * perThread - o.counter;
        }
        assertTrue(lost > 0, "an unlocked read-modify-write should lose updates");
    }

    /** Not inlined into a loop the JIT could collapse into one add. */
    private static void racyIncrement(Obj o) {
        long v = o.counter;
        Thread.onSpinWait();
        o.counter = v + 1;
    }

    @Test
    void aBlockedThreadParksAndIsWokenByUnlock() throws Exception {
        assumeTrue(ObjectLock.KIND.parks(), "the spin kind never parks");
        Obj o = new Obj();
        ObjectLock.lock(o);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = daemon(() -> {
            ObjectLock.lock(o);
            acquired.countDown();
            ObjectLock.unlock(o);
        });
        waiter.start();
        awaitParked(o, 1);
        assertEquals(wordWithSleepers(), o.lockWordForDiagnostics());
        assertFalse(acquired.await(50, TimeUnit.MILLISECONDS), "lock must still be held");
        ObjectLock.unlock(o);
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "unlock must wake the parked waiter");
        waiter.join();
        assertFalse(ObjectLock.isLocked(o));
        assertFalse(ParkingLot.hasWaiters(o));
    }

    /** Two sleepers: each unlock wakes one, and the word keeps saying "sleepers" until the last. */
    @Test
    void twoParkedWaitersAreWokenOneByOne() throws Exception {
        assumeTrue(ObjectLock.KIND.parks(), "the spin kind never parks");
        Obj o = new Obj();
        ObjectLock.lock(o);
        CountDownLatch done = new CountDownLatch(2);
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = daemon(() -> {
                ObjectLock.lock(o);
                o.counter++;
                ObjectLock.unlock(o);
                done.countDown();
            });
            t.start();
            waiters.add(t);
            awaitParked(o, i + 1);
        }
        ObjectLock.unlock(o);
        assertTrue(done.await(10, TimeUnit.SECONDS), "the first woken waiter's unlock must wake the second");
        for (Thread t : waiters) {
            t.join();
        }
        assertEquals(2, o.counter);
        assertFalse(ParkingLot.hasWaiters(o));
        assertFalse(ObjectLock.isLocked(o));
    }

    /** For the spin kind: a blocked thread spins, and gets the lock once it is free. */
    @Test
    void aBlockedThreadGetsTheLockAfterUnlock() throws Exception {
        Obj o = new Obj();
        ObjectLock.lock(o);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = daemon(() -> {
            ObjectLock.lock(o);
            acquired.countDown();
            ObjectLock.unlock(o);
        });
        waiter.start();
        assertFalse(acquired.await(20, TimeUnit.MILLISECONDS), "lock must still be held");
        ObjectLock.unlock(o);
        assertTrue(acquired.await(10, TimeUnit.SECONDS));
        waiter.join();
        assertFalse(ObjectLock.isLocked(o));
    }

    @Test
    void tryLockFailsWhileHeld() throws Exception {
        Obj o = new Obj();
        assertTrue(ObjectLock.tryLock(o));
        assertTrue(ObjectLock.isLocked(o));
        assertFalse(ObjectLock.tryLock(o));
        AtomicReference<Boolean> fromOtherThread = new AtomicReference<>();
        Thread t = daemon(() -> fromOtherThread.set(ObjectLock.tryLock(o)));
        t.start();
        t.join();
        assertEquals(Boolean.FALSE, fromOtherThread.get());
        ObjectLock.unlock(o);
        assertFalse(ObjectLock.isLocked(o));
        assertTrue(ObjectLock.tryLock(o));
        ObjectLock.unlock(o);
    }

    /** pymutex and spin check the word on unlock (spinpark, as before, does not). */
    @Test
    void unlockingAFreeLockThrows() {
        assumeTrue(ObjectLock.KIND != LockKind.SPINPARK, "spinpark does not check");
        Obj o = new Obj();
        assertThrows(IllegalMonitorStateException.class, () -> ObjectLock.unlock(o));
    }

    @Test
    void statisticsCountContention() throws Exception {
        assumeTrue(LockStats.ENABLED, "surefire sets -Dgilectomy.stats=true");
        LockStats.Totals before = LockStats.totals();
        mutualExclusionWithLongCriticalSections();
        LockStats.Totals after = LockStats.totals();
        int threads = 3 * Runtime.getRuntime().availableProcessors() + 1;
        assertEquals((long) threads * 2_000, after.acquisitions() - before.acquisitions());
        assertTrue(after.contended() > before.contended(), "oversubscribed threads yielding inside must contend");
        assertTrue(after.spinRounds() > before.spinRounds());
        assertTrue(after.maxWaitNanos() > 0);
        if (ObjectLock.KIND.parks()) {
            assertTrue(after.parks() > before.parks(), "yielding inside the lock must make some waiter park");
        } else {
            assertEquals(before.parks(), after.parks(), "spin never parks");
        }
        if (ObjectLock.KIND != LockKind.PYMUTEX) {
            assertEquals(before.handoffs(), after.handoffs(), "only pymutex hands off");
        }
    }

    /**
     * "Contended" means the fast path was missed (LockStats), whether the spin then got the lock
     * or the thread parked. Each trial: this thread holds the lock, a probe thread calls lock,
     * and this thread lets go after a busy wait of 0 to 3.5 us (varied by trial), short enough
     * that some trials release while the probe is still spinning. A probe that spun must count
     * as contended; the test ends at the first trial where the probe got the lock by spinning
     * alone (contended, no park), and fails if none of the trials did.
     */
    @Test
    void statisticsCountASpinResolvedWaitAsContended() throws Exception {
        assumeTrue(LockStats.ENABLED, "surefire sets -Dgilectomy.stats=true");
        int trials = 0;
        for (boolean spinResolved = false; !spinResolved; trials++) {
            assertTrue(trials < 2_000, "no trial released the lock while the probe spun");
            Obj o = new Obj();
            ObjectLock.lock(o);
            Probe probe = new Probe(o);
            probe.start();
            while (!probe.calling) {
                Thread.onSpinWait();
            }
            busyWait(trials % 8 * 500L);
            ObjectLock.unlock(o);
            long[] d = probe.counts();
            assertEquals(1, d[0], "one acquisition");
            if (d[2] > 0 || d[3] > 0) {
                assertEquals(1, d[1], "spun or parked, so it missed the fast path: " + Arrays.toString(d));
            }
            spinResolved = d[1] == 1 && d[3] == 0;
        }
    }

    /** Control: the probe's counts can say "not contended" (a free lock) ... */
    @Test
    void statisticsCountNoContentionOnAFreeLock() throws Exception {
        assumeTrue(LockStats.ENABLED, "surefire sets -Dgilectomy.stats=true");
        Probe probe = new Probe(new Obj());
        probe.start();
        assertArrayEquals(new long[] {1, 0, 0, 0}, probe.counts());
    }

    /** ... and can see a park, so "no park" above is a measurement, not a blind spot. */
    @Test
    void statisticsCountAParkedWaitAsContendedWithAPark() throws Exception {
        assumeTrue(LockStats.ENABLED, "surefire sets -Dgilectomy.stats=true");
        assumeTrue(ObjectLock.KIND.parks(), "the spin kind never parks");
        Obj o = new Obj();
        ObjectLock.lock(o);
        Probe probe = new Probe(o);
        probe.start();
        awaitParked(o, 1);
        ObjectLock.unlock(o);
        long[] d = probe.counts();
        assertEquals(1, d[0]);
        assertEquals(1, d[1]);
        assertTrue(d[3] >= 1, "the probe slept: " + Arrays.toString(d));
    }

    /** Locks {@code o} once and records what that did to its own thread's LockStats counters. */
    private static final class Probe extends Thread {
        private final Obj o;
        volatile boolean calling;
        private final long[] counts = new long[4]; // acquisitions, contended, spin rounds, parks

        Probe(Obj o) {
            this.o = o;
            setDaemon(true);
        }

        @Override
        public void run() {
            LockStats.Counters c = LockStats.COUNTERS.mine(); // registers this thread first
            long a = c.acquisitions, k = c.contended, s = c.spinRounds, p = c.parks;
            calling = true;
            ObjectLock.lock(o);
            ObjectLock.unlock(o);
            counts[0] = c.acquisitions - a;
            counts[1] = c.contended - k;
            counts[2] = c.spinRounds - s;
            counts[3] = c.parks - p;
        }

        /** After the probe has finished (join orders its writes before our reads). */
        long[] counts() throws InterruptedException {
            join();
            return counts;
        }
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** What the word reads while the lock is held and somebody sleeps on it. */
    static int wordWithSleepers() {
        return ObjectLock.KIND == LockKind.PYMUTEX
                ? PyMutexLock.LOCKED | PyMutexLock.HAS_PARKED
                : SpinParkLock.LOCKED_WAITERS;
    }

    /** Waits until {@code n} threads sleep on {@code o}. */
    static void awaitParked(Lockable o, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ParkingLot.waiters(o) < n && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(n, ParkingLot.waiters(o), "waiters should have parked");
    }

    /** A thread that a broken lock may strand without keeping the test JVM alive. */
    static Thread daemon(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        return t;
    }

    static void runAll(int threads, Runnable body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = daemon(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            });
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            t.start();
            ts.add(t);
        }
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(List.of(), failures);
    }
}
