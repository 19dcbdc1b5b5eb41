package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gilectomy.runtime.cli.Preset;
import org.junit.jupiter.api.Test;

class NoiseTest {
    @Test
    void spreadAndOtherProcessesMakeACellNoisy() {
        assertNull(Noise.cellReason(new double[] {1.0, 1.4}, new double[] {0.1, 0.4}, null));
        assertTrue(Noise.cellReason(new double[] {1.0, 1.6}, new double[] {0.1, 0.1}, null).contains("runs spread 1.60x"));
        assertTrue(Noise.cellReason(new double[] {1.0}, new double[] {0.9}, null).contains("other processes used 0.90 cores"));
        assertTrue(Noise.cellReason(new double[] {1.0}, new double[] {Double.NaN}, "load").contains("load"));
        assertNull(Noise.cellReason(new double[] {1.0}, new double[] {Double.NaN}, null), "unknown is not noisy");
        assertNull(Noise.loadReason(1.9, 2));
        assertEquals("load average 2.5 before the run > 2 cores", Noise.loadReason(2.5, 2));
    }

    @Test
    void otherCoresSubtractOurOwnCpu() {
        Noise.Sample a = new Noise.Sample(100, 10, 0);
        Noise.Sample b = new Noise.Sample(104, 13, 0); // 4 s busy, 3 s of them ours, over 2 s
        assertEquals(0.5, Noise.otherCores(a, b, 2), 1e-9);
        assertEquals(0.0, Noise.otherCores(a, new Noise.Sample(101, 13, 0), 2), 1e-9);
    }

    @Test
    void summaryRowsCarryTheReasonAndTheSpeedupAgainstGil() {
        Cell g1 = new Cell(Preset.GIL, 1);
        Cell b1 = new Cell(Preset.GILECTOMY_BUFFERED, 1);
        Cell b2 = new Cell(Preset.GILECTOMY_BUFFERED, 2);
        Summary s = Summary.of(List.of(g1, b1, b2), List.of(
                Results.of(g1, 1, 1.0, 1.0), Results.of(b1, 1, 3.0, 3.0), Results.of(b1, 2, 5.0, 3.0),
                Results.of(b2, 1, 1.25, 2.0)));
        CellSummary row = s.row("gilectomy-buffered", 2);
        assertEquals(3.2, row.speedup(), 1e-9); // against its own slowed 1-thread median (4.0)
        assertEquals(0.8, row.speedupVsGil(), 1e-9);
        assertTrue(s.row("gilectomy-buffered", 1).noisy(), "runs 3.0 and 5.0 spread 1.67x");
        assertTrue(!s.row("gil", 1).noisy());
        String table = ResultTable.format(s, List.of());
        assertTrue(table.contains("speedup vs gil 1 thread"), table);
        assertTrue(table.contains("NOISY: runs spread 1.67x"), table);
        if (Noise.cores() < 3) {
            assertTrue(table.contains("3.20x!"), table);
            assertTrue(table.contains("! speedup above this machine's"), table);
        }
    }
}
