package org.gilectomy.refcount;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.HdrHistogram.Histogram;

/**
 * What the cycle collector did: per generation, collections, objects examined and found
 * unreachable (gc.get_stats, --stats); the distribution of pauses (the time other threads
 * could not run Python: the whole analysis) and of the time to stop the world, in
 * HdrHistogram; and one JFR event {@code gilectomy.GcCollection} per collection.
 *
 * <p>Written only by the collecting thread (CycleCollector's collecting flag orders one
 * collection's writes before the next's); read by any thread through the synchronized
 * {@link #snapshot()}, so a reader never sees a histogram half-updated.
 */
public final class CollectorStats {
    private static final long[] COLLECTIONS = new long[CycleCollector.GENERATIONS];
    private static final long[] EXAMINED = new long[CycleCollector.GENERATIONS];
    private static final long[] COLLECTED = new long[CycleCollector.GENERATIONS];
    /** Traverse calls made by the marking (CycleCollector's cost measure: each reads the object's references). */
    private static final long[] TRAVERSED = new long[CycleCollector.GENERATIONS];
    private static long explicit;
    /** Nanoseconds, 3 significant digits, auto-resizing. */
    private static final Histogram PAUSES = new Histogram(3);
    private static final Histogram STOPS = new Histogram(3);

    private CollectorStats() {
    }

    @Name("gilectomy.GcCollection")
    @Label("Cycle collection")
    @Category({"Gilectomy", "GC"})
    @Description("One collection of the cycle collector: the event spans the pause (analysis with other threads stopped).")
    @StackTrace(false)
    static final class Collection extends Event {
        @Label("Generation")
        int generation;
        @Label("Explicit")
        @Description("gc.collect() or finalization, not an allocation threshold")
        boolean explicit;
        @Label("Examined")
        int examined;
        @Label("Unreachable")
        int unreachable;
        @Label("Stop the world")
        @Timespan(Timespan.NANOSECONDS)
        long stopNanos;
    }

    static synchronized void record(int gen, boolean wasExplicit, int examined, int traversed, int unreachable,
                                    long pauseNanos, long stopNanos) {
        COLLECTIONS[gen]++;
        EXAMINED[gen] += examined;
        TRAVERSED[gen] += traversed;
        COLLECTED[gen] += unreachable;
        if (wasExplicit) {
            explicit++;
        }
        PAUSES.recordValue(Math.max(0, pauseNanos));
        STOPS.recordValue(Math.max(0, stopNanos));
        Collection e = new Collection();
        if (e.isEnabled()) {
            e.generation = gen;
            e.explicit = wasExplicit;
            e.examined = examined;
            e.unreachable = unreachable;
            e.stopNanos = stopNanos;
            e.commit();
        }
    }

    /** The figures so far, summed over generations where the name says so. */
    public record Snapshot(long[] collections, long[] examined, long[] collected, long explicit,
                           long pauseP50Nanos, long pauseP99Nanos, long pauseMaxNanos,
                           long stopP50Nanos, long stopP99Nanos, long stopMaxNanos, long[] traversed) {
        public long totalCollections() {
            return java.util.Arrays.stream(collections).sum();
        }

        public long totalExamined() {
            return java.util.Arrays.stream(examined).sum();
        }

        /** Figures without traversal counts (a report's test data). */
        public Snapshot(long[] collections, long[] examined, long[] collected, long explicit,
                        long pauseP50Nanos, long pauseP99Nanos, long pauseMaxNanos,
                        long stopP50Nanos, long stopP99Nanos, long stopMaxNanos) {
            this(collections, examined, collected, explicit, pauseP50Nanos, pauseP99Nanos, pauseMaxNanos,
                    stopP50Nanos, stopP99Nanos, stopMaxNanos, new long[collections.length]);
        }

        public long totalTraversed() {
            return java.util.Arrays.stream(traversed).sum();
        }

        public long totalCollected() {
            return java.util.Arrays.stream(collected).sum();
        }
    }

    public static synchronized Snapshot snapshot() {
        return new Snapshot(COLLECTIONS.clone(), EXAMINED.clone(), COLLECTED.clone(), explicit,
                PAUSES.getValueAtPercentile(50), PAUSES.getValueAtPercentile(99), PAUSES.getMaxValue(),
                STOPS.getValueAtPercentile(50), STOPS.getValueAtPercentile(99), STOPS.getMaxValue(), TRAVERSED.clone());
    }
}
