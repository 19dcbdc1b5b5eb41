package org.gilectomy.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GIL timeline as Chrome trace-event JSON ({@code run --trace FILE.json}), which Perfetto's
 * UI, chrome://tracing and speedscope open: the same events {@code runtime.cli.TimelineChart} draws.
 *
 * <p>One process, one track per Python thread (a {@code thread_name} metadata event), and on
 * each a begin/end pair per span of a state: "running (GIL held)", "waiting for the GIL",
 * "blocked (GIL released)"; nothing while released. Times are microseconds since recording
 * started. A counter track "gil" counts the hand-overs seen in the tracks (a thread starting to
 * run after another thread ran), and the run's own statistics (switches, drop requests), when
 * given, are added as counters at the end.
 *
 * <p>Not yet: per-object lock waits and biased-count merges (the recorder only sees the GIL).
 */
public final class ChromeTrace {
    static final String[] SPAN = {"running (GIL held)", "waiting for the GIL", "blocked (GIL released)"};

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
        for (int k = 0; k < tracks.size(); k++) {
            GilTimeline.Track.Copy t = tracks.get(k);
            int tid = k + 1;
            ev.add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + tid + ",\"args\":{\"name\":"
                    + str(t.name()) + "}}");
            int open = -1;
            for (int i = 0; i < t.times().length; i++) {
                long at = t.times()[i];
                if (open >= 0) {
                    ev.add(span("E", open, at, tid));
                }
                byte s = t.states()[i];
                open = s < SPAN.length ? s : -1;
                if (open >= 0) {
                    ev.add(span("B", open, at, tid));
                    if (s == GilTimeline.RUNNING) {
                        runs.add(new long[] {at, tid});
                    }
                }
            }
            if (open >= 0) {
                ev.add(span("E", open, Math.max(end, t.times()[t.times().length - 1]), tid));
            }
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

    private static String span(String ph, int state, long nanos, int tid) {
        return "{\"ph\":\"" + ph + "\",\"cat\":\"gil\",\"name\":\"" + SPAN[state] + "\",\"ts\":" + micros(nanos)
                + ",\"pid\":1,\"tid\":" + tid + "}";
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
