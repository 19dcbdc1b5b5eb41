package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting runs (--count-transfers): scheduled last, kept apart, and skipped with a note when rejected. */
class CountingTest {
    @TempDir
    Path dir;

    final List<ScheduledRun> started = new ArrayList<>();

    ChildRunner child(boolean knowsCountTransfers) {
        return (run, timing) -> {
            started.add(run);
            boolean counting = run.cell().runOptions().contains(ProcessChildRunner.COUNT_TRANSFERS);
            if (counting && !knowsCountTransfers) {
                return new ChildOutcome(List.of("fake"), 2, false, "", "Unknown option: '--count-transfers'\nUsage: ...\n");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wall_s", 1.0);
            m.put("cpu_s", 1.0);
            if (counting) {
                m.put("bytecodes", 1000L);
                m.put("transfers_total", 50L);
                m.put("transfers_per_1000_bytecodes", 50.0);
            }
            Files.writeString(timing, Json.writePretty(m));
            return new ChildOutcome(List.of("fake"), 0, false, "ok\n", "");
        };
    }

    Comparison comparison(ChildRunner runner) {
        List<ScheduledRun> plan = Schedule.withCountingRuns(Schedule.plan(List.of(G1, X2), 0, 1), List.of(G1, X2));
        return new Comparison(plan, 0, 1, runner, dir, null, System::nanoTime);
    }

    @Test
    void countingRunsComeAfterTheMeasuredOnesAndSkipPeers() {
        Cell peer = Cell.of(new Peer("python3", List.of("python3")), 1);
        List<ScheduledRun> plan = Schedule.withCountingRuns(Schedule.plan(List.of(G1, peer), 1, 2), List.of(G1, peer));
        assertEquals(7, plan.size());
        ScheduledRun last = plan.get(6);
        assertTrue(last.counting());
        assertEquals(G1, last.cell());
        assertTrue(plan.subList(0, 6).stream().noneMatch(ScheduledRun::counting));
    }

    @Test
    void countedFiguresAreKeptPerCellAndNotMeasured() throws Exception {
        Comparison c = comparison(child(true));
        List<RunResult> measured = c.runAll();
        assertEquals(2, measured.size());
        assertEquals(4, started.size());
        assertEquals(50.0, ((Number) c.counted().get(X2).get("transfers_per_1000_bytecodes")).doubleValue());
        assertNull(c.countingNote());
    }

    @Test
    void aRuntimeWithoutCountTransfersDegradesToANote() throws Exception {
        Comparison c = comparison(child(false));
        List<RunResult> measured = c.runAll();
        assertEquals(2, measured.size());
        assertEquals(3, started.size(), "after the first rejection no more counting runs are started");
        assertTrue(c.counted().isEmpty());
        assertEquals("transfers not counted: this runtime rejects --count-transfers ('Unknown option: '--count-transfers'')",
                c.countingNote());
    }

    @Test
    void recordsCarryTheTransferFields() throws Exception {
        Comparison c = comparison(child(true));
        List<RunResult> runs = c.runAll();
        Measurement.Result r = new Measurement.Result(runs, Summary.of(List.of(G1, X2), runs), c.counted(), null);
        List<Map<String, Object>> recs = r.records(Map.of("experiment", "x"));
        assertEquals("x", recs.get(0).get("experiment"));
        assertEquals(50L, recs.get(0).get("transfers_total"));
        assertEquals(1000L, recs.get(1).get("bytecodes"));
    }
}
