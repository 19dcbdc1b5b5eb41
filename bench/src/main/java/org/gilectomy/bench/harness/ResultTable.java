package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The comparison table as text:
 *
 * <pre>
 * preset     threads  wall median (s) [min-max]  cpu median (s)  speedup vs 1 thread  slowdown vs gil
 * ---------  -------  -------------------------  --------------  -------------------  ---------------
 * gil              1  1.512 [1.498-1.530]                 1.601                1.00x            1.00x
 * gil              2  1.540 [1.520-1.611]                 1.650                0.98x            1.00x
 * gilectomy        1  2.010 [1.990-2.100]                 2.100                1.00x            1.33x
 * gilectomy        2  1.630 [1.600-1.700]                 3.300                1.23x            1.06x
 * </pre>
 *
 * then, with a gil series beside others, the speedup against gil's base cell; then any extra
 * columns (statistics, transfers); then a noise column when a cell is noisy; then the footer
 * lines given, and a line each about speedups above the core count and noisy cells. Times have
 * three decimals, ratios two and an {@code x} (a {@code !} after a speedup above the core
 * count); an unknown value is {@code -}.
 */
public final class ResultTable {
    /** An extra, right-aligned column: its title and its text per row. */
    public record Column(String header, Function<CellSummary, String> value) {
    }

    private ResultTable() {
    }

    public static List<String> headers(Summary s) {
        String base = s.baseThreads() + (s.baseThreads() == 1 ? " thread" : " threads");
        List<String> h = new ArrayList<>(List.of("preset", "threads", "wall median (s) [min-max]", "cpu median (s)",
                "speedup vs " + base, "slowdown vs " + s.baseline()));
        if (withGilColumn(s)) {
            h.add("speedup vs gil " + base);
        }
        return h;
    }

    /** Whether the table has the speedup-against-gil column: a gil series beside other series. */
    static boolean withGilColumn(Summary s) {
        return s.series().contains(Summary.GIL) && s.series().size() > 1;
    }

    /** A speedup, with a {@code !} when it exceeds the core count. */
    public static String speedup(double r) {
        return ratio(r) + (CellSummary.aboveCores(r) ? "!" : "");
    }

    public static String format(Summary s, List<String> footer) {
        return format(s, List.of(), footer);
    }

    public static String format(Summary s, List<Column> extra, List<String> footer) {
        List<String> headers = new ArrayList<>(headers(s));
        extra.forEach(c -> headers.add(c.header()));
        boolean noisy = s.noisy();
        if (noisy) {
            headers.add("noise");
        }
        boolean[] right = new boolean[headers.size()];
        for (int i = 1; i < right.length; i++) {
            right[i] = i != 2 && !(noisy && i == right.length - 1);
        }
        TextTable t = new TextTable(headers, right);
        for (CellSummary r : s.rows()) {
            List<String> row = new ArrayList<>(List.of(
                    r.cell().series(),
                    Integer.toString(r.cell().threads()),
                    seconds(r.wallMedian()) + " [" + seconds(r.wallMin()) + "-" + seconds(r.wallMax()) + "]",
                    seconds(r.cpuMedian()),
                    speedup(r.speedup()),
                    ratio(r.slowdown())));
            if (withGilColumn(s)) {
                row.add(speedup(r.speedupVsGil()));
            }
            extra.forEach(c -> row.add(c.value().apply(r)));
            if (noisy) {
                row.add(r.noisy() ? "NOISY: " + r.noise() : "");
            }
            t.add(row);
        }
        List<String> notes = new ArrayList<>(footer);
        if (s.rows().stream().anyMatch(r -> CellSummary.aboveCores(r.speedup()) || CellSummary.aboveCores(r.speedupVsGil()))) {
            notes.add("! speedup above this machine's " + Noise.cores() + " cores: the base cell was slowed"
                    + " (noise, or a build's own helper thread), not a real gain.");
        }
        if (noisy) {
            notes.add("NOISY cells: their figures, and the verdicts that use them, are not to be trusted.");
        }
        StringBuilder sb = new StringBuilder(t.format());
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String line : notes) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    public static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.3f", s);
    }

    public static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** A count with thousands separators; {@code -} when unknown (NaN). */
    public static String count(double n) {
        return Double.isNaN(n) ? "-" : String.format(Locale.ROOT, "%,.0f", n);
    }
}
