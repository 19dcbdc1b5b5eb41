package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cycle collector's algorithm on a container of its own (one owned reference, like a
 * cell), on this test thread marked as running Python: a cycle with no reference from
 * outside is freed, one with a reference from outside (or from a thread stack, the roots) and
 * everything it reaches is kept, and a traverse that visits a reference it does not own (the
 * negative control) makes the collector free a live object, which the counts then report.
 */
class CycleCollectorTest {
    static class Node extends RefCounted implements GcTracked {
        Node next; // owned

        void point(Node to) {
            RefCount.incref(to);
            Node old = next;
            next = to;
            RefCount.xdecref(old);
        }

        @Override
        public void traverse(Visitor v) {
            v.visit(next);
        }

        @Override
        public void clearReferences() {
            Node old = next;
            next = null;
            RefCount.xdecref(old);
        }

        @Override
        protected void dealloc() {
            clearReferences();
        }

        @Override
        public String describeForDiagnostics() {
            return "<node>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "node";
        }
    }

    /** Negative control: in a cycle with itself, and also visits a borrowed reference it does not own. */
    static final class Liar extends RefCounted implements GcTracked {
        Liar self; // owned
        Node borrowed;

        @Override
        public void traverse(Visitor v) {
            v.visit(self);
            v.visit(borrowed);
        }

        @Override
        public void clearReferences() {
            Liar old = self;
            self = null;
            RefCount.xdecref(old);
        }

        @Override
        protected void dealloc() {
            clearReferences();
        }

        @Override
        public String describeForDiagnostics() {
            return "<liar>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "liar";
        }
    }

    private final List<RefCounted> stack = new ArrayList<>();

    @BeforeEach
    void runPython() {
        RefCountThreadState.current().runsPython = true;
        CycleCollector.collect(2, true); // start from nothing pending
        CycleCollector.installRoots(v -> stack.forEach(v::visit));
    }

    @AfterEach
    void stopRunningPython() {
        CycleCollector.installRoots(v -> { });
        RefCountThreadState.current().runsPython = false;
    }

    private static Node[] ring(int n) {
        Node[] ns = new Node[n];
        for (int i = 0; i < n; i++) {
            ns[i] = new Node();
        }
        for (int i = 0; i < n; i++) {
            ns[i].point(ns[(i + 1) % n]);
        }
        return ns;
    }

    @Test
    void anUnreferencedCycleIsFreed() {
        Node[] ns = ring(3);
        for (Node n : ns) {
            RefCount.decref(n); // only the ring holds them now
        }
        assertFalse(ns[0].isFreed(), "reference counts alone never free a cycle");
        assertEquals(3, CycleCollector.collect(2, true));
        RefCount.flush();
        for (Node n : ns) {
            assertTrue(n.isFreed());
        }
    }

    @Test
    void aCycleReferencedFromOutsideIsKept() {
        Node[] ns = ring(3);
        RefCount.decref(ns[1]);
        RefCount.decref(ns[2]); // ns[0] keeps its creator's reference
        assertEquals(0, CycleCollector.collect(2, true));
        for (Node n : ns) {
            assertFalse(n.isFreed());
        }
        RefCount.decref(ns[0]);
        assertEquals(3, CycleCollector.collect(2, true));
    }

    @Test
    void aThreadStackIsARoot() {
        Node[] ns = ring(2);
        stack.add(ns[0]); // as a deferred reference would be: on the stack, not in the count
        RefCount.decref(ns[0]);
        RefCount.decref(ns[1]);
        assertEquals(0, CycleCollector.collect(2, true));
        assertFalse(ns[1].isFreed());
        stack.clear();
        assertEquals(2, CycleCollector.collect(2, true));
    }

    /**
     * A full collection of a live heap of N containers allocates well under a byte per
     * container (the collector's scratch state is in the headers and in arrays kept between
     * collections). Negative control: the same heap made of containers whose traverse
     * allocates (an array per object, as a map of counts or an iterator per traverse would)
     * shows up.
     */
    @Test
    void aCollectionAllocatesNothingPerObject() {
        int n = 100_000;
        assertTrue(allocatedByACollectionOf(n, false) < n / 4, "no allocation per examined object");
        assertTrue(allocatedByACollectionOf(n, true) >= n * 16L, "negative control: an allocation per traverse is seen");
    }

    /** Bytes the second full collection of a ring of {@code n} live nodes allocated on this thread. */
    private static long allocatedByACollectionOf(int n, boolean allocatingTraverse) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Node[] ns = new Node[n];
        for (int i = 0; i < n; i++) {
            ns[i] = allocatingTraverse ? new IteratingNode() : new Node();
        }
        for (int i = 0; i < n; i++) {
            ns[i].point(ns[(i + 1) % n]);
        }
        for (int i = 1; i < n; i++) {
            RefCount.decref(ns[i]); // the ring holds them; ns[0] is held from outside: all live
        }
        assertEquals(0, CycleCollector.collect(2, true)); // the lists and work stack reach their sizes
        long before = mx.getCurrentThreadAllocatedBytes();
        assertEquals(0, CycleCollector.collect(2, true));
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        RefCount.decref(ns[0]);
        assertEquals(n, CycleCollector.collect(2, true));
        return bytes;
    }

    /** The negative control's node: its traverse allocates (kept in a field, so the JIT cannot elide it). */
    static final class IteratingNode extends Node {
        Object[] lastVisit;

        @Override
        public void traverse(Visitor v) {
            lastVisit = new Object[] {next};
            v.visit((Node) lastVisit[0]);
        }
    }

    @Test
    void negativeControlATraverseOfABorrowedReferenceDestroysALiveObject() {
        Node live = new Node(); // our reference: it must stay intact
        Node child = new Node();
        live.point(child);
        RefCount.decref(child); // owned by live only
        Liar liar = new Liar();
        RefCount.incref(liar);
        liar.self = liar;
        liar.borrowed = live;
        RefCount.decref(liar); // only its own cycle holds it
        assertEquals(3, CycleCollector.collect(2, true), "the liar, live and child judged unreachable");
        RefCount.flush();
        assertTrue(liar.isFreed());
        assertTrue(child.isFreed(), "the collector trusts traverse: a wrong one clears a live object");
        assertEquals(null, live.next);
        assertFalse(live.isFreed());
        RefCount.decref(live);
    }
}
