package org.gilectomy.stress;

import org.gilectomy.locks.Gil;
import org.gilectomy.locks.GilStats;

/**
 * NEGATIVE CONTROL ONLY: a GIL that is broken on purpose.
 *
 * <p>Its acquire tests a flag, then sets it ({@link BrokenTestThenSetLock}): two threads can
 * both find the GIL free and both run "Python" at once. {@link GilExclusion} must report the
 * lost update that follows; if it stops doing so, it could not see a GIL that fails to exclude
 * either, and the build fails. It takes part in nothing else a GIL does: no drop requests, no
 * statistics.
 */
public final class BrokenGil extends Gil {

    private final BrokenTestThenSetLock flag = new BrokenTestThenSetLock();
    private volatile Thread holder;

    @Override
    public void acquire() {
        flag.lock();
        holder = Thread.currentThread();
    }

    @Override
    public void release() {
        holder = null;
        flag.unlock();
    }

    @Override
    public void yieldToWaiter() {
        release();
        acquire();
    }

    @Override
    public boolean heldByCurrentThread() {
        return holder == Thread.currentThread();
    }

    @Override
    public void setSwitchIntervalNanos(long nanos) {
        // no switch interval: nobody ever waits long enough to ask
    }

    @Override
    public long switchIntervalNanos() {
        return 0;
    }

    @Override
    public GilStats.Totals stats() {
        return new GilStats.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
