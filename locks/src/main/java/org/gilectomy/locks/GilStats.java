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
    long totalWaitNanos;
    long maxWaitNanos;

    Totals snapshot() {
        return new Totals(acquisitions, switches, dropRequests, forcedSwitches, contended,
                totalWaitNanos, maxWaitNanos);
    }

    /** A copy for reporting. */
    public record Totals(long acquisitions, long switches, long dropRequests, long forcedSwitches,
                        long contended, long totalWaitNanos, long maxWaitNanos) {
    }
}
