package org.gilectomy.bench.harness;

/**
 * One row of the comparison table.
 *
 * @param cell       the preset and thread count
 * @param runs       the number of measured runs
 * @param wallMedian median wall time, seconds
 * @param wallMin    fastest run, seconds
 * @param wallMax    slowest run, seconds
 * @param cpuMedian  median process CPU time, seconds (NaN if unknown)
 * @param speedup    wall(same preset, base thread count) / wall(this cell)
 * @param slowdown   wall(this cell) / wall(baseline preset, same thread count)
 */
public record CellSummary(Cell cell, int runs, double wallMedian, double wallMin, double wallMax,
                          double cpuMedian, double speedup, double slowdown) {
}
