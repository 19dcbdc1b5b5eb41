package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Preset;

/**
 * The comparison's arithmetic: per cell, the median, minimum and maximum wall time and the
 * median CPU time of its measured runs; then ratios of medians:
 * <ul>
 * <li>speedup = median wall(P, base threads) / median wall(P, N threads), where the base is the
 *     smallest thread count compared (normally 1): with a fixed total amount of work, ideal
 *     scaling gives N, a GIL about 1;</li>
 * <li>slowdown = median wall(P, N) / median wall(baseline, N), the baseline being the first
 *     preset listed: above 1 means slower than the baseline.</li>
 * </ul>
 *
 * @param rows            one per cell, in the cells' order
 * @param baselinePreset  the first preset (slowdown's denominator)
 * @param baseThreads     the smallest thread count (speedup's numerator)
 */
public record Summary(List<CellSummary> rows, Preset baselinePreset, int baseThreads) {

    /** Summarises {@code results} over {@code cells} (every cell must have at least one run). */
    public static Summary of(List<Cell> cells, List<RunResult> results) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells");
        }
        Preset baseline = cells.get(0).preset();
        int baseThreads = cells.stream().mapToInt(Cell::threads).min().getAsInt();

        Map<Cell, double[]> walls = new LinkedHashMap<>();
        Map<Cell, double[]> cpus = new LinkedHashMap<>();
        for (Cell c : cells) {
            List<RunResult> mine = results.stream().filter(r -> r.cell().equals(c)).toList();
            if (mine.isEmpty()) {
                throw new IllegalArgumentException("no measured run for " + c);
            }
            walls.put(c, mine.stream().mapToDouble(RunResult::wallS).toArray());
            cpus.put(c, mine.stream().mapToDouble(RunResult::cpuS).toArray());
        }

        List<CellSummary> rows = new ArrayList<>();
        for (Cell c : cells) {
            double wall = Statistics.median(walls.get(c));
            double[] base = walls.get(new Cell(c.preset(), baseThreads));
            double[] ref = walls.get(new Cell(baseline, c.threads()));
            double speedup = base == null ? Double.NaN : Statistics.ratio(Statistics.median(base), wall);
            double slowdown = ref == null ? Double.NaN : Statistics.ratio(wall, Statistics.median(ref));
            rows.add(new CellSummary(c, walls.get(c).length, wall,
                    Statistics.min(walls.get(c)), Statistics.max(walls.get(c)),
                    Statistics.median(cpus.get(c)), speedup, slowdown));
        }
        return new Summary(List.copyOf(rows), baseline, baseThreads);
    }
}
