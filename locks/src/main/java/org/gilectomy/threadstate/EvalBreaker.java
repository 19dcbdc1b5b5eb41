package org.gilectomy.threadstate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The eval breaker's requests: each thread has its own word ({@link BaseThreadState}), which
 * the interpreter loop reads with one load on every back-edge and call
 * ({@code ts.breakerOpaque() != 0}), so asynchronous requests cost one load when nothing is
 * asked. This class names the bits and sets a request for every thread at once.
 *
 * <pre>
 * Overview
 *
 * Bits of a thread's word:
 *   GIL_DROP_REQUEST  a thread has waited a whole switch interval for the GIL: for every
 *                     thread (set/clear), honoured by whichever one holds the GIL
 *   SIGNAL_PENDING    a signal (Ctrl-C) waits: set on the main thread's word only
 *   MERGE_PENDING     biased counts: other threads queued objects for this thread to merge
 *   STOP_THE_WORLD    reserved: a collector asks every thread to park at a safe point
 *   RUN_GC            reserved: a collection is due
 *
 * set(bit):   ALL |= bit, then OR it into every registered thread's word
 * clear(bit): ALL &= ~bit, then (if it was set) clear it in every registered thread's word;
 *             always in the caller's own
 * A thread registering meanwhile ORs ALL into its word after it is in the registry, so it is
 * never missed (BaseThreadState's Overview has the one spurious case this allows).
 *
 * Field    access
 * ALL      getAndBitwiseOr / getAndBitwiseAnd; getVolatile by registering threads
 *
 * Not promised: which thread sees a request first; that set and clear by two threads at once
 * leave every word in the state of the later one (the GIL sets and clears under its mutex).
 * </pre>
 */
public final class EvalBreaker {
    public static final int GIL_DROP_REQUEST = 1;
    public static final int SIGNAL_PENDING = 1 << 1;
    public static final int MERGE_PENDING = 1 << 2;
    public static final int STOP_THE_WORLD = 1 << 3;
    public static final int RUN_GC = 1 << 4;

    private static final VarHandle ALL;

    static {
        try {
            ALL = MethodHandles.lookup().findStaticVarHandle(EvalBreaker.class, "all", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through ALL only
    private static volatile int all;

    private EvalBreaker() {
    }

    /** Sets {@code request} for every thread. */
    public static void set(int request) {
        ALL.getAndBitwiseOr(request);
        for (BaseThreadState s : BaseThreadState.all()) {
            s.setBreakerBits(request);
        }
    }

    /**
     * Clears {@code request} for every thread. The walk is skipped when the request was not
     * pending (the GIL clears on every acquisition); the calling thread's own word is
     * cleared either way, which ends the one spurious case (a bit a registering thread took
     * in while it was being cleared: that thread clears it when it takes the GIL).
     */
    public static void clear(int request) {
        int before = (int) ALL.getAndBitwiseAnd(~request);
        if ((before & request) != 0) {
            for (BaseThreadState s : BaseThreadState.all()) {
                s.clearBreakerBits(request);
            }
        }
        BaseThreadState.current().clearBreakerBits(request);
    }

    /** Whether {@code request} is pending for the calling thread. */
    public static boolean isSet(int request) {
        return BaseThreadState.current().breakerBitSet(request);
    }

    /** The requests pending for every thread, for a thread that registers. */
    static int allRequests() {
        return (int) ALL.getVolatile();
    }
}
