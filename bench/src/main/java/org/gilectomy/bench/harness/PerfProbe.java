package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --perf}: hardware cache misses and cycles per run from {@code perf stat}, where the
 * machine has the counters. Virtual machines usually do not: perf then prints
 * {@code <not supported>} for every event. That is detected once, before any run, by counting
 * a trivial command, and reported as {@code perf: "unavailable: <reason>"}; a count that perf
 * did not measure is never reported as zero.
 *
 * <p>perf counts the whole child process, JVM start-up included, unlike wall_s and cpu_s.
 */
public final class PerfProbe {
    /** The events counted. */
    static final String EVENTS = "cache-misses,cycles";

    private final String unavailableReason;

    private PerfProbe(String unavailableReason) {
        this.unavailableReason = unavailableReason;
    }

    /** {@link #detect()}, saying on {@code err} when perf cannot count here. */
    public static PerfProbe detect(java.io.PrintWriter err, String program) {
        PerfProbe p = detect();
        if (!p.available()) {
            err.println(program + ": --perf: " + p.status() + "; no cache-miss or cycle counts will be reported");
            err.flush();
        }
        return p;
    }

    /** Runs {@code perf stat} once on {@code true} and judges its answer. */
    public static PerfProbe detect() {
        Path out = null;
        try {
            out = Files.createTempFile("gilectomy-perf-probe", ".csv");
            Process p = new ProcessBuilder(wrap(List.of("true"), out))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new PerfProbe("perf stat did not finish within 30 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                return new PerfProbe("perf stat exited with status " + p.exitValue() + firstLine(text));
            }
            return judge(text);
        } catch (IOException e) {
            return new PerfProbe("perf is not installed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PerfProbe("interrupted while probing perf");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The verdict on perf's CSV output for the probe command. */
    static PerfProbe judge(String perfCsv) {
        Map<String, Long> counts = parse(perfCsv);
        if (counts.size() < EVENTS.split(",").length) {
            String reason = perfCsv.contains("<not supported>") ? "the hardware counters are not supported on this machine "
                    + "(perf stat answers <not supported>; usual in a virtual machine)"
                    : perfCsv.contains("<not counted>") ? "perf stat counted nothing (<not counted>)"
                    : "perf stat gave no counts" + firstLine(perfCsv);
            return new PerfProbe(reason);
        }
        return new PerfProbe(null);
    }

    public static PerfProbe unavailable(String reason) {
        return new PerfProbe(reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /** The JSON value of the {@code perf} field: {@code "ok"} or {@code "unavailable: ..."}. */
    public String status() {
        return available() ? "ok" : "unavailable: " + unavailableReason;
    }

    /** {@code perf stat -e EVENTS -x, -o OUT -- COMMAND...}. */
    static List<String> wrap(List<String> command, Path out) {
        List<String> cmd = new ArrayList<>(List.of("perf", "stat", "-e", EVENTS, "-x,", "-o", out.toString(), "--"));
        cmd.addAll(command);
        return cmd;
    }

    /**
     * The counts of perf's CSV ({@code value,unit,event,...} per line; comments start with #):
     * {@code perf_cache_misses}, {@code perf_cycles}. An event perf did not count is absent.
     */
    static Map<String, Long> parse(String perfCsv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : perfCsv.split("\n")) {
            String[] f = line.split(",", -1);
            if (line.startsWith("#") || f.length < 3) {
                continue;
            }
            String event = f[2].trim();
            int colon = event.indexOf(':'); // "cycles:u"
            if (colon >= 0) {
                event = event.substring(0, colon);
            }
            try {
                long v = Long.parseLong(f[0].trim());
                m.put("perf_" + event.replace('-', '_').toLowerCase(Locale.ROOT), v);
            } catch (NumberFormatException e) {
                // "<not supported>", "<not counted>": no number, no field
            }
        }
        return m;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return ": " + line.strip();
            }
        }
        return "";
    }
}
