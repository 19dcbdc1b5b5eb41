package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.bench.harness.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gc} experiment from synthetic runs: its parts (one per live heap, the workload
 * and its arguments), its table, and its verdicts: the issue's shape (nogil's p99 under 10 ms,
 * full collections; gil generational) passes, its absence fails.
 */
class GcPauseTest {
    @TempDir
    Path dir;

    Context ctx() {
        return new Context(true, List.of(), dir, dir);
    }

    /** One run per cell whose collector figures come from {@code p99Ms} and {@code examinedShare} (per build). */
    static List<PartResult> measured(List<Part> parts, List<Integer> heaps, Map<String, Double> p99Ms,
                                     Map<String, Double> examinedShare) {
        List<PartResult> results = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            int heap = heaps.get(i);
            List<RunResult> runs = new ArrayList<>();
            for (Cell c : part.cells()) {
                Map<String, Object> f = new LinkedHashMap<>();
                double p99 = p99Ms.get(c.series());
                f.put("gc_collections", 20L);
                f.put("gc_examined", (long) (20 * heap * examinedShare.get(c.series())));
                f.put("gc_pause_p50_ns", (long) (p99 * 1e6 / 2));
                f.put("gc_pause_p99_ns", (long) (p99 * 1e6));
                f.put("gc_pause_max_ns", (long) (p99 * 1e6 * 1.5));
                f.put("gc_stop_the_world_p99_ns", 1000L);
                runs.add(new RunResult(c, 1, 1.0, 1.0, f, "heap " + heap));
            }
            results.add(new PartResult(part, new Measurement.Result(runs, Summary.of(part.cells(), runs), Map.of(), null), null));
        }
        return results;
    }

    @Test
    void onePartPerHeapRunningTheWorkloadWithHeapAndCycles() {
        GcPause e = new GcPause();
        List<Part> parts = e.parts(ctx());
        assertEquals(List.of(10_000, 100_000), GcPause.heaps(ctx()));
        assertEquals(List.of("live-10k", "live-100k"), parts.stream().map(Part::name).toList());
        for (int i = 0; i < parts.size(); i++) {
            for (Cell c : parts.get(i).cells()) {
                assertEquals(List.of(Integer.toString(GcPause.heaps(ctx()).get(i)), "20000"), c.programArgs());
            }
            assertEquals(Set.of("gil", "nogil"), parts.get(i).cells().stream().map(Cell::series).collect(java.util.stream.Collectors.toSet()));
        }
        assertTrue(Files.exists(Path.of("workloads").resolve(GcPause.PROGRAM)), "the workload ships in bench/workloads");
        assertTrue(Experiments.named("gc").isPresent());
        assertEquals("1M", GcPause.label(1_000_000));
    }

    @Test
    void passesOnTheIssuesShape() throws Exception {
        GcPause e = new GcPause();
        Experiment.Analysis a = e.analyse(ctx(), measured(e.parts(ctx()), GcPause.heaps(ctx()),
                Map.of("gil", 30.0, "nogil", 4.0), Map.of("gil", 0.1, "nogil", 1.0)));
        Map<String, Target.Verdict> v = VerdictsTest.verdicts(a);
        assertEquals(3, v.size());
        assertTrue(v.values().stream().allMatch(x -> x == Target.Verdict.PASS), v.toString());
        assertTrue(a.charts().stream().allMatch(Files::exists));
        String table = String.join("\n", a.lines());
        assertTrue(table.contains("100k") && table.contains("nogil"), table);
        assertTrue(table.contains("4"), table); // nogil's p99 in ms
    }

    @Test
    void failsOnLongPausesPartialFullCollectionsAndNoGenerations() throws Exception {
        GcPause e = new GcPause();
        Experiment.Analysis a = e.analyse(ctx(), measured(e.parts(ctx()), GcPause.heaps(ctx()),
                Map.of("gil", 30.0, "nogil", 40.0), Map.of("gil", 1.0, "nogil", 0.5)));
        Map<String, Target.Verdict> v = VerdictsTest.verdicts(a);
        assertTrue(v.values().stream().allMatch(x -> x == Target.Verdict.FAIL), v.toString());
    }
}
