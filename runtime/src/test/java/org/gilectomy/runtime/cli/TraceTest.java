package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --trace}: a 2-thread count-down under the old GIL, in a child JVM (the recorder's
 * switch is a static final), gives trace-event JSON that a viewer accepts (metadata names every
 * thread, spans balanced and ordered per thread) and whose GIL hand-overs agree with the run's
 * own switch count.
 */
class TraceTest {
    @TempDir
    Path dir;

    @Test
    void countdownUnderTheOldGilGivesAValidTraceThatAgreesWithStats() throws Exception {
        Path prog = Files.writeString(dir.resolve("countdown.py"), """
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
                """);
        Path trace = dir.resolve("trace.json");
        Path stats = dir.resolve("stats.json");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "-cp", System.getProperty("java.class.path"), RunCommand.class.getName(),
                "--preset", "gil-old", "--stats-json", stats.toString(), "--trace", trace.toString(), prog.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("done", out.strip());

        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(trace));
        List<?> events = (List<?>) doc.get("traceEvents");
        Map<Long, String> names = new HashMap<>();
        Map<Long, Deque<String>> open = new HashMap<>();
        Map<Long, Double> lastTs = new HashMap<>();
        Set<Long> withSpans = new HashSet<>();
        int running = 0;
        double handovers = -1;
        for (Object o : events) {
            Map<?, ?> e = (Map<?, ?>) o;
            String ph = (String) e.get("ph");
            long tid = ((Number) e.get("tid")).longValue();
            assertEquals(1L, ((Number) e.get("pid")).longValue(), e.toString());
            switch (ph) {
                case "M" -> {
                    if ("thread_name".equals(e.get("name"))) {
                        names.put(tid, (String) ((Map<?, ?>) e.get("args")).get("name"));
                    }
                }
                case "B", "E" -> {
                    double ts = ((Number) e.get("ts")).doubleValue();
                    assertTrue(ts >= lastTs.getOrDefault(tid, 0.0), "thread " + tid + " goes back in time at " + e);
                    lastTs.put(tid, ts);
                    withSpans.add(tid);
                    Deque<String> stack = open.computeIfAbsent(tid, k -> new ArrayDeque<>());
                    if (ph.equals("B")) {
                        stack.push((String) e.get("name"));
                        running += "running (GIL held)".equals(e.get("name")) ? 1 : 0;
                    } else {
                        assertFalse(stack.isEmpty(), "an end without a begin: " + e);
                        assertEquals(stack.pop(), e.get("name"), e.toString());
                    }
                }
                case "C" -> {
                    if (String.valueOf(e.get("name")).startsWith("gil hand-overs")) {
                        handovers = ((Number) ((Map<?, ?>) e.get("args")).get("value")).doubleValue();
                    }
                }
                default -> throw new AssertionError("unexpected phase " + e);
            }
        }
        open.forEach((tid, stack) -> assertTrue(stack.isEmpty(), "thread " + tid + " left " + stack + " open"));
        assertTrue(withSpans.size() >= 3, "main thread and two workers: " + withSpans);
        assertTrue(names.keySet().containsAll(withSpans), "every thread with spans is named: " + names);

        long switches = ((Number) ((Map<?, ?>) Json.parse(Files.readString(stats))).get("gil_switches")).longValue();
        assertTrue(switches > 10, "the old GIL switches every 100 ticks: " + switches);
        assertTrue(running >= handovers, running + " GIL-holding spans, " + handovers + " hand-overs");
        // Hand-overs seen in the tracks are the switches, less those the recorder coalesced (a
        // thread that got the GIL back within 10 us keeps one span).
        assertTrue(handovers <= switches && handovers >= 0.9 * switches - 2,
                handovers + " hand-overs in the trace, " + switches + " switches in --stats");
        List<String> counters = new ArrayList<>();
        events.forEach(o -> counters.add(String.valueOf(((Map<?, ?>) o).get("name"))));
        assertTrue(counters.contains("gil_switches"), "the run's switch count is a counter too");
    }
}
