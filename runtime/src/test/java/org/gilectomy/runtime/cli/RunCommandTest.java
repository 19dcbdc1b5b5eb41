package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.refcount.DeferredKind;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Argument parsing and the run protocol, against a fake backend (the test JVM's build is never fixed). */
class RunCommandTest {
    @TempDir
    Path dir;

    FakeBackend backend;
    StringWriter err;
    StringWriter out;
    Path program;

    @BeforeEach
    void setUp() throws IOException {
        backend = new FakeBackend();
        err = new StringWriter();
        out = new StringWriter();
        program = Files.writeString(dir.resolve("prog.py"), "print(1)\n");
    }

    int execute(String... args) {
        CommandLine cl = RunCommand.newCommandLine(backend);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        return cl.execute(args);
    }

    RunCommand parse(String... args) {
        RunCommand cmd = new RunCommand(backend);
        RunCommand.configure(new CommandLine(cmd)).parseArgs(args);
        return cmd;
    }

    // ------------------------------------------------------------ usage errors: exit 2

    @Test
    void missingFileArgumentIsAUsageError() {
        assertEquals(2, execute());
        assertTrue(err.toString().contains("Missing required parameter: 'FILE.py'"), err.toString());
        assertTrue(err.toString().contains("Try './gilectomy run --help'."), err.toString());
        assertTrue(backend.calls.isEmpty());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, execute("--frobnicate", program.toString()));
        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
    }

    @Test
    void unknownPresetIsAUsageErrorNamingTheValidOnes() {
        assertEquals(2, execute("--preset", "nogill", program.toString()));
        assertTrue(err.toString().contains("unknown preset 'nogill' (expected one of: gil, gil-old, gilectomy, gilectomy-buffered, nogil"), err.toString());
    }

    @Test
    void unknownKnobValuesAreUsageErrors() {
        assertEquals(2, execute("--gil", "old-and-slow", program.toString()));
        assertTrue(err.toString().contains("unknown GIL 'old-and-slow' (expected one of: none, old, new)"), err.toString());
        assertEquals(2, execute("--refcount", "magic", program.toString()));
        assertEquals(2, execute("--lock", "mutex", program.toString()));
        assertTrue(backend.calls.isEmpty());
    }

    @Test
    void nonPositiveSwitchIntervalIsAUsageError() {
        assertEquals(2, execute("--switch-interval", "0", program.toString()));
        assertTrue(err.toString().contains("--switch-interval"), err.toString());
        assertEquals(2, execute("--switch-interval", "soon", program.toString()));
        assertTrue(backend.calls.isEmpty());
    }

    @Test
    void unsafeBuildsAreRefusedInOneLine() {
        String[][] cases = {
            {"--preset", "gilectomy", "--refcount", "plain"},
            {"--gil", "none", "--lock", "none"},
            {"--preset", "nogil", "--lock", "none"},
        };
        String[] labels = {"gilectomy+refcount=plain", "gil+gil=none", "nogil+lock=none"};
        String[] reasons = {"plain reference counts", "plain reference counts", "per-object locks"};
        for (int i = 0; i < cases.length; i++) {
            err.getBuffer().setLength(0);
            String[] args = java.util.Arrays.copyOf(cases[i], cases[i].length + 1);
            args[args.length - 1] = program.toString();
            assertEquals(2, execute(args), String.join(" ", cases[i]));
            String e = err.toString();
            assertTrue(e.startsWith("gilectomy: refusing the unsafe build " + labels[i] + ": ") && e.contains(reasons[i])
                    && e.endsWith("(--allow-unsafe runs it anyway, as a negative control)" + System.lineSeparator()), e);
            assertEquals(1, e.lines().count(), e);
        }
        assertTrue(backend.calls.isEmpty(), "an unsafe build must not even be selected");
    }

    @Test
    void allowUnsafeRunsTheNegativeControlAndSafeOverridesNeedNothing() {
        try {
            assertEquals(0, execute("--gil", "none", "--lock", "none", "--refcount", "atomic", "--allow-unsafe", program.toString()));
            assertEquals("true", System.getProperty(BuildConfig.ALLOW_UNSAFE_PROPERTY), "failures of the run are expected ones");
        } finally {
            System.clearProperty(BuildConfig.ALLOW_UNSAFE_PROPERTY);
        }
        assertEquals(List.of("select", "run"), backend.calls);
        assertEquals(0, execute("--preset", "gil", "--lock", "none", "--refcount", "atomic", program.toString()));
        assertEquals(0, execute("--preset", "gilectomy", "--refcount", "biased", program.toString()));
        assertEquals("", err.toString());
    }

    // ------------------------------------------------------------ parsing

    @Test
    void defaultPresetIsGil() {
        assertEquals(Preset.GIL.config(), parse(program.toString()).buildConfig());
    }

    @Test
    void presetMapsToItsKnobs() {
        assertEquals(new BuildConfig(Preset.GILECTOMY, GilKind.NONE, RefCountKind.ATOMIC, LockKind.SPINPARK, ImmortalKind.NONE, DeferredKind.OFF),
                parse("--preset", "gilectomy", program.toString()).buildConfig());
    }

    @Test
    void individualKnobsOverrideThePresetInAnyOrder() {
        BuildConfig c = parse("--refcount", "atomic", "--preset", "gil", "--lock", "spinpark", program.toString()).buildConfig();
        assertEquals(new BuildConfig(Preset.GIL, GilKind.NEW, RefCountKind.ATOMIC, LockKind.SPINPARK, ImmortalKind.NONE, DeferredKind.OFF), c);
        assertEquals("gil+refcount=atomic+lock=spinpark", c.label());
        assertEquals(GilKind.NONE, parse("--gil", "none", program.toString()).buildConfig().gil());
    }

    @Test
    void optionsEndAtTheFileName() {
        RunCommand cmd = parse("--stats", program.toString(), "2", "--stats", "-x", "--", "--preset");
        assertTrue(cmd.stats);
        assertEquals(program.toString(), cmd.file());
        assertEquals(List.of("2", "--stats", "-x", "--", "--preset"), cmd.programArgs());
        assertEquals(Preset.GIL, cmd.buildConfig().preset());
    }

    @Test
    void doubleDashBeforeTheFileIsAllowed() {
        RunCommand cmd = parse("--", "-weird-name.py", "a");
        assertEquals("-weird-name.py", cmd.file());
        assertEquals(List.of("a"), cmd.programArgs());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, execute("--help"));
        String help = out.toString();
        assertTrue(help.contains("--preset=PRESET"), help);
        for (Preset p : Preset.values()) {
            assertTrue(help.contains(p.flagName()), "preset " + p.flagName() + " missing from: " + help);
        }
        assertFalse(help.contains("--timing-file"), "hidden option shown: " + help);
    }

    // ------------------------------------------------------------ running

    @Test
    void missingProgramFileIsReportedLikeCPythonWithStatus2() {
        Path missing = dir.resolve("nope.py");
        assertEquals(2, execute(missing.toString()));
        assertEquals("gilectomy: can't open file '" + missing.toAbsolutePath()
                + "': [Errno 2] No such file or directory" + System.lineSeparator(), err.toString());
        assertTrue(backend.calls.isEmpty(), "nothing may be initialised for a missing file");
    }

    @Test
    void unwritableReportFilesAreUsageErrorsFoundBeforeTheRun() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain"), "keep");
        String[][] cases = {
            {"--timeline", "/proc/x.png", "No such file or directory"},
            {"--stats-json", dir.toString(), "Is a directory"},
            {"--iteration-times", notADir.resolve("t.json").toString(), "Not a directory"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertEquals(2, execute(c[0], c[1], program.toString()), c[0] + " " + c[1]);
            assertEquals("gilectomy: " + c[0] + ": can't write '" + Path.of(c[1]).toAbsolutePath() + "': " + c[2]
                    + System.lineSeparator(), err.toString());
        }
        assertTrue(backend.calls.isEmpty(), "nothing may run when a report cannot be written");
        assertEquals("keep", Files.readString(notADir));
    }

    @Test
    void checkingAReportFileKeepsAnExistingOneAndLeavesNoNewOne() throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "old");
        Path fresh = dir.resolve("sub/fresh.json");
        assertEquals(null, RunCommand.cannotWrite(old));
        assertEquals(null, RunCommand.cannotWrite(fresh));
        assertEquals("old", Files.readString(old));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void directoryIsReportedLikeCPythonWithStatus1() {
        assertEquals(1, execute(dir.toString()));
        assertTrue(err.toString().startsWith("gilectomy: can't find '__main__' module in '"), err.toString());
    }

    @Test
    void selectsTheBuildBeforeRunningAndReturnsTheProgramsStatus() {
        backend.status = 3;
        assertEquals(3, execute("--preset", "gilectomy", "--switch-interval", "0.001", program.toString(), "4", "x"));
        assertEquals(List.of("select", "run"), backend.calls);
        assertEquals(Preset.GILECTOMY.config(), backend.selected);
        assertFalse(backend.statsSelected);
        assertEquals(1_000_000L, backend.switchIntervalNanos);
        assertEquals(program, backend.ranFile);
        assertEquals(List.of("4", "x"), backend.ranArgs);
        assertEquals("", err.toString());
    }

    @Test
    void statsPrintsTheBlockOnStderrAfterTheRun() {
        assertEquals(0, execute("--stats", "--preset", "gilectomy", program.toString()));
        assertEquals(List.of("select", "run", "stats"), backend.calls);
        assertTrue(backend.statsSelected);
        assertTrue(err.toString().contains("GIL: none (free-threaded build)"), err.toString());
        assertTrue(err.toString().contains("per-object lock:"), err.toString());
    }

    @Test
    void timingFileHoldsWallCpuPresetAndStats() throws IOException {
        Path timing = dir.resolve("sub/timing.json");
        assertEquals(0, execute("--timing-file", timing.toString(), program.toString()));
        Map<String, Object> m = Json.parseObject(Files.readString(timing));
        assertTrue(m.get("wall_s") instanceof Number w && w.doubleValue() >= 0, m.toString());
        assertTrue(m.containsKey("cpu_s"), m.toString());
        assertEquals("gil", m.get("preset"));
        assertEquals("new", m.get("gil"));
        assertEquals(0L, m.get("exit_status"));
        assertEquals(false, m.get("stats_enabled"));
        assertEquals(500L, m.get("gil_acquisitions"));
        assertFalse(m.containsKey("lock_acquisitions"));
        assertEquals("", err.toString(), "the timing file alone prints nothing");
    }

    @Test
    void statsJsonTurnsCountingOnAndWritesTheFigures() throws IOException {
        Path json = dir.resolve("stats.json");
        assertEquals(0, execute("--stats-json", json.toString(), "--preset", "gilectomy", program.toString()));
        assertTrue(backend.statsSelected);
        Map<String, Object> m = Json.parseObject(Files.readString(json));
        assertEquals("gilectomy", m.get("preset"));
        assertEquals(true, m.get("stats_enabled"));
        assertEquals(1_234_567L, m.get("refcount_increfs"));
        assertNull(m.get("gil_switches"));
    }

    @Test
    void unexpectedExceptionIsOneLineAndStatus70() {
        backend.toThrow = new UnsupportedOperationException("interpreter not yet wired");
        assertEquals(70, execute(program.toString()));
        assertEquals("gilectomy: internal error: java.lang.UnsupportedOperationException: interpreter not yet wired"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void describeIncludesCauses() {
        String d = RunCommand.describe(new IllegalStateException("outer", new IOException("inner\ndetail")));
        assertEquals("java.lang.IllegalStateException: outer: caused by java.io.IOException: inner detail", d);
    }
}
