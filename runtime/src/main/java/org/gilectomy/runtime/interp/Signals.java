package org.gilectomy.runtime.interp;

import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.threadstate.StatefulThread;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;

/**
 * Ctrl-C, as CPython handles it: the signal handler only records the signal (the
 * SIGNAL_PENDING bit of the main thread's eval-breaker word) and wakes the main thread if it is blocked; the main thread raises
 * {@code KeyboardInterrupt} at its next eval-breaker check. Other threads never see it. A second
 * Ctrl-C while the first is still pending ends the process at once (status 130), so a program
 * stuck where it cannot check the breaker can still be stopped.
 *
 * <p>The JVM has one SIGINT and one handler: with several interpreters running, the signal goes
 * to the oldest still running ({@link Interpreter#oldestRunning}: CPython's main interpreter, the
 * only one that handles signals);
 * the others never see it.
 */
public final class Signals {
    static final int INTERRUPTED_STATUS = 130;

    private static volatile boolean installed;

    private Signals() {
    }

    /** Installs the handler, the first time (an interpreter is about to start its main thread). */
    static void install() {
        synchronized (Signals.class) {
            if (installed) {
                return;
            }
            installed = true;
        }
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> onSigint());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT here (or the JVM reserves it, e.g. with -Xrs): Ctrl-C keeps its default.
        }
    }

    private static void onSigint() {
        Interpreter target = Interpreter.oldestRunning();
        Thread t = target == null ? null : target.mainThread;
        if (!(t instanceof StatefulThread main)) {
            return; // no program has started: nothing to interrupt
        }
        if (main.state().breakerBitSet(EvalBreaker.SIGNAL_PENDING)) {
            target.stdout.flush();
            Runtime.getRuntime().halt(INTERRUPTED_STATUS);
        }
        interrupt(target);
    }

    /** Ctrl-C for {@code target}'s main thread (also _thread.interrupt_main()): raised at its next check. */
    public static void interrupt(Interpreter target) {
        if (!(target.mainThread instanceof StatefulThread main)) {
            return;
        }
        Thread t = target.mainThread;
        BaseThreadState ts = main.state();
        ts.setBreakerBits(EvalBreaker.SIGNAL_PENDING); // only that thread's word: the others never see it
        t.interrupt(); // wakes a sleep or join; Blocking turns it into KeyboardInterrupt
    }

    /** On the main thread after a blocking call was interrupted: raise if Ctrl-C is pending. */
    static void raiseIfPending(ThreadState ts) {
        if (ts.isMain() && ts.breakerBitSet(EvalBreaker.SIGNAL_PENDING)) {
            ts.clearBreakerBits(EvalBreaker.SIGNAL_PENDING);
            Thread.interrupted(); // consumed: the flag must not disturb the next blocking call
            throw new PyException(PyExc.KEYBOARD_INTERRUPT, "");
        }
    }
}
