package org.gilectomy.refcount;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A header that records how often, and on which thread, it was deallocated. */
class Tracked extends RefCounted {
    final AtomicInteger deallocs = new AtomicInteger();
    final AtomicReference<Thread> freedBy = new AtomicReference<>();

    Tracked() {
    }

    Tracked(int initialRefs) {
        super(initialRefs);
    }

    @Override
    protected void dealloc() {
        deallocs.incrementAndGet();
        freedBy.set(Thread.currentThread());
    }

    @Override
    public String describeForDiagnostics() {
        return "<tracked>";
    }
}
