package org.gilectomy.runtime.interp;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.Gil;
import org.gilectomy.trace.GilTimeline;

/**
 * Runs a blocking call (sleep, join, waiting for a lock) with the GIL released, as CPython's
 * Py_BEGIN_ALLOW_THREADS does, so other threads run meanwhile. In the free-threaded builds it
 * detaches the thread instead, so that a stop of the world (the cycle collector's) does not
 * wait for a thread blocked in recv, and the thread cannot touch objects again before the
 * world restarts. An interrupt (Ctrl-C reaching the blocked main thread) ends the wait and
 * becomes {@code KeyboardInterrupt}.
 */
public final class Blocking {
    public interface Call {
        void run() throws InterruptedException;
    }

    private Blocking() {
    }

    public static void run(Call call) {
        ThreadState ts = ThreadState.current();
        CriticalSection.suspendAll(ts); // never block holding an object lock (CPython 3.13)
        ts.detach(); // the GIL released, or (free-threaded) a stop of the world need not wait for us
        if (Gil.ENABLED && GilTimeline.ENABLED) GilTimeline.blocked();
        boolean interrupted = false;
        try {
            call.run();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            ts.attach();
            CriticalSection.resumeTop(ts);
        }
        if (interrupted) {
            // Only Signals interrupts a Python thread; without a pending Ctrl-C the interrupt
            // is stale and is dropped, or every later sleep would return at once.
            Signals.raiseIfPending(ts);
        }
    }
}
