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
import org.gilectomy.bench.harness.Noise;
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
        return execute(null, args);
    }

    int execute(Noise.Probe probe, String... args) {
        ExperimentCommand command = new ExperimentCommand();
        command.noiseProbe = probe;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listNamesEveryExperiment() {
        assertEquals(0, execute("--list"));
        for (String name : List.of("beazley-count", "switch-interval", "convoy", "gilectomy-fib", "ftscaling",
                "shared-container", "single-thread-tax", "speed")) {
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

    /** A machine where other processes keep {@code cores} cores busy (the clock is real, the load simulated). */
    static Noise.Probe machineWithOthersUsing(double cores) {
        long t0 = System.nanoTime();
        return () -> new Noise.Sample(cores * (System.nanoTime() - t0) / 1e9, 0, 0.1);
    }

    /**
     * Load from other processes during the runs marks every cell NOISY in the table, the
     * records and the chart's data, and turns every verdict into NOISY; on a quiet machine
     * (the control) nothing is.
     */
    @Test
    void busyMachineMakesCellsAndVerdictsNoisy() throws IOException {
        Path busy = dir.resolve("busy");
        assertEquals(0, execute(machineWithOthersUsing(1.5), "beazley-count", "--quick", "--out", busy.toString(),
                "--workloads", WORKLOADS.toString(), "--child-main", "org.gilectomy.bench.cli.FakeChild"), err.toString());
        String report = out.toString();
        assertTrue(report.contains("NOISY: other processes used 1.5"), report);
        String verdicts = report.substring(report.indexOf("Verdicts:\n"));
        List<String> lines = verdicts.lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty(), verdicts);
        for (String l : lines) {
            assertTrue(l.strip().startsWith("NOISY "), l);
            assertTrue(l.contains("[would be "), l);
        }
        for (Object r : (List<?>) Json.parse(Files.readString(busy.resolve("results.json")))) {
            Map<?, ?> m = (Map<?, ?>) r;
            assertEquals(true, m.get("noisy"), m.toString());
            assertTrue(String.valueOf(m.get("noise")).contains("other processes used"), m.toString());
            assertTrue(((Number) m.get("other_cores")).doubleValue() > 1.4, m.toString());
        }
        String html = Files.readString(busy.resolve("report.html"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"file"), "self-contained");
        assertTrue(html.contains("<img alt=\"beazley-count.png\" src=\"data:image/png;base64,"), "chart inlined");
        List<?> busyRecords = (List<?>) Json.parse(Files.readString(busy.resolve("results.json")));
        assertEquals(busyRecords.size(), html.split("<tr class=\"run NOISY\">", -1).length - 1, "a NOISY row per run");
        assertEquals(lines.size(), html.split("<tr class=\"NOISY\"><td>NOISY</td>", -1).length - 1, "a NOISY verdict row each");
        Map<?, ?> meta = (Map<?, ?>) Json.parse(Files.readString(busy.resolve("metadata.json")));
        assertTrue(meta.keySet().containsAll(Set.of("date", "cores", "cpu_model", "jvm", "commit",
                "load_average_before", "load_average_after")), meta.toString());

        out.getBuffer().setLength(0);
        Path quiet = dir.resolve("quiet");
        assertEquals(0, execute(machineWithOthersUsing(0), "beazley-count", "--quick", "--out", quiet.toString(),
                "--workloads", WORKLOADS.toString(), "--child-main", "org.gilectomy.bench.cli.FakeChild"), err.toString());
        assertFalse(out.toString().contains("NOISY"), out.toString());
        for (Object r : (List<?>) Json.parse(Files.readString(quiet.resolve("results.json")))) {
            assertEquals(false, ((Map<?, ?>) r).get("noisy"), r.toString());
        }
    }

    /** A quiet machine whose load average reads {@code first} once, then {@code later} (an experiment's own threads). */
    static Noise.Probe loadAverageFirstThen(double first, double later) {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        return () -> new Noise.Sample(0, 0, reads.getAndIncrement() == 0 ? first : later);
    }

    /**
     * The load average is judged once, before the first part: a later part of a two-part
     * experiment (convoy) is not marked NOISY because the earlier part's threads raised the
     * load average; the control, a machine loaded before the experiment starts, marks every
     * cell of both parts.
     */
    @Test
    void loadAverageIsJudgedBeforeTheFirstPartOnly() throws IOException {
        Path own = dir.resolve("own");
        assertEquals(0, execute(loadAverageFirstThen(0.1, 9.0), "convoy", "--quick", "--out", own.toString(),
                "--workloads", WORKLOADS.toString(), "--child-main", "org.gilectomy.bench.cli.FakeChild"), err.toString());
        List<?> records = (List<?>) Json.parse(Files.readString(own.resolve("results.json")));
        assertTrue(records.stream().map(r -> ((Map<?, ?>) r).get("part")).distinct().count() >= 2, records.toString());
        for (Object r : records) {
            assertEquals(false, ((Map<?, ?>) r).get("noisy"), r.toString());
        }

        out.getBuffer().setLength(0);
        Path loaded = dir.resolve("loaded");
        assertEquals(0, execute(loadAverageFirstThen(9.0, 0.1), "convoy", "--quick", "--out", loaded.toString(),
                "--workloads", WORKLOADS.toString(), "--child-main", "org.gilectomy.bench.cli.FakeChild"), err.toString());
        for (Object r : (List<?>) Json.parse(Files.readString(loaded.resolve("results.json")))) {
            Map<?, ?> m = (Map<?, ?>) r;
            assertEquals(true, m.get("noisy"), m.toString());
            assertTrue(String.valueOf(m.get("noise")).contains("load average 9.0 before the run"), m.toString());
        }
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

    /**
     * speed, quick, end to end: this runtime's cells are FakeChild processes (real
     * {@code run --iterations}, no Python), CPython's (when there is a python3) the real
     * steady_state.py driver on the real suite. Every steady-state record has its iterations and
     * steady_s, every record the process's whole time; the report has both tables and both verdicts.
     */
    @Test
    void speedQuickRunEndToEnd() throws IOException {
        Path o = dir.resolve("speed");
        int status = execute("speed", "--quick", "--out", o.toString(), "--workloads", WORKLOADS.toString(),
                "--child-main", "org.gilectomy.bench.cli.FakeChild");
        assertEquals(0, status, err.toString());
        String report = out.toString();
        assertTrue(report.startsWith("== speed: "), report);
        assertTrue(report.contains("Steady state (median of the last 2 of 4 iterations in one process"), report);
        assertTrue(report.contains("Whole process (one run per process, JVM or interpreter start-up included):"), report);
        assertTrue(report.contains(" gil within 1.5x of CPython 3.11 (steady state): geomean steady(gil) / steady(python3) = "), report);
        assertTrue(report.contains(" nogil single-thread tax over gil (steady state): geomean steady(nogil) / steady(gil) = "), report);
        boolean python = Speed.pythonMissing(new Context(true, List.of(), WORKLOADS, o)) == null;
        if (!python) {
            assertTrue(report.contains("NOT MEASURED gil within 1.5x"), report);
        }

        List<?> records = (List<?>) Json.parse(Files.readString(o.resolve("results.json")));
        assertEquals(Speed.SUITE.size() * (python ? 6 : 4), records.size());
        for (Object r : records) {
            Map<?, ?> m = (Map<?, ?>) r;
            assertEquals("speed", m.get("experiment"));
            assertTrue(m.get("process_wall_s") instanceof Number, m.toString());
            boolean whole = String.valueOf(m.get("series")).endsWith(Speed.WHOLE);
            assertEquals(!whole, m.get("steady_s") instanceof Number, m.toString());
            if (!whole) {
                assertEquals(4, ((List<?>) m.get("iteration_ns")).size(), m.toString());
            }
        }
        ChartsTest.assertPng(o.resolve("speed.png"));
    }
}
