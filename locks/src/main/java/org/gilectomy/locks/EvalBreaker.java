package org.gilectomy.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The eval breaker: one word the interpreter loop reads on every back-edge and call, so that
 * asynchronous requests (drop the GIL, a pending signal) cost one load when nothing is asked.
 *
 * <pre>
 * Overview
 *
 * Word encoding: a bit set of requests.
 *   GIL_DROP_REQUEST  a thread has waited a whole switch interval for the GIL
 *   SIGNAL_PENDING    a signal (Ctrl-C) waits for the main thread
 *
 * Field    access
 * bits     getOpaque on the hot path (a stale read only delays the request by one check);
 *          getAndBitwiseOr / getAndBitwiseAnd to set and clear, so requests never overwrite
 *          one another.
 *
 * Not promised: which thread sees a request first; the GIL drop request is honoured by
 * whichever thread holds the GIL, the signal only by the main thread.
 * </pre>
 */
public final class EvalBreaker {
    public static final int GIL_DROP_REQUEST = 1;
    public static final int SIGNAL_PENDING = 1 << 1;

    private static final VarHandle BITS;

    static {
        try {
            BITS = MethodHandles.lookup().findStaticVarHandle(EvalBreaker.class, "bits", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through BITS only
    private static volatile int bits;

    private EvalBreaker() {
    }

    /** Hot path: non-zero if any request is pending. */
    public static int bitsOpaque() {
        return (int) BITS.getOpaque();
    }

    public static void set(int request) {
        BITS.getAndBitwiseOr(request);
    }

    public static void clear(int request) {
        BITS.getAndBitwiseAnd(~request);
    }

    public static boolean isSet(int request) {
        return ((int) BITS.getVolatile() & request) != 0;
    }
}
