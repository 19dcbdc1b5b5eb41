package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import org.gilectomy.bench.harness.Noise;
import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * An experiment's {@code report.html} as a reader sees it: headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs) loads the page from disk with no network,
 * and the table of runs it parsed (its DOM, not our source text) holds exactly the records of
 * {@code results.json}, value for value; a screenshot of the page is not blank. Skipped, with
 * a message, where there is no Chromium.
 */
class ReportInChromiumTest {
    private static final Pattern ROW = Pattern.compile("<tr class=\"run[^\"]*\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void reportRendersAndItsRunsTableIsTheJson() throws IOException, InterruptedException {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH: report rendering not checked");
        Path out = dir.resolve("run");
        StringWriter text = new StringWriter();
        ExperimentCommand command = new ExperimentCommand();
        command.noiseProbe = quietMachine();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(text, true));
        assertEquals(0, cl.execute("beazley-count", "--quick", "--out", out.toString(), "--workloads",
                ExperimentCommandTest.WORKLOADS.toString(), "--child-main", "org.gilectomy.bench.cli.FakeChild"), text.toString());

        String dom = browser(chromium, "--dump-dom", out.resolve("report.html"));
        List<List<String>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(dom);
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) {
                cells.add(unescape(c.group(1)));
            }
            rows.add(cells);
        }
        assertTrue(dom.contains("<tbody>"), "the DOM is the browser's parse (it adds tbody), not the source");
        List<?> records = (List<?>) Json.parse(Files.readString(out.resolve("results.json")));
        assertEquals(records.size(), rows.size(), "a row per record of results.json");
        List<String> columns = headerCells(dom);
        for (int i = 0; i < records.size(); i++) {
            Map<?, ?> rec = (Map<?, ?>) records.get(i);
            for (int k = 0; k < columns.size(); k++) {
                Object v = rec.get(columns.get(k));
                String expected = v == null ? "" : v instanceof String s ? s : Json.write(v);
                assertEquals(expected, rows.get(i).get(k), "record " + i + ", column " + columns.get(k));
            }
        }

        Path png = dir.resolve("page.png");
        browser(chromium, "--screenshot=" + png, out.resolve("report.html"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 100, "a screenshot was taken");
        assertTrue(hasInk(image), "the page rendered something, not a blank screen");
    }

    private static Noise.Probe quietMachine() {
        return () -> new Noise.Sample(0, 0, 0.1);
    }

    private static List<String> headerCells(String dom) {
        int table = dom.indexOf("<table id=\"runs\">");
        String header = dom.substring(table, dom.indexOf("</tr>", table));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<th>(.*?)</th>").matcher(header);
        while (m.find()) {
            names.add(unescape(m.group(1)));
        }
        return names;
    }

    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Runs headless Chromium on a local file: its stdout (the DOM for --dump-dom). */
    private static String browser(String chromium, String what, Path page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1200,900", what, page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium's exit status");
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }
}
