package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.G2;
import static org.gilectomy.bench.harness.ScheduleTest.X1;
import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gilectomy.runtime.cli.Preset;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    @Test
    void formatsAlignedColumnsAndTheFooter() {
        Summary s = Summary.of(List.of(G1, G2, X1, X2), SummaryTest.sample());
        String expected = ""
                + "preset     threads  wall median (s) [min-max]  cpu median (s)  speedup vs 1 thread  slowdown vs gil  speedup vs gil 1 thread\n"
                + "---------  -------  -------------------------  --------------  -------------------  ---------------  -----------------------\n"
                + "gil              1  2.000 [1.900-2.100]                 2.100                1.00x            1.00x                    1.00x\n"
                + "gil              2  2.200 [2.100-2.300]                 2.400                0.91x            1.00x                    0.91x\n"
                + "gilectomy        1  2.600 [2.500-2.700]                 2.700                1.00x            1.30x                    0.77x\n"
                + "gilectomy        2  1.600 [1.500-1.800]                 3.100                1.63x            0.73x                    1.25x\n"
                + "\n"
                + "Medians of 3 runs.\n";
        assertEquals(expected, ResultTable.format(s, List.of("Medians of 3 runs.")));
    }

    @Test
    void unknownValuesAreDashesAndHeadersNameTheBases() {
        Cell g2 = new Cell(Preset.GILECTOMY, 2);
        Cell g4 = new Cell(Preset.GILECTOMY, 4);
        Summary s = Summary.of(List.of(g2, g4),
                List.of(Results.of(g2, 1, 12.5, Double.NaN), Results.of(g4, 1, 10.0, Double.NaN)));
        String expected = ""
                + "preset     threads  wall median (s) [min-max]  cpu median (s)  speedup vs 2 threads  slowdown vs gilectomy\n"
                + "---------  -------  -------------------------  --------------  --------------------  ---------------------\n"
                + "gilectomy        2  12.500 [12.500-12.500]                  -                 1.00x                  1.00x\n"
                + "gilectomy        4  10.000 [10.000-10.000]                  -                 1.25x                  1.00x\n";
        assertEquals(expected, ResultTable.format(s, List.of()));
    }

    @Test
    void numberFormats() {
        assertEquals("1.235", ResultTable.seconds(1.23456));
        assertEquals("-", ResultTable.seconds(Double.NaN));
        assertEquals("10.00x", ResultTable.ratio(9.999));
    }
}
