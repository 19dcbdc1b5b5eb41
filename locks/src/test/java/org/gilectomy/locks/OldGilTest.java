package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The old GIL: a binary semaphore; yielding is release + re-acquire with no hand-off. */
class OldGilTest {
    @Test
    void onlyOneHolderAtATimeEvenWhileYielding() throws Exception {
        OldGil gil = new OldGil();
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlap = new AtomicBoolean();
        long[] counter = new long[1];
        ObjectLockTest.runAll(4, () -> {
            gil.acquire();
            for (int i = 0; i < 20_000; i++) {
                if (inside.incrementAndGet() != 1) {
                    overlap.set(true);
                }
                counter[0]++;
                inside.decrementAndGet();
                if (i % 100 == 0) {
                    gil.yieldToWaiter(); // the tick check, every 100 "instructions"
                }
            }
            gil.release();
        });
        assertFalse(overlap.get());
        assertEquals(80_000, counter[0]);
        GilStats.Totals s = gil.stats();
        assertTrue(s.switches() >= 4, "every thread took it at least once");
        assertTrue(s.switches() <= s.acquisitions());
        assertEquals(0, s.dropRequests(), "the old GIL never asks the holder to drop");
        assertEquals(0, s.forcedSwitches());
    }

    @Test
    void releasingAGilYouDoNotHoldIsAnError() {
        assertThrows(IllegalStateException.class, new OldGil()::release);
    }
}
