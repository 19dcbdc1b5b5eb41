package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * followed by the footer lines given. Text columns are left-aligned, numbers right-aligned;
 * times have three decimals, ratios two and an {@code x}; an unknown value is {@code -}.
 */
public final class ResultTable {
    private ResultTable() {
    }

    public static List<String> headers(Summary s) {
        return List.of("preset", "threads", "wall median (s) [min-max]", "cpu median (s)",
                "speedup vs " + s.baseThreads() + (s.baseThreads() == 1 ? " thread" : " threads"),
                "slowdown vs " + s.baselinePreset().flagName());
    }

    public static String format(Summary s, List<String> footer) {
        List<String> headers = headers(s);
        List<String[]> rows = new ArrayList<>();
        for (CellSummary r : s.rows()) {
            rows.add(new String[] {
                r.cell().preset().flagName(),
                Integer.toString(r.cell().threads()),
                seconds(r.wallMedian()) + " [" + seconds(r.wallMin()) + "-" + seconds(r.wallMax()) + "]",
                seconds(r.cpuMedian()),
                ratio(r.speedup()),
                ratio(r.slowdown())});
        }
        boolean[] right = {false, true, false, true, true, true};
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, headers.toArray(new String[0]), width, new boolean[width.length]);
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        appendRow(sb, rule, width, new boolean[width.length]);
        for (String[] row : rows) {
            appendRow(sb, row, width, right);
        }
        if (!footer.isEmpty()) {
            sb.append('\n');
            for (String line : footer) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.3f", s);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }
}
