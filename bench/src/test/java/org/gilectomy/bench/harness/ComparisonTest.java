package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.G2;
import static org.gilectomy.bench.harness.ScheduleTest.X1;
import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run loop with fake children that write timing files; no process is started, nothing is timed. */
class ComparisonTest {
    @TempDir
    Path dir;

    final List<ScheduledRun> started = new ArrayList<>();

    /** A child whose wall time is threads + repeat / 10 and cpu twice that. */
    ChildRunner writing() {
        return (run, timing) -> {
            started.add(run);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wall_s", run.cell().threads() + run.repeat() / 10.0);
            m.put("cpu_s", 2 * (run.cell().threads() + run.repeat() / 10.0));
            m.put("preset", run.cell().preset().flagName());
            m.put("gil_switches", 7L);
            Files.writeString(timing, Json.writePretty(m));
            return new ChildOutcome(List.of("fake"), 0, false, "result 42\n", "");
        };
    }

    Comparison comparison(List<Cell> cells, int warmup, int repeat, ChildRunner runner, PrintStream progress) {
        long[] clock = {0};
        return new Comparison(Schedule.plan(cells, warmup, repeat), warmup, repeat, runner, dir, progress,
                () -> clock[0] += 1_000_000_000L);
    }

    @Test
    void runsEveryScheduledChildAndKeepsOnlyMeasuredRuns() throws Exception {
        List<RunResult> rs = comparison(List.of(G1, G2, X1, X2), 1, 2, writing(), null).runAll();
        assertEquals(12, started.size());
        assertEquals(8, rs.size());
        assertEquals(Schedule.plan(List.of(G1, G2, X1, X2), 1, 2), started);
        // measured round 1 is rotated by one: it starts with G2
        assertEquals(List.of(G2, X1, X2, G1, X1, X2, G1, G2), rs.stream().map(RunResult::cell).toList());
        RunResult first = rs.get(3);
        assertEquals(G1, first.cell());
        assertEquals(1, first.repeat());
        assertEquals(1.1, first.wallS());
        assertEquals(2.2, first.cpuS());
        assertEquals(7L, first.fields().get("gil_switches"));
        assertEquals("result 42\n", first.stdout());
    }

    @Test
    void printsAProgressLinePerRun() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        comparison(List.of(G1, X1), 1, 1, writing(), new PrintStream(buf, true, StandardCharsets.UTF_8)).runAll();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size());
        assertEquals("[....................] 1/4 gil, 1 thread, warm-up 1/1  elapsed 0:01, time left unknown", lines.get(0));
        assertTrue(lines.get(3).startsWith("[###############.....] 4/4 gil, 1 thread, run 1/1  elapsed"), lines.get(3));
    }

    @Test
    void aFailingChildStopsEverything() {
        ChildRunner ok = writing();
        ChildRunner failing = (run, timing) -> {
            if (run.cell().equals(X1)) {
                started.add(run);
                return new ChildOutcome(List.of("java", "x"), 1, false, "", "Traceback: boom\n");
            }
            return ok.run(run, timing);
        };
        ChildFailedException e = assertThrows(ChildFailedException.class,
                () -> comparison(List.of(G1, X1, X2), 0, 3, failing, null).runAll());
        assertEquals("exit status 1", e.getMessage());
        assertEquals(X1, e.run().cell());
        assertEquals("Traceback: boom\n", e.outcome().stderr());
        assertEquals(2, started.size());
    }

    @Test
    void aTimedOutChildOrAMissingTimingFileIsAFailure() {
        ChildRunner timeout = (run, timing) -> new ChildOutcome(List.of("x"), 137, true, "", "");
        assertEquals("timed out", assertThrows(ChildFailedException.class,
                () -> comparison(List.of(G1), 0, 1, timeout, null).runAll()).getMessage());
        ChildRunner silent = (run, timing) -> new ChildOutcome(List.of("x"), 0, false, "", "");
        assertEquals("exited normally but wrote no timing file", assertThrows(ChildFailedException.class,
                () -> comparison(List.of(G1), 0, 1, silent, null).runAll()).getMessage());
        ChildRunner garbage = (run, timing) -> {
            Files.writeString(timing, "{\"cpu_s\": 1}");
            return new ChildOutcome(List.of("x"), 0, false, "", "");
        };
        assertEquals("timing file has no wall_s", assertThrows(ChildFailedException.class,
                () -> comparison(List.of(G1), 0, 1, garbage, null).runAll()).getMessage());
    }

    @Test
    void outputMismatchesCompareRunsWithTheSameThreadCount() {
        List<RunResult> rs = List.of(
                Results.of(G1, 1, 1, 1, Map.of(), "length 20000\n"),
                Results.of(G2, 1, 1, 1, Map.of(), "length 40000\n"),
                Results.of(X1, 1, 1, 1, Map.of(), "length 20000\n"),
                Results.of(X2, 1, 1, 1, Map.of(), "length 39990\n"));
        assertEquals(List.of("gilectomy, 2 threads, run 1 printed 'length 39990'; gil, 2 threads, run 1 printed 'length 40000'"),
                Comparison.outputMismatches(rs));
        assertEquals(List.of(), Comparison.outputMismatches(rs.subList(0, 3)));
    }

    @Test
    void timingFileNamesAreDistinctPerRun() throws IOException, Exception {
        List<Path> files = new ArrayList<>();
        ChildRunner recording = (run, timing) -> {
            files.add(timing);
            return writing().run(run, timing);
        };
        comparison(List.of(G1, X2), 1, 2, recording, null).runAll();
        assertEquals(files.size(), files.stream().distinct().count());
        assertTrue(files.contains(dir.resolve("gilectomy-t2-w1.json")), files.toString());
        assertTrue(files.contains(dir.resolve("gil-t1-r2.json")), files.toString());
    }
}
