package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.runtime.cli.Preset;

/** Beazley's count-down: count(n) twice, sequentially and in threads, under each GIL. */
final class BeazleyCount implements Experiment {
    static final String PROGRAM = "experiments/countdown.py";
    static final String SEQ = " seq";

    @Override
    public String name() {
        return "beazley-count";
    }

    @Override
    public String summary() {
        return "count(n) twice: sequential vs 2 (and 1..4) threads under gil-old, gil, nogil";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Beazley, \"Inside the Python GIL\" (2009) and \"Understanding the Python GIL\" (PyCon 2010):",
                "count(100M) twice on 2 cores: sequential 24.6 s, 2 threads 45.5 s under the old GIL (about",
                "1.8x slower); under the new GIL (3.2) about equal to sequential. Without a GIL 2 threads",
                "should take about half the time.");
    }

    @Override
    public List<Part> parts(Context ctx) {
        int n = ctx.pick(3_000_000, 20_000_000);
        List<Integer> threads = ctx.pick(List.of(2), List.of(1, 2, 3, 4));
        List<Cell> cells = new ArrayList<>();
        for (Cell b : ctx.builds(Preset.GIL_OLD, Preset.GIL, Preset.NOGIL)) {
            cells.add(b.withProgramArgs(b.series() + SEQ, List.of("seq", Integer.toString(n))));
            cells.addAll(Context.grid(List.of(b), threads, List.of("threads", Integer.toString(n))));
        }
        return List.of(Part.of("countdown", PROGRAM, cells, ctx.warmup(), ctx.repeat()));
    }

    @Override
    public List<TimelineCell> timelineCells(Context ctx, List<Part> parts) {
        Part p = parts.get(0);
        return p.cells().stream().filter(c -> c.threads() == 2 && !c.series().endsWith(SEQ) && !c.isPeer()
                && c.preset() != Preset.NOGIL).map(c -> new TimelineCell(p, c)).toList();
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        PartResult r = results.get(0);
        List<String> lines = new ArrayList<>(Tables.part(r, List.of(
                Tables.decimal("wall / sequential", s -> Tables.ratio(s.wallMedian(),
                        r.wall(base(s.cell().series()) + SEQ, 1))),
                Tables.count("gil switches", "gil_switches"),
                Tables.count("failed re-acq.", "gil_failed_reacquisitions"))));
        List<Target> targets = List.of(
                Target.atLeast("gil-old, 2 threads vs sequential: slower", "wall(2 threads) / wall(seq)",
                        vsSequential(r, "gil-old"), 1.3),
                Target.withinOfOne("gil, 2 threads vs sequential: about equal", "wall(2 threads) / wall(seq)",
                        vsSequential(r, "gil"), 0.10),
                Target.atLeast("nogil, 2 threads vs sequential: faster", "wall(seq) / wall(2 threads)",
                        1 / vsSequential(r, "nogil"), 1.8));
        List<Path> charts = new ArrayList<>();
        if (r.supported()) {
            List<Charts.Line> chartLines = new ArrayList<>();
            for (String series : r.series()) {
                if (series.endsWith(SEQ)) {
                    continue;
                }
                List<Integer> ts = r.part().cells().stream().filter(c -> c.series().equals(series))
                        .map(Cell::threads).toList();
                chartLines.add(new Charts.Line(series, ts.stream().mapToDouble(t -> t).toArray(),
                        ts.stream().mapToDouble(t -> Tables.ratio(r.wall(series + SEQ, 1), r.wall(series, t))).toArray()));
            }
            Path chart = ctx.out().resolve("beazley-count.png");
            Charts.write(chart, "count(n) twice: speedup over sequential", "threads", "wall(seq) / wall(threads)",
                    chartLines, false);
            charts.add(chart);
        }
        return new Analysis(lines, targets, charts);
    }

    /** wall(P, 2 threads) / wall(P seq). */
    static double vsSequential(PartResult r, String series) {
        return Tables.ratio(r.wall(series, 2), r.wall(series + SEQ, 1));
    }

    private static String base(String series) {
        return series.endsWith(SEQ) ? series.substring(0, series.length() - SEQ.length()) : series;
    }
}
