package org.gilectomy.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.locks.GilKind;
import org.gilectomy.trace.ChromeTrace;
import org.gilectomy.trace.GilTimeline;

/**
 * {@code run --timeline FILE.png}: switches the GIL timeline recorder on before the build is
 * chosen, and draws what it recorded after the run.
 */
final class TimelineReport {
    private TimelineReport() {
    }

    /** Must run before anything initialises the GIL classes (the recorder's switch is a static final). */
    static void enable(Path file) {
        if (file != null) {
            System.setProperty(GilTimeline.PROPERTY, "true");
        }
    }

    /**
     * Writes the recorded events as Chrome trace-event JSON ({@code --trace FILE.json}), with the
     * run's GIL switch and drop-request counts (when known) as counters.
     */
    static void writeTrace(Path file, BuildConfig config, String program, List<String> args,
                           Map<String, Object> stats) throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Number> counters = new LinkedHashMap<>();
        for (String k : List.of("gil_switches", "gil_drop_requests")) {
            // only counted figures: without --stats the counters stay at zero
            if (stats != null && Boolean.TRUE.equals(stats.get("stats_enabled")) && stats.get(k) instanceof Number n) {
                counters.put(k, n);
            }
        }
        ChromeTrace.write(file, "gilectomy " + config.label() + ": " + Path.of(program).getFileName() + " "
                + String.join(" ", args), GilTimeline.snapshot(), GilTimeline.now(), counters);
    }

    /** Draws the timeline to {@code file}; says on {@code err} when the build has no GIL to draw. */
    static void write(Path file, BuildConfig config, String program, List<String> args, PrintWriter err) throws IOException {
        if (file == null) {
            return;
        }
        long end = GilTimeline.now();
        List<GilTimeline.Track.Copy> tracks = GilTimeline.snapshot();
        String note = "build " + config.label() + " (gil=" + config.gil().flagName() + ")";
        if (config.gil() == GilKind.NONE) {
            note += ": no GIL in this build, nothing to draw";
            err.println(RunCommand.PROGRAM + ": --timeline: the " + config.label()
                    + " build has no GIL; " + file + " shows no thread");
            err.flush();
        } else if (tracks.stream().anyMatch(GilTimeline.Track.Copy::truncated)) {
            note += "; some threads' events were truncated";
        }
        TimelineChart.write(file, "GIL timeline: " + Path.of(program).getFileName() + " " + String.join(" ", args),
                note, tracks, end);
    }
}
