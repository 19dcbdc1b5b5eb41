package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Py_LOCK/Py_UNLOCK under the spinpark kind (set by surefire), oversubscribed. */
class ObjectLockTest {
    static final class Obj extends Lockable {
        long counter; // guarded by the object lock
    }

    @Test
    void kindComesFromTheSystemProperty() {
        assertEquals(LockKind.SPINPARK, ObjectLock.KIND);
        assertTrue(ObjectLock.ENABLED);
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
        assertEquals(ObjectLock.FREE, o.lockWordForDiagnostics());
        assertFalse(ParkingLot.hasWaiters(o));
    }

    /** Negative control for the test above: without the lock, updates are lost. */
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
        Obj o = new Obj();
        ObjectLock.lock(o);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            ObjectLock.lock(o);
            acquired.countDown();
            ObjectLock.unlock(o);
        });
        waiter.start();
        // Wait until the waiter has given up spinning and parked (the word says "waiters").
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ParkingLot.hasWaiters(o) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(ParkingLot.hasWaiters(o), "waiter should have parked");
        assertEquals(ObjectLock.LOCKED_WAITERS, o.lockWordForDiagnostics());
        assertFalse(acquired.await(50, TimeUnit.MILLISECONDS), "lock must still be held");
        ObjectLock.unlock(o);
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "unlock must wake the parked waiter");
        waiter.join();
        assertFalse(ObjectLock.isLocked(o));
    }

    @Test
    void tryLockFailsWhileHeld() {
        Obj o = new Obj();
        assertTrue(ObjectLock.tryLock(o));
        assertFalse(ObjectLock.tryLock(o));
        ObjectLock.unlock(o);
        assertTrue(ObjectLock.tryLock(o));
        ObjectLock.unlock(o);
    }

    @Test
    void statisticsCountContention() throws Exception {
        LockStats.Totals before = LockStats.totals();
        mutualExclusionWithMoreThreadsThanCores();
        LockStats.Totals after = LockStats.totals();
        assertTrue(after.acquisitions() - before.acquisitions() >= 8 * 50_000);
    }

    static void runAll(int threads, Runnable body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            });
            t.start();
            ts.add(t);
        }
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
    }
}
