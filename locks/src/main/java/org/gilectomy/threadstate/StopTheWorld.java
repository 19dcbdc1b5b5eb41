package org.gilectomy.threadstate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.gilectomy.locks.Gil;
import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * Stopping every thread that runs Python, for the free-threaded builds' cycle collector
 * (CPython 3.13's {@code _PyEval_StopTheWorld} / {@code _PyEval_StartTheWorld}): between
 * {@link #stop} and {@link #start} no other thread runs Python code or touches an object's
 * references. Under a GIL the collector holds the GIL, which already gives that, so the GIL
 * builds never call this ({@link #ENABLED} is false there).
 *
 * <pre>
 * Overview
 *
 * Each thread state has a status word (BaseThreadState.status):
 *   NONE      (0) the thread has never run Python (a foreign thread, one not yet started)
 *   ATTACHED  (1) it runs Python: it may touch objects, and reaches an eval-breaker check soon
 *   DETACHED  (2) it is in a blocking call (sleep, join, lock wait, socket I/O: Blocking), or
 *                 paused for a stop, or finished: it touches no object until it attaches again
 * A thread sets its own status only; the stopper only reads them.
 *
 * stop(me):   requested: false -> true (CAS; a loser is itself being stopped: it pauses, then
 *             retries); set STOP_THE_WORLD in every thread's breaker word; then wait, under
 *             MONITOR, until no state but me is ATTACHED.
 * pause(me):  (at a breaker check that found STOP_THE_WORLD) detach(me); attach(me)
 * detach(me): status = DETACHED; if requested: notify MONITOR (the stopper may wait for me)
 * attach(me): loop { status = ATTACHED; if !requested: return;
 *                    status = DETACHED; notify MONITOR; wait under MONITOR while requested }
 * start(me):  clear STOP_THE_WORLD everywhere; under MONITOR: requested = false; notifyAll
 *
 * Why it is enough: attach writes status then reads requested; stop writes requested then
 * reads status (all volatile, so sequentially consistent): a thread that attaches while the
 * world is being stopped either is seen ATTACHED by the stopper (which waits for it) or sees
 * requested and backs off before touching anything. A detached thread never has to reach a
 * check, so a thread blocked for ever in recv does not hold a collection up. The stopper
 * reads statuses under MONITOR and waiters notify under it after writing theirs, so no
 * wake-up is lost; the wait is still bounded (WAIT_MILLIS) so that a state registered by a
 * thread that has not started yet costs nothing but a re-scan.
 *
 * Field      access
 * requested  through REQUESTED: CAS by stoppers, volatile read by attach/detach/pause, written
 *            false under MONITOR by start
 * status     BaseThreadState's STATUS: volatile, written by its own thread only
 *
 * Not promised: fairness between two threads that want to stop the world (the loser pauses
 * and retries); that a thread which never attaches (NONE) is stopped: it runs no Python.
 * waitForAttached = false is the negative control (stress/): stop() returns at once.
 * </pre>
 */
public final class StopTheWorld {
    /** Free-threaded builds only: under a GIL the collector's holding the GIL stops the others. */
    public static final boolean ENABLED = !Gil.ENABLED;

    static final int NONE = 0;
    static final int ATTACHED = 1;
    static final int DETACHED = 2;
    /** Bound on one wait, so that a missed notify (there should be none) costs a re-scan, never a hang. */
    private static final long WAIT_MILLIS = 10;

    /** The world of the runtime's threads. */
    public static final StopTheWorld WORLD = new StopTheWorld(true);

    private static final VarHandle REQUESTED;

    static {
        try {
            REQUESTED = MethodHandles.lookup().findVarHandle(StopTheWorld.class, "requested", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean waitForAttached;
    private final Object monitor = new Object();
    @SuppressWarnings("unused") // through REQUESTED only
    private volatile boolean requested;

    /**
     * {@code waitForAttached} false makes {@link #stop} return without waiting: the negative
     * control of the stress tests, never the runtime's.
     */
    public StopTheWorld(boolean waitForAttached) {
        this.waitForAttached = waitForAttached;
    }

    /**
     * Stops every other thread: returns once none is attached. The caller must be attached (or
     * never have attached) and hold no object lock. Returns the nanoseconds it took.
     */
    public long stop(BaseThreadState me) {
        Stopped event = new Stopped();
        event.begin();
        long t0 = System.nanoTime();
        while (!REQUESTED.compareAndSet(this, false, true)) {
            pause(me); // another thread is stopping the world: be stopped first
        }
        EvalBreaker.set(EvalBreaker.STOP_THE_WORLD);
        me.clearBreakerBits(EvalBreaker.STOP_THE_WORLD);
        if (waitForAttached) {
            boolean interrupted = false;
            synchronized (monitor) {
                while (someoneAttached(me)) {
                    try {
                        monitor.wait(WAIT_MILLIS);
                    } catch (InterruptedException e) {
                        interrupted = true; // Ctrl-C: kept for the thread's next blocking call
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        long took = System.nanoTime() - t0;
        event.commit(); // a no-op unless a JFR recording enabled it
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.STOP_WORLD, t0, 0, 0, null);
        return took;
    }

    /** One JFR event per stop: it spans the time from the request to the last thread stopped. */
    @jdk.jfr.Name("gilectomy.StopTheWorld")
    @jdk.jfr.Label("Stop the world")
    @jdk.jfr.Category({"Gilectomy", "GC"})
    @jdk.jfr.Description("A thread stopped every other Python thread (for a cycle collection); the event spans the wait.")
    @jdk.jfr.StackTrace(false)
    static final class Stopped extends jdk.jfr.Event {
    }

    private static boolean someoneAttached(BaseThreadState me) {
        for (BaseThreadState s : BaseThreadState.all()) {
            if (s != me && s.statusVolatile() == ATTACHED) {
                return true;
            }
        }
        return false;
    }

    /** Lets the stopped threads run again (by the thread that stopped them). */
    public void start(BaseThreadState me) {
        long t0 = GilTimeline.ENABLED ? System.nanoTime() : 0L;
        EvalBreaker.clear(EvalBreaker.STOP_THE_WORLD);
        synchronized (monitor) {
            REQUESTED.setVolatile(this, false);
            monitor.notifyAll();
        }
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.RESTART_WORLD, t0, 0, 0, null);
    }

    /** Whether a stop is in progress (a volatile read). */
    public boolean requested() {
        return (boolean) REQUESTED.getVolatile(this);
    }

    /**
     * At an eval-breaker check that found STOP_THE_WORLD: parks until the world restarts.
     * A stale bit (no stop in progress) is cleared and costs nothing more.
     */
    public void pause(BaseThreadState me) {
        me.clearBreakerBits(EvalBreaker.STOP_THE_WORLD); // before the read: a request set after it keeps its bit
        if (!requested()) {
            return;
        }
        detach(me);
        attach(me);
    }

    /** The calling thread stops touching objects (before a blocking call, at its end). */
    public void detach(BaseThreadState me) {
        me.setStatusVolatile(DETACHED);
        if (requested()) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** The calling thread will touch objects again: waits while the world is stopped. */
    public void attach(BaseThreadState me) {
        boolean interrupted = false;
        long stoppedAt = -1; // when this thread found the world stopped (traced runs only)
        for (;;) {
            me.clearBreakerBits(EvalBreaker.STOP_THE_WORLD); // before the read, as in pause()
            me.setStatusVolatile(ATTACHED);
            if (!requested()) {
                break;
            }
            me.setStatusVolatile(DETACHED);
            if (GilTimeline.ENABLED && stoppedAt < 0) {
                stoppedAt = System.nanoTime();
            }
            synchronized (monitor) {
                monitor.notifyAll();
                while (requested()) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // Ctrl-C: kept for the thread's next blocking call
                    }
                }
            }
        }
        if (GilTimeline.ENABLED && stoppedAt >= 0) GilTimeline.span(SpanLog.STOPPED, stoppedAt, 0, 0, null);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code s} is attached now (a volatile read): for tests. */
    public static boolean isAttached(BaseThreadState s) {
        return s.statusVolatile() == ATTACHED;
    }
}
