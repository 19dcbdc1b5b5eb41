package org.gilectomy.threadstate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Per-thread statistics counters that never contend: each thread increments plain fields of
 * its own counter object; a reader sums all of them (at exit, or when a thread has ended).
 *
 * <pre>
 * Overview
 *
 * A counter object is created on a thread's first use and registered once in a copy-on-write
 * list; from then on only its thread writes it, with plain stores. It is kept in the thread's
 * state (BaseThreadState, one row slot per table), so mine() is a field load and an array
 * load on a runtime thread, no ThreadLocal. A summing reader may see a
 * slightly stale value of a live thread; the figures printed at exit are read after the
 * threads have been joined, so they are exact then.
 *
 * Not promised: exact figures read while counting threads are still running.
 * </pre>
 *
 * @param <C> the counter type
 */
public final class ThreadCounters<C> {
    private static final AtomicInteger SLOTS = new AtomicInteger();

    private final Supplier<C> factory;
    private final int slot;
    private final List<C> all = new CopyOnWriteArrayList<>();

    public ThreadCounters(Supplier<C> factory) {
        this.factory = factory;
        this.slot = SLOTS.getAndIncrement();
    }

    /** This thread's counters. */
    @SuppressWarnings("unchecked")
    public C mine() {
        BaseThreadState ts = BaseThreadState.current();
        Object row = ts.row(slot);
        return row != null ? (C) row : first(ts);
    }

    private C first(BaseThreadState ts) {
        C c = factory.get();
        ts.setRow(slot, c);
        all.add(c);
        return c;
    }

    /** Every thread's counters, for summing. */
    public List<C> all() {
        return all;
    }
}
