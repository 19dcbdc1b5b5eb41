package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gilectomy.runtime.cli.Json;

/**
 * Where and when a measurement ran: cores, CPU model, JVM, commit, date, and the load average
 * before and after. Printed under every chart and written as metadata.json, so that a figure
 * never travels without the conditions it was taken in.
 */
public final class RunMetadata {
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final double loadBefore = Noise.loadAverage();
    private double loadAfter = Double.NaN;

    /** Call when the measurements are over. */
    public RunMetadata finish() {
        loadAfter = Noise.loadAverage();
        return this;
    }

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", start.toString());
        m.put("cores", Noise.cores());
        m.put("cpu_model", cpuModel());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("commit", commit());
        m.put("load_average_before", Double.isNaN(loadBefore) ? null : loadBefore);
        m.put("load_average_after", Double.isNaN(loadAfter) ? null : loadAfter);
        return m;
    }

    /** Two lines for a chart's footer. */
    public List<String> footer() {
        Map<String, Object> f = fields();
        return List.of(
                String.format(Locale.ROOT, "%s cores, %s; %s", f.get("cores"), f.get("cpu_model"), f.get("jvm")),
                String.format(Locale.ROOT, "commit %s, %s, load average %s before, %s after",
                        f.get("commit"), f.get("date"), load(loadBefore), load(loadAfter)));
    }

    /** Writes DIR/metadata.json. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, Json.write(fields()) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String load(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** The checkout's commit (git, if there is one), else "unknown". */
    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]+")) {
                return out;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // no git
        }
        return "unknown";
    }
}
