package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** FreeList: freed objects wait poisoned, come back as new objects of the reusing thread. */
class FreeListTest {
    static final FreeList<Recycled> LIST = new FreeList<>(2);

    static final class Recycled extends RefCounted {
        int deallocs;

        @Override
        protected void dealloc() {
            deallocs++;
        }

        @Override
        protected void afterFree() {
            LIST.offer(this);
        }

        @Override
        public String describeForDiagnostics() {
            return "<recycled>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "recycled";
        }

        static Recycled make() {
            Recycled r = LIST.poll();
            return r != null ? r : new Recycled();
        }
    }

    private static void drain() {
        while (LIST.poll() != null) {
            // empty this thread's list: tests share it
        }
    }

    @Test
    void aFreedObjectIsPoisonedOnTheListAndRevivedOnReuse() {
        drain();
        Recycled a = Recycled.make();
        RefCount.decref(a);
        RefCount.flush();
        assertEquals(1, a.deallocs);
        assertTrue(a.isFreed());
        if (RefCount.KIND == RefCountKind.BUFFERED) {
            // freed on the commit thread: it went to that thread's list, never to ours
            assertEquals(0, LIST.sizeOnThisThread());
            return;
        }
        assertEquals(1, LIST.sizeOnThisThread());
        assertThrows(UseAfterFreeError.class, () -> RefCount.incref(a), "still poisoned while listed");
        Recycled b = Recycled.make();
        assertSame(a, b);
        assertFalse(b.isFreed());
        assertEquals(1, b.refCountOpaque());
        if (RefCount.KIND == RefCountKind.BIASED) {
            assertEquals(RefCount.currentThreadId(), b.ownerIdOpaque());
        }
        RefCount.incref(b);
        RefCount.decref(b);
        assertEquals(1, b.deallocs, "alive again: not freed by a balanced pair");
        RefCount.decref(b);
        assertEquals(2, b.deallocs, "freed again, once, at zero");
        assertTrue(b.isFreed());
        drain();
    }

    @Test
    void theListIsBoundedAndPerThread() throws InterruptedException {
        drain();
        if (RefCount.KIND == RefCountKind.BUFFERED) {
            return; // frees happen on the commit thread (covered above)
        }
        Recycled[] three = {Recycled.make(), Recycled.make(), Recycled.make()};
        for (Recycled r : three) {
            RefCount.decref(r);
        }
        assertEquals(2, LIST.sizeOnThisThread(), "capacity 2: the third is left to the Java GC");
        AtomicReference<Recycled> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            other.set(LIST.poll());
            RefCount.threadExiting();
        });
        t.start();
        t.join();
        assertNull(other.get(), "another thread never sees this thread's freed objects");
        drain();
    }

    @Test
    void checkRefsCountsReuseAsAllocationAndFreeAsFree() {
        if (!RefCheck.ENABLED || RefCount.KIND == RefCountKind.BUFFERED) {
            return; // the accounting is asserted where the property is on (refcount/pom.xml)
        }
        drain();
        long before = RefCheck.liveByType().getOrDefault("recycled", 0L);
        Recycled a = Recycled.make();
        RefCount.decref(a);
        assertEquals(before, RefCheck.liveByType().getOrDefault("recycled", 0L));
        Recycled b = Recycled.make(); // from the list
        assertSame(a, b);
        assertEquals(before + 1, RefCheck.liveByType().getOrDefault("recycled", 0L));
        RefCount.decref(b);
        assertEquals(before, RefCheck.liveByType().getOrDefault("recycled", 0L));
        drain();
    }
}
