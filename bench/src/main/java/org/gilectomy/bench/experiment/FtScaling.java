package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.TextTable;
import org.gilectomy.runtime.cli.Preset;

/** Ports of the patterns of CPython's Tools/ftscalingbench, per preset, immortalization on and off. */
final class FtScaling implements Experiment {
    /** The patterns: file under ftscaling/ without .py. */
    static final List<String> PATTERNS = List.of("shared_constant", "shared_function", "object_attribute",
            "method_call", "generator", "thread_local", "private_list_append", "dict_private_keys",
            "list_methods", "cmodule_function", "lookup_special", "context_manager", "mult_constant",
            "module_function", "load_string_const", "load_tuple_const", "create_pyobject", "create_closure",
            "create_dict", "method_caller", "instantiate_dataclass", "instantiate_namedtuple", "super_call",
            "deepcopy");

    @Override
    public String name() {
        return "ftscaling";
    }

    @Override
    public String summary() {
        return "CPython's ftscalingbench patterns: speedup at 1..N threads per preset, --immortal on and off";
    }

    @Override
    public List<String> published() {
        return List.of(
                "CPython Tools/ftscalingbench (3.13/3.14, free-threaded build): each pattern should scale",
                "about N-fold; shared constants, shared module functions and thread-local reads stop",
                "scaling (or slow down) when the objects they share are reference-counted, and scale again",
                "once immortal or deferred (PEP 683, PEP 703).");
    }

    static List<Cell> builds(Context ctx) {
        Cell nogil = new Cell(Preset.NOGIL, 1);
        List<Cell> b = new ArrayList<>();
        b.add(new Cell(Preset.GIL, 1));
        if (!ctx.quick()) {
            b.add(new Cell(Preset.GILECTOMY, 1));
        }
        b.add(nogil);
        b.add(new Cell(Preset.NOGIL_3_13, 1)); // beside nogil (3.14t's deferred counts): 3.13.0's immortal functions
        b.add(nogil.withRunOptions("nogil immortal=all-shared", List.of("--immortal", "all-shared")));
        b.add(nogil.withRunOptions("nogil immortal=none", List.of("--immortal", "none")));
        ctx.peers().forEach(p -> b.add(Cell.of(p, 1)));
        return b;
    }

    static int maxThreads(Context ctx) {
        return ctx.pick(2, 4);
    }

    @Override
    public List<Part> parts(Context ctx) {
        String iterations = ctx.pick("200000", "5000000");
        List<Part> parts = new ArrayList<>();
        for (String p : PATTERNS) {
            parts.add(Part.of(p, "ftscaling/" + p + ".py",
                    Context.grid(builds(ctx), Context.upTo(maxThreads(ctx)), List.of(iterations)),
                    ctx.warmup(), ctx.repeat()).asOptional());
        }
        return parts;
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        int n = maxThreads(ctx);
        List<String> series = builds(ctx).stream().map(Cell::series).toList();
        List<String> headers = new ArrayList<>(List.of("pattern"));
        series.forEach(s -> headers.add(s));
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(headers, right);
        Map<String, double[]> bars = new LinkedHashMap<>();
        series.forEach(s -> bars.put(s, new double[results.size()]));
        for (int i = 0; i < results.size(); i++) {
            PartResult r = results.get(i);
            List<String> row = new ArrayList<>(List.of(r.part().name()));
            for (String s : series) {
                double speedup = Tables.ratio(r.wall(s, 1), r.wall(s, n));
                bars.get(s)[i] = speedup;
                row.add(r.supported() ? Tables.fmt(speedup) + "x" : "n/a");
            }
            t.add(row);
        }
        List<String> lines = new ArrayList<>();
        lines.add("Speedup at " + n + " threads over 1 thread (wall(1) / wall(" + n + ")), per pattern and build:");
        t.format().lines().forEach(lines::add);
        for (PartResult r : results) {
            if (!r.supported()) {
                lines.add(r.part().name() + ": not supported yet: " + r.unsupported());
            }
        }
        lines.add("");
        lines.add("Per pattern:");
        for (PartResult r : results) {
            if (r.supported()) {
                lines.addAll(Tables.part(r, List.of()));
            }
        }
        PartResult shared = results.get(PATTERNS.indexOf("shared_function"));
        List<Target> targets = List.of(
                Target.atLeast("shared_function, nogil immortal=all-shared: scales (shape)",
                        "wall(1) / wall(" + n + ")", Tables.ratio(shared.wall("nogil immortal=all-shared", 1),
                                shared.wall("nogil immortal=all-shared", n)), 0.8 * n),
                Target.atLeast("shared_function: immortal functions scale better than counted ones (shape)",
                        "speedup(immortal=all-shared) / speedup(immortal=none)",
                        Tables.ratio(Tables.ratio(shared.wall("nogil immortal=all-shared", 1), shared.wall("nogil immortal=all-shared", n)),
                                Tables.ratio(shared.wall("nogil immortal=none", 1), shared.wall("nogil immortal=none", n))), 1.1));
        List<Target> all = new ArrayList<>(targets);
        all.addAll(everyPattern(results, n));
        Path chart = ctx.out().resolve("ftscaling.png");
        Charts.bars(chart, "ftscalingbench patterns: speedup at " + n + " threads", "speedup (x)",
                PATTERNS, bars);
        return new Analysis(lines, all, List.of(chart));
    }

    /**
     * Issue 12's targets over every pattern the runtime runs: nogil's lowest speedup at
     * {@code n} threads (>= 1.7), and its highest single-thread cost over gil's (<= 1.10);
     * each names the pattern that decides it.
     */
    static List<Target> everyPattern(List<PartResult> results, int n) {
        String slowest = "none";
        double lowest = Double.NaN;
        String costliest = "none";
        double highest = Double.NaN;
        for (PartResult r : results) {
            if (!r.supported()) {
                continue;
            }
            double speedup = Tables.ratio(r.wall("nogil", 1), r.wall("nogil", n));
            if (Double.isNaN(lowest) || speedup < lowest) {
                lowest = speedup;
                slowest = r.part().name();
            }
            double cost = Tables.ratio(r.wall("nogil", 1), r.wall("gil", 1));
            if (Double.isNaN(highest) || cost > highest) {
                highest = cost;
                costliest = r.part().name();
            }
        }
        return List.of(
                Target.atLeast("every pattern, nogil: the lowest speedup (" + slowest + ")",
                        "wall(1) / wall(" + n + ")", lowest, 1.7),
                Target.atMost("every pattern, nogil over gil on 1 thread: the highest (" + costliest + ")",
                        "wall(nogil, 1) / wall(gil, 1)", highest, 1.10));
    }
}
