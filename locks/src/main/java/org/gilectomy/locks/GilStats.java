package org.gilectomy.locks;

import org.HdrHistogram.Histogram;

/**
 * GIL statistics. Every field is written only while holding the GIL's internal mutex, which
 * the writer holds anyway, so counting adds no contention of its own.
 */
public final class GilStats {
    /** Waits are recorded in nanoseconds, to 3 significant digits, up to an hour. */
    private static final long MAX_RECORDED_NANOS = 3_600_000_000_000L;

    long acquisitions;      // guarded by the GIL mutex
    long switches;          // acquisitions by a thread other than the last holder
    long dropRequests;      // waiters that timed out and asked the holder to drop
    long forcedSwitches;    // holders that waited for a waiter to take the GIL after dropping
    long failedReacquisitions; // wake-ups that found the GIL taken again (Beazley's "retries")
    private long contended;    // acquisitions that had to wait
    private long totalWaitNanos;
    private long maxWaitNanos;
    private final Histogram waits = new Histogram(MAX_RECORDED_NANOS, 3); // guarded by the GIL mutex

    /** One acquisition that had to wait {@code nanos}. */
    void recordWait(long nanos) {
        contended++;
        totalWaitNanos += nanos;
        maxWaitNanos = Math.max(maxWaitNanos, nanos);
        waits.recordValue(Math.min(Math.max(nanos, 0), MAX_RECORDED_NANOS));
    }

    Totals snapshot() {
        return new Totals(acquisitions, switches, dropRequests, forcedSwitches, contended,
                failedReacquisitions, totalWaitNanos, maxWaitNanos,
                waits.getValueAtPercentile(50), waits.getValueAtPercentile(99), waits.getValueAtPercentile(99.9));
    }

    /**
     * A copy for reporting; fields a GIL kind does not have (drop requests of the old GIL) are 0.
     * The wait percentiles are over contended acquisitions only (0 when there were none).
     */
    public record Totals(long acquisitions, long switches, long dropRequests, long forcedSwitches,
                         long contended, long failedReacquisitions, long totalWaitNanos, long maxWaitNanos,
                         long waitP50Nanos, long waitP99Nanos, long waitP999Nanos) {
    }
}
