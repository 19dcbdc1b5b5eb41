package org.gilectomy.runtime.interp;

import org.gilectomy.locks.Gil;

/**
 * Python 2's {@code _Py_Ticker}: under the old GIL the interpreter counts instructions and,
 * every {@code sys.setcheckinterval} of them, releases and re-acquires the GIL. The countdown
 * is each thread's ({@code ThreadState.ticks}, plain: only its thread touches it; CPython 2
 * had one global count, which only the GIL holder touched). Under any other GIL kind
 * {@link Gil#TICKING} is false and the countdown is compiled out.
 */
public final class Ticker {
    static final int DEFAULT_CHECK_INTERVAL = 100;

    private static volatile int interval = DEFAULT_CHECK_INTERVAL;

    private Ticker() {
    }

    public static void setInterval(int ticks) {
        interval = ticks;
    }

    public static int interval() {
        return interval;
    }

    /** The countdown ran out: the periodic check. */
    static void check(ThreadState ts) {
        ts.ticks = interval;
        Gil.INSTANCE.yieldToWaiter();
    }
}
