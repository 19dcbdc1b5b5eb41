package org.gilectomy.trace;

import java.util.Arrays;

/**
 * One thread's spans of slow paths (a contended object lock, a biased-count merge, a cycle
 * collection and its stop of the world), kept beside its GIL states in its
 * {@link GilTimeline.Track} and written by {@link ChromeTrace} as nested spans of that thread.
 *
 * <pre>
 * Overview
 *
 * Recorded only where the runtime already left its fast path, behind GilTimeline.ENABLED (a
 * static final: with tracing off the hook is folded away): the uncontended lock, the owner's
 * incref/decref and the eval loop are untouched. A span is recorded once, when it ends, with
 * its start: parallel arrays, grown by doubling, appended to by the owning thread under this
 * object's monitor (uncontended: copy() is the only other caller). At most
 * GilTimeline.MAX_EVENTS spans; later ones are dropped and the copy says so.
 *
 * Each kind has a name, a category and up to three arguments: a label (a string, such as the
 * locked object's type) and two numbers, named per kind in ARGS (null: not shown).
 * DROP_REQUEST is an instant (start == end), written as a counter, not a span.
 * </pre>
 */
public final class SpanLog {
    /** A thread waited for a per-object lock (Py_LOCK's slow path): label type, a spin rounds, b parks. */
    public static final byte LOCK_WAIT = 0;
    /** A thread merged objects queued to an owner's biased counts: a objects. */
    public static final byte MERGE = 1;
    /** A cycle collection's pause: label reason, a generation, b objects examined. */
    public static final byte GC_PAUSE = 2;
    /** The collector's thread stopping the world: from the request until no other thread runs Python. */
    public static final byte STOP_WORLD = 3;
    /** The collector's thread letting the stopped threads run again. */
    public static final byte RESTART_WORLD = 4;
    /** A thread paused because another thread stopped the world. */
    public static final byte STOPPED = 5;
    /** A GIL waiter timed out and asked the holder to drop the GIL (an instant). */
    public static final byte DROP_REQUEST = 6;
    /** A thread held back (detached) while another thread's collection runs: the collector's back-pressure. */
    public static final byte GC_STALL = 7;

    static final String[] NAME = {"waiting for an object lock", "merging queued reference counts",
            "cycle collection (pause)", "stopping the world", "restarting the world",
            "stopped (world stopped)", "gil drop request", "waiting for a collection to end"};
    static final String[] CATEGORY = {"lock", "refcount", "gc", "gc", "gc", "gc", "gil", "gc"};
    /** Per kind: the names of the label, a and b arguments (null: none). */
    static final String[][] ARGS = {{"type", "spin_rounds", "parks"}, {null, "objects", null},
            {"reason", "generation", "examined"}, {null, null, null}, {null, null, null},
            {null, null, null}, {null, null, null}, {null, null, null}};

    private long[] starts = new long[16]; // guarded by this; ns since GilTimeline's origin
    private long[] ends = new long[16];   // guarded by this
    private byte[] kinds = new byte[16];  // guarded by this
    private long[] as = new long[16];     // guarded by this
    private long[] bs = new long[16];     // guarded by this
    private String[] labels = new String[16]; // guarded by this
    private int size;                     // guarded by this
    private boolean truncated;            // guarded by this

    synchronized void add(long start, long end, byte kind, long a, long b, String label) {
        if (size == GilTimeline.MAX_EVENTS) {
            truncated = true;
            return;
        }
        if (size == starts.length) {
            int n = Math.min(GilTimeline.MAX_EVENTS, size * 2);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            kinds = Arrays.copyOf(kinds, n);
            as = Arrays.copyOf(as, n);
            bs = Arrays.copyOf(bs, n);
            labels = Arrays.copyOf(labels, n);
        }
        starts[size] = start;
        ends[size] = Math.max(start, end);
        kinds[size] = kind;
        as[size] = a;
        bs[size] = b;
        labels[size] = label;
        size++;
    }

    synchronized Copy copy() {
        return new Copy(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), Arrays.copyOf(kinds, size),
                Arrays.copyOf(as, size), Arrays.copyOf(bs, size), Arrays.copyOf(labels, size), truncated);
    }

    /**
     * An immutable copy, in the order the spans ended.
     *
     * @param starts    start of each span, ns since the origin
     * @param ends      end of each span (>= its start)
     * @param kinds     its kind (the constants above)
     * @param a         its first number (see ARGS)
     * @param b         its second number
     * @param labels    its label, or null
     * @param truncated whether spans were dropped at {@link GilTimeline#MAX_EVENTS}
     */
    public record Copy(long[] starts, long[] ends, byte[] kinds, long[] a, long[] b, String[] labels,
                       boolean truncated) {
        static final Copy EMPTY = new Copy(new long[0], new long[0], new byte[0], new long[0], new long[0],
                new String[0], false);

        /** How many spans of {@code kind}. */
        public int count(byte kind) {
            int n = 0;
            for (byte k : kinds) {
                n += k == kind ? 1 : 0;
            }
            return n;
        }
    }
}
