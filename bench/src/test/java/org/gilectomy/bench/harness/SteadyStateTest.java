package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steady state of a process's iterations: median of the last half, its range; and the runner's annotation. */
class SteadyStateTest {
    @TempDir
    Path dir;

    @Test
    void medianOfTheLastHalfDropsTheWarmUp() {
        // 10 iterations: a slow warm-up half (the JIT compiling), then 5 steady ones.
        SteadyState s = SteadyState.of(List.of(9_000_000_000L, 5_000_000_000L, 3_000_000_000L, 2_000_000_000L,
                1_500_000_000L, 1_100_000_000L, 1_000_000_000L, 900_000_000L, 1_200_000_000L, 1_000_000_000L));
        assertEquals(1.0, s.medianS(), 1e-12);
        assertEquals(0.9, s.minS(), 1e-12);
        assertEquals(1.2, s.maxS(), 1e-12);
        assertEquals(5, s.used());
        assertEquals(10, s.total());
        assertEquals(0.15, s.relativeSpread(), 1e-12);
    }

    @Test
    void anOddCountUsesTheLastHalfRoundedUpAndAnEvenHalfAveragesTheMiddle() {
        SteadyState five = SteadyState.of(List.of(100, 90, 30, 10, 20)); // last 3: 30, 10, 20
        assertEquals(3, five.used());
        assertEquals(20e-9, five.medianS(), 1e-18);
        SteadyState four = SteadyState.of(List.of(100, 90, 30, 10)); // last 2: 30, 10
        assertEquals(20e-9, four.medianS(), 1e-18);
        SteadyState one = SteadyState.of(List.of(7));
        assertEquals(1, one.used());
        assertEquals(7e-9, one.medianS(), 1e-18);
        assertThrows(IllegalArgumentException.class, () -> SteadyState.of(List.<Long>of()));
    }

    @Test
    void readFromATimingFileOnlyWhenItHasIterations() {
        assertNull(SteadyState.of(Map.<String, Object>of("wall_s", 1.0)));
        assertNull(SteadyState.of(Map.<String, Object>of(SteadyState.ITERATIONS_FIELD, List.of())));
        assertEquals(2e-9, SteadyState.of(Map.<String, Object>of(SteadyState.ITERATIONS_FIELD, List.of(9L, 2L))).medianS(), 1e-18);
    }

    @Test
    void theRunnerAddsTheProcessTimeAndTheSteadyStateToTheTimingFile() throws IOException {
        Path timing = Files.writeString(dir.resolve("t.json"), "{\"wall_s\": 3.5, \"iteration_ns\": [3000000000, 500000000]}");
        SteadyStateRunner.annotate(timing, 4.25, true);
        Map<String, Object> m = Json.parseObject(Files.readString(timing));
        assertEquals(3.5, ((Number) m.get("wall_s")).doubleValue());
        assertEquals(4.25, ((Number) m.get(SteadyStateRunner.PROCESS_WALL_FIELD)).doubleValue());
        assertEquals(0.5, ((Number) m.get("steady_s")).doubleValue(), 1e-12);
        assertEquals(1L, m.get("steady_iterations"));

        Path single = Files.writeString(dir.resolve("s.json"), "{\"wall_s\": 1.0, \"iteration_ns\": [1000000000]}");
        SteadyStateRunner.annotate(single, 1.5, false); // a whole-process run: no steady state
        Map<String, Object> w = Json.parseObject(Files.readString(single));
        assertEquals(1.5, ((Number) w.get(SteadyStateRunner.PROCESS_WALL_FIELD)).doubleValue());
        assertNull(w.get("steady_s"));
    }
}
