package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.runtime.cli.Preset;

/** The new GIL's two-thread count-down across switch intervals. */
final class SwitchInterval implements Experiment {
    @Override
    public String name() {
        return "switch-interval";
    }

    @Override
    public String summary() {
        return "new GIL, 2-thread count-down across switch intervals 1e-6..0.1 s";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Beazley, \"Understanding the Python GIL\" (2010), on Pitrou's new GIL: shrinking the switch",
                "interval makes CPU-bound threads hand the GIL over more often; at 1e-5 s two CPU threads get",
                "about 2x slower than at the 5 ms default, at large intervals they approach sequential.");
    }

    static List<Double> intervals(Context ctx) {
        return ctx.pick(List.of(1e-5, 1e-3, 5e-3, 1e-1), List.of(1e-6, 1e-5, 1e-4, 1e-3, 5e-3, 1e-2, 1e-1));
    }

    static String series(double interval) {
        return "gil si=" + seconds(interval);
    }

    /** 1e-5 as {@code 0.00001}, for series names and the run option. */
    static String seconds(double s) {
        return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    @Override
    public List<Part> parts(Context ctx) {
        int n = ctx.pick(3_000_000, 20_000_000);
        Cell gil = new Cell(Preset.GIL, 1);
        List<Cell> cells = new ArrayList<>();
        cells.add(gil.withProgramArgs("gil seq", List.of("seq", Integer.toString(n))));
        for (double si : intervals(ctx)) {
            cells.add(gil.withThreads(2).withProgramArgs("gil", List.of("threads", Integer.toString(n)))
                    .withRunOptions(series(si), List.of("--switch-interval", seconds(si))));
        }
        return List.of(Part.of("sweep", BeazleyCount.PROGRAM, cells, ctx.warmup(), ctx.repeat()));
    }

    @Override
    public List<TimelineCell> timelineCells(Context ctx, List<Part> parts) {
        Part p = parts.get(0);
        return p.cells().stream().filter(c -> c.series().equals(series(1e-3)))
                .map(c -> new TimelineCell(p, c)).toList();
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        PartResult r = results.get(0);
        List<String> lines = new ArrayList<>(Tables.part(r, List.of(
                Tables.decimal("wall / sequential", s -> Tables.ratio(s.wallMedian(), r.wall("gil seq", 1))),
                Tables.count("gil switches", "gil_switches"),
                Tables.count("drop requests", "gil_drop_requests"))));
        double ratio = Tables.ratio(r.wall(series(1e-5), 2), r.wall(series(5e-3), 2));
        List<Target> targets = List.of(Target.atLeast("2 threads at 1e-5 s vs at 5e-3 s: slower (shape)",
                "wall(si=1e-5) / wall(si=5e-3)", ratio, 1.5));
        List<Path> charts = new ArrayList<>();
        if (r.supported()) {
            List<Double> sis = intervals(ctx);
            double[] x = sis.stream().mapToDouble(d -> d).toArray();
            Path wall = ctx.out().resolve("switch-interval.png");
            Charts.write(wall, "2-thread count-down under the new GIL", "switch interval (s)",
                    "wall / sequential", List.of(new Charts.Line("gil, 2 threads", x,
                            sis.stream().mapToDouble(si -> Tables.ratio(r.wall(series(si), 2), r.wall("gil seq", 1)))
                                    .toArray())), true);
            Path switches = ctx.out().resolve("switch-interval-switches.png");
            Charts.write(switches, "GIL switches per run", "switch interval (s)", "switches",
                    List.of(new Charts.Line("gil, 2 threads", x,
                            sis.stream().mapToDouble(si -> r.stat(series(si), 2, "gil_switches")).toArray())), true);
            charts.add(wall);
            charts.add(switches);
        }
        return new Analysis(lines, targets, charts);
    }
}
