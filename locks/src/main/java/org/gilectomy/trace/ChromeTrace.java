package org.gilectomy.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GIL timeline as Chrome trace-event JSON ({@code run --trace FILE.json}), which Perfetto's
 * UI, chrome://tracing and speedscope open: the same events {@code runtime.cli.TimelineChart} draws,
 * and the spans of slow paths ({@link SpanLog}) nested in them.
 *
 * <pre>
 * Overview
 *
 * One process, one track per Python thread (a thread_name metadata event), and on each a
 * begin/end pair per span: of a GIL state ("running (GIL held)", "waiting for the GIL",
 * "blocked (GIL released)"; nothing while released), and of each SpanLog span (a lock wait, a
 * merge, a collection and its phases), its arguments on the begin event. Times are
 * microseconds since recording started.
 *
 * Nesting, which the viewers need on one track: the GIL states are the outer level; a span
 * that crosses a change of GIL state is cut there, and each piece after the first has
 * "continued": true in its arguments (so the number of spans is the number of begin events
 * without it); a span is closed no later than the span it opened inside (a collection's pause
 * contains its stop and restart of the world, as recorded). Per track the events are in time
 * order and balanced.
 *
 * Counters (track "C" events): "gil hand-overs (from the tracks)", a thread starting to run
 * after another thread ran; "gil drop requests (from the tracks)", each recorded drop request;
 * and the run's own statistics (switches, drop requests), when given, as final values.
 * </pre>
 */
public final class ChromeTrace {
    static final String[] SPAN = {"running (GIL held)", "waiting for the GIL", "blocked (GIL released)"};

    /** One span to write: level 0 for GIL states, 1 for a collection's pause, 2 for the rest. */
    private record Span(long start, long end, int level, String name, String cat, String args) {
    }

    private ChromeTrace() {
    }

