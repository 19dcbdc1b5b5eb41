package org.gilectomy.runtime.interp;

import org.gilectomy.locks.BaseThreadState;
import org.gilectomy.locks.EvalBreaker;
import org.gilectomy.locks.StatefulThread;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;

/**
 * Ctrl-C, as CPython handles it: the signal handler only records the signal (the
 * SIGNAL_PENDING bit of the main thread's eval-breaker word) and wakes the main thread if it is blocked; the main thread raises
 * {@code KeyboardInterrupt} at its next eval-breaker check. Other threads never see it. A second
 * Ctrl-C while the first is still pending ends the process at once (status 130), so a program
 * stuck where it cannot check the breaker can still be stopped.
 */
final class Signals {
    static final int INTERRUPTED_STATUS = 130;

    /** The Python main thread, whose breaker word alone gets SIGNAL_PENDING. */
    private static volatile Thread mainThread;
    private static volatile boolean installed;

    private Signals() {
    }

    static void install(Thread pythonMainThread) {
        mainThread = pythonMainThread;
        if (installed) {
            return;
        }
        installed = true;
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> onSigint());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT here (or the JVM reserves it, e.g. with -Xrs): Ctrl-C keeps its default.
        }
    }

    private static void onSigint() {
        Thread t = mainThread;
        if (!(t instanceof StatefulThread main)) {
            return; // no program has started: nothing to interrupt
        }
        BaseThreadState ts = main.state();
        if (ts.breakerBitSet(EvalBreaker.SIGNAL_PENDING)) {
            Stdout.flush();
            Runtime.getRuntime().halt(INTERRUPTED_STATUS);
        }
        ts.setBreakerBits(EvalBreaker.SIGNAL_PENDING);
        t.interrupt(); // wakes a sleep or join; Blocking turns it into KeyboardInterrupt
    }

    /** On the main thread after a blocking call was interrupted: raise if Ctrl-C is pending. */
    static void raiseIfPending(ThreadState ts) {
        if (ts.isMain && ts.breakerBitSet(EvalBreaker.SIGNAL_PENDING)) {
            ts.clearBreakerBits(EvalBreaker.SIGNAL_PENDING);
            Thread.interrupted(); // consumed: the flag must not disturb the next blocking call
            throw new PyException(PyExc.KEYBOARD_INTERRUPT, "");
        }
    }
}
