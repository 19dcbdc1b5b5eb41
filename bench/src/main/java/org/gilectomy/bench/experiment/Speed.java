package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.ChildJvm;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.Peer;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.bench.harness.Statistics;
import org.gilectomy.bench.harness.SteadyState;
import org.gilectomy.bench.harness.SteadyStateRunner;
import org.gilectomy.runtime.cli.Preset;

/**
 * Single-thread speed against CPython 3.11. Each suite program runs in three
 * processes per interpreter: CPython ({@code bench/peers/steady_state.py}), the gil and the
 * nogil build ({@code run --iterations K}) each run it K times in one process, and the
 * steady-state time is the median of the last half of those iterations (the JIT has compiled
 * the hot code by then); one more process per interpreter runs it once, timed from the
 * launch to the exit, start-up included. Sizes make one CPython iteration take about 0.5 s of
 * CPU here (CPython's process CPU time over 10 iterations, measured at a smaller size and
 * scaled: wall-clock time on the loaded machine overstated it 2-3 fold). python3 is always a row (no {@code --peer} needed); without it its columns and
 * the gil/python3 verdict are NOT MEASURED.
 */
final class Speed implements Experiment {
    /** A suite program (under suite/) and its size, quick and full. */
    record Program(String name, String quickSize, String fullSize) {
    }

    static final List<Program> SUITE = List.of(
            new Program("fib", "20", "33"),
            new Program("countdown", "300000", "18000000"),
            new Program("nbody", "1000", "90000"),
            new Program("methods", "30000", "2500000"),
            new Program("dictstr", "30000", "2400000"));

    /** In-process iterations per steady-state process: full and quick. */
    static final int ITERATIONS = 10;
    static final int QUICK_ITERATIONS = 4;
    static final List<Preset> PRESETS = List.of(Preset.GIL, Preset.NOGIL);
    static final String PYTHON = "python3";
    /** Suffix of the whole-process series. */
    static final String WHOLE = " whole-process";

    @Override
    public String name() {
        return "speed";
    }

    @Override
    public String summary() {
        return "single-thread suite against CPython 3.11, in steady state and as whole processes: gil/python3, nogil/gil";
    }

    @Override
    public List<String> published() {
        return List.of(
                "This project's own goal (no published source): the gil build's geometric-mean time at most 1.5x CPython 3.11's, in steady state;",
                "nogil's single-thread slowdown over gil at most 10% (PEP 703 / CPython 3.13t-3.14t report about",
                "5-10% on one thread over pyperformance). Whole-process times are reported beside them, not judged.");
    }

    @Override
    public List<String> notes() {
        return List.of("steady state: median of the last half of the in-process iterations (first half: warm-up, dropped);",
                "whole process: launch to exit of a process that runs the program once, JVM or interpreter start-up included;",
                "one process per cell (more with --repeat: then the median over them); ratios within this invocation only.");
    }

