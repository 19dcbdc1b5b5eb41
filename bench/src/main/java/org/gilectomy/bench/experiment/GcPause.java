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

/**
 * The cycle collector's pause times (p50, p99, max: the time no other thread could run Python)
 * against the live heap and the thread count, per build: one part per heap size, each cell a
 * fresh JVM that builds the heap with the collector off and then makes cycles from N threads
 * ({@code experiments/gc_pause.py}). The figures are the runtime's own (HdrHistogram, in the
 * timing file every run writes: {@code gc_pause_*_ns}, {@code gc_collections},
 * {@code gc_examined}); a peer (CPython) has none and shows "-".
 */
final class GcPause implements Experiment {
    static final String PROGRAM = "experiments/gc_pause.py";
    /** The target: pause p99 under 10 ms for a 1-million-object heap, free-threaded. */
    static final double P99_TARGET_MS = 10;

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public String summary() {
        return "cycle collector pauses (p50/p99/max) against live heap size and threads: gil vs gilectomy vs nogil vs nogil-3.13";
    }

    @Override
    public List<String> published() {
        return List.of(
                "PEP 703 (\"Garbage collection\") and CPython 3.13t's gc_free_threading.c: the free-threaded",
                "build's collector is not generational and stops the world, so every collection examines the",
                "whole heap and its pause grows with the live objects; the GIL build's generational collector",
                "(CPython 3.11: thresholds 700, 10, 10) examines mostly young objects. Target (this project's",
                "issue 12): pause p99 under 10 ms for a 1-million-object heap in the free-threaded build.");
    }

    static List<Integer> heaps(Context ctx) {
        return ctx.pick(List.of(10_000, 100_000), List.of(10_000, 100_000, 1_000_000));
    }

    static List<Integer> threads(Context ctx) {
        return ctx.pick(List.of(1, 2), List.of(1, 2, 4, 8));
    }

    static List<Cell> builds(Context ctx) {
        return ctx.quick() ? ctx.builds(Preset.GIL, Preset.NOGIL)
                : ctx.builds(Preset.GIL, Preset.GILECTOMY, Preset.NOGIL, Preset.NOGIL_3_13);
    }

    static String label(int heap) {
        return heap >= 1_000_000 ? heap / 1_000_000 + "M" : heap / 1000 + "k";
    }

    @Override
    public List<Part> parts(Context ctx) {
        String cycles = ctx.pick("20000", "200000");
        List<Part> parts = new ArrayList<>();
        for (int heap : heaps(ctx)) {
            parts.add(Part.of("live-" + label(heap), PROGRAM,
                    Context.grid(builds(ctx), threads(ctx), List.of(Integer.toString(heap), cycles)),
                    ctx.warmup(), ctx.repeat()));
        }
        return parts;
    }

    @Override
    public List<String> notes() {
        return List.of("pause: the collector's analysis with other threads stopped (GIL held, or world stopped),",
                "per collection, in the run's HdrHistogram; p50/p99/max are the medians over the measured runs",
                "of each run's percentiles; examined/coll.: objects examined per collection (a full",
                "collection examines the whole live heap); stw p99: the time to stop the world (0 under a GIL).");
    }

    private static double ms(PartResult r, String series, int threads, String field) {
        return r.stat(series, threads, field) / 1e6;
    }

    /** Objects examined per collection, over the live heap: 1 or more if every collection is full. */
    static double examinedShare(PartResult r, String series, int threads, int heap) {
        double perCollection = Tables.ratio(r.stat(series, threads, "gc_examined"), r.stat(series, threads, "gc_collections"));
        return perCollection / heap;
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        List<Integer> heaps = heaps(ctx);
        List<Integer> threads = threads(ctx);
        List<String> series = builds(ctx).stream().map(Cell::series).toList();
        TextTable t = new TextTable(List.of("live", "build", "threads", "collections", "examined/coll.",
                "p50 ms", "p99 ms", "max ms", "stw p99 ms"), false, false, true, true, true, true, true, true, true);
        int top = threads.get(threads.size() - 1);
        Map<String, double[]> bars = new LinkedHashMap<>();
        series.forEach(s -> bars.put(s, new double[heaps.size()]));
        for (int i = 0; i < heaps.size(); i++) {
            PartResult r = results.get(i);
            for (String s : series) {
                for (int n : threads) {
                    t.add(List.of(label(heaps.get(i)), s, Integer.toString(n),
                            Tables.fmt(r.stat(s, n, "gc_collections")),
                            Tables.fmt(Tables.ratio(r.stat(s, n, "gc_examined"), r.stat(s, n, "gc_collections"))),
                            Tables.fmt(ms(r, s, n, "gc_pause_p50_ns")), Tables.fmt(ms(r, s, n, "gc_pause_p99_ns")),
                            Tables.fmt(ms(r, s, n, "gc_pause_max_ns")),
                            Tables.fmt(ms(r, s, n, "gc_stop_the_world_p99_ns"))));
                }
                bars.get(s)[i] = ms(r, s, top, "gc_pause_p99_ns");
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Collector pauses per live heap, build and thread count (medians over runs):");
        t.format().lines().forEach(lines::add);
        int largest = heaps.size() - 1;
        PartResult big = results.get(largest);
        String at = label(heaps.get(largest)) + " live, " + top + " threads";
        List<Target> targets = List.of(
                Target.atMost("nogil: pause p99 at " + at + " (ms)", "gc_pause_p99_ns / 1e6",
                        ms(big, "nogil", top, "gc_pause_p99_ns"), P99_TARGET_MS),
                Target.atLeast("nogil: every collection is full (examined per collection / live), " + at,
                        "gc_examined / gc_collections / live", examinedShare(big, "nogil", top, heaps.get(largest)), 1.0),
                Target.atMost("gil: generational (examined per collection / live), " + at,
                        "gc_examined / gc_collections / live", examinedShare(big, "gil", top, heaps.get(largest)), 0.5));
        Path chart = ctx.out().resolve("gc.png");
        Charts.bars(chart, "cycle collector: pause p99 at " + top + " threads, per live heap", "pause p99 (ms)",
                heaps.stream().map(GcPause::label).toList(), bars);
        return new Analysis(lines, targets, List.of(chart));
    }
}
