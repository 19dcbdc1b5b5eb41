package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.G2;
import static org.gilectomy.bench.harness.ScheduleTest.X1;
import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gilectomy.runtime.cli.Preset;
import org.junit.jupiter.api.Test;

class SummaryTest {
    static final double EPS = 1e-12;

    /** gil: 2.0 s on 1 thread, 2.2 s on 2; gilectomy: 2.6 s on 1 thread, 1.6 s on 2. */
    static List<RunResult> sample() {
        return List.of(
                Results.of(G1, 1, 2.1, 2.2), Results.of(G1, 2, 2.0, 2.1), Results.of(G1, 3, 1.9, 2.0),
                Results.of(G2, 1, 2.2, 2.4), Results.of(G2, 2, 2.3, 2.5), Results.of(G2, 3, 2.1, 2.3),
                Results.of(X1, 1, 2.6, 2.7), Results.of(X1, 2, 2.7, 2.8), Results.of(X1, 3, 2.5, 2.6),
                Results.of(X2, 1, 1.6, 3.1), Results.of(X2, 2, 1.5, 3.0), Results.of(X2, 3, 1.8, 3.3));
    }

    @Test
    void mediansMinMaxPerCell() {
        Summary s = Summary.of(List.of(G1, G2, X1, X2), sample());
        CellSummary x2 = s.rows().get(3);
        assertEquals(X2, x2.cell());
        assertEquals(3, x2.runs());
        assertEquals(1.6, x2.wallMedian(), EPS);
        assertEquals(1.5, x2.wallMin(), EPS);
        assertEquals(1.8, x2.wallMax(), EPS);
        assertEquals(3.1, x2.cpuMedian(), EPS);
    }

    @Test
    void speedupIsWallOfOneThreadOverWallOfNOfTheSamePreset() {
        Summary s = Summary.of(List.of(G1, G2, X1, X2), sample());
        assertEquals(1.0, s.rows().get(0).speedup(), EPS);
        assertEquals(2.0 / 2.2, s.rows().get(1).speedup(), EPS);
        assertEquals(1.0, s.rows().get(2).speedup(), EPS);
        assertEquals(2.6 / 1.6, s.rows().get(3).speedup(), EPS);
    }

    @Test
    void slowdownIsWallOverTheFirstPresetsAtTheSameThreadCount() {
        Summary s = Summary.of(List.of(G1, G2, X1, X2), sample());
        assertEquals("gil", s.baseline());
        assertEquals(1.0, s.rows().get(0).slowdown(), EPS);
        assertEquals(1.0, s.rows().get(1).slowdown(), EPS);
        assertEquals(2.6 / 2.0, s.rows().get(2).slowdown(), EPS);
        assertEquals(1.6 / 2.2, s.rows().get(3).slowdown(), EPS);
    }

    @Test
    void baselineIsTheFirstPresetListed() {
        Summary s = Summary.of(List.of(X1, X2, G1, G2), sample());
        assertEquals("gilectomy", s.baseline());
        assertEquals(2.0 / 2.6, s.rows().get(2).slowdown(), EPS);
    }

    @Test
    void speedupBaseIsTheSmallestThreadCount() {
        Cell g4 = new Cell(Preset.GIL, 4);
        List<RunResult> rs = List.of(Results.of(G2, 1, 3.0, 3.0), Results.of(g4, 1, 2.0, 2.0));
        Summary s = Summary.of(List.of(G2, g4), rs);
        assertEquals(2, s.baseThreads());
        assertEquals(1.5, s.rows().get(1).speedup(), EPS);
    }

    @Test
    void unknownCpuTimeStaysUnknown() {
        Summary s = Summary.of(List.of(G1), List.of(Results.of(G1, 1, 1.0, Double.NaN)));
        assertTrue(Double.isNaN(s.rows().get(0).cpuMedian()));
    }

    @Test
    void aCellWithoutRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of(G1, G2), List.of(Results.of(G1, 1, 1, 1))));
    }
}
