package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gilectomy.bench.experiment.SpeedFigures.Row;
import org.gilectomy.bench.experiment.SpeedFigures.Time;
import org.junit.jupiter.api.Test;

/** The speed experiment's ratios, geometric means and verdicts on fixed figures. */
class SpeedFiguresTest {
    static Row row(String name, double python, double gil, double nogil) {
        return new Row(name, new Time(python, 0.02), new Time(gil, 0.05), new Time(nogil, Double.NaN));
    }

    @Test
    void geometricMeanIsStrict() {
        assertEquals(2.0, SpeedFigures.geomean(List.of(1.0, 4.0)), 1e-12);
        assertEquals(3.0, SpeedFigures.geomean(List.of(3.0)), 1e-12);
        assertTrue(Double.isNaN(SpeedFigures.geomean(List.of(1.0, Double.NaN))), "a missing program: unknown");
        assertTrue(Double.isNaN(SpeedFigures.geomean(List.of(1.0, 0.0))));
        assertTrue(Double.isNaN(SpeedFigures.geomean(List.of())));
    }

    @Test
    void ratiosAndVerdictsPass() {
        // gil/python3: 1.2 and 1.5 -> geomean sqrt(1.8) = 1.342; nogil/gil: 1.05 and 1.10 -> 1.0747
        SpeedFigures f = new SpeedFigures(
                List.of(row("a", 1.0, 1.2, 1.26), row("b", 2.0, 3.0, 3.3)),
                List.of(row("a", 0.1, 0.9, 0.9), row("b", 0.2, 1.0, 1.1)));
        assertEquals(Math.sqrt(1.8), f.steadyGilOverPython(), 1e-12);
        assertEquals(Math.sqrt(1.05 * 1.10), f.steadyNogilOverGil(), 1e-12);
        assertEquals(Math.sqrt(9.0 * 5.0), f.wholeGilOverPython(), 1e-12);
        List<Target> t = f.targets();
        assertEquals(Target.Verdict.PASS, t.get(0).verdict());
        assertEquals(Target.Verdict.PASS, t.get(1).verdict());
        assertTrue(t.get(0).line().startsWith("PASS         gil within 1.5x of CPython 3.11 (steady state): "
                + "geomean steady(gil) / steady(python3) = 1.34 (target <= 1.50)"), t.get(0).line());
    }

    @Test
    void verdictsFailAboveTheBounds() {
        SpeedFigures f = new SpeedFigures(List.of(row("a", 1.0, 1.6, 1.8)), List.of(row("a", 1.0, 1.0, 1.0)));
        assertEquals(Target.Verdict.FAIL, f.targets().get(0).verdict());
        assertEquals(Target.Verdict.FAIL, f.targets().get(1).verdict()); // 1.8 / 1.6 = 1.125
        SpeedFigures edge = new SpeedFigures(List.of(row("a", 1.0, 1.5, 1.65)), List.of(row("a", 1.0, 1.0, 1.0)));
        assertEquals(Target.Verdict.PASS, edge.targets().get(0).verdict(), "1.5 is within the target");
        assertEquals(Target.Verdict.PASS, edge.targets().get(1).verdict(), "1.10 is within the target");
    }

    @Test
    void withoutPythonTheCpythonVerdictIsNotMeasuredAndNogilStillCounts() {
        SpeedFigures f = new SpeedFigures(
                List.of(new Row("a", Time.UNKNOWN, new Time(1.0, 0), new Time(1.05, 0)),
                        new Row("b", Time.UNKNOWN, new Time(2.0, 0), new Time(2.0, 0))),
                List.of(new Row("a", Time.UNKNOWN, new Time(1.0, 0), new Time(1.0, 0))));
        assertEquals(Target.Verdict.NOT_MEASURED, f.targets().get(0).verdict());
        assertTrue(f.targets().get(0).line().startsWith("NOT MEASURED"), f.targets().get(0).line());
        assertEquals(Target.Verdict.PASS, f.targets().get(1).verdict());
        String table = String.join("\n", f.lines("test"));
        assertTrue(table.contains("a                         -  1.000 ±0%            -  1.050 ±0%      1.05x"), table);
        assertTrue(table.contains("geometric mean                                    -                 1.02x"), table);
    }

    @Test
    void aProgramTheRuntimeCannotRunMakesTheSuiteNotMeasured() {
        SpeedFigures f = new SpeedFigures(
                List.of(row("a", 1.0, 1.1, 1.1), new Row("methods", new Time(1.0, 0), Time.UNKNOWN, Time.UNKNOWN)),
                List.of());
        assertEquals(Target.Verdict.NOT_MEASURED, f.targets().get(0).verdict());
        assertEquals(Target.Verdict.NOT_MEASURED, f.targets().get(1).verdict());
    }

    @Test
    void tableShowsTimesWithSpreadRatiosAndTheGeometricMean() {
        SpeedFigures f = new SpeedFigures(List.of(row("fib", 0.5, 0.75, 0.8)), List.of(row("fib", 0.52, 1.4, 1.5)));
        List<String> lines = f.lines("median of the last 5 of 10 iterations");
        assertEquals("Steady state (median of the last 5 of 10 iterations):", lines.get(0));
        String text = String.join("\n", lines);
        assertTrue(text.contains("fib               0.500 ±2%  0.750 ±5%        1.50x      0.800      1.07x"), text);
        assertTrue(text.contains("geometric mean                                1.50x                 1.07x"), text);
        assertTrue(text.contains("Whole process (one run per process, JVM or interpreter start-up included):"), text);
        assertTrue(text.contains("2.69x"), text);
    }
}
