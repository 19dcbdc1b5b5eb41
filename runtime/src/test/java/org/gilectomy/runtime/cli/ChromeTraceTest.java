package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.trace.ChromeTrace;
import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace writer's nesting of slow-path spans in GIL states, on made-up tracks: a lock wait
 * that crosses a change of GIL state is cut in two (the second piece "continued", not counted
 * twice), a collection's pause contains its phases, a span outliving its parent is closed with
 * it, spans on a track with no GIL state stand alone, drop requests become a counter.
 */
class ChromeTraceTest {
    private static final long US = 1000;

    @TempDir
    Path dir;

    @Test
    void slowPathSpansNestInTheGilStates() throws Exception {
        byte[] kinds = {SpanLog.LOCK_WAIT, SpanLog.DROP_REQUEST, SpanLog.STOP_WORLD, SpanLog.RESTART_WORLD,
                SpanLog.STOPPED, SpanLog.GC_PAUSE, SpanLog.MERGE};
        long[] starts = {50 * US, 120 * US, 215 * US, 270 * US, 285 * US, 210 * US, 310 * US};
        long[] ends = {150 * US, 120 * US, 220 * US, 278 * US, 295 * US, 290 * US, 320 * US};
        SpanLog.Copy spans = new SpanLog.Copy(starts, ends, kinds, new long[] {3, 0, 0, 0, 0, 2, 7},
                new long[] {1, 0, 0, 0, 0, 40, 0}, new String[] {"list", null, null, null, null, "explicit", null}, false);
        GilTimeline.Track.Copy withGil = new GilTimeline.Track.Copy("a", new long[] {0, 100 * US, 200 * US, 300 * US},
                new byte[] {GilTimeline.RUNNING, GilTimeline.WAITING, GilTimeline.RUNNING, GilTimeline.RELEASED},
                false, spans);
        GilTimeline.Track.Copy noGil = new GilTimeline.Track.Copy("b", new long[0], new byte[0], false,
                new SpanLog.Copy(new long[] {10 * US}, new long[] {20 * US}, new byte[] {SpanLog.LOCK_WAIT},
                        new long[] {0}, new long[] {2}, new String[] {"dict"}, false));
        Path file = dir.resolve("t.json");
        ChromeTrace.write(file, "test", List.of(withGil, noGil), 400 * US, Map.of());

        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(file));
        TraceCheck.Summary s = TraceCheck.check(doc);
        assertEquals(2, s.count("waiting for an object lock"), "one per track, the cut one counted once");
        long pieces = ((List<?>) doc.get("traceEvents")).stream()
                .filter(e -> "B".equals(((Map<?, ?>) e).get("ph")) && "waiting for an object lock".equals(((Map<?, ?>) e).get("name")))
                .count();
        assertEquals(3, pieces, "track a's lock wait is cut where the GIL state changes");
        assertEquals(1, s.nestedIn().get("waiting for an object lock in running (GIL held)"));
        assertEquals(1, s.nestedIn().get("cycle collection (pause) in running (GIL held)"));
        assertEquals(1, s.nestedIn().get("stopping the world in cycle collection (pause)"));
        assertEquals(1, s.nestedIn().get("restarting the world in cycle collection (pause)"));
        assertEquals(1, s.nestedIn().get("stopped (world stopped) in cycle collection (pause)"), "closed with its parent");
        assertEquals(null, s.nestedIn().get("merging queued reference counts in running (GIL held)"), "after the release");
        assertEquals(1, s.count("merging queued reference counts"));
        assertEquals(7L, s.args().get("merging queued reference counts.objects"));
        assertEquals(3L, s.args().get("waiting for an object lock.parks"), "1 + 2 (the continued piece not added)");
        assertEquals(1.0, s.counters().get("gil drop requests (from the tracks)"));
        assertEquals(2, s.threads().size());
    }
}
