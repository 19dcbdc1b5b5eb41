package org.gilectomy.trace;

import java.util.ArrayList;
import java.util.List;

import org.gilectomy.threadstate.ThreadCounters;

/**
 * Records, per thread, when it ran holding the GIL, waited for it, or was blocked (in a
 * blocking call, the GIL released), for a Beazley-style timeline ({@code run --timeline}); and
 * the spans of slow paths ({@link SpanLog}) that {@code run --trace} writes too.
 *
 * <pre>
 * Overview
 *
 * Switch: {@link #ENABLED}, a static final read from -Dgilectomy.timeline at class
 * initialisation. Every hook is "if (GilTimeline.ENABLED) GilTimeline.x();", so with the switch
 * off the JIT removes the hook (the class is initialised by the first hook reached, and then
 * records nothing, allocates no track): zero cost. Hooks sit on slow paths only (a GIL
 * hand-over, a blocking call, a contended lock, a merge, a collection), never on the
 * uncontended lock, the owner's incref/decref or the eval loop.
 *
 * Hooks (one line each):
 *   GIL acquire, before waiting        waiting()
 *   GIL acquire, once taken            running()
 *   GIL release (MutexGil)             released()
 *   yieldToWaiter, after the release   waiting()   (both GILs: it competes again at once)
 *   Blocking.run, after the release    blocked()
 * and, on slow paths only, spans of other kinds kept in the track's SpanLog (see there):
 *   Py_LOCK's slow path, once owned    span(LOCK_WAIT, start, ...)
 *   a biased-count merge queue drained span(MERGE, start, ...)
 *   a cycle collection, its stop of the world, a thread paused by it, a thread held back
 *   while another collects             span(GC_PAUSE | STOP_WORLD | ... | GC_STALL, ...)
 *   a GIL waiter's drop request        instant(DROP_REQUEST)
 *
 * Storage: one Track per thread (a ThreadCounters row, kept in the thread's state), appended
 * to only by its own thread, under the track's monitor (uncontended: snapshot() is the only
 * other reader). Tracks are listed in the order of each thread's first event.
 *
 * Coalescing, so that the old GIL's release-and-retake every 100 ticks does not record millions
 * of events: a state equal to the last is dropped; a release or a wait shorter than
 * COALESCE_NANOS (10 us, far below a pixel of a 1 s chart) that ends in the state before it is
 * erased; a release followed within COALESCE_NANOS by a wait or a block becomes that state from
 * the release on. A track holds at most MAX_EVENTS events; later events are dropped and the
 * track says so (truncated).
 *
 * Not guaranteed: events of threads still running when snapshot() is taken may be missing the
 * last few; times are System.nanoTime() of the recording thread, not of the GIL's hand-over.
 * </pre>
 */
public final class GilTimeline {
    public static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + "timeline";
    /** Whether the hooks record (static final: with it off they compile to nothing). */
    public static final boolean ENABLED = org.gilectomy.locks.Build.flag("timeline");

    /** The thread holds the GIL and runs. */
    public static final byte RUNNING = 0;
    /** The thread waits to acquire the GIL. */
    public static final byte WAITING = 1;
    /** The thread is in a blocking call (sleep, I/O, join, lock wait) with the GIL released. */
    public static final byte BLOCKED = 2;
    /** The thread released the GIL and is neither waiting nor blocked (finished, or between steps). */
    public static final byte RELEASED = 3;

    static final long COALESCE_NANOS = 10_000;
    static final int MAX_EVENTS = 1 << 20;

    private static final long ORIGIN = System.nanoTime();
    private static final ThreadCounters<Track> TRACKS =
            new ThreadCounters<>(() -> new Track(Thread.currentThread().getName()));

    private GilTimeline() {
    }

    public static void running() {
        TRACKS.mine().add(System.nanoTime() - ORIGIN, RUNNING);
    }

    public static void waiting() {
        TRACKS.mine().add(System.nanoTime() - ORIGIN, WAITING);
    }

    public static void blocked() {
        TRACKS.mine().add(System.nanoTime() - ORIGIN, BLOCKED);
    }

    public static void released() {
        TRACKS.mine().add(System.nanoTime() - ORIGIN, RELEASED);
    }

    /**
     * A span of {@code kind} (a {@link SpanLog} constant) that began at {@code startNanoTime}
     * (a {@code System.nanoTime()}) and ends now; for slow paths only, behind {@link #ENABLED}.
     */
    public static void span(byte kind, long startNanoTime, long a, long b, String label) {
        long now = System.nanoTime();
        TRACKS.mine().spans.add(startNanoTime - ORIGIN, now - ORIGIN, kind, a, b, label);
    }

    /** An instant of {@code kind} (a {@link SpanLog} constant), now. */
    public static void instant(byte kind) {
        long t = System.nanoTime() - ORIGIN;
        TRACKS.mine().spans.add(t, t, kind, 0, 0, null);
    }

    /** Nanoseconds since recording started, for the end of the time axis. */
    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** Copies of every thread's track, in the order the threads first recorded. */
    public static List<Track.Copy> snapshot() {
        List<Track.Copy> out = new ArrayList<>();
        for (Track t : TRACKS.all()) {
            out.add(t.copy());
        }
        return out;
    }

    /** One thread's events: times (ns since the origin) and the state entered at each. */
    public static final class Track {
        private final String name;
        private final SpanLog spans = new SpanLog();
        private long[] times = new long[64];   // guarded by this
        private byte[] states = new byte[64];  // guarded by this
        private int size;                      // guarded by this
        private boolean truncated;             // guarded by this

        Track(String name) {
            this.name = name;
        }

        synchronized void add(long t, byte state) {
            if (size > 0) {
                byte last = states[size - 1];
                if (last == state) {
                    return;
                }
                if ((last == RELEASED || last == WAITING) && t - times[size - 1] < COALESCE_NANOS) {
                    if (size > 1 && states[size - 2] == state) { // a blip: back in the state before it
                        size--;
                        return;
                    }
                    if (last == RELEASED) { // released, then at once waiting or blocked: that, from the release
                        states[size - 1] = state;
                        return;
                    }
                }
            }
            if (size == MAX_EVENTS) {
                truncated = true;
                return;
            }
            if (size == times.length) {
                int n = Math.min(MAX_EVENTS, size * 2);
                times = java.util.Arrays.copyOf(times, n);
                states = java.util.Arrays.copyOf(states, n);
            }
            times[size] = t;
            states[size] = state;
            size++;
        }

        synchronized Copy copy() {
            return new Copy(name, java.util.Arrays.copyOf(times, size), java.util.Arrays.copyOf(states, size), truncated,
                    spans.copy());
        }

        /**
         * An immutable copy.
         *
         * @param name      the thread's name
         * @param times     event times, ns since the origin, non-decreasing
         * @param states    the state entered at each time
         * @param truncated whether events were dropped at {@link #MAX_EVENTS}
         * @param spans     the thread's spans of slow paths (lock waits, merges, collections)
         */
        public record Copy(String name, long[] times, byte[] states, boolean truncated, SpanLog.Copy spans) {
            /** A track of GIL states only. */
            public Copy(String name, long[] times, byte[] states, boolean truncated) {
                this(name, times, states, truncated, SpanLog.Copy.EMPTY);
            }
        }
    }
}
