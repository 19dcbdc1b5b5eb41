package org.gilectomy.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.gilectomy.runtime.cli.Backend;
import org.gilectomy.runtime.cli.BuildConfig;
import org.gilectomy.runtime.cli.Preset;
import org.gilectomy.runtime.cli.RunCommand;
import org.gilectomy.runtime.cli.StatsReport;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Fails the test if a command gets as far as the build. */
    static final Backend UNREACHABLE = new Backend() {
        @Override
        public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
            throw new AssertionError("select reached");
        }

        @Override
        public int run(Path file, List<String> args, PrintStream o, PrintStream e) {
            throw new AssertionError("run reached");
        }

        @Override
        public StatsReport stats(BuildConfig config) {
            throw new AssertionError("stats reached");
        }
    };

    int execute(String... args) {
        CommandLine cl = Main.newCommandLine(UNREACHABLE);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, execute("--help"));
        assertTrue(out.toString().contains("Usage: gilectomy [-hV] COMMAND"), out.toString());
        assertTrue(out.toString().contains("  run "), out.toString());
        assertTrue(out.toString().contains("  compare "), out.toString());
    }

    @Test
    void versionNamesTheProgramAndTheJvm() {
        assertEquals(0, execute("--version"));
        assertTrue(out.toString().startsWith("gilectomy "), out.toString());
        assertTrue(out.toString().contains("JVM: "), out.toString());
    }

    @Test
    void subcommandHelp() {
        assertEquals(0, execute("run", "--help"));
        assertTrue(out.toString().contains("Usage: gilectomy run"), out.toString());
        assertEquals(0, execute("compare", "--help"));
        assertTrue(out.toString().contains("Usage: gilectomy compare"), out.toString());
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, execute());
        assertTrue(err.toString().contains("Missing required subcommand"), err.toString());
        assertEquals(2, execute("frobnicate"));
        assertEquals(2, execute("run"));
        assertEquals(2, execute("run", "--preset", "nope", "x.py"));
        assertEquals(2, execute("run", "--lock"));
        assertEquals(2, execute("compare"));
        assertEquals(2, execute("--bogus"));
    }

    /** A usage error is its message and one line pointing to the help, not the help itself. */
    @Test
    void usageErrorIsTheMessageAndAPointerToTheHelp() {
        assertEquals(2, execute("--bogus"));
        assertEquals(List.of("Unknown option: '--bogus'", "Try './gilectomy --help'."), err.toString().lines().toList());
        err.getBuffer().setLength(0);
        assertEquals(2, execute("run", "--preset", "nope", "x.py"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("nope"), lines.get(0));
        assertEquals("Try './gilectomy run --help'.", lines.get(1));
        assertFalse(err.toString().contains("Usage:"), err.toString());
    }

    @Test
    void runStopsOptionParsingAtTheFileAlsoAsASubcommand() {
        CommandLine cl = Main.newCommandLine(UNREACHABLE);
        cl.parseArgs("run", "--preset", "gilectomy", "prog.py", "--preset", "x", "--stats");
        RunCommand run = cl.getSubcommands().get("run").getCommand();
        assertEquals("prog.py", run.file());
        assertEquals(List.of("--preset", "x", "--stats"), run.programArgs());
        assertEquals(Preset.GILECTOMY, run.buildConfig().preset());
    }

    @Test
    void missingFileUnderRunIsReportedWithStatus2() {
        assertEquals(2, execute("run", "definitely-missing.py"));
        assertTrue(err.toString().startsWith("gilectomy: can't open file '"), err.toString());
        assertTrue(err.toString().contains("definitely-missing.py': [Errno 2] No such file or directory"), err.toString());
    }
}
