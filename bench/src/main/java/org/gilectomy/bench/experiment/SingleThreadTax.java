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

/** A single-thread suite under every preset: the cost of each build's machinery on one thread. */
final class SingleThreadTax implements Experiment {
    /** Program (under suite/) and its size, quick and full. */
    record Program(String name, String quickSize, String fullSize, boolean optional) {
    }

    static final List<Program> SUITE = List.of(
            new Program("fib", "22", "27", false),
            new Program("countdown", "2000000", "30000000", false),
            new Program("nbody", "3000", "100000", false),
            new Program("methods", "100000", "3000000", true),
            new Program("dictstr", "100000", "2000000", false));

    @Override
    public String name() {
        return "single-thread-tax";
    }

    @Override
    public String summary() {
        return "single-thread suite (fib, count-down, nbody, methods, dict/str) under every preset: slowdown over gil";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Hastings, Gilectomy (2016): atomic reference counts make one thread about 30% slower",
                "(and more as the work shared grows). PEP 703 / CPython 3.13t-3.14t: biased counts, immortal",
                "objects and per-object locks cost about 5-10% on one thread (pyperformance geometric mean).");
    }

    static List<Cell> builds(Context ctx) {
        return ctx.builds(Preset.GIL, Preset.GIL_OLD, Preset.GILECTOMY, Preset.GILECTOMY_BUFFERED, Preset.NOGIL);
    }

    @Override
    public List<Part> parts(Context ctx) {
        List<Part> parts = new ArrayList<>();
        for (Program p : SUITE) {
            Part part = Part.of(p.name(), "suite/" + p.name() + ".py",
                    Context.grid(builds(ctx), List.of(1), List.of(ctx.pick(p.quickSize(), p.fullSize()))),
                    ctx.warmup(), ctx.repeat());
            parts.add(p.optional() ? part.asOptional() : part);
        }
        return parts;
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        List<String> series = builds(ctx).stream().map(Cell::series).toList();
        List<String> headers = new ArrayList<>(List.of("program"));
        series.forEach(headers::add);
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(headers, right);
        Map<String, double[]> slowdowns = new LinkedHashMap<>();
        series.forEach(s -> slowdowns.put(s, new double[results.size()]));
        for (int i = 0; i < results.size(); i++) {
            PartResult r = results.get(i);
            List<String> row = new ArrayList<>(List.of(r.part().name()));
            for (String s : series) {
                double slow = Tables.ratio(r.wall(s, 1), r.wall("gil", 1));
                slowdowns.get(s)[i] = slow;
                row.add(r.supported() ? Tables.fmt(slow) + "x" : "n/a");
            }
            t.add(row);
        }
        List<String> geo = new ArrayList<>(List.of("geometric mean"));
        for (String s : series) {
            geo.add(Tables.fmt(Tables.geomean(slowdowns.get(s))) + "x");
        }
        t.add(geo);
        List<String> lines = new ArrayList<>();
        lines.add("Slowdown over gil on one thread (wall(preset) / wall(gil)), per program:");
        t.format().lines().forEach(lines::add);
        for (PartResult r : results) {
            if (!r.supported()) {
                lines.add(r.part().name() + ": not supported yet: " + r.unsupported());
            }
        }
        lines.add("");
        lines.add("Per program:");
        for (PartResult r : results) {
            if (r.supported()) {
                lines.addAll(Tables.part(r, List.of()));
            }
        }
        List<Target> targets = List.of(
                Target.atMost("nogil: single-thread tax", "geomean wall(nogil) / wall(gil)",
                        Tables.geomean(slowdowns.get("nogil")), 1.10),
                Target.atLeast("gilectomy: atomic counts cost on one thread (shape)", "geomean wall(gilectomy) / wall(gil)",
                        Tables.geomean(slowdowns.get("gilectomy")), 1.10));
        Path chart = ctx.out().resolve("single-thread-tax.png");
        Charts.bars(chart, "Single-thread slowdown over gil", "wall / wall(gil)",
                SUITE.stream().map(Program::name).toList(), slowdowns);
        return new Analysis(lines, targets, List.of(chart));
    }
}
