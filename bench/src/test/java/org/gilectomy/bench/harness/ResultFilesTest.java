package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.X1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
    @TempDir
    Path dir;

    static List<RunResult> sample() {
        return List.of(
                Results.of(G1, 1, 1.5, 1.75, Map.of("gil_switches", 12L), "x\n"),
                Results.of(X1, 1, 2.25, Double.NaN, Map.of("lock_parks", 3L, "label", "a,\"b\""), "x\n"));
    }

    @Test
    void recordStartsWithTheFixedColumns() {
        Map<String, Object> r = sample().get(0).record();
        assertEquals(List.of("series", "preset", "threads", "repeat", "wall_s", "cpu_s", "exit_status", "gil_switches"),
                List.copyOf(r.keySet()));
        assertEquals("gil", r.get("preset"));
        assertEquals(1, r.get("threads"));
        assertNull(sample().get(1).record().get("cpu_s"));
    }

    @Test
    void csvHasAColumnPerStatisticAndEmptyCellsWhereARunHasNone() {
        List<Map<String, Object>> records = sample().stream().map(RunResult::record).toList();
        assertEquals(""
                + "series,preset,threads,repeat,wall_s,cpu_s,exit_status,gil_switches,lock_parks,label\n"
                + "gil,gil,1,1,1.5,1.75,0,12,,\n"
                + "gilectomy,gilectomy,1,1,2.25,,0,,3,\"a,\"\"b\"\"\"\n",
                ResultFiles.csv(recordsInStableOrder(records)));
    }

    /** Map.of has no order: put lock_parks before label as a LinkedHashMap would. */
    private static List<Map<String, Object>> recordsInStableOrder(List<Map<String, Object>> records) {
        Map<String, Object> second = new java.util.LinkedHashMap<>();
        records.get(1).forEach((k, v) -> {
            if (!k.equals("label")) {
                second.put(k, v);
            }
        });
        second.put("label", records.get(1).get("label"));
        return List.of(records.get(0), second);
    }

    @Test
    void writesBothFilesAndTheJsonReadsBack() throws IOException {
        List<Path> written = ResultFiles.write(dir.resolve("out"), sample());
        assertEquals(List.of(dir.resolve("out/results.csv"), dir.resolve("out/results.json")), written);
        Object parsed = Json.parse(Files.readString(dir.resolve("out/results.json")));
        List<?> runs = (List<?>) parsed;
        assertEquals(2, runs.size());
        Map<?, ?> first = (Map<?, ?>) runs.get(0);
        assertEquals("gil", first.get("preset"));
        assertEquals(1L, first.get("threads"));
        assertEquals(1.5, first.get("wall_s"));
        assertEquals(12L, first.get("gil_switches"));
        assertFalse(first.containsKey("lock_parks"));
        assertEquals(3, Files.readAllLines(dir.resolve("out/results.csv")).size());
    }

    @Test
    void csvFieldQuoting() {
        assertEquals("plain", ResultFiles.csvField("plain"));
        assertEquals("\"a,b\"", ResultFiles.csvField("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultFiles.csvField("say \"hi\""));
        assertEquals("\"two\nlines\"", ResultFiles.csvField("two\nlines"));
    }

    /** results/latest follows the last run; a real directory named latest is never replaced. */
    @Test
    void latestPointsAtTheLastRun() throws IOException {
        Path first = Files.createDirectories(dir.resolve("experiment-a-1"));
        Path second = Files.createDirectories(dir.resolve("experiment-a-2"));
        ResultFiles.pointLatest(first);
        assertEquals(first.getFileName(), Files.readSymbolicLink(dir.resolve("latest")));
        ResultFiles.pointLatest(second);
        assertEquals(second.getFileName(), Files.readSymbolicLink(dir.resolve("latest")));
        assertEquals(second.toRealPath(), dir.resolve("latest").toRealPath());

        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path realLatest = Files.createDirectories(other.resolve("latest"));
        ResultFiles.pointLatest(other.resolve("experiment-b-1"));
        assertFalse(Files.isSymbolicLink(realLatest), "a directory named latest is left alone");
    }
}
