package org.gilectomy.bench.realprogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.ChildOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The regrtest and pyperformance commands' parsing, floors and usage errors (no child runs). */
class RealProgramsTest {
    @TempDir
    Path tmp;

    private static ChildOutcome outcome(int status, String stdout, String stderr) {
        return new ChildOutcome(List.of("x"), status, false, stdout, stderr);
    }

    @Test
    void driverCountsAreRead() {
        String line = "noise\nGILECTOMY-REGRTEST {\"stage\": \"done\", \"tests\": 10, \"passed\": 8, \"failed\": 1, "
                + "\"errors\": 1, \"skipped\": 0, \"problems\": [\"FAIL a.b: AssertionError\"]}\n";
        Map<String, Object> r = RegrtestCommand.record("test_x", "gil", outcome(0, line, ""));
        assertEquals("done", r.get("stage"));
        assertEquals(8, r.get("passed"));
        assertEquals(1, r.get("errors"));
        assertEquals(List.of("FAIL a.b: AssertionError"), r.get("problems"));
        assertNull(r.get("problem"));
    }

    @Test
    void aRunThatNeverReportsIsACrashWithItsLastLine() {
        Map<String, Object> r = RegrtestCommand.record("test_x", "nogil",
                outcome(1, "", "Traceback (most recent call last):\nNameError: name 'q' is not defined\n"));
        assertEquals("crashed", r.get("stage"));
        assertEquals("exit 1: NameError: name 'q' is not defined", r.get("problem"));
    }

    @Test
    void floorsSayBelowOrOk() throws IOException {
        Path f = Files.writeString(tmp.resolve("floor.csv"), "test,preset,passed\n# comment\ntest_a,gil,5\ntest_a,nogil,5\n");
        var floors = Floor.read(f);
        List<Map<String, Object>> records = List.of(
                Map.of("test", "test_a", "interpreter", "gil", "passed", 6),
                Map.of("test", "test_a", "interpreter", "nogil", "passed", 4));
        List<String> verdicts = Floor.check(floors, records);
        assertEquals(List.of("ok    test_a under gil: 6 passed, floor 5", "BELOW test_a under nogil: 4 passed, floor 5"),
                verdicts);
    }

    @Test
    void pyperformanceRunsAreOkOnlyWithPython3sOutput() {
        ChildOutcome ref = outcome(0, "nbody\n", "GILECTOMY-TIME nbody 0.5\n");
        assertEquals("ok", PyperformanceCommand.record("nbody", "gil", outcome(0, "nbody\n", "GILECTOMY-TIME nbody 1.5\n"), ref)
                .get("status"));
        assertEquals(1.5, PyperformanceCommand.record("nbody", "gil", outcome(0, "nbody\n", "GILECTOMY-TIME nbody 1.5\n"), ref)
                .get("seconds"));
        assertEquals("differs", PyperformanceCommand.record("nbody", "gil", outcome(0, "other\n", ""), ref).get("status"));
        Map<String, Object> err = PyperformanceCommand.record("nbody", "gil",
                outcome(1, "", "ModuleNotFoundError: No module named 'pyperf'\n"), ref);
        assertEquals("error", err.get("status"));
        assertEquals("ModuleNotFoundError: No module named 'pyperf'", err.get("problem"));
    }

    private int execute(Object command, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void usageErrorsAreOneLineAndExit2() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(new RegrtestCommand(), err, "not-a-test"));
        assertTrue(err.toString().startsWith("gilectomy regrtest: 'not-a-test' is not a test module name"), err.toString());
        err = new StringWriter();
        assertEquals(2, execute(new PyperformanceCommand(), err, tmp.toString()));
        assertTrue(err.toString().startsWith("gilectomy pyperformance: " + tmp + ": no pyperformance benchmarks there"),
                err.toString());
        Path bm = Files.createDirectories(tmp.resolve("bm_a"));
        Files.writeString(bm.resolve("run_benchmark.py"), "print(1)\n");
        err = new StringWriter();
        assertEquals(2, execute(new PyperformanceCommand(), err, tmp.toString(), "-b", "zzz"));
        assertTrue(err.toString().startsWith("gilectomy pyperformance: no benchmark 'zzz'"), err.toString());
    }
}
