package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.gilectomy.runtime.cli.Preset;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final Cell G1 = new Cell(Preset.GIL, 1);
    static final Cell G2 = new Cell(Preset.GIL, 2);
    static final Cell X1 = new Cell(Preset.GILECTOMY, 1);
    static final Cell X2 = new Cell(Preset.GILECTOMY, 2);

    @Test
    void cellsArePresetMajor() {
        assertEquals(List.of(G1, G2, X1, X2), Schedule.cells(List.of(Preset.GIL, Preset.GILECTOMY), List.of(1, 2)));
    }

    @Test
    void eachRoundRunsEveryCellOnceRotatedByOne() {
        List<ScheduledRun> plan = Schedule.plan(List.of(G1, G2, X1, X2), 1, 3);
        assertEquals(16, plan.size());
        assertEquals(List.of(G1, G2, X1, X2), cells(plan.subList(0, 4)));
        assertEquals(List.of(G2, X1, X2, G1), cells(plan.subList(4, 8)));
        assertEquals(List.of(X1, X2, G1, G2), cells(plan.subList(8, 12)));
        assertEquals(List.of(X2, G1, G2, X1), cells(plan.subList(12, 16)));
        for (int r = 0; r < 4; r++) {
            assertEquals(4, new HashSet<>(cells(plan.subList(4 * r, 4 * r + 4))).size());
        }
    }

    @Test
    void warmupsComeFirstAndAreNumberedSeparately() {
        List<ScheduledRun> plan = Schedule.plan(List.of(G1, X1), 2, 2);
        assertEquals(List.of(true, true, true, true, false, false, false, false),
                plan.stream().map(ScheduledRun::warmup).collect(Collectors.toList()));
        assertEquals(List.of(1, 1, 2, 2, 1, 1, 2, 2), plan.stream().map(ScheduledRun::repeat).collect(Collectors.toList()));
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), plan.stream().map(ScheduledRun::round).collect(Collectors.toList()));
    }

    @Test
    void everyCellGetsRepeatMeasuredRuns() {
        List<ScheduledRun> plan = Schedule.plan(List.of(G1, G2, X1), 0, 5);
        for (Cell c : List.of(G1, G2, X1)) {
            assertEquals(5, plan.stream().filter(r -> r.cell().equals(c) && !r.warmup()).count());
        }
    }

    @Test
    void rejectsEmptyOrNonsensicalPlans() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.plan(List.of(), 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Schedule.plan(List.of(G1), -1, 3));
        assertThrows(IllegalArgumentException.class, () -> Schedule.plan(List.of(G1), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Cell(Preset.GIL, 0));
    }

    private static List<Cell> cells(List<ScheduledRun> runs) {
        return runs.stream().map(ScheduledRun::cell).collect(Collectors.toList());
    }
}
