package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parking lot on its own: validation, FIFO order, and the unpark callback's contract. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost wake-up fails, never hangs the build
class ParkingLotTest {

    static final class Key extends Lockable {
    }

    private static final int BLOCKED = 7; // any word value: the parking lot gives it no meaning

    @Test
    void aFailedValidationReturnsAtOnceWithoutQueueing() {
        Key k = new Key();
        assertEquals(ParkingLot.NOT_PARKED, ParkingLot.parkIfWordIs(k, BLOCKED, 0L));
        assertFalse(ParkingLot.park(k, w -> w == BLOCKED));
        assertFalse(ParkingLot.hasWaiters(k));
    }

    @Test
    void unparkWithNobodyQueuedRunsTheCallbackWithFoundFalse() {
        Key k = new Key();
        List<String> calls = new ArrayList<>();
        boolean woke = ParkingLot.unparkOne(k, (key, found, start, more) -> {
            calls.add(key == k ? "found=" + found + " start=" + start + " more=" + more : "wrong key");
            return true; // ignored: nobody to hand to
        });
        assertFalse(woke);
        assertEquals(List.of("found=false start=0 more=false"), calls);
        assertFalse(ParkingLot.unparkOne(k));
    }

    /**
     * Two waiters: the callback sees the first one's wait start and "more waiters" true, then
     * the second one's with false; the first is handed off, the second only woken.
     */
    @Test
    void callbackLearnsWaitStartAndWhetherMoreWaitersRemain() throws Exception {
        Key k = new Key();
        k.setLockWordRelease(BLOCKED);
        Key other = new Key(); // a waiter on another key of the same bucket must not count as "more"
        while (ParkingLot.bucketIndexOf(other) != ParkingLot.bucketIndexOf(k)) {
            other = new Key();
        }
        other.setLockWordRelease(BLOCKED);
        int[] results = new int[3];
        Thread first = parker(k, 111L, results, 0);
        awaitWaiters(k, 1);
        Thread second = parker(k, 222L, results, 1);
        awaitWaiters(k, 2);
        Thread unrelated = parker(other, 333L, results, 2);
        awaitWaiters(other, 1);

        List<String> calls = new ArrayList<>();
        ParkingLot.Unparker handOffFirstOnly = (key, found, start, more) -> {
            calls.add("start=" + start + " more=" + more);
            return start == 111L;
        };
        assertTrue(ParkingLot.unparkOne(k, handOffFirstOnly));
        first.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(ParkingLot.unparkOne(k, handOffFirstOnly));
        second.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of("start=111 more=true", "start=222 more=false"), calls, "FIFO, and exact 'more'");
        assertEquals(ParkingLot.HANDED_OFF, results[0]);
        assertEquals(ParkingLot.WOKEN, results[1]);
        assertFalse(ParkingLot.hasWaiters(k));

        assertTrue(ParkingLot.unparkOne(other));
        unrelated.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(ParkingLot.WOKEN, results[2]);
    }

    /** A parked thread that is interrupted keeps sleeping, and gets its interrupt status back. */
    @Test
    void interruptsDoNotEndAParkButAreKept() throws Exception {
        Key k = new Key();
        k.setLockWordRelease(BLOCKED);
        AtomicInteger result = new AtomicInteger(-1);
        AtomicInteger interruptedAfter = new AtomicInteger(-1);
        Thread t = ObjectLockTest.daemon(() -> {
            result.set(ParkingLot.parkIfWordIs(k, BLOCKED, 0L));
            interruptedAfter.set(Thread.currentThread().isInterrupted() ? 1 : 0);
        });
        t.start();
        awaitWaiters(k, 1);
        t.interrupt();
        t.join(50);
        assertTrue(t.isAlive(), "an interrupt must not end the park");
        assertTrue(ParkingLot.unparkOne(k));
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(ParkingLot.WOKEN, result.get());
        assertEquals(1, interruptedAfter.get());
    }

    /**
     * The validation race, many times: a parker that re-checks the word under the bucket lock
     * and an unparker that changes the word and then calls unparkOne; the parker never sleeps
     * forever.
     */
    @Test
    void aParkerRacingAnUnparkerNeverSleepsForever() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            Key k = new Key();
            k.setLockWordRelease(BLOCKED);
            Thread parker = ObjectLockTest.daemon(() -> {
                while (k.lockWordVolatile() == BLOCKED) {
                    ParkingLot.parkIfWordIs(k, BLOCKED, 0L);
                }
            });
            parker.start();
            if ((i & 1) == 0) {
                Thread.onSpinWait();
            }
            k.setLockWordRelease(0);
            ParkingLot.unparkOne(k);
            parker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(parker.isAlive(), "a lost wake-up in iteration " + i);
        }
    }

    private static Thread parker(Key k, long start, int[] results, int slot) {
        Thread t = ObjectLockTest.daemon(() -> results[slot] = ParkingLot.parkIfWordIs(k, BLOCKED, start));
        t.start();
        return t;
    }

    private static void awaitWaiters(Object k, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ParkingLot.waiters(k) < n && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(n, ParkingLot.waiters(k));
    }
}
