package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.ResultFiles;
import org.gilectomy.runtime.cli.Json;

/**
 * report.html: one self-contained page per experiment (no network, no other file): the verdicts,
 * the printed report (tables, the published shape and its source), the charts inlined as data
 * URIs, the metadata and every run's record.
 */
final class ReportHtml {
    private ReportHtml() {
    }

    static Path write(Path dir, Experiment e, String report, List<Target> targets, List<Map<String, Object>> records,
                      Map<String, Object> metadata, List<Path> charts) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(e.name())).append("</title>\n<style>body{font-family:sans-serif;margin:1em 2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}"
                        + ".NOISY{background:#fde2b8}.FAIL{background:#f8c4c4}.PASS{background:#c8efc8}"
                        + "pre{background:#f6f6f6;padding:1em}</style></head><body>\n");
        h.append("<h1>").append(esc(e.name())).append("</h1><p>").append(esc(e.summary())).append("</p>\n");
        h.append("<h2>Verdicts</h2><table id=\"verdicts\"><tr><th>verdict</th><th>target</th><th>ratio</th>"
                + "<th>measured</th><th>requirement</th><th>noise</th></tr>\n");
        for (Target t : targets) {
            String v = t.verdict().name();
            h.append("<tr class=\"").append(v).append("\"><td>").append(v).append("</td><td>").append(esc(t.name()))
                    .append("</td><td>").append(esc(t.ratio())).append("</td><td>")
                    .append(Double.isNaN(t.measured()) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", t.measured()))
                    .append("</td><td>").append(esc(t.requirement())).append("</td><td>")
                    .append(t.noise() == null ? "" : esc(t.noise())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Charts</h2>\n");
        for (Path c : charts) {
            if (Files.isRegularFile(c) && c.toString().endsWith(".png")) {
                h.append("<p><img alt=\"").append(esc(c.getFileName().toString())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(c))).append("\"></p>\n");
            }
        }
        h.append("<h2>Report</h2><pre>").append(esc(report)).append("</pre>\n");
        h.append("<h2>Machine</h2><pre id=\"metadata\">").append(esc(Json.write(metadata))).append("</pre>\n");
        h.append("<h2>Runs</h2><table id=\"runs\"><tr>");
        List<String> cols = ResultFiles.columns(records);
        cols.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (Map<String, Object> r : records) {
            h.append("<tr class=\"run").append(Boolean.TRUE.equals(r.get("noisy")) ? " NOISY" : "").append("\">");
            for (String c : cols) {
                Object v = r.get(c);
                h.append("<td>").append(v == null ? "" : esc(v instanceof String s ? s : Json.write(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        Path file = dir.resolve("report.html");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
