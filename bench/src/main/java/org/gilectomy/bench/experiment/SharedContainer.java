package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.ResultTable;
import org.gilectomy.runtime.cli.Preset;

/** N threads appending to one shared list and dict vs private ones, per per-object lock kind. */
final class SharedContainer implements Experiment {
    static final String PROGRAM = "experiments/shared_container.py";
    static final List<String> LOCKS = List.of("spinpark", "pymutex", "spin");

    @Override
    public String name() {
        return "shared-container";
    }

    @Override
    public String summary() {
        return "threads appending to one shared list and dict vs private ones: lock contention per --lock kind";
    }

    @Override
    public List<String> published() {
        return List.of(
                "Hastings (2016) and PEP 703 (2023): without a GIL every list and dict operation takes the",
                "object's lock; threads sharing one container contend on it (spins, parks, hand-offs) while",
                "private containers are never contended and scale. PEP 703's PyMutex parks after a short spin",
                "and hands the lock over after 1 ms of waiting.");
    }

    static String series(String lock, String mode) {
        return "lock=" + lock + " " + mode;
    }

    @Override
    public List<Part> parts(Context ctx) {
        String items = ctx.pick("100000", "2000000");
        List<Integer> threads = ctx.pick(List.of(2), List.of(1, 2, 4));
        List<Cell> cells = new ArrayList<>();
        Cell gil = new Cell(Preset.GIL, 1);
        cells.addAll(Context.grid(List.of(gil.withProgramArgs("gil shared", List.of())), threads,
                List.of("shared", items)));
        for (String lock : LOCKS) {
            Cell b = new Cell(Preset.GILECTOMY, 1).withRunOptions("lock=" + lock, List.of("--lock", lock));
            for (String mode : List.of("shared", "private")) {
                for (int t : threads) {
                    cells.add(b.withThreads(t).withProgramArgs(series(lock, mode), List.of(mode, items)));
                }
            }
        }
        return List.of(Part.of("containers", PROGRAM, cells, ctx.warmup(), ctx.repeat()).withStats());
    }

    @Override
    public Analysis analyse(Context ctx, List<PartResult> results) throws IOException {
        PartResult r = results.get(0);
        List<String> lines = new ArrayList<>(Tables.part(r, List.of(
                Tables.count("lock acq.", "lock_acquisitions"),
                Tables.count("contended", "lock_contended"),
                Tables.count("spin rounds", "lock_spin_rounds"),
                Tables.count("parks", "lock_parks"),
                Tables.count("hand-offs", "lock_handoffs"),
                new ResultTable.Column("wait total ms", s -> Tables.fmt(s.stat("lock_wait_total_ns") / 1e6)))));
        int n = r.part().cells().stream().mapToInt(Cell::threads).max().orElse(2);
        List<Target> targets = new ArrayList<>();
        for (String lock : LOCKS) {
            double shared = r.stat(series(lock, "shared"), n, "lock_contended");
            double priv = r.stat(series(lock, "private"), n, "lock_contended");
            targets.add(Target.atLeast("lock=" + lock + ": contention comes from sharing (shape)",
                    "contended(shared) / max(1, contended(private))",
                    Double.isNaN(priv) ? Double.NaN : Tables.ratio(shared, Math.max(1, priv)), 10));
        }
        List<Path> charts = new ArrayList<>();
        if (r.supported()) {
            Path chart = ctx.out().resolve("shared-container.png");
            Charts.write(chart, "Shared vs private list+dict", "threads", "wall (s)",
                    Charts.perSeries(r.measurement().summary(), s -> s.wallMedian()), false);
            charts.add(chart);
        }
        return new Analysis(lines, targets, charts);
    }
}
