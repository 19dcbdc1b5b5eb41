package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 683 immortality, for whichever strategy and immortal level surefire selected. */
class ImmortalTest {

    @Test
    void anImmortalObjectsCountIsNeverWrittenAndItIsNeverFreed() throws Exception {
        assumeTrue(RefCount.IMMORTAL != ImmortalKind.NONE);
        Tracked o = new Tracked();
        assertTrue(RefCount.makeImmortal(o));
        assertTrue(o.isImmortal());
        int shared = o.sharedWordOpaque();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    RefCount.decref(o); // far more decrefs than increfs: would free a mortal
                    RefCount.decref(o);
                    RefCount.incref(o);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        RefCount.flush();
        assertEquals(RefCounted.IMMORTAL, o.refCountPlain(), "the marker was never written over");
        assertEquals(shared, o.sharedWordOpaque(), "nor the shared count");
        assertEquals(0, o.deallocs.get());
        assertFalse(o.isFreed());
    }

    @Test
    void levelsAboveTheConfiguredOneLeaveObjectsMortal() {
        Tracked o = new Tracked();
        boolean made = RefCount.makeImmortal(o, ImmortalKind.ALL_SHARED);
        assertEquals(RefCount.IMMORTAL == ImmortalKind.ALL_SHARED, made);
        if (!made) {
            RefCount.decref(o);
            RefCount.flush();
            assertEquals(1, o.deallocs.get());
        }
    }

    @Test
    void withImmortalNoneNothingIsImmortal() {
        assumeTrue(RefCount.IMMORTAL == ImmortalKind.NONE);
        Tracked o = new Tracked();
        assertFalse(RefCount.makeImmortal(o));
        assertFalse(o.isImmortal());
        RefCount.decref(o);
        RefCount.flush();
        assertEquals(1, o.deallocs.get());
    }

    @Test
    void anImmortalObjectQueuedBeforeItWasMadeImmortalStaysImmortal() throws Exception {
        assumeTrue(RefCount.IMMORTAL != ImmortalKind.NONE && RefCount.KIND == RefCountKind.BIASED);
        Tracked o = new Tracked();
        RefCount.incref(o);
        BiasedTest.onOtherThread(() -> RefCount.decref(o)); // queued to us
        assertTrue(RefCount.makeImmortal(o));
        RefCount.mergeQueued();
        assertTrue(o.isImmortal());
        assertEquals(0, o.deallocs.get());
    }
}
