package org.gilectomy.locks.timeline;

import static org.gilectomy.locks.timeline.GilTimeline.BLOCKED;
import static org.gilectomy.locks.timeline.GilTimeline.RELEASED;
import static org.gilectomy.locks.timeline.GilTimeline.RUNNING;
import static org.gilectomy.locks.timeline.GilTimeline.WAITING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gilectomy.bench.harness.ChartsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's coalescing and the chart; the switch itself is off in this JVM (zero cost). */
class GilTimelineTest {
    static final long US = 1_000;

    @TempDir
    Path dir;

    static GilTimeline.Track.Copy track(long[] times, byte[] states) {
        GilTimeline.Track t = new GilTimeline.Track("t");
        for (int i = 0; i < times.length; i++) {
            t.add(times[i], states[i]);
        }
        return t.copy();
    }

    @Test
    void offByDefault() {
        assertFalse(GilTimeline.ENABLED);
    }

    @Test
    void releaseAndImmediateRetakeIsOneRunningSpan() {
        GilTimeline.Track.Copy c = track(new long[] {0, 100 * US, 100 * US + 2 * US, 100 * US + 3 * US},
                new byte[] {RUNNING, RELEASED, WAITING, RUNNING});
        assertArrayEquals(new long[] {0}, c.times());
        assertArrayEquals(new byte[] {RUNNING}, c.states());
    }

    @Test
    void aRealWaitIsKept() { // negative control of the coalescing: 2 ms of waiting stays visible
        GilTimeline.Track.Copy c = track(new long[] {0, 100 * US, 101 * US, 2100 * US},
                new byte[] {RUNNING, RELEASED, WAITING, RUNNING});
        assertArrayEquals(new long[] {0, 100 * US, 2100 * US}, c.times());
        assertArrayEquals(new byte[] {RUNNING, WAITING, RUNNING}, c.states());
    }

    @Test
    void releaseThenBlockIsBlockedFromTheRelease() {
        GilTimeline.Track.Copy c = track(new long[] {0, 50 * US, 51 * US, 51 * US}, new byte[] {RUNNING, RELEASED, BLOCKED, BLOCKED});
        assertArrayEquals(new long[] {0, 50 * US}, c.times());
        assertArrayEquals(new byte[] {RUNNING, BLOCKED}, c.states());
    }

    @Test
    void aLongReleaseStaysReleased() {
        GilTimeline.Track.Copy c = track(new long[] {0, 50 * US, 500 * US}, new byte[] {RUNNING, RELEASED, RUNNING});
        assertEquals(3, c.times().length);
    }

    @Test
    void tracksAreBounded() {
        GilTimeline.Track t = new GilTimeline.Track("t");
        for (int i = 0; i < GilTimeline.MAX_EVENTS + 10; i++) {
            t.add(i * 1000 * US, (byte) (i % 2 == 0 ? RUNNING : WAITING));
        }
        GilTimeline.Track.Copy c = t.copy();
        assertEquals(GilTimeline.MAX_EVENTS, c.times().length);
        assertTrue(c.truncated());
    }

    @Test
    void chartIsAPng() throws IOException {
        Path f = dir.resolve("t.png");
        GilTimeline.Track.Copy a = track(new long[] {0, 5000 * US, 10000 * US}, new byte[] {RUNNING, WAITING, RUNNING});
        GilTimeline.Track.Copy b = track(new long[] {0, 5000 * US, 9000 * US}, new byte[] {WAITING, RUNNING, BLOCKED});
        TimelineChart.write(f, "title", "note", List.of(a, b), 1_000_000_000L);
        ChartsTest.assertPng(f);
    }

    /** Runs {@link TimelineProbe} in a fresh JVM (the switch is a static final) and returns its output. */
    static String probe(String enabled) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TimelineProbe.class.getName(), enabled)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theGilHooksRecordRunningWaitingAndReleased() throws Exception {
        String out = probe("true");
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        for (String line : lines) {
            assertTrue(line.matches("probe-[12] [RWB.]+"), out);
            assertTrue(line.contains("R."), "each thread ran, then released: " + out);
        }
        assertTrue(out.contains("WR"), "one thread waited for the other, then ran: " + out);
    }

    @Test
    void switchedOffTheHooksRecordNothing() throws Exception { // negative control of the one above
        assertEquals("", probe("false"));
    }

    @Test
    void niceSteps() {
        assertEquals(100.0, TimelineChart.niceStep(1000, 10), 1e-9);
        assertEquals(0.5, TimelineChart.niceStep(4.5, 10), 1e-9);
        assertEquals(2.0, TimelineChart.niceStep(23, 10), 1e-9);
    }
}
