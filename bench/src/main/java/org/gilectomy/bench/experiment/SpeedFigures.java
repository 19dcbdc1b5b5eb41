package org.gilectomy.bench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gilectomy.bench.harness.TextTable;

/**
 * The {@code speed} experiment's arithmetic, apart from the runs so that it can be tested on
 * fixed figures: per program, CPython's, gil's and nogil's times, in steady state and as
 * whole processes; the ratios gil/python3 and nogil/gil; their geometric means; the verdicts.
 * A missing time (no python3, a program the runtime cannot run) makes its ratios, and then
 * the geometric mean over the suite, unknown: a verdict on part of the suite is NOT MEASURED,
 * never a pass.
 */
final class SpeedFigures {
    /** The target: the gil build's geometric-mean time at most this times CPython 3.11's. */
    static final double GIL_OVER_CPYTHON_MAX = 1.5;
    /** The target: nogil's single-thread geometric-mean time at most this times gil's. */
    static final double NOGIL_OVER_GIL_MAX = 1.10;

    /** One time: seconds, and the relative half-range of what it is the median of (NaN when unknown). */
    record Time(double seconds, double spread) {
        static final Time UNKNOWN = new Time(Double.NaN, Double.NaN);

        boolean known() {
            return !Double.isNaN(seconds);
        }

        String format() {
            if (!known()) {
                return "-";
            }
            String s = String.format(Locale.ROOT, "%.3f", seconds);
            return Double.isNaN(spread) ? s : s + String.format(Locale.ROOT, " ±%.0f%%", spread * 100);
        }
    }

    /** One program's times under CPython, gil and nogil. */
    record Row(String program, Time python, Time gil, Time nogil) {
        double gilOverPython() {
            return ratio(gil.seconds(), python.seconds());
        }

        double nogilOverGil() {
            return ratio(nogil.seconds(), gil.seconds());
        }
    }

    private final List<Row> steady;
    private final List<Row> whole;

    /** @param steady per program, steady-state times; @param whole the same programs' whole-process times */
    SpeedFigures(List<Row> steady, List<Row> whole) {
        this.steady = List.copyOf(steady);
        this.whole = List.copyOf(whole);
    }

    /** {@code a / b}; NaN when either is unknown or b is not positive. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? Double.NaN : a / b;
    }

    /** The geometric mean; NaN when any value is unknown or not positive, or there is none. */
    static double geomean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double v : values) {
            if (Double.isNaN(v) || v <= 0) {
                return Double.NaN;
            }
            logSum += Math.log(v);
        }
        return Math.exp(logSum / values.size());
    }

    double steadyGilOverPython() {
        return geomean(steady.stream().map(Row::gilOverPython).toList());
    }

    double steadyNogilOverGil() {
        return geomean(steady.stream().map(Row::nogilOverGil).toList());
    }

    double wholeGilOverPython() {
        return geomean(whole.stream().map(Row::gilOverPython).toList());
    }

    double wholeNogilOverGil() {
        return geomean(whole.stream().map(Row::nogilOverGil).toList());
    }

    List<Row> steady() {
        return steady;
    }

    List<Row> whole() {
        return whole;
    }

    /** The two targets of the issue, judged on the steady-state geometric means. */
    List<Target> targets() {
        return List.of(
                Target.atMost("gil within 1.5x of CPython 3.11 (steady state)",
                        "geomean steady(gil) / steady(python3)", steadyGilOverPython(), GIL_OVER_CPYTHON_MAX)
                        .on("gil", "python3"),
                Target.atMost("nogil single-thread tax over gil (steady state)",
                        "geomean steady(nogil) / steady(gil)", steadyNogilOverGil(), NOGIL_OVER_GIL_MAX)
                        .on("nogil", "gil"));
    }

    /** A table: program, python3, gil, gil/python3, nogil, nogil/gil; then the geometric means. */
    static String table(List<Row> rows, double gilOverPython, double nogilOverGil) {
        TextTable t = new TextTable(List.of("program", "python3 (s)", "gil (s)", "gil/python3", "nogil (s)", "nogil/gil"),
                false, true, true, true, true, true);
        for (Row r : rows) {
            t.add(List.of(r.program(), r.python().format(), r.gil().format(), times(r.gilOverPython()),
                    r.nogil().format(), times(r.nogilOverGil())));
        }
        t.add(List.of("geometric mean", "", "", times(gilOverPython), "", times(nogilOverGil)));
        return t.format();
    }

    /** Both tables, as the report prints them. */
    List<String> lines(String steadyHow) {
        List<String> lines = new ArrayList<>();
        lines.add("Steady state (" + steadyHow + "):");
        table(steady, steadyGilOverPython(), steadyNogilOverGil()).lines().forEach(lines::add);
        lines.add("");
        lines.add("Whole process (one run per process, JVM or interpreter start-up included):");
        table(whole, wholeGilOverPython(), wholeNogilOverGil()).lines().forEach(lines::add);
        return lines;
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
