package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gilectomy.runtime.cli.Json;

/**
 * results.csv and results.json: one record per measured run (warm-ups excluded), as
 * {@link RunResult#record()} gives it: preset, threads, repeat, wall_s, cpu_s, then the
 * build (label, gil, refcount, lock) and every statistic the child reported, a column each.
 * A statistic a run did not report (say GIL counts in a free-threaded run) is an empty CSV
 * cell and absent from that run's JSON object.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** The CSV columns: the union of the records' keys, in first-seen order. */
    public static List<String> columns(List<Map<String, Object>> records) {
        Set<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> r : records) {
            cols.addAll(r.keySet());
        }
        return new ArrayList<>(cols);
    }

    public static String csv(List<Map<String, Object>> records) {
        List<String> cols = columns(records);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", cols.stream().map(ResultFiles::csvField).toList())).append('\n');
        for (Map<String, Object> r : records) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                Object v = r.get(c);
                cells.add(v == null ? "" : csvField(v instanceof String s ? s : Json.write(v)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A JSON array of the records, one object per line. */
    public static String json(List<Map<String, Object>> records) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < records.size(); i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ").append(Json.write(records.get(i)));
        }
        return sb.append(records.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** Writes DIR/results.csv and DIR/results.json; returns the two paths. */
    public static List<Path> write(Path dir, List<RunResult> results) throws IOException {
        return writeRecords(dir, results.stream().map(RunResult::record).toList());
    }

    /** Writes the records as DIR/results.csv and DIR/results.json; returns the two paths. */
    /**
     * Makes {@code latest}, beside {@code runDir}, a symbolic link to it (relative, so the
     * directory can move), replacing the previous link; a {@code latest} that is not a link is
     * left alone. Where links cannot be made, nothing happens: it is a convenience.
     */
    public static void pointLatest(Path runDir) {
        Path parent = runDir.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        Path latest = parent.resolve("latest");
        try {
            if (Files.isSymbolicLink(latest)) {
                Files.delete(latest);
            } else if (Files.exists(latest)) {
                return;
            }
            Files.createSymbolicLink(latest, runDir.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            // no links on this file system: the run's own directory is still printed
        }
    }

    public static List<Path> writeRecords(Path dir, List<Map<String, Object>> records) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve("results.csv");
        Path json = dir.resolve("results.json");
        Files.writeString(csv, csv(records), StandardCharsets.UTF_8);
        Files.writeString(json, json(records), StandardCharsets.UTF_8);
        return List.of(csv, json);
    }
}
