package org.gilectomy.threadstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.Lockable;

/**
 * The locks level of the thread state: found through the thread's field (a StatefulThread)
 * or the registry (any other thread), one eval-breaker word per thread, requests for every
 * thread reaching threads registered before and after them. Uses STOP_THE_WORLD, a bit
 * nothing else in this module sets, so it cannot disturb the GIL tests.
 */
class ThreadStateTest {
    private static final int BIT = EvalBreaker.STOP_THE_WORLD;

    private static StatefulThread thread(Runnable task) {
        return new StatefulThread(null, task, "state-test", 0, BaseThreadState::new);
    }

    @Test
    void aStatefulThreadFindsItsStateInItsField() throws Exception {
        AtomicReference<BaseThreadState> seen = new AtomicReference<>();
        StatefulThread t = thread(() -> seen.set(BaseThreadState.current()));
        t.start();
        t.join();
        assertSame(t.state(), seen.get());
    }

    @Test
    void aForeignThreadKeepsOneStateOfItsOwn() throws Exception {
        BaseThreadState mine = BaseThreadState.current();
        assertSame(mine, BaseThreadState.current());
        AtomicReference<BaseThreadState> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(BaseThreadState.current()));
        t.start();
        t.join();
        assertNotSame(mine, other.get());
        assertEquals(t.getId(), other.get().id());
    }

    @Test
    void aBitSetForOneThreadIsNotSeenByAnother() {
        StatefulThread a = thread(() -> { });
        StatefulThread b = thread(() -> { });
        a.state().setBreakerBits(EvalBreaker.SIGNAL_PENDING);
        assertTrue(a.state().breakerBitSet(EvalBreaker.SIGNAL_PENDING));
        assertEquals(0, b.state().breakerOpaque());
        a.state().clearBreakerBits(EvalBreaker.SIGNAL_PENDING);
        assertEquals(0, a.state().breakerOpaque());
    }

    @Test
    void aRequestForEveryThreadReachesThreadsRegisteredBeforeAndAfterIt() {
        StatefulThread before = thread(() -> { });
        EvalBreaker.set(BIT);
        try {
            StatefulThread after = thread(() -> { });
            assertTrue(before.state().breakerBitSet(BIT), "a thread registered before the request");
            assertTrue(after.state().breakerBitSet(BIT), "a thread registered after the request");
            assertTrue(EvalBreaker.isSet(BIT), "the calling (foreign) thread");
        } finally {
            EvalBreaker.clear(BIT);
        }
        assertFalse(before.state().breakerBitSet(BIT));
        assertFalse(EvalBreaker.isSet(BIT));
        assertEquals(0, thread(() -> { }).state().breakerOpaque() & BIT, "cleared for later threads too");
    }

    @Test
    void criticalSectionsAreThePerThreadStatesStack() throws Exception {
        Lockable o = new Lockable() { };
        BaseThreadState ts = BaseThreadState.current();
        CriticalSection.begin(ts, o);
        try {
            assertEquals(1, CriticalSection.depth());
            int[] otherDepth = {-1};
            StatefulThread t = thread(() -> otherDepth[0] = CriticalSection.depth());
            t.start();
            t.join();
            assertEquals(0, otherDepth[0], "another thread's stack is its own");
        } finally {
            CriticalSection.end(ts);
        }
        assertEquals(0, CriticalSection.depth());
    }

    @Test
    void statisticsRowsArePerThread() throws Exception {
        ThreadCounters<long[]> counters = new ThreadCounters<>(() -> new long[1]);
        counters.mine()[0] += 5;
        StatefulThread t = thread(() -> counters.mine()[0] += 7);
        t.start();
        t.join();
        assertEquals(5, counters.mine()[0]);
        assertEquals(12, counters.all().stream().mapToLong(c -> c[0]).sum());
        assertEquals(2, counters.all().size());
    }
}
