package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gilectomy.bench.harness.ChartsTest;
import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The experiment command: options, and one end-to-end quick run with real child JVMs running
 * {@code FakeChild} (the real command line over a backend that runs no Python): the shape of the
 * report and of the files, not the figures.
 */
class ExperimentCommandTest {
    static final Path WORKLOADS = Path.of("workloads").toAbsolutePath();

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int execute(String... args) {
        CommandLine cl = new CommandLine(new ExperimentCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listNamesEveryExperiment() {
        assertEquals(0, execute("--list"));
        for (String name : List.of("beazley-count", "switch-interval", "convoy", "gilectomy-fib", "ftscaling",
                "shared-container", "single-thread-tax")) {
            assertTrue(out.toString().contains(name + " "), out.toString());
        }
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, execute());
        assertTrue(err.toString().contains("Missing experiment NAME"), err.toString());
        assertEquals(2, execute("nope"));
        assertTrue(err.toString().contains("unknown experiment 'nope' (expected one of: beazley-count,"), err.toString());
        assertEquals(2, execute("beazley-count", "--repeat", "0"));
        assertEquals(2, execute("beazley-count", "--warmup", "-1"));
        assertEquals(2, execute("beazley-count", "--peer", "cobol"));
        assertTrue(err.toString().contains("unknown peer 'cobol'"), err.toString());
        assertEquals(2, execute("beazley-count", "--workloads", dir.resolve("none").toString()));
    }

    @Test
    void options() {
        ExperimentCommand c = new ExperimentCommand();
        new CommandLine(c).parseArgs("convoy", "--quick", "--out", "/tmp/x", "--peer", "python3,jython", "--timeline",
                "--repeat", "5", "--perf");
        assertEquals("convoy", c.name);
        assertTrue(c.quick && c.timeline && c.perf);
        assertEquals(Path.of("/tmp/x"), c.out);
        assertEquals(List.of("python3", "jython"), c.peers);
        assertEquals(5, c.repeat);
        assertEquals(null, c.warmup);
        assertEquals(600, c.timeoutSeconds);
    }

    @Test
    void quickRunEndToEndWritesTheSchemaTheChartsAndTheVerdicts() throws IOException {
        Path o = dir.resolve("out");
        int status = execute("beazley-count", "--quick", "--out", o.toString(), "--workloads", WORKLOADS.toString(),
                "--child-main", "org.gilectomy.bench.cli.FakeChild", "--timeline");
        assertEquals(0, status, err.toString());
        String report = out.toString();
        assertTrue(report.startsWith("== beazley-count: "), report);
        assertTrue(report.contains("QUICK RUN"), report);
        assertTrue(report.contains("Published shape:\n  Beazley"), report);
        assertTrue(report.contains("Verdicts:\n"), report);
        assertTrue(report.contains("gil-old, 2 threads vs sequential: slower: wall(2 threads) / wall(seq) = "), report);

        List<?> records = (List<?>) Json.parse(Files.readString(o.resolve("results.json")));
        assertEquals(6, records.size());
        Set<String> required = Set.of("experiment", "part", "program", "quick", "series", "preset", "threads",
                "repeat", "wall_s", "cpu_s", "exit_status");
        for (Object r : records) {
            Map<?, ?> m = (Map<?, ?>) r;
            assertTrue(m.keySet().containsAll(required), m.keySet().toString());
            assertEquals("beazley-count", m.get("experiment"));
            assertEquals(true, m.get("quick"));
            assertTrue(m.get("wall_s") instanceof Number);
        }
        List<String> csv = Files.readAllLines(o.resolve("results.csv"));
        assertEquals(7, csv.size());
        assertTrue(csv.get(0).startsWith("experiment,part,program,quick,series,preset,threads,repeat,wall_s,cpu_s"), csv.get(0));
        assertTrue(Files.readString(o.resolve("report.txt")).equals(report.substring(0, report.indexOf("Results: "))));
        ChartsTest.assertPng(o.resolve("beazley-count.png"));
        ChartsTest.assertPng(o.resolve("timeline-countdown-gil-old-t2.png"));
        ChartsTest.assertPng(o.resolve("timeline-countdown-gil-t2.png"));
        assertFalse(Files.exists(o.resolve("timeline-countdown-nogil-t2.png")), "no GIL, no timeline");
    }
}
