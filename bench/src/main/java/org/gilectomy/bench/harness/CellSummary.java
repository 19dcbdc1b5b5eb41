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
 * @param slowdown   wall(this cell) / wall(baseline series, same thread count)
 * @param stats      per numeric statistic the runs reported (GIL, lock, refcount, perf), its
 *                   median over the runs that reported it
 */
public record CellSummary(Cell cell, int runs, double wallMedian, double wallMin, double wallMax,
                          double cpuMedian, double speedup, double slowdown, Map<String, Double> stats) {
    public CellSummary {
        stats = Map.copyOf(stats);
    }

    /** A statistic's median, NaN when no run reported it. */
    public double stat(String name) {
        Double v = stats.get(name);
        return v == null ? Double.NaN : v;
    }
}