    /** CPython from the PATH, or null. */
    static Peer python() {
        try {
            return Peer.resolve(PYTHON, ChildJvm.javaExecutable());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code bench/peers/steady_state.py}, beside the workloads directory. */
    static Path driver(Context ctx) {
        return ctx.workloads().toAbsolutePath().getParent().resolve("peers").resolve("steady_state.py");
    }

    /** Why CPython has no rows, or null when it has. */
    static String pythonMissing(Context ctx) {
        if (python() == null) {
            return "no python3 on the PATH";
        }
        Path d = driver(ctx);
        return Files.isRegularFile(d) ? null : "the CPython driver " + d + " is missing";
    }

    @Override
    public Measurement.RunnerFactory runners(Context ctx) {
        return SteadyStateRunner.factory(pythonMissing(ctx) == null ? python() : null, driver(ctx));
    }

    @Override
    public List<Part> parts(Context ctx) {
        List<String> iterations = List.of(SteadyStateRunner.ITERATIONS_OPTION, Integer.toString(ctx.pick(QUICK_ITERATIONS, ITERATIONS)));
        List<Cell> templates = new ArrayList<>();
        if (pythonMissing(ctx) == null) {
            templates.add(Cell.of(python(), 1));
        }
        for (Preset p : PRESETS) {
            templates.add(new Cell(p, 1));
        }
        List<Part> parts = new ArrayList<>();
        for (Program p : SUITE) {
            List<String> size = List.of(ctx.pick(p.quickSize(), p.fullSize()));
            List<Cell> cells = new ArrayList<>();
            for (Cell t : templates) {
                cells.add(t.withRunOptions(t.series(), iterations).withProgramArgs(t.series(), size));
            }
            for (Cell t : templates) {
                cells.add(t.withProgramArgs(t.series() + WHOLE, size));
            }
            Part part = Part.of(p.name(), "suite/" + p.name() + ".py", cells, 0, 1);
            parts.add(p.name().equals("methods") ? part.asOptional() : part);
        }
        return parts;
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        List<SpeedFigures.Row> steady = new ArrayList<>();
        List<SpeedFigures.Row> whole = new ArrayList<>();
        for (PartResult r : results) {
            steady.add(row(r, "", Speed::steadyTime));
            whole.add(row(r, WHOLE, Speed::wholeTime));
        }
        SpeedFigures f = new SpeedFigures(steady, whole);
        int k = ctx.pick(QUICK_ITERATIONS, ITERATIONS);
        List<String> lines = new ArrayList<>(f.lines("median of the last " + (k + 1) / 2 + " of " + k
                + " iterations in one process, ± half their range"));
        String missing = pythonMissing(ctx);
        if (missing != null) {
            lines.add("python3: NOT MEASURED: " + missing + ".");
        }
        for (PartResult r : results) {
            if (!r.supported()) {
                lines.add(r.part().name() + ": not supported yet: " + r.unsupported());
            }
        }
        lines.add("");
        lines.add("Sizes (argument N): " + String.join(", ", SUITE.stream()
                .map(p -> p.name() + " " + ctx.pick(p.quickSize(), p.fullSize())).toList())
                + "; an iteration's time includes parsing and compiling under this runtime (a few ms at most),");
        lines.add("not under CPython (compiled once); stdout of iterations after the first is discarded by both.");
        Path chart = ctx.out().resolve("speed.png");
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("gil, steady state", overPython(steady, SpeedFigures.Row::gil));
        bars.put("nogil, steady state", overPython(steady, SpeedFigures.Row::nogil));
        bars.put("gil, whole process", overPython(whole, SpeedFigures.Row::gil));
        bars.put("nogil, whole process", overPython(whole, SpeedFigures.Row::nogil));
        List<String> categories = new ArrayList<>(SUITE.stream().map(Program::name).toList());
        categories.add("geometric mean");
        Charts.bars(chart, "Time over CPython 3.11's (1.0 = as fast; target for gil, steady: <= 1.5)",
                "time / python3's", categories, bars);
        return new Analysis(lines, f.targets(), List.of(chart));
    }

    /** Per program, an interpreter's time over CPython's, then their geometric mean (unknown: drawn as n/a). */
    private static double[] overPython(List<SpeedFigures.Row> rows, Function<SpeedFigures.Row, SpeedFigures.Time> build) {
        double[] v = new double[rows.size() + 1];
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            v[i] = SpeedFigures.ratio(build.apply(rows.get(i)).seconds(), rows.get(i).python().seconds());
            ratios.add(v[i]);
        }
        v[rows.size()] = SpeedFigures.geomean(ratios);
        return v;
    }

    private static SpeedFigures.Row row(PartResult r, String suffix, Function<List<RunResult>, SpeedFigures.Time> time) {
        return new SpeedFigures.Row(r.part().name(), time.apply(r.runsOf(PYTHON + suffix, 1)),
                time.apply(r.runsOf(Preset.GIL.flagName() + suffix, 1)),
                time.apply(r.runsOf(Preset.NOGIL.flagName() + suffix, 1)));
    }

    /** The median over the cell's processes of their steady state; its spread from the first process. */
    static SpeedFigures.Time steadyTime(List<RunResult> runs) {
        List<SteadyState> states = runs.stream().map(r -> SteadyState.of(r.fields()))
                .filter(java.util.Objects::nonNull).toList();
        if (states.isEmpty()) {
            return SpeedFigures.Time.UNKNOWN;
        }
        double median = Statistics.median(states.stream().mapToDouble(SteadyState::medianS).toArray());
        return new SpeedFigures.Time(median, states.get(0).relativeSpread());
    }

    /** The median over the cell's single-run processes of their whole elapsed time. */
    static SpeedFigures.Time wholeTime(List<RunResult> runs) {
        double[] t = runs.stream().mapToDouble(r -> r.fields().get(SteadyStateRunner.PROCESS_WALL_FIELD)
                instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
        return t.length == 0 ? SpeedFigures.Time.UNKNOWN : new SpeedFigures.Time(Statistics.median(t), Double.NaN);
    }
}
