package org.gilectomy.runtime.cli;

import static org.gilectomy.trace.GilTimeline.BLOCKED;
import static org.gilectomy.trace.GilTimeline.RUNNING;
import static org.gilectomy.trace.GilTimeline.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gilectomy.bench.harness.ChartsTest;
import org.gilectomy.trace.GilTimeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG drawing of a GIL timeline ({@code run --timeline FILE.png}); here for ChartsTest's PNG check. */
class TimelineChartTest {
    static final long US = 1_000;

    @TempDir
    Path dir;

    @Test
    void chartIsAPng() throws IOException {
        Path f = dir.resolve("t.png");
        GilTimeline.Track.Copy a = new GilTimeline.Track.Copy("a", new long[] {0, 5000 * US, 10000 * US},
                new byte[] {RUNNING, WAITING, RUNNING}, false);
        GilTimeline.Track.Copy b = new GilTimeline.Track.Copy("b", new long[] {0, 5000 * US, 9000 * US},
                new byte[] {WAITING, RUNNING, BLOCKED}, false);
        TimelineChart.write(f, "title", "note", List.of(a, b), 1_000_000_000L);
        ChartsTest.assertPng(f);
    }

    @Test
    void niceSteps() {
        assertEquals(100.0, TimelineChart.niceStep(1000, 10), 1e-9);
        assertEquals(0.5, TimelineChart.niceStep(4.5, 10), 1e-9);
        assertEquals(2.0, TimelineChart.niceStep(23, 10), 1e-9);
    }
}