    /**
     * Writes the trace.
     *
     * @param process  the process's name in the viewer
     * @param end      the end of the time axis (ns since the origin): open spans end there
     * @param counters final values to show (e.g. gil_switches from the run's statistics), may be empty
     */
    public static void write(Path file, String process, List<GilTimeline.Track.Copy> tracks, long end,
                             Map<String, ? extends Number> counters) throws IOException {
        List<String> ev = new ArrayList<>();
        ev.add("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"tid\":0,\"args\":{\"name\":" + str(process) + "}}");
        List<long[]> runs = new ArrayList<>(); // {time, tid} of every span of RUNNING
        List<Long> drops = new ArrayList<>();  // time of every drop request
        for (int k = 0; k < tracks.size(); k++) {
            GilTimeline.Track.Copy t = tracks.get(k);
            int tid = k + 1;
            ev.add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + tid + ",\"args\":{\"name\":"
                    + str(t.name()) + "}}");
            List<Span> spans = gilSpans(t, end);
            for (Span s : spans) {
                if (s.name().equals(SPAN[GilTimeline.RUNNING])) {
                    runs.add(new long[] {s.start(), tid});
                }
            }
            addSlowPathSpans(t, spans, drops);
            writeNested(spans, tid, ev);
        }
        runs.sort((a, b) -> Long.compare(a[0], b[0]));
        long handovers = 0;
        long last = -1;
        ev.add(counter("gil hand-overs (from the tracks)", 0, 0));
        for (long[] r : runs) {
            if (last >= 0 && r[1] != last) {
                handovers++;
                ev.add(counter("gil hand-overs (from the tracks)", r[0], handovers));
            }
            last = r[1];
        }
        if (!drops.isEmpty()) {
            drops.sort(null);
            ev.add(counter("gil drop requests (from the tracks)", 0, 0));
            for (int i = 0; i < drops.size(); i++) {
                ev.add(counter("gil drop requests (from the tracks)", drops.get(i), i + 1));
            }
        }
        for (Map.Entry<String, ? extends Number> c : counters.entrySet()) {
            ev.add(counter(c.getKey(), 0, 0));
            ev.add(counter(c.getKey(), end, c.getValue().longValue()));
        }
        StringBuilder sb = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        for (int i = 0; i < ev.size(); i++) {
            sb.append(ev.get(i)).append(i + 1 < ev.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** The track's GIL states as spans (RELEASED is none); the last open one ends at {@code end}. */
    private static List<Span> gilSpans(GilTimeline.Track.Copy t, long end) {
        List<Span> out = new ArrayList<>();
        long[] times = t.times();
        for (int i = 0; i < times.length; i++) {
            byte s = t.states()[i];
            if (s < SPAN.length) {
                long to = i + 1 < times.length ? times[i + 1] : Math.max(end, times[i]);
                out.add(new Span(times[i], to, 0, SPAN[s], "gil", null));
            }
        }
        return out;
    }

    /** Adds the track's SpanLog spans to {@code out}, cut at the GIL's changes; drop requests go to {@code drops}. */
    private static void addSlowPathSpans(GilTimeline.Track.Copy t, List<Span> out, List<Long> drops) {
        SpanLog.Copy c = t.spans();
        long[] cuts = t.times();
        for (int i = 0; i < c.kinds().length; i++) {
            byte kind = c.kinds()[i];
            if (kind == SpanLog.DROP_REQUEST) {
                drops.add(c.starts()[i]);
                continue;
            }
            int level = kind == SpanLog.GC_PAUSE ? 1 : 2;
            long from = c.starts()[i];
            long to = c.ends()[i];
            int k = firstAfter(cuts, from);
            boolean continued = false;
            for (; k < cuts.length && cuts[k] < to; k++) {
                out.add(new Span(from, cuts[k], level, SpanLog.NAME[kind], SpanLog.CATEGORY[kind], args(c, i, continued)));
                from = cuts[k];
                continued = true;
            }
            out.add(new Span(from, to, level, SpanLog.NAME[kind], SpanLog.CATEGORY[kind], args(c, i, continued)));
        }
    }

    /** The index of the first element of the sorted {@code a} greater than {@code x}. */
    private static int firstAfter(long[] a, long x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The JSON arguments of span {@code i} of {@code c}. */
    private static String args(SpanLog.Copy c, int i, boolean continued) {
        String[] names = SpanLog.ARGS[c.kinds()[i]];
        StringBuilder sb = new StringBuilder();
        if (names[0] != null && c.labels()[i] != null) {
            sb.append(',').append(str(names[0])).append(':').append(str(c.labels()[i]));
        }
        if (names[1] != null) {
            sb.append(',').append(str(names[1])).append(':').append(c.a()[i]);
        }
        if (names[2] != null) {
            sb.append(',').append(str(names[2])).append(':').append(c.b()[i]);
        }
        if (continued) {
            sb.append(",\"continued\":true");
        }
        return sb.isEmpty() ? null : "{" + sb.substring(1) + "}";
    }

    /**
     * Writes one track's spans as begin/end events, properly nested: sorted by start (outer
     * level first, then the longer first), each closed before a later one that starts at or
     * after its end, and none outliving the span it opened inside.
     */
    private static void writeNested(List<Span> spans, int tid, List<String> ev) {
        spans.sort((a, b) -> a.start() != b.start() ? Long.compare(a.start(), b.start())
                : a.level() != b.level() ? Integer.compare(a.level(), b.level()) : Long.compare(b.end(), a.end()));
        ArrayDeque<Span> open = new ArrayDeque<>();
        for (Span s : spans) {
            while (!open.isEmpty() && open.peek().end() <= s.start()) {
                Span done = open.pop();
                ev.add(event("E", done, done.end(), tid));
            }
            Span inner = open.isEmpty() || s.end() <= open.peek().end() ? s
                    : new Span(s.start(), open.peek().end(), s.level(), s.name(), s.cat(), s.args());
            open.push(inner);
            ev.add(event("B", inner, inner.start(), tid));
        }
        while (!open.isEmpty()) {
            Span done = open.pop();
            ev.add(event("E", done, done.end(), tid));
        }
    }

    private static String event(String ph, Span s, long nanos, int tid) {
        String args = ph.equals("B") && s.args() != null ? ",\"args\":" + s.args() : "";
        return "{\"ph\":\"" + ph + "\",\"cat\":\"" + s.cat() + "\",\"name\":" + str(s.name()) + ",\"ts\":" + micros(nanos)
                + ",\"pid\":1,\"tid\":" + tid + args + "}";
    }

    private static String counter(String name, long nanos, long value) {
        return "{\"ph\":\"C\",\"name\":" + str(name) + ",\"ts\":" + micros(nanos) + ",\"pid\":1,\"tid\":0,\"args\":{\"value\":"
                + value + "}}";
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1000.0);
    }

    /** A JSON string. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
