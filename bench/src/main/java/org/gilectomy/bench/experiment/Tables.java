package org.gilectomy.bench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gilectomy.bench.harness.CellSummary;
import org.gilectomy.bench.harness.ResultTable;

/** Text helpers shared by the experiments' reports. */
final class Tables {
    private Tables() {
    }

    /** The part's comparison table with extra columns, or its "not supported yet" line. */
    static List<String> part(PartResult r, List<ResultTable.Column> extra) {
        List<String> lines = new ArrayList<>();
        lines.add("-- " + r.part().name() + " (" + r.part().program() + ")");
        if (!r.supported()) {
            lines.add("   not supported yet: " + r.unsupported());
            return lines;
        }
        ResultTable.format(r.measurement().summary(), extra, List.of()).lines().forEach(lines::add);
        if (r.measurement().countingNote() != null) {
            lines.add(r.measurement().countingNote() + ".");
        }
        return lines;
    }

    /** A column of a statistic's median (a count). */
    static ResultTable.Column count(String header, String field) {
        return new ResultTable.Column(header, s -> ResultTable.count(s.stat(field)));
    }

    /** A column from any per-row number, two decimals. */
    static ResultTable.Column decimal(String header, java.util.function.ToDoubleFunction<CellSummary> f) {
        return new ResultTable.Column(header, s -> fmt(f.applyAsDouble(s)));
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Geometric mean of the known (non-NaN, positive) values; NaN when none. */
    static double geomean(double[] values) {
        double logSum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && v > 0) {
                logSum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    /** {@code a / b} where either may be unknown. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }
}
