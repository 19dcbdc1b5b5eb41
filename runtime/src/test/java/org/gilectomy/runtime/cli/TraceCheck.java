package org.gilectomy.runtime.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code run --trace} file as a viewer needs it and sums what it shows: every event of
 * process 1, every thread with spans named, per thread the begin/end events in time order and
 * balanced (an end closes the innermost open span of the same name). Throws AssertionError
 * on the first fault, naming it.
 */
final class TraceCheck {
    /**
     * What a valid trace shows.
     *
     * @param spans          per span name, the spans begun (a piece marked "continued", cut at a
     *                       change of GIL state, is not another span)
     * @param nestedIn       per "inner in outer", how many spans began with that one innermost open
     * @param args           per span name, the sum of each numeric argument ("objects", ...)
     * @param labels         per span name, the string arguments seen ("type": "list", ...)
     * @param counters       per counter name, its last value
     * @param threads        threads with at least one span
     */
    record Summary(Map<String, Integer> spans, Map<String, Integer> nestedIn, Map<String, Long> args,
                   Map<String, Set<String>> labels, Map<String, Double> counters, Set<Long> threads) {
        int count(String span) {
            return spans.getOrDefault(span, 0);
        }
    }

    private TraceCheck() {
    }

    static Summary check(Map<?, ?> doc) {
        List<?> events = (List<?>) doc.get("traceEvents");
        require(events != null, "no traceEvents");
        Map<Long, String> names = new HashMap<>();
        Map<Long, Deque<String>> open = new HashMap<>();
        Map<Long, Double> lastTs = new HashMap<>();
        Map<String, Integer> spans = new HashMap<>();
        Map<String, Integer> nestedIn = new HashMap<>();
        Map<String, Long> args = new HashMap<>();
        Map<String, Set<String>> labels = new HashMap<>();
        Map<String, Double> counters = new HashMap<>();
        Set<Long> threads = new HashSet<>();
        for (Object o : events) {
            Map<?, ?> e = (Map<?, ?>) o;
            String ph = (String) e.get("ph");
            long tid = ((Number) e.get("tid")).longValue();
            require(((Number) e.get("pid")).longValue() == 1L, "not process 1: " + e);
            String name = (String) e.get("name");
            Map<?, ?> a = (Map<?, ?>) e.get("args");
            switch (ph) {
                case "M" -> {
                    if ("thread_name".equals(name)) {
                        names.put(tid, (String) a.get("name"));
                    }
                }
                case "B", "E" -> {
                    double ts = ((Number) e.get("ts")).doubleValue();
                    require(ts >= lastTs.getOrDefault(tid, 0.0), "thread " + tid + " goes back in time at " + e);
                    lastTs.put(tid, ts);
                    threads.add(tid);
                    Deque<String> stack = open.computeIfAbsent(tid, k -> new ArrayDeque<>());
                    if (ph.equals("B")) {
                        if (a == null || !Boolean.TRUE.equals(a.get("continued"))) {
                            spans.merge(name, 1, Integer::sum);
                            if (!stack.isEmpty()) {
                                nestedIn.merge(name + " in " + stack.peek(), 1, Integer::sum);
                            }
                            if (a != null) {
                                a.forEach((k, v) -> {
                                    if (v instanceof Number n) {
                                        args.merge(name + "." + k, n.longValue(), Long::sum);
                                    } else if (v instanceof String s) {
                                        labels.computeIfAbsent(name + "." + k, x -> new HashSet<>()).add(s);
                                    }
                                });
                            }
                        }
                        stack.push(name);
                    } else {
                        require(!stack.isEmpty(), "an end without a begin: " + e);
                        String top = stack.pop();
                        require(top.equals(name), "end of " + name + " closes " + top + ": " + e);
                    }
                }
                case "C" -> counters.put(name, ((Number) a.get("value")).doubleValue());
                default -> throw new AssertionError("unexpected phase " + e);
            }
        }
        open.forEach((tid, stack) -> require(stack.isEmpty(), "thread " + tid + " left " + stack + " open"));
        require(names.keySet().containsAll(threads), "a thread with spans has no name: " + names + " " + threads);
        return new Summary(spans, nestedIn, args, labels, counters, threads);
    }

    private static void require(boolean ok, String fault) {
        if (!ok) {
            throw new AssertionError(fault);
        }
    }
}
