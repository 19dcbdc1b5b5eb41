package org.gilectomy.bench.harness;

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

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The compare command: usage errors, and two end-to-end runs with real child JVMs running
 * {@code FakeChild} (the real command line over a backend that runs no Python). Nothing is
 * timed: only the shape of the output is checked.
 */
class CompareCommandTest {
    @TempDir
    Path dir;

    StringWriter out;
    StringWriter err;
    Path program;

    @BeforeEach
    void setUp() throws IOException {
        out = new StringWriter();
        err = new StringWriter();
        program = Files.writeString(dir.resolve("prog.py"), "pass\n");
    }

    int execute(String... args) {
        CommandLine cl = new CommandLine(new CompareCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, execute());
        assertEquals(2, execute(program.toString(), "--presets", "gil,nope"));
        assertTrue(err.toString().contains("unknown preset 'nope'"), err.toString());
        assertEquals(2, execute(program.toString(), "--threads", "1,x"));
        assertEquals(2, execute(program.toString(), "--threads", "0"));
        assertEquals(2, execute(program.toString(), "--repeat", "0"));
        assertEquals(2, execute(program.toString(), "--warmup", "-1"));
        assertEquals(2, execute(program.toString(), "--timeout", "-5"));
        assertEquals(2, execute(program.toString(), "--peer", "cobol"));
        assertTrue(err.toString().contains("unknown peer 'cobol' (expected one of: python3, pypy3, jython)"), err.toString());
    }

    @Test
    void missingProgramExits2BeforeStartingAnything() {
        assertEquals(2, execute(dir.resolve("nope.py").toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("can't open file"), err.toString());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void defaults() {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs(program.toString(), "--", "--size", "3");
        assertEquals(List.of(org.gilectomy.runtime.cli.Preset.GIL, org.gilectomy.runtime.cli.Preset.GILECTOMY), c.presets);
        assertEquals(List.of(1, 2), c.threads);
        assertEquals(3, c.repeat);
        assertEquals(1, c.warmup);
        assertFalse(c.perf || c.countTransfers || c.noCharts);
        assertEquals(List.of(), c.peers);
        assertEquals(List.of("--size", "3"), c.extra);
        assertEquals(ChildJvm.DEFAULT_MAIN, c.childMain);
    }

    @Test
    void endToEndWithRealChildJvms() throws IOException {
        Path outDir = dir.resolve("results");
        int status = execute(program.toString(), "--presets", "gilectomy,gil", "--threads", "1,2",
                "--repeat", "1", "--warmup", "0", "--out", outDir.toString(),
                "--child-main", "org.gilectomy.bench.cli.FakeChild", "--timeout", "120");
        assertEquals(0, status, err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("preset     threads  wall median (s) [min-max]  cpu median (s)  "
                + "speedup vs 1 thread  slowdown vs gilectomy  speedup vs gil 1 thread  gil switches"), table);
        // then a noise column only if this machine was busy meanwhile
        assertTrue(Files.exists(outDir.resolve("metadata.json")));
        assertTrue(table.contains("\ngilectomy        1  "), table);
        assertTrue(table.contains("\ngil              2  "), table);
        assertTrue(table.contains("Medians of 1 run per cell after no warm-up run; a fresh JVM per run;"),
                table);
        assertFalse(table.contains("WARNING"), table);
        assertTrue(err.toString().contains("4 runs, a fresh JVM each"), err.toString());

        List<?> runs = (List<?>) Json.parse(Files.readString(outDir.resolve("results.json")));
        assertEquals(4, runs.size());
        for (Object o : runs) {
            Map<?, ?> run = (Map<?, ?>) o;
            assertTrue(run.get("wall_s") instanceof Number, run.toString());
            assertEquals(0L, run.get("exit_status"));
            assertEquals(run.get("preset").equals("gil") ? 4L : null, run.get("gil_switches"));
        }
        List<String> csv = Files.readAllLines(outDir.resolve("results.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("series,preset,threads,repeat,wall_s,cpu_s,exit_status,label,gil,refcount,lock"), csv.get(0));
        String saved = Files.readString(outDir.resolve("table.txt"));
        assertTrue(table.startsWith(saved), "table.txt:\n" + saved);
        assertTrue(table.endsWith("Results: " + outDir.resolve("results.csv") + ", " + outDir.resolve("results.json")
                + ", " + outDir.resolve("table.txt") + ", " + outDir.resolve("metadata.json") + ", "
                + outDir.resolve("speedup.png") + ", "
                + outDir.resolve("cpu.png") + System.lineSeparator()), table);
        for (String png : List.of("speedup.png", "cpu.png")) {
            byte[] b = Files.readAllBytes(outDir.resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png + " is not a PNG");
        }
    }

    @Test
    void aFailingChildAbortsWithItsStderr() {
        int status = execute(program.toString(), "--presets", "gil", "--threads", "1,2", "--repeat", "1",
                "--warmup", "0", "--out", dir.resolve("o").toString(),
                "--child-main", "org.gilectomy.bench.cli.FakeChild", "--", "fail-with-2");
        assertEquals(1, status);
        String e = err.toString();
        assertTrue(e.contains("gilectomy compare: gil, 2 threads, run 1 failed: exit status 3"), e);
        assertTrue(e.contains("--- its stderr ---\nTraceback (most recent call last):\nRuntimeError: deliberate failure\n"), e);
        assertTrue(e.contains("command: "), e);
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
