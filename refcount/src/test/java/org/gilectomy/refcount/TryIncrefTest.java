package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** RefCount.tryIncref, for whichever strategy surefire selected. */
class TryIncrefTest {

    @Test
    void bufferedRefusesToTry() {
        assumeTrue(!RefCount.SUPPORTS_TRY_INCREF, "buffered build only");
        Tracked o = new Tracked();
        assertThrows(IllegalStateException.class, () -> RefCount.tryIncref(o));
        RefCount.decref(o);
        RefCount.flush();
    }

    @Test
    void aLiveObjectGainsAReference() {
        assumeTrue(RefCount.SUPPORTS_TRY_INCREF);
        Tracked o = new Tracked();
        assertTrue(RefCount.tryIncref(o));
        RefCount.decref(o);
        assertEquals(0, o.deallocs.get(), "the reference tryIncref took keeps it alive");
        RefCount.decref(o);
        assertEquals(1, o.deallocs.get());
    }

    @Test
    void aFreedObjectIsRefusedWithoutAReport() {
        assumeTrue(RefCount.SUPPORTS_TRY_INCREF);
        Tracked o = new Tracked();
        RefCount.decref(o);
        assertTrue(o.isFreed());
        assertFalse(RefCount.tryIncref(o), "no resurrection, and no UseAfterFreeError");
        assertTrue(o.isFreed());
        assertEquals(1, o.deallocs.get());
    }

    @Test
    void anImmortalObjectIsNeverWritten() {
        assumeTrue(RefCount.SUPPORTS_TRY_INCREF && RefCount.IMMORTAL != ImmortalKind.NONE);
        Tracked o = new Tracked();
        assertTrue(RefCount.makeImmortal(o));
        assertTrue(RefCount.tryIncref(o));
        assertEquals(RefCounted.IMMORTAL, o.refCountFieldOpaque());
    }

    @Test
    void biasedNonOwnerRefusesAnObjectOnlyItsOwnerCounts() throws Exception {
        assumeTrue(RefCount.KIND == RefCountKind.BIASED);
        Tracked o = new Tracked();
        AtomicReference<Boolean> took = new AtomicReference<>();
        BiasedTest.onOtherThread(() -> took.set(RefCount.tryIncref(o)));
        assertFalse(took.get(), "shared count 0: the owner may free it without a CAS");
        RefCount.decref(o);
        assertEquals(1, o.deallocs.get());
    }

    @Test
    void biasedNonOwnerTakesAReferenceWhenTheSharedCountIsLive() throws Exception {
        assumeTrue(RefCount.KIND == RefCountKind.BIASED);
        Tracked o = new Tracked();
        BiasedTest.onOtherThread(() -> {
            RefCount.incref(o); // shared 1
            assertTrue(RefCount.tryIncref(o)); // shared 2
            RefCount.decref(o);
            RefCount.decref(o);
        });
        RefCount.mergeQueued();
        assertEquals(0, o.deallocs.get());
        RefCount.decref(o);
        RefCount.mergeQueued();
        assertEquals(1, o.deallocs.get());
    }

    /**
     * The race tryIncref is for: one thread drops the last reference while another tries to
     * take one. Exactly one free, and never a use-after-free report. A plain incref here
     * throws UseAfterFreeError within a few thousand rounds (negative control below).
     */
    @Test
    void racingTheLastDecrefNeverResurrects() throws Exception {
        assumeTrue(RefCount.SUPPORTS_TRY_INCREF && RefCount.KIND != RefCountKind.PLAIN);
        assertEquals(0, race(20_000, RefCount::tryIncref), "use-after-free reports");
    }

    @Test
    void negativeControlAPlainIncrefResurrects() throws Exception {
        assumeTrue(RefCount.KIND == RefCountKind.ATOMIC);
        int reports = race(200_000, o -> {
            RefCount.incref(o);
            return true;
        });
        assertTrue(reports > 0, "a plain incref must be caught resurrecting a freed object");
    }

    interface Taker {
        boolean take(RefCounted o);
    }

    /** Rounds of: main decrefs the one reference, the other thread takes one; UAF reports seen. */
    private static int race(int rounds, Taker taker) throws Exception {
        Tracked[] objects = new Tracked[rounds];
        for (int i = 0; i < rounds; i++) {
            objects[i] = new Tracked();
            if (RefCount.KIND == RefCountKind.BIASED) {
                BiasedCounts.adopt(objects[i], 0); // merged, owned by nobody: both threads go shared
                objects[i].setSharedWordRelease(RefCounted.SHARED_ONE | RefCounted.SHARED_MERGED);
                objects[i].setRefCountRelease(0);
            }
        }
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicInteger reports = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                start.await();
                for (Tracked o : objects) {
                    try {
                        if (taker.take(o)) {
                            RefCount.decref(o);
                        }
                    } catch (UseAfterFreeError e) {
                        reports.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        start.await();
        for (Tracked o : objects) {
            try {
                RefCount.decref(o);
            } catch (UseAfterFreeError e) {
                reports.incrementAndGet();
            }
        }
        other.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        if (reports.get() == 0) {
            for (Tracked o : objects) {
                assertEquals(1, o.deallocs.get(), "freed exactly once");
            }
        }
        return reports.get();
    }
}
