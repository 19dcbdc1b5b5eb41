package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.ResultTable;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.runtime.cli.Preset;

/**
 * The convoy effect: an echo server thread on loopback answering a client, beside 0..3
 * CPU-bound threads. The program's thread count (sys.argv[1]) is 1 + the CPU-bound threads.
 * The client is the harness ({@link ConvoyClient}), outside the measured process, as in
 * Beazley's setup.
 */
final class Convoy implements Experiment {
    static final String PROGRAM = "experiments/convoy.py";
    private static final Pattern SUMMARY = Pattern.compile("convoy: requests (\\d+) ms (\\d+)");
    private static final Pattern LATENCIES = Pattern.compile("(?m)^latencies_us:(.*)$");

    @Override
    public String name() {
        return "convoy";
    }

    @Override
    public String summary() {
        return "echo server on loopback beside 0..3 CPU-bound threads: requests/s and latency per preset";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Beazley, \"The Python GIL: new GIL convoy effect\" (2010) and CPython issue 7946: beside one",
                "CPU-bound thread, an I/O-bound thread under the new GIL waits a whole switch interval (5 ms)",
                "for the GIL after every blocking call: its request rate collapses to about 1/interval, roughly",
                "halving with each further CPU thread; without a GIL it barely changes.");
    }

    /** Every run's client is the harness: {@link ConvoyClient}. */
    @Override
    public Measurement.RunnerFactory runners(Context ctx) {
        return (program, extra, settings, workDir) ->
                new ConvoyClient(Measurement.processes(program, extra, settings, workDir));
    }

    @Override
    public List<Part> parts(Context ctx) {
        String seconds = ctx.pick("1.0", "3.0");
        List<Integer> threads = ctx.pick(List.of(1, 2), List.of(1, 2, 3, 4));
        List<Cell> main = Context.grid(ctx.builds(Preset.GIL, Preset.GIL_OLD, Preset.NOGIL), threads, List.of(seconds));
        List<Cell> sweep = new ArrayList<>();
        Cell gil2 = new Cell(Preset.GIL, 2).withProgramArgs("gil", List.of(seconds));
        for (double si : ctx.pick(List.of(1e-3, 5e-2), List.of(1e-4, 1e-3, 5e-3, 1e-2, 5e-2))) {
            sweep.add(gil2.withRunOptions(SwitchInterval.series(si),
                    List.of("--switch-interval", SwitchInterval.seconds(si))));
        }
        return List.of(
                Part.of("cpu-threads", PROGRAM, main, ctx.warmup(), ctx.repeat()).withOutputFields(Convoy::fields),
                Part.of("switch-interval", PROGRAM, sweep, ctx.warmup(), ctx.repeat()).withOutputFields(Convoy::fields));
    }

    /** requests, requests_per_s and latency percentiles (µs) from a run's stdout. */
    static Map<String, Object> fields(String stdout) {
        Map<String, Object> m = new LinkedHashMap<>();
        Matcher s = SUMMARY.matcher(stdout);
        if (s.find()) {
            long requests = Long.parseLong(s.group(1));
            long ms = Long.parseLong(s.group(2));
            m.put("requests", requests);
            m.put("requests_per_s", ms == 0 ? null : requests * 1000.0 / ms);
        }
        Histogram h = latencies(List.of(stdout));
        if (h.getTotalCount() > 0) {
            m.put("latency_p50_us", h.getValueAtPercentile(50));
            m.put("latency_p99_us", h.getValueAtPercentile(99));
            m.put("latency_max_us", h.getMaxValue());
        }
        return m;
    }

    /** The round-trip latencies of the given outputs, in one histogram (µs, 3 digits). */
    static Histogram latencies(List<String> stdouts) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (String out : stdouts) {
            Matcher m = LATENCIES.matcher(out);
            if (m.find()) {
                for (String v : m.group(1).trim().split("\\s+")) {
                    if (!v.isEmpty()) {
                        h.recordValue(Math.min(Math.max(0, Long.parseLong(v)), 3_600_000_000L));
                    }
                }
            }
        }
        return h;
    }

    @Override
    public List<TimelineCell> timelineCells(Context ctx, List<Part> parts) {
        Part p = parts.get(0);
        return p.cells().stream().filter(c -> c.threads() == 2 && c.preset() == Preset.GIL)
                .map(c -> new TimelineCell(p, c)).toList();
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        List<String> lines = new ArrayList<>();
        for (PartResult r : results) {
            lines.addAll(Tables.part(r, List.of(
                    Tables.decimal("requests/s", s -> r.output(s.cell().series(), s.cell().threads(), "requests_per_s")),
                    latency(r, "p50 us", 50), latency(r, "p99 us", 99),
                    Tables.count("gil switches", "gil_switches"))));
            lines.add("");
        }
        PartResult main = results.get(0);
        List<Target> targets = List.of(
                Target.atMost("gil: echo rate beside 1 CPU thread vs alone", "rate(1 CPU thread) / rate(alone)",
                        rateRatio(main, "gil"), 0.10),
                Target.atLeast("nogil: echo rate beside 1 CPU thread vs alone", "rate(1 CPU thread) / rate(alone)",
                        rateRatio(main, "nogil"), 0.50));
        List<Path> charts = new ArrayList<>();
        if (main.supported()) {
            List<Charts.Line> cl = new ArrayList<>();
            for (String series : main.series()) {
                List<Integer> ts = main.part().cells().stream().filter(c -> c.series().equals(series))
                        .map(Cell::threads).toList();
                cl.add(new Charts.Line(series, ts.stream().mapToDouble(t -> t - 1).toArray(),
                        ts.stream().mapToDouble(t -> main.output(series, t, "requests_per_s")).toArray()));
            }
            Path chart = ctx.out().resolve("convoy.png");
            Charts.write(chart, "Echo requests/s beside CPU-bound threads", "CPU-bound threads", "requests/s", cl, false);
            charts.add(chart);
        }
        return new Analysis(lines, targets, charts);
    }

    static double rateRatio(PartResult r, String series) {
        return Tables.ratio(r.output(series, 2, "requests_per_s"), r.output(series, 1, "requests_per_s"));
    }

    private static ResultTable.Column latency(PartResult r, String header, double percentile) {
        return new ResultTable.Column(header, s -> {
            List<String> outs = r.runsOf(s.cell().series(), s.cell().threads()).stream().map(RunResult::stdout).toList();
            Histogram h = latencies(outs);
            return h.getTotalCount() == 0 ? "-" : ResultTable.count(h.getValueAtPercentile(percentile));
        });
    }
}
