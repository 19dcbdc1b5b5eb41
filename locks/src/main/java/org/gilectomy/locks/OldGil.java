package org.gilectomy.locks;

import org.gilectomy.trace.GilTimeline;

/**
 * CPython 2.x's GIL: a binary semaphore (mutex + condition, as Python 2's
 * {@code PyThread_acquire_lock} on pthreads), released and immediately re-acquired by the
 * holder every {@code sys.setcheckinterval} ticks, with no hand-off. On a multicore machine the
 * releasing thread, still running, usually takes it back before the signalled waiter is even
 * scheduled: Beazley's "GIL battle".
 *
 * <pre>
 * Overview
 *
 * State, all guarded by {@code mutex}: locked, holder (last thread to take it), waiters.
 *
 * acquire:
 *   lock mutex
 *   while locked:
 *     await released                       // woken by a release, or spuriously
 *     if locked: failedReacquisitions++    // woken, but somebody took it first: a retry
 *   locked = true; if holder != me: holder = me, switches++
 *
 * release:  lock mutex; locked = false; signal released
 *
 * yieldToWaiter (every check interval, from the interpreter's tick countdown):
 *   release; acquire                       // no waiting for a waiter: the battle
 *
 * The tick countdown lives in the interpreter (it is read on every instruction); this class
 * only holds the interval.
 *
 * Not promised: that a waiter ever gets the GIL while the holder keeps running (that is the
 * pathology this class reproduces).
 * </pre>
 */
final class OldGil extends MutexGil {
    static final int DEFAULT_CHECK_INTERVAL = 100;



    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        mutex.lock();
        try {
            GilEvents.Acquired event = null;
            int retries = 0;
            if (locked) {
                event = new GilEvents.Acquired();
                event.begin();
                if (GilTimeline.ENABLED) GilTimeline.waiting();
                long start = System.nanoTime();
                while (locked) {
                    released.awaitUninterruptibly();
                    if (locked) {
                        stats.failedReacquisitions++;
                        retries++;
                    }
                }
                stats.recordWait(System.nanoTime() - start);
            }
            locked = true;
            if (GilTimeline.ENABLED) GilTimeline.running();
            stats.acquisitions++;
            boolean holderChanged = holder != me;
            if (holderChanged) {
                holder = me;
                stats.switches++;
            }
            if (event != null && event.shouldCommit()) {
                event.kind = "old";
                event.switched = holderChanged;
                event.retries = retries;
                event.commit();
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void release() {
        mutex.lock();
        try {
            releaseLocked();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void yieldToWaiter() {
        release();
        if (GilTimeline.ENABLED) GilTimeline.waiting(); // competes for it again at once
        acquire();
    }


    /** The old GIL has no switch interval; {@code sys.setswitchinterval} is accepted and ignored. */
    @Override
    public void setSwitchIntervalNanos(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("switch interval must be strictly positive");
        }
    }

    @Override
    public long switchIntervalNanos() {
        return NewGil.DEFAULT_SWITCH_INTERVAL_NANOS;
    }

}
