package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gilectomy.refcount.CycleCollectorTest.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collector's "mark alive" pre-pass (step 1b): what a known-alive container reaches is
 * marked and traversed once, and skipped by the subtraction, so a full collection of a live
 * heap of N containers reachable from one makes N traversals instead of 2N (the count
 * CollectorStats reports: the cost measure, without timing). Garbage beside it is still found.
 * Negative control: the same heap without the alive root costs 2N.
 */
class MarkAliveTest {
    private static final int N = 1000;

    @BeforeEach
    void runPython() {
        RefCountThreadState.current().runsPython = true;
        CycleCollector.installRoots(v -> { });
        CycleCollector.collect(2, true);
    }

    @AfterEach
    void stopRunningPython() {
        CycleCollector.installAliveRoots(c -> { });
        RefCountThreadState.current().runsPython = false;
    }

    private static Node[] liveRing(int n) {
        Node[] ns = new Node[n];
        for (int i = 0; i < n; i++) {
            ns[i] = new Node();
        }
        for (int i = 0; i < n; i++) {
            ns[i].point(ns[(i + 1) % n]);
        }
        for (int i = 1; i < n; i++) {
            RefCount.decref(ns[i]); // the ring holds them; ns[0] is held from outside
        }
        return ns;
    }

    /** Traversals made by one full collection of a live ring of N, found nothing; with ns[0] an alive root or not. */
    private static long traversalsOfALiveHeap(boolean aliveRoot) {
        Node[] ns = liveRing(N);
        CycleCollector.installAliveRoots(aliveRoot ? c -> c.accept(ns[0]) : c -> { });
        assertEquals(0, CycleCollector.collect(2, true));
        long before = CollectorStats.snapshot().totalTraversed();
        assertEquals(0, CycleCollector.collect(2, true));
        long traversed = CollectorStats.snapshot().totalTraversed() - before;
        CycleCollector.installAliveRoots(c -> { });
        RefCount.decref(ns[0]);
        assertEquals(N, CycleCollector.collect(2, true));
        return traversed;
    }

    @Test
    void aLiveHeapReachedFromAnAliveRootIsTraversedOnce() {
        assertEquals(N, traversalsOfALiveHeap(true));
    }

    @Test
    void negativeControlWithoutTheAliveRootEveryObjectIsTraversedTwice() {
        assertEquals(2L * N, traversalsOfALiveHeap(false));
    }

    @Test
    void garbageBesideAnAliveHeapIsStillFound() {
        Node[] live = liveRing(N);
        CycleCollector.installAliveRoots(c -> c.accept(live[0]));
        Node[] dead = liveRing(3);
        RefCount.decref(dead[0]); // only its ring holds it now
        assertEquals(3, CycleCollector.collect(2, true));
        RefCount.flush();
        assertTrue(dead[1].isFreed());
        assertTrue(!live[1].isFreed());
        CycleCollector.installAliveRoots(c -> { });
        RefCount.decref(live[0]);
        assertEquals(N, CycleCollector.collect(2, true));
    }
}
