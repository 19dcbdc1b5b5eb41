package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.CycleCollectorTest.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cycle collector and deferred reference counting (the biased-deferred execution of this
 * module, as the nogil preset; skipped elsewhere): a deferred object that only its bias keeps
 * alive (an orphan) is freed by a collection, and so is what only it held, without being
 * counted as cyclic garbage (CPython 3.11's counts would have freed it); a deferred object in
 * a cycle is freed and counted; one that a thread stack still holds (uncounted) is kept. The
 * negative control shows that the stack, visited as a root, is what keeps it.
 */
class DeferredCollectionTest {
    private final Object scope = new Object();
    private final List<RefCounted> stack = new ArrayList<>();

    @BeforeEach
    void runPython() {
        assumeTrue(RefCount.DEFERRED, "needs -Dgilectomy.deferred=on (the biased-deferred execution)");
        RefCountThreadState.current().runsPython = true;
        CycleCollector.collect(2, true);
        CycleCollector.installRoots(v -> stack.forEach(v::visit));
    }

    @AfterEach
    void stopRunningPython() {
        CycleCollector.installRoots(v -> { });
        RefCountThreadState.current().runsPython = false;
        RefCount.releaseDeferred(scope);
    }

    private Node deferred() {
        Node n = new Node();
        RefCount.markDeferred(n, scope);
        assertTrue(n.isDeferred());
        return n;
    }

    @Test
    void anOrphanIsFreedAndNotCounted() {
        Node n = deferred();
        RefCount.decref(n); // the last counted reference: the bias is all that is left
        assertFalse(n.isFreed(), "a deferred object's count never reaches zero by decrefs");
        assertEquals(0, RefCount.trueCount(n));
        assertEquals(0, CycleCollector.collect(2, true), "what a count would have freed is not cyclic garbage");
        assertTrue(n.isFreed());
    }

    @Test
    void anOrphanFreesWhatOnlyItHeldEvenAnotherDeferredObject() {
        Node holder = deferred();
        Node held = deferred();
        holder.point(held);
        RefCount.decref(held); // held by holder only
        RefCount.decref(holder); // an orphan: its release orphans held in turn
        assertEquals(0, CycleCollector.collect(2, true));
        assertTrue(holder.isFreed());
        assertTrue(held.isFreed());
    }

    @Test
    void aCycleOnlyAnOrphanHeldIsFoundInTheSameCollection() {
        Node holder = deferred();
        Node a = new Node();
        Node b = new Node();
        a.point(b);
        b.point(a);
        holder.point(a);
        RefCount.decref(a);
        RefCount.decref(b);
        RefCount.decref(holder);
        assertEquals(2, CycleCollector.collect(2, true), "the cycle, as CPython 3.11 counts it after the holder's free");
        assertTrue(holder.isFreed());
        assertTrue(a.isFreed());
        assertTrue(b.isFreed());
    }

    @Test
    void aDeferredObjectInACycleIsFreedAndCounted() {
        Node d = deferred();
        Node other = new Node();
        d.point(other);
        other.point(d);
        RefCount.decref(d);
        RefCount.decref(other);
        assertEquals(1, RefCount.trueCount(d));
        assertEquals(2, CycleCollector.collect(2, true));
        assertTrue(d.isFreed(), "its bias is dropped once it is garbage");
        assertTrue(other.isFreed());
    }

    @Test
    void aDeferredObjectOnlyAStackHoldsIsKept() {
        Node d = deferred();
        Node child = new Node();
        d.point(child);
        RefCount.decref(child);
        stack.add(d); // an uncounted frame reference
        RefCount.decref(d);
        assertEquals(0, CycleCollector.collect(2, true));
        assertFalse(d.isFreed());
        assertFalse(child.isFreed());
        assertEquals(child, d.next);
        stack.clear(); // the frame pops it
        assertEquals(0, CycleCollector.collect(2, true));
        assertTrue(d.isFreed());
        assertTrue(child.isFreed());
    }

    /** Negative control: the same, with no roots: the collector frees what the "frame" still holds. */
    @Test
    void negativeControlWithoutTheStackAsARootAHeldDeferredObjectIsFreed() {
        Node d = deferred();
        stack.add(d);
        CycleCollector.installRoots(v -> { }); // the stacks not visited
        RefCount.decref(d);
        CycleCollector.collect(2, true);
        assertTrue(d.isFreed(), "only the roots keep a frame's uncounted reference alive");
        stack.clear();
    }
}
