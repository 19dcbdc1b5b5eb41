package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison's arithmetic: per cell, the median, minimum and maximum wall time and the
 * median CPU time of its measured runs; then ratios of medians:
 * <ul>
 * <li>speedup = median wall(S, base threads) / median wall(S, N threads), within one series S
 *     (a preset, a preset with options, or a peer), the base being the smallest thread count
 *     compared (normally 1): with a fixed total amount of work, ideal scaling gives N, a GIL
 *     about 1;</li>
 * <li>speedup vs gil = median wall(gil, base threads) / median wall(S, N threads): the same
 *     against the GIL build's single-thread cell, so that a series whose own base is slowed
 *     (gilectomy-buffered's commit thread at 1 thread) cannot look like it scales;</li>
 * <li>slowdown = median wall(S, N) / median wall(baseline, N), the baseline being the first
 *     series listed: above 1 means slower than the baseline.</li>
 * </ul>
 * Each row says whether it is noisy ({@link Noise}).
 *
 * @param rows         one per cell, in the cells' order
 * @param baseline     the first series (slowdown's denominator)
 * @param baseThreads  the smallest thread count (speedup's numerator)
 */
public record Summary(List<CellSummary> rows, String baseline, int baseThreads) {

    /** Summarises {@code results} over {@code cells} (every cell must have at least one run). */
    public static Summary of(List<Cell> cells, List<RunResult> results) {
        return of(cells, results, null);
    }

    /**
     * The same, {@code before} being why the whole measurement is noisy (the load average
     * before it), or null.
     */
    public static Summary of(List<Cell> cells, List<RunResult> results, String before) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells");
        }
        String baseline = cells.get(0).series();
        int baseThreads = cells.stream().mapToInt(Cell::threads).min().getAsInt();

        Map<String, double[]> walls = new LinkedHashMap<>();
        Map<String, double[]> cpus = new LinkedHashMap<>();
        for (Cell c : cells) {
            List<RunResult> mine = results.stream().filter(r -> r.cell().equals(c)).toList();
            if (mine.isEmpty()) {
                throw new IllegalArgumentException("no measured run for " + c);
            }
            walls.put(key(c.series(), c.threads()), mine.stream().mapToDouble(RunResult::wallS).toArray());
            cpus.put(key(c.series(), c.threads()), mine.stream().mapToDouble(RunResult::cpuS).toArray());
        }

        List<CellSummary> rows = new ArrayList<>();
        for (Cell c : cells) {
            double[] mine = walls.get(key(c.series(), c.threads()));
            double wall = Statistics.median(mine);
            double[] base = walls.get(key(c.series(), baseThreads));
            double[] ref = walls.get(key(baseline, c.threads()));
            double speedup = base == null ? Double.NaN : Statistics.ratio(Statistics.median(base), wall);
            double[] gil = walls.get(key(GIL, baseThreads));
            double vsGil = gil == null ? Double.NaN : Statistics.ratio(Statistics.median(gil), wall);
            List<RunResult> runs = results.stream().filter(r -> r.cell().equals(c)).toList();
            double[] others = runs.stream().mapToDouble(r -> r.fields().get(Noise.OTHER_CORES) instanceof Number n
                    ? n.doubleValue() : Double.NaN).toArray();
            double slowdown = ref == null ? Double.NaN : Statistics.ratio(wall, Statistics.median(ref));
            rows.add(new CellSummary(c, mine.length, wall, Statistics.min(mine), Statistics.max(mine),
                    Statistics.median(cpus.get(key(c.series(), c.threads()))), speedup, vsGil, slowdown,
                    statMedians(runs), Noise.cellReason(mine, others, before)));
        }
        return new Summary(List.copyOf(rows), baseline, baseThreads);
    }

    /** Per numeric field of the runs' records (times and counts), its median over the runs. */
    static Map<String, Double> statMedians(List<RunResult> runs) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunResult r : runs) {
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                if (e.getValue() instanceof Number n && !(e.getValue() instanceof Boolean)) {
                    values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(n.doubleValue());
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, Statistics.median(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return m;
    }

    /** The series speedups are also taken against. */
    static final String GIL = "gil";

    /** Whether any row is noisy. */
    public boolean noisy() {
        return rows.stream().anyMatch(CellSummary::noisy);
    }

    private static String key(String series, int threads) {
        return series + "\u0000" + threads;
    }

    /** The row of a series at a thread count, or null. */
    public CellSummary row(String series, int threads) {
        for (CellSummary r : rows) {
            if (r.cell().series().equals(series) && r.cell().threads() == threads) {
                return r;
            }
        }
        return null;
    }

    /** The series in first-seen order. */
    public List<String> series() {
        return rows.stream().map(r -> r.cell().series()).distinct().toList();
    }
}
