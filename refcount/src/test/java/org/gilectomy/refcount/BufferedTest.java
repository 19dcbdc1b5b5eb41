package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buffered strategy: ordering of logged updates, frees on the commit thread, flush. */
class BufferedTest {

    @BeforeEach
    void onlyBuffered() {
        assumeTrue(RefCount.KIND == RefCountKind.BUFFERED, "buffered build only");
    }

    @Test
    void updatesAreAppliedByTheCommitThreadAndFreesHappenThere() {
        Tracked o = new Tracked();
        RefCount.incref(o);
        RefCount.flush();
        assertEquals(2, o.refCountOpaque());
        RefCount.decref(o);
        RefCount.decref(o);
        RefCount.flush();
        assertEquals(1, o.deallocs.get());
        assertEquals("gilectomy-refcount-commit", o.freedBy.get().getName());
    }

    /**
     * In one thread, incref then decref then decref of an object at 1: if a decref were ever
     * applied before the incref logged before it, the object would be freed early and the
     * incref would then find it freed (reported by flush).
     */
    @Test
    void anIncrefLoggedBeforeADecrefIsNeverAppliedAfterIt() {
        List<Tracked> all = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            Tracked o = new Tracked();
            RefCount.incref(o);
            RefCount.decref(o);
            all.add(o);
            assertFalse(o.isFreed(), "freed while referenced");
        }
        RefCount.flush();
        for (Tracked o : all) {
            assertEquals(0, o.deallocs.get(), "freed while referenced");
            RefCount.decref(o);
        }
        RefCount.flush();
        for (Tracked o : all) {
            assertEquals(1, o.deallocs.get());
        }
    }

    /**
     * Across threads: A increfs (the reference it hands over), hands the object to B, drops
     * its own; B drops the handed one. B's decref happens after A's incref, so the committer
     * must apply A's incref first even though it sits in another thread's log.
     */
    @Test
    void anIncrefThatHappenedBeforeAnotherThreadsDecrefIsAppliedFirst() throws Exception {
        int objects = 200_000;
        BlockingQueue<Tracked> handoff = new ArrayBlockingQueue<>(1024);
        List<Tracked> all = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread b = new Thread(() -> {
            try {
                for (int n = 0; n < objects; n++) {
                    RefCount.decref(handoff.take());
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        b.start();
        for (int n = 0; n < objects; n++) {
            Tracked o = new Tracked();
            all.add(o);
            RefCount.incref(o);
            handoff.put(o);
            RefCount.decref(o);
        }
        b.join();
        assertNull(failure.get());
        RefCount.flush(); // rethrows any misuse the committer saw (an early free)
        for (Tracked o : all) {
            assertEquals(1, o.deallocs.get(), "freed exactly once");
        }
    }

    @Test
    void aFullLogWaitsForTheCommitter() {
        Tracked o = new Tracked();
        int n = 4 * RefCountThreadState.LOG_CAPACITY;
        for (int i = 0; i < n; i++) {
            RefCount.incref(o);
        }
        for (int i = 0; i < n; i++) {
            RefCount.decref(o);
        }
        RefCount.flush();
        assertEquals(1, o.refCountOpaque());
        assertEquals(0, o.deallocs.get());
        RefCount.decref(o);
        RefCount.flush();
        assertEquals(1, o.deallocs.get());
    }

    @Test
    void aMisuseFoundByTheCommitterIsReportedByFlush() {
        Tracked o = new Tracked();
        RefCount.decref(o);
        RefCount.decref(o); // logged before the first is committed: found by the committer
        UseAfterFreeError e = assertThrows(UseAfterFreeError.class, RefCount::flush);
        assertTrue(e.getMessage().contains("<tracked>"));
        assertEquals(1, o.deallocs.get(), "never freed twice");
        RefCount.flush(); // reported once
    }

    @Test
    void manyThreadsIncrefAndDecrefTheSameObject() throws Exception {
        Tracked o = new Tracked();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    RefCount.incref(o);
                    RefCount.decref(o);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        RefCount.flush();
        assertEquals(1, o.refCountOpaque());
        assertEquals(0, o.deallocs.get());
    }
}
