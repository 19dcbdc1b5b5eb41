package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Freeing a long chain (a million-deep nested list) does not nest a million frees on the Java
 * stack: frees deeper than {@link RefCount#TRASHCAN_DEPTH} wait for the outermost, which does
 * them before it returns (under BUFFERED, before flush returns). Run on a thread with a small
 * stack, where nesting even a few thousand frees overflows it.
 */
class TrashcanTest {
    private static final int LENGTH = 1_000_000;
    private static final long SMALL_STACK = 256 * 1024;

    /** One link of the chain: owns the next. */
    static final class Link extends Tracked {
        private final Link next;

        Link(Link next) {
            this.next = next;
        }

        @Override
        protected void dealloc() {
            super.dealloc();
            if (next != null) {
                RefCount.decref(next);
            }
        }
    }

    @Test
    void aMillionDeepChainIsFreedWholeWithAShallowStack() throws InterruptedException {
        Link[] links = new Link[LENGTH];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new RefCountThread(null, () -> {
            try {
                Link head = null;
                for (int i = 0; i < LENGTH; i++) {
                    head = new Link(head); // steals the reference to the previous head
                    links[i] = head;
                }
                RefCount.decref(head);
                RefCount.flush();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep-free", SMALL_STACK);
        t.start();
        t.join();
        assertNull(failure.get(), () -> "freeing failed: " + failure.get());
        for (Link l : links) {
            assertTrue(l.isFreed(), "a link was left unfreed");
            assertEquals(1, l.deallocs.get(), "a link was deallocated more than once");
        }
    }
}
