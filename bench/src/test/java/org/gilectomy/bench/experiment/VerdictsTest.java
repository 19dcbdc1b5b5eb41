package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.bench.harness.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiments' verdicts from synthetic measurements: the published shape passes, its absence fails. */
class VerdictsTest {
    @TempDir
    Path dir;

    Context ctx() {
        return new Context(true, List.of(), dir, dir);
    }

    /** The quick part of an experiment with every cell's wall (and cpu) time given by {@code wall}. */
    static PartResult measured(Part part, java.util.function.ToDoubleFunction<Cell> wall,
                               java.util.function.ToDoubleFunction<Cell> cpu, java.util.function.Function<Cell, String> stdout) {
        List<RunResult> runs = new ArrayList<>();
        for (Cell c : part.cells()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("wall_s", wall.applyAsDouble(c));
            if (c.runOptions().contains(org.gilectomy.bench.harness.SteadyStateRunner.ITERATIONS_OPTION)) {
                long ns = (long) (wall.applyAsDouble(c) * 1e9); // a steady-state cell: its iterations all take the wall time
                f.put(org.gilectomy.bench.harness.SteadyState.ITERATIONS_FIELD, List.of(ns, ns, ns));
            }
            runs.add(new RunResult(c, 1, wall.applyAsDouble(c), cpu.applyAsDouble(c), f, stdout.apply(c)));
        }
        return new PartResult(part, new Measurement.Result(runs, Summary.of(part.cells(), runs), Map.of(), null), null);
    }

    /**
     * A verdict is NOISY only when a cell of a series it reads is noisy: convoy's gil target
     * reads the gil cells, made noisy here (other processes used a core during their runs),
     * and its nogil target stays judged; the control, a target that names no series, is
     * NOISY whatever cell is.
     */
    @Test
    void onlyTheNoiseOfTheSeriesATargetReadsMakesItNoisy() throws Exception {
        Convoy e = new Convoy();
        List<Part> parts = e.parts(ctx());
        java.util.function.Function<Cell, String> out = c -> convoyOutput(c.threads() == 1 ? 10000 : 500);
        List<PartResult> results = new ArrayList<>();
        for (Part p : parts) {
            List<RunResult> runs = new ArrayList<>();
            for (Cell c : p.cells()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("wall_s", 1.0);
                f.put(org.gilectomy.bench.harness.Noise.OTHER_CORES, c.series().equals("gil") ? 1.0 : 0.0);
                runs.add(new RunResult(c, 1, 1.0, 1.0, f, out.apply(c)));
            }
            results.add(new PartResult(p, new Measurement.Result(runs, Summary.of(p.cells(), runs), Map.of(), null), null));
        }
        Experiment.Analysis a = e.analyse(ctx(), results);
        List<Target> withControl = new ArrayList<>(a.targets());
        withControl.add(Target.atMost("control: names no series", "x", 0.05, 0.10));
        Map<String, Target.Verdict> v = verdicts(ExperimentCommand.noisy(
                new Experiment.Analysis(a.lines(), withControl, a.charts()), results));
        assertEquals(Target.Verdict.NOISY, v.get("gil: echo rate beside 1 CPU thread vs alone"), v.toString());
        assertEquals(Target.Verdict.FAIL, v.get("nogil: echo rate beside 1 CPU thread vs alone"), v.toString()); // judged: 0.05 < 0.50
        assertEquals(Target.Verdict.NOISY, v.get("control: names no series"), v.toString());
    }

    static Map<String, Target.Verdict> verdicts(Experiment.Analysis a) {
        Map<String, Target.Verdict> m = new LinkedHashMap<>();
        a.targets().forEach(t -> m.put(t.name(), t.verdict()));
        return m;
    }

    double beazleyWall(Cell c, double oldRatio, double gilRatio, double nogilRatio) {
        if (c.series().endsWith(" seq")) {
            return 10;
        }
        return switch (c.series()) {
            case "gil-old" -> 10 * oldRatio;
            case "gil" -> 10 * gilRatio;
            default -> 10 * nogilRatio;
        };
    }

    @Test
    void beazleyPassesOnThePublishedShape() throws Exception {
        BeazleyCount e = new BeazleyCount();
        Part p = e.parts(ctx()).get(0);
        Experiment.Analysis a = e.analyse(ctx(), List.of(measured(p, c -> beazleyWall(c, 1.8, 1.02, 0.5), c -> 1, c -> "")));
        assertTrue(verdicts(a).values().stream().allMatch(v -> v == Target.Verdict.PASS), verdicts(a).toString());
        assertTrue(a.charts().stream().allMatch(java.nio.file.Files::exists));
    }

