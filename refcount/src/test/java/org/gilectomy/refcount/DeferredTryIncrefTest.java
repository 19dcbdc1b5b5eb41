package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread's tryIncref of an object another thread owns and never shared (the biased shared
 * word still in its initial state): refused for a counted object, whose owner may free it
 * without a CAS, so that a lock-free dict read falls back to the lock; accepted for a deferred
 * one (the biased-deferred execution, as the nogil preset), whose bias rules that free out,
 * so that reading a class's method from another thread takes no lock. The counted object is
 * the negative control.
 */
class DeferredTryIncrefTest {
    private final Object scope = new Object();

    @AfterEach
    void release() {
        RefCount.releaseDeferred(scope);
    }

    private static boolean tryIncrefOnOtherThread(RefCounted o) throws InterruptedException {
        AtomicBoolean taken = new AtomicBoolean();
        Thread t = new Thread(() -> {
            taken.set(RefCount.tryIncref(o));
            if (taken.get()) {
                RefCount.decref(o);
            }
            RefCount.threadExiting();
        });
        t.start();
        t.join();
        return taken.get();
    }

    @Test
    void aDeferredObjectNeverSharedIsTakenAndACountedOneIsNot() throws InterruptedException {
        assumeTrue(RefCount.DEFERRED && RefCount.KIND == RefCountKind.BIASED, "the biased-deferred execution");
        Tracked counted = new Tracked();
        assertFalse(tryIncrefOnOtherThread(counted), "counted, never shared: the reader must ask the lock");
        Tracked deferred = new Tracked();
        RefCount.markDeferred(deferred, scope);
        assertTrue(tryIncrefOnOtherThread(deferred), "deferred: its bias keeps the owner from freeing it");
        RefCount.decref(deferred);
        RefCount.decref(counted);
        assertEquals(1, counted.deallocs.get());
        assertFalse(deferred.isFreed(), "the bias still holds it until the scope is released");
    }
}
