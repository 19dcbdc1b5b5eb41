package org.gilectomy.bench.harness;

import java.util.Map;

/**
 * One row of the comparison table.
 *
 * @param cell       the series and thread count
 * @param runs       the number of measured runs
 * @param wallMedian median wall time, seconds
 * @param wallMin    fastest run, seconds
 * @param wallMax    slowest run, seconds
 * @param cpuMedian  median process CPU time, seconds (NaN if unknown)
 * @param speedup    wall(same series, base thread count) / wall(this cell)
 * @param speedupVsGil wall(gil, base thread count) / wall(this cell), NaN without a gil series
 * @param slowdown   wall(this cell) / wall(baseline series, same thread count)
 * @param stats      per numeric statistic the runs reported (GIL, lock, refcount, perf), its
 *                   median over the runs that reported it
 * @param noise      why the cell is noisy ({@link Noise#cellReason}), or null when it is not
 */
public record CellSummary(Cell cell, int runs, double wallMedian, double wallMin, double wallMax,
                          double cpuMedian, double speedup, double speedupVsGil, double slowdown, Map<String, Double> stats,
                          String noise) {
    public CellSummary {
        stats = Map.copyOf(stats);
    }

    public boolean noisy() {
        return noise != null;
    }

    /** Whether a speedup exceeds what the machine's cores allow (a baseline that was slowed down). */
    public static boolean aboveCores(double speedup) {
        return speedup > Noise.cores() + 1e-9;
    }

    /** A statistic's median, NaN when no run reported it. */
    public double stat(String name) {
        Double v = stats.get(name);
        return v == null ? Double.NaN : v;
    }
}
