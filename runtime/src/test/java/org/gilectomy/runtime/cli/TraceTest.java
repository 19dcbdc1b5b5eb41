package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --trace}, in child JVMs (the recorder's switch is a static final). A 2-thread
 * count-down under the old and the new GIL gives trace-event JSON that a viewer accepts
 * (metadata names every thread, spans balanced and ordered per thread) whose GIL hand-overs
 * agree with the run's own switch count and whose drop-request counter with its drop requests. Two threads fighting over a list and a dict under {@code nogil}, with
 * cycle collections, give one lock-wait span per contended acquisition that {@code --stats}
 * counted, one pause per collection, each containing its stop of the world, and merges of
 * queued biased counts; the negative controls show that a trace missing one end, one lock wait
 * or one collection, or a count altered, fails these checks.
 */
class TraceTest {
    static final String LOCK_WAIT = "waiting for an object lock";
    static final String GC_PAUSE = "cycle collection (pause)";
    static final String STOP = "stopping the world";
    static final String MERGE = "merging queued reference counts";

    @TempDir
    Path dir;

    /** A run's trace and --stats-json, parsed. */
    private record Run(Map<?, ?> trace, Map<?, ?> stats) {
    }

    private Run run(String preset, String name, String source, String expectedOut) throws Exception {
        Path prog = Files.writeString(dir.resolve(name), source);
        Path trace = dir.resolve(name + ".trace.json");
        Path stats = dir.resolve(name + ".stats.json");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "-cp", System.getProperty("java.class.path"), RunCommand.class.getName(),
                "--preset", preset, "--stats-json", stats.toString(), "--trace", trace.toString(), prog.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(expectedOut, out.strip());
        return new Run((Map<?, ?>) Json.parse(Files.readString(trace)), (Map<?, ?>) Json.parse(Files.readString(stats)));
    }

    private static long stat(Map<?, ?> stats, String key) {
        return ((Number) stats.get(key)).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gil-old", "gil"})
    void countdownUnderAGilGivesAValidTraceThatAgreesWithStats(String preset) throws Exception {
        Run r = run(preset, "countdown.py", """
                import threading
                def count(n):
                    while n > 0:
                        n -= 1
                ts = [threading.Thread(target=count, args=(200000,)) for _ in range(2)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
                print("done")
                """, "done");
        TraceCheck.Summary s = TraceCheck.check(r.trace());
        assertTrue(s.threads().size() >= 3, "main thread and two workers: " + s.threads());
        long switches = stat(r.stats(), "gil_switches");
        int running = s.count("running (GIL held)");
        double handovers = s.counters().getOrDefault("gil hand-overs (from the tracks)", -1.0);
        assertTrue(switches > 10, "the old GIL switches every 100 ticks, the new one at drop requests: " + switches);
        assertTrue(running >= handovers, running + " GIL-holding spans, " + handovers + " hand-overs");
        // Hand-overs seen in the tracks are the switches, less those the recorder coalesced (a
        // thread that got the GIL back within 10 us keeps one span).
        assertTrue(handovers <= switches && handovers >= 0.9 * switches - 2,
                handovers + " hand-overs in the trace, " + switches + " switches in --stats");
        assertTrue(s.counters().containsKey("gil_switches"), "the run's switch count is a counter too");
        assertEquals(0, s.count(LOCK_WAIT), "the GIL build has no object locks to wait for");
        long drops = stat(r.stats(), "gil_drop_requests");
        assertEquals(drops, (long) (double) s.counters().getOrDefault("gil drop requests (from the tracks)", 0.0),
                "drop requests in the trace vs --stats");
        assertTrue(preset.equals("gil-old") || drops > 0, "the new GIL's waiters ask the holder to drop it");
    }

    /**
     * Two workers append to and pop from one list and write one dict while the main thread
     * hands them objects it made (their decrefs queue those to it: biased merges) and collects
     * cycles three times.
     */
    static final String CONTENDED = """
            import threading, gc
            shared = []
            d = {}
            inbox = []
            class Node:
                pass
            def work(k):
                for i in range(6000):
                    shared.append(i)
                    d[i % 32] = k
                    if len(shared) > 50:
                        shared.pop()
                    if inbox:
                        try:
                            inbox.pop()
                        except IndexError:
                            pass
            ts = [threading.Thread(target=work, args=(k,)) for k in range(2)]
            for t in ts:
                t.start()
            for _ in range(3):
                for i in range(200):
                    inbox.append(Node())
                a = Node(); b = Node(); a.b = b; b.a = a
                del a, b
                gc.collect()
            for t in ts:
                t.join()
            print(len(d))
            """;

    @Test
    void contendedContainersUnderNogilGiveLockWaitGcAndMergeSpansThatAgreeWithStats() throws Exception {
        Run r = run("nogil", "tr_contended.py", CONTENDED, "32");
        for (int again = 0; again < 2 && stat(r.stats(), "lock_contended") == 0; again++) {
            r = run("nogil", "tr_contended.py", CONTENDED, "32"); // two threads on two busy cores may never overlap
        }
        Map<?, ?> stats = r.stats();
        Map<?, ?> trace = r.trace();
        TraceCheck.Summary s = TraceCheck.check(trace);
        assertTrue(stat(stats, "lock_contended") > 0, "no contended acquisition in 3 runs: " + stats);
        assertTrue(stat(stats, "gc_collections") >= 3, stats.toString());
        assertSlowPathSpansAgree(s, stats);
        assertTrue(s.labels().get(LOCK_WAIT + ".type").stream().allMatch(t -> t.equals("list") || t.equals("dict")),
                "the objects fought over are the list and the dict: " + s.labels());
        assertTrue(s.args().getOrDefault(MERGE + ".objects", 0L) > 0, "objects queued to the main thread merged: " + s.args());
        assertTrue(s.count("running (GIL held)") == 0, "no GIL in nogil");

        // Negative controls: the same trace with one fault each fails.
        List<?> events = (List<?>) trace.get("traceEvents");
        Map<?, ?> firstEnd = events.stream().map(o -> (Map<?, ?>) o)
                .filter(e -> "E".equals(e.get("ph")) && LOCK_WAIT.equals(e.get("name"))).findFirst().orElseThrow();
        assertThrows(AssertionError.class, () -> TraceCheck.check(Map.of("traceEvents", without(events, firstEnd))),
                "a lock wait that never ends");
        for (String span : List.of(LOCK_WAIT, GC_PAUSE)) {
            TraceCheck.Summary less = TraceCheck.check(Map.of("traceEvents", withoutFirstSpan(events, span)));
            assertThrows(AssertionError.class, () -> assertSlowPathSpansAgree(less, stats), "one " + span + " fewer");
        }
        for (String key : List.of("lock_contended", "gc_collections")) {
            Map<Object, Object> altered = new HashMap<>(stats);
            altered.put(key, stat(stats, key) + 1);
            assertThrows(AssertionError.class, () -> assertSlowPathSpansAgree(s, altered), key + " + 1");
        }
    }

    /**
     * A free-threaded run's slow-path spans against its statistics: a lock wait per contended
     * acquisition, a pause per collection, and in each pause the stop of the world.
     */
    static void assertSlowPathSpansAgree(TraceCheck.Summary s, Map<?, ?> stats) {
        assertEquals(stat(stats, "lock_contended"), s.count(LOCK_WAIT), "lock waits vs --stats lock_contended");
        assertEquals(stat(stats, "gc_collections"), s.count(GC_PAUSE), "collection pauses vs --stats gc_collections");
        assertEquals(stat(stats, "gc_collections"), (long) s.nestedIn().getOrDefault(STOP + " in " + GC_PAUSE, 0),
                "every pause contains its stop of the world: " + s.nestedIn());
    }

    private static List<Object> without(List<?> events, Object gone) {
        List<Object> out = new ArrayList<>(events);
        assertTrue(out.remove(gone));
        return out;
    }

    /** The events without the first span named {@code name} (its begin and the next end of that name on its thread). */
    private static List<Object> withoutFirstSpan(List<?> events, String name) {
        List<Object> out = new ArrayList<>(events);
        int b = -1;
        for (int i = 0; i < out.size(); i++) {
            Map<?, ?> e = (Map<?, ?>) out.get(i);
            if (name.equals(e.get("name")) && (b < 0 ? "B".equals(e.get("ph"))
                    : "E".equals(e.get("ph")) && e.get("tid").equals(((Map<?, ?>) out.get(b)).get("tid")))) {
                if (b >= 0) {
                    out.remove(i);
                    out.remove(b);
                    return out;
                }
                b = i;
            }
        }
        throw new AssertionError("no span " + name);
    }
}