    @Test
    void beazleyFailsWhenThereIsNoBattleNoParityAndNoScaling() throws Exception {
        BeazleyCount e = new BeazleyCount();
        Part p = e.parts(ctx()).get(0);
        Experiment.Analysis a = e.analyse(ctx(), List.of(measured(p, c -> beazleyWall(c, 1.0, 1.5, 0.9), c -> 1, c -> "")));
        assertTrue(verdicts(a).values().stream().allMatch(v -> v == Target.Verdict.FAIL), verdicts(a).toString());
    }

    @Test
    void gilectomyFibJudgesSpeedupAndCpu() throws Exception {
        GilectomyFib e = new GilectomyFib();
        List<Part> parts = e.parts(ctx());
        assertEquals(2, parts.size(), "a fresh-JVM part and a steady-state part");
        // nogil and nogil-3.13: 2 threads twice as fast (fresh and steady); gilectomy: 3x gil's CPU at 2 threads
        java.util.function.ToDoubleFunction<Cell> scales = c -> c.series().startsWith("nogil") ? 10.0 / c.threads() : 10;
        java.util.function.ToDoubleFunction<Cell> cpu = c -> c.series().equals("gilectomy") && c.threads() == 2 ? 30 : 10;
        Experiment.Analysis pass = e.analyse(ctx(), List.of(measured(parts.get(0), scales, cpu, c -> ""),
                measured(parts.get(1), scales, cpu, c -> "")));
        assertTrue(verdicts(pass).values().stream().allMatch(v -> v == Target.Verdict.PASS), verdicts(pass).toString());
        Experiment.Analysis fail = e.analyse(ctx(), List.of(measured(parts.get(0), c -> 10, c -> 10, c -> ""),
                measured(parts.get(1), c -> 10, c -> 10, c -> "")));
        assertTrue(verdicts(fail).values().stream().allMatch(v -> v == Target.Verdict.FAIL), verdicts(fail).toString());
    }

    static String convoyOutput(double rate) {
        return "convoy: requests " + (int) rate + " ms 1000 cpu_threads 0\nlatencies_us: 100 200 300\n";
    }

    @Test
    void convoyJudgesTheEchoRates() throws Exception {
        Convoy e = new Convoy();
        List<Part> parts = e.parts(ctx());
        // gil: collapses to 1/20 beside a CPU thread; nogil: keeps 90%
        java.util.function.Function<Cell, String> shape = c -> convoyOutput(c.threads() == 1 ? 10000
                : c.series().equals("gil") ? 500 : c.series().equals("nogil") ? 9000 : 5000);
        Experiment.Analysis a = e.analyse(ctx(), List.of(measured(parts.get(0), c -> 1, c -> 1, shape),
                measured(parts.get(1), c -> 1, c -> 1, shape)));
        assertEquals(List.of(Target.Verdict.PASS, Target.Verdict.PASS), List.copyOf(verdicts(a).values()));
        java.util.function.Function<Cell, String> noConvoy = c -> convoyOutput(c.threads() == 1 ? 10000
                : c.series().equals("gil") ? 9000 : 1000);
        Experiment.Analysis b = e.analyse(ctx(), List.of(measured(parts.get(0), c -> 1, c -> 1, noConvoy),
                measured(parts.get(1), c -> 1, c -> 1, noConvoy)));
        assertEquals(List.of(Target.Verdict.FAIL, Target.Verdict.FAIL), List.copyOf(verdicts(b).values()));
    }

    @Test
    void convoyReadsRequestsAndLatencies() {
        Map<String, Object> f = Convoy.fields("convoy: requests 250 ms 500 cpu_threads 1\nlatencies_us: 10 20 30 5000\n");
        assertEquals(250L, f.get("requests"));
        assertEquals(500.0, f.get("requests_per_s"));
        assertEquals(20L, f.get("latency_p50_us"));
        assertTrue(((Long) f.get("latency_max_us")) >= 4995);
        assertEquals(Map.of(), Convoy.fields("Traceback ..."));
    }

    @Test
    void unsupportedPartsAreNotMeasuredNotPassed() throws Exception {
        FtScaling e = new FtScaling();
        List<PartResult> rs = new ArrayList<>();
        for (Part p : e.parts(ctx())) {
            rs.add(new PartResult(p, null, "NotImplementedError: the 'class' statement is not supported by this runtime"));
        }
        Experiment.Analysis a = e.analyse(ctx(), rs);
        assertTrue(verdicts(a).values().stream().allMatch(v -> v == Target.Verdict.NOT_MEASURED));
        assertTrue(a.lines().stream().anyMatch(l -> l.startsWith("method_call: not supported yet: NotImplementedError")),
                a.lines().toString());
    }
}
