package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.ResultTable;
import org.gilectomy.bench.harness.SteadyStateRunner;
import org.gilectomy.runtime.cli.Preset;

/**
 * fib in 1..N threads under the GIL, the Gilectomy (2016, 2017) and nogil: wall, CPU, transfers.
 * Two parts: {@code fib}, a fresh JVM per run (start-up and JIT warm-up included, which do not
 * shrink with more threads), and {@code fib-steady}, the GIL and PEP 703 builds at 1 and 2
 * threads run K times in one process ({@code run --iterations K}), timed in steady state (the
 * median of the last half of the iterations) as CPython's own scaling benchmarks time theirs.
 */
final class GilectomyFib implements Experiment {
    static final String PROGRAM = "experiments/fib.py";
    static final String STEADY = "fib-steady";
    /** In-process iterations of the steady-state part: quick and full. */
    static final int QUICK_ITERATIONS = 3;
    static final int ITERATIONS = 8;

    @Override
    public String name() {
        return "gilectomy-fib";
    }

    @Override
    public String summary() {
        return "fib in 1..N threads: gil vs gilectomy vs gilectomy-buffered vs nogil (wall, CPU, transfers)";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Hastings, \"Removing Python's GIL: The Gilectomy\" (PyCon 2016) and \"The Gilectomy: How's It",
                "Going?\" (2017): with atomic reference counts fib in N threads is slower the more cores are",
                "used, CPU time many times the GIL build's (about 10x at 2 threads in 2016), because every call",
                "increfs the shared function and small ints; buffered counts (2017) cut that down. PEP 703",
                "(biased counts, immortal objects) scales about N-fold on independent work.");
    }

    @Override
    public List<Part> parts(Context ctx) {
        List<String> args = ctx.pick(List.of("4", "24"), List.of("12", "28"));
        List<Integer> threads = ctx.pick(List.of(1, 2), List.of(1, 2, 3, 4));
        List<Cell> cells = Context.grid(ctx.builds(Preset.GIL, Preset.GILECTOMY, Preset.GILECTOMY_BUFFERED, Preset.NOGIL,
                        Preset.NOGIL_3_13),
                threads, args);
        List<String> iterations = List.of(SteadyStateRunner.ITERATIONS_OPTION,
                Integer.toString(ctx.pick(QUICK_ITERATIONS, ITERATIONS)));
        List<Cell> steady = new ArrayList<>();
        // Smaller than the fresh-JVM part's (fib(26), not 28) and one process per cell (its last
        // iterations are the repeats): a full-size cell took 75 s here, 22 minutes for the part.
        // Eight iterations, so that the median is of iterations 5-8: the eval loop is still being
        // recompiled in iteration 2 and sometimes 3 (docs/scaling-limiters.md, section 2).
        List<String> steadyArgs = ctx.pick(args, List.of("12", "26"));
        for (Cell c : Context.grid(ctx.builds(Preset.GIL, Preset.NOGIL, Preset.NOGIL_3_13), List.of(1, 2), steadyArgs)) {
            steady.add(c.withRunOptions(c.series(), iterations));
        }
        return List.of(Part.of("fib", PROGRAM, cells, ctx.warmup(), ctx.repeat()).withCountTransfers(),
                Part.of(STEADY, PROGRAM, steady, 0, 1));
    }

    @Override
    public Measurement.RunnerFactory runners(Context ctx) {
        return SteadyStateRunner.factory(null, Speed.driver(ctx));
    }

    /** The steady-state time of a preset's cell in the {@code fib-steady} part (NaN if unknown). */
    private static double steady(PartResult r, String preset, int threads) {
        return Speed.steadyTime(r.runsOf(preset, threads)).seconds();
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        PartResult r = results.get(0);
        PartResult st = results.get(1);
        List<String> lines = new ArrayList<>(Tables.part(r, List.of(
                Tables.decimal("cpu / gil cpu", s -> Tables.ratio(s.cpuMedian(), r.cpu("gil", s.cell().threads()))),
                new ResultTable.Column("transfers/1000 bc", s -> r.supported()
                        ? Tables.fmt(r.measurement().counted(s.cell(), "transfers_per_1000_bytecodes")) : "-"))));
        lines.add("");
        lines.add("Steady state (" + STEADY + ": run --iterations " + ctx.pick(QUICK_ITERATIONS, ITERATIONS)
                + " in one process, median of the last half; JVM start-up and JIT warm-up excluded):");
        for (String preset : List.of(Preset.GIL.flagName(), Preset.NOGIL.flagName(), Preset.NOGIL_3_13.flagName())) {
            double one = steady(st, preset, 1);
            double two = steady(st, preset, 2);
            lines.add(String.format("  %-11s 1 thread %s s, 2 threads %s s, speedup %sx", preset,
                    Tables.fmt(one), Tables.fmt(two), Tables.fmt(Tables.ratio(one, two))));
        }
        List<Target> targets = List.of(
                Target.atLeast("nogil: 2-thread speedup, steady state", "steady(1 thread) / steady(2 threads)",
                        Tables.ratio(steady(st, "nogil", 1), steady(st, "nogil", 2)), 1.8).on("nogil"),
                Target.atLeast("nogil-3.13: 2-thread speedup, steady state", "steady(1 thread) / steady(2 threads)",
                        Tables.ratio(steady(st, "nogil-3.13", 1), steady(st, "nogil-3.13", 2)), 1.8).on("nogil-3.13"),
                Target.atLeast("nogil: 2-thread speedup, fresh JVM", "wall(1 thread) / wall(2 threads)",
                        Tables.ratio(r.wall("nogil", 1), r.wall("nogil", 2)), 1.8).on("nogil"),
                Target.atLeast("gilectomy: CPU time at 2 threads vs gil's", "cpu(gilectomy, 2) / cpu(gil, 2)",
                        Tables.ratio(r.cpu("gilectomy", 2), r.cpu("gil", 2)), 1.5).on("gilectomy", "gil"));
        List<Path> charts = new ArrayList<>();
        if (r.supported()) {
            charts.addAll(Charts.writeComparison(r.measurement().summary(), ctx.out(), "gilectomy-fib"));
        }
        return new Analysis(lines, targets, charts);
    }
}
