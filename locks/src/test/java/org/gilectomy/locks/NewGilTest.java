package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import org.gilectomy.threadstate.EvalBreaker;

/** The new GIL's protocol: exclusion, drop requests after one interval, forced switching. */
class NewGilTest {
    private static final long INTERVAL = 1_000_000; // 1 ms

    @Test
    void onlyOneHolderAtATime() throws Exception {
        NewGil gil = new NewGil(INTERVAL);
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlap = new AtomicBoolean();
        long[] counter = new long[1];
        ObjectLockTest.runAll(4, () -> {
            for (int i = 0; i < 2_000; i++) {
                gil.acquire();
                if (inside.incrementAndGet() != 1) {
                    overlap.set(true);
                }
                counter[0]++;
                inside.decrementAndGet();
                gil.release();
            }
        });
        assertFalse(overlap.get());
        assertEquals(8_000, counter[0]);
    }

    @Test
    void aWaiterRequestsADropAndTheHolderSwitches() throws Exception {
        NewGil gil = new NewGil(INTERVAL);
        EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        gil.acquire();
        AtomicBoolean waiterRan = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            gil.acquire();
            waiterRan.set(true);
            gil.release();
        });
        waiter.start();
        // Play the eval loop: spin until the breaker trips, then yield as the interpreter would.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST), "waiter should ask for the GIL");
        gil.yieldToWaiter(); // forced switching: returns only after the waiter took it
        assertTrue(waiterRan.get(), "forced switching lets the waiter run before the holder returns");
        assertTrue(gil.heldByCurrentThread());
        gil.release();
        waiter.join();
        GilStats.Totals s = gil.stats();
        assertTrue(s.dropRequests() >= 1);
        assertTrue(s.forcedSwitches() >= 1);
        assertTrue(s.switches() >= 2);
    }

    @Test
    void releasingAGilYouDoNotHoldIsAnError() {
        NewGil gil = new NewGil(INTERVAL);
        assertThrows(IllegalStateException.class, gil::release);
    }

    @Test
    void switchIntervalMustBePositive() {
        NewGil gil = new NewGil(INTERVAL);
        assertThrows(IllegalArgumentException.class, () -> gil.setSwitchIntervalNanos(0));
        gil.setSwitchIntervalNanos(42);
        assertEquals(42, gil.switchIntervalNanos());
    }
}
