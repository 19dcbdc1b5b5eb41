package org.gilectomy.locks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Per-thread statistics counters that never contend: each thread increments plain fields of
 * its own counter object; a reader sums all of them (at exit, or when a thread has ended).
 *
 * <pre>
 * Overview
 *
 * A counter object is created on a thread's first use and registered once in a copy-on-write
 * list; from then on only its thread writes it, with plain stores. A summing reader may see a
 * slightly stale value of a live thread; the figures printed at exit are read after the
 * threads have been joined, so they are exact then.
 *
 * Not promised: exact figures read while counting threads are still running.
 * </pre>
 *
 * @param <C> the counter type
 */
public final class ThreadCounters<C> {
    private final ThreadLocal<C> local;
    private final List<C> all = new CopyOnWriteArrayList<>();

    public ThreadCounters(Supplier<C> factory) {
        this.local = ThreadLocal.withInitial(() -> {
            C c = factory.get();
            all.add(c);
            return c;
        });
    }

    /** This thread's counters. */
    public C mine() {
        return local.get();
    }

    /** Every thread's counters, for summing. */
    public List<C> all() {
        return all;
    }
}
