package org.gilectomy.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;
import org.gilectomy.threadstate.EvalBreaker;

/**
 * CPython 3.2+'s GIL (Antoine Pitrou's "new GIL"): a waiter waits one switch interval, then
 * asks the holder to drop; the holder drops at its next eval-breaker check and, with forced
 * switching, waits until another thread has taken the GIL before competing again.
 *
 * <pre>
 * Overview
 *
 * State, all guarded by {@code mutex}:
 *   locked        whether some thread holds the GIL
 *   holder        the last thread to take it
 *   switchNumber  incremented whenever the GIL passes to a different thread
 *   waiters       threads waiting in acquire
 * The drop request is a bit of every thread's eval-breaker word ({@link EvalBreaker#set}, set
 * and cleared under {@code mutex}), so the holder sees it with the one load of its own word
 * it does anyway.
 *
 * acquire:
 *   lock mutex
 *   while locked:
 *     seen = switchNumber
 *     timed out = !released.await(interval)         // interval > SPIN_LIMIT
 *              or no release seen while spinning    // interval <= SPIN_LIMIT: mutex unlocked
 *                 for interval, then mutex locked     while spinning on the volatile releases
 *     if timed out and locked and switchNumber == seen: set GIL_DROP_REQUEST
 *   locked = true; if holder != me: holder = me, switchNumber++
 *   clear GIL_DROP_REQUEST; signal switched       // the dropper may stop waiting
 *
 * yieldToWaiter (holder, at the eval breaker, drop requested):
 *   lock mutex
 *   locked = false; signal released
 *   while holder == me and waiters > 0: await switched       // forced switching
 *   then acquire as above
 *
 * Why spin for short intervals: a timed park returns no sooner than the kernel's timer slack
 * allows (about 50-60 us on Linux), so with parking alone every interval below that behaves
 * like about 60 us and the GIL never switches faster (the switch-interval experiment saw
 * 1e-5 s run like 1e-4 s). A waiter that spins sees its interval pass to within a few
 * microseconds, as CPython's waiter does on a system whose timed waits are that precise, and
 * asks for the drop on time. It spins only when the interval is at most SPIN_LIMIT, so the
 * default 5 ms interval costs no CPU; a spinning waiter wastes a core meanwhile, which is what
 * such a short interval asks for.
 *
 * Not promised: FIFO among waiters (the condition's order decides); an upper bound on the
 * wait beyond "about one switch interval per thread ahead".
 * </pre>
 */
final class NewGil extends MutexGil {
    static final long DEFAULT_SWITCH_INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(5000);
    /** Intervals at most this long are waited for by spinning, longer ones by parking (Overview). */
    static final long SPIN_LIMIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Condition switched = mutex.newCondition();

    private long switchNumber;      // guarded by mutex
    private int waiters;            // guarded by mutex
    private volatile long intervalNanos;

    NewGil(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void acquire() {
        mutex.lock();
        try {
            takeLocked();
        } finally {
            mutex.unlock();
        }
    }

    private void takeLocked() {
        Thread me = Thread.currentThread();
        GilEvents.Acquired event = null;
        if (locked) {
            event = new GilEvents.Acquired();
            event.begin();
            if (GilTimeline.ENABLED) GilTimeline.waiting();
            long start = System.nanoTime();
            waiters++;
            try {
                while (locked) {
                    long seen = switchNumber;
                    long interval = intervalNanos;
                    boolean timedOut = interval <= SPIN_LIMIT_NANOS ? !spinForRelease(interval)
                            : released.awaitNanos(interval) <= 0;
                    if (timedOut && locked && switchNumber == seen) {
                        EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
                        stats.dropRequests++;
                        if (GilTimeline.ENABLED) GilTimeline.instant(SpanLog.DROP_REQUEST);
                        GilEvents.DropRequest request = new GilEvents.DropRequest();
                        if (request.shouldCommit()) {
                            request.intervalNanos = intervalNanos;
                            request.commit();
                        }
                    }
                }
            } catch (InterruptedException e) {
                me.interrupt(); // keep the flag; the GIL is still taken below
                while (locked) {
                    released.awaitUninterruptibly();
                }
            } finally {
                waiters--;
            }
            stats.recordWait(System.nanoTime() - start);
        }
        locked = true;
        if (GilTimeline.ENABLED) GilTimeline.running();
        stats.acquisitions++;
        boolean holderChanged = holder != me;
        if (holderChanged) {
            holder = me;
            switchNumber++;
            stats.switches++;
        }
        EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        switched.signalAll();
        if (event != null && event.shouldCommit()) {
            event.kind = "new";
            event.switched = holderChanged;
            event.commit();
        }
    }

    /**
     * Waits up to {@code nanos} for a release, spinning with {@code mutex} unlocked; returns
     * with it locked again, true if the GIL was released meanwhile. The caller re-checks
     * {@code locked}: another waiter may have taken the GIL first.
     */
    private boolean spinForRelease(long nanos) {
        long seen = releases;
        long deadline = System.nanoTime() + nanos;
        mutex.unlock();
        try {
            while (releases == seen) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                Thread.onSpinWait();
            }
            return true;
        } finally {
            mutex.lock();
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
        Thread me = Thread.currentThread();
        mutex.lock();
        try {
            releaseLocked();
            if (GilTimeline.ENABLED) GilTimeline.waiting(); // forced switching: waits for the GIL to pass
            if (waiters > 0) {
                stats.forcedSwitches++;
                while (holder == me && waiters > 0) {
                    switched.awaitUninterruptibly();
                }
            }
            takeLocked();
        } finally {
            mutex.unlock();
        }
    }


    @Override
    public void setSwitchIntervalNanos(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("switch interval must be strictly positive");
        }
        intervalNanos = nanos;
    }

    @Override
    public long switchIntervalNanos() {
        return intervalNanos;
    }

}
