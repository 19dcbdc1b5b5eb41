package org.gilectomy.trace;

import static org.gilectomy.trace.GilTimeline.BLOCKED;
import static org.gilectomy.trace.GilTimeline.RELEASED;
import static org.gilectomy.trace.GilTimeline.RUNNING;
import static org.gilectomy.trace.GilTimeline.WAITING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The recorder's coalescing (the chart: runtime.cli.TimelineChartTest); the switch itself is off in this JVM (zero cost). */
class GilTimelineTest {
    static final long US = 1_000;

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
    void spanLogsAreBoundedAndKeepTheirArguments() {
        SpanLog log = new SpanLog();
        for (int i = 0; i < GilTimeline.MAX_EVENTS + 10; i++) {
            log.add(i, i + 5, SpanLog.LOCK_WAIT, i, 2 * i, "list");
        }
        SpanLog.Copy c = log.copy();
        assertEquals(GilTimeline.MAX_EVENTS, c.starts().length);
        assertTrue(c.truncated());
        assertEquals(GilTimeline.MAX_EVENTS, c.count(SpanLog.LOCK_WAIT));
        assertEquals(7, c.a()[7]);
        assertEquals(14, c.b()[7]);
        assertEquals(12, c.ends()[7]);
        assertEquals("list", c.labels()[7]);
        assertFalse(new SpanLog().copy().truncated(), "an empty log is not truncated");
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
}
