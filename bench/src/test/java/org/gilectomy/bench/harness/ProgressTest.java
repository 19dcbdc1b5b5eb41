package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.G1;
import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {
    static final long S = 1_000_000_000L;

    @Test
    void firstLineHasNoEstimate() {
        assertEquals("[....................]  1/16 gil, 1 thread, warm-up 1/1  elapsed 0:00, time left unknown",
                Progress.line(1, 16, new ScheduledRun(G1, 0, true, 1), 3, 1, 0));
    }

    @Test
    void estimateIsMeanRunTimeTimesRunsLeft() {
        // 4 runs done in 20 s: 5 s each, 12 to go (this one included) -> 60 s
        assertEquals("[#####...............]  5/16 gilectomy, 2 threads, run 1/3  elapsed 0:20, about 1:00 left",
                Progress.line(5, 16, new ScheduledRun(X2, 1, false, 1), 3, 1, 20 * S));
    }

    @Test
    void barIsTheFractionDoneRoundedDown() {
        assertEquals("[..........]", Progress.bar(0, 3, 10));
        assertEquals("[###.......]", Progress.bar(1, 3, 10));
        assertEquals("[######....]", Progress.bar(2, 3, 10));
        assertEquals("[##########]", Progress.bar(3, 3, 10));
        assertEquals("[##########]", Progress.bar(5, 3, 10)); // never overflows
    }

    @Test
    void timeLeft() {
        assertEquals(-1, Progress.nanosLeft(0, 10, 5 * S));
        assertEquals(45 * S, Progress.nanosLeft(1, 10, 5 * S));
        assertEquals(0, Progress.nanosLeft(10, 10, 50 * S));
    }

    @Test
    void countingRunsAreNamed() {
        assertEquals("[#############.......] 3/3 gil, 1 thread, counting run  elapsed 0:06, about 0:03 left",
                Progress.line(3, 3, new ScheduledRun(G1, 2, false, 1, true), 1, 0, 6 * S));
    }

    @Test
    void durations() {
        assertEquals("0:00", Progress.duration(0));
        assertEquals("0:02", Progress.duration(1_600_000_000L));
        assertEquals("1:05", Progress.duration(65 * S));
        assertEquals("1:01:01", Progress.duration(3661 * S));
    }
}
