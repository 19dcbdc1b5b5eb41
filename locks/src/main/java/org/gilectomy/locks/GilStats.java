package org.gilectomy.locks;

/**
 * GIL statistics. Every field is written only while holding the GIL's internal mutex, which
 * the writer holds anyway, so counting adds no contention of its own.
 */
public final class GilStats {
    long acquisitions;      // guarded by the GIL mutex
    long switches;          // acquisitions by a thread other than the last holder
    long dropRequests;      // waiters that timed out and asked the holder to drop
    long forcedSwitches;    // holders that waited for a waiter to take the GIL after dropping
    long contended;         // acquisitions that had to wait
    long failedReacquisitions; // wake-ups that found the GIL taken again (Beazley's "retries")
    long totalWaitNanos;
    long maxWaitNanos;

    Totals snapshot() {
        return new Totals(acquisitions, switches, dropRequests, forcedSwitches, contended,
                failedReacquisitions, totalWaitNanos, maxWaitNanos);
    }

    /** A copy for reporting; fields a GIL kind does not have (drop requests of the old GIL) are 0. */
    public record Totals(long acquisitions, long switches, long dropRequests, long forcedSwitches,
                        long contended, long failedReacquisitions, long totalWaitNanos, long maxWaitNanos) {
    }
}
