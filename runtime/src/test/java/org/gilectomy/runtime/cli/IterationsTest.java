package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code run --iterations N}: N timings, a fresh {@code __main__} each time (with the real
 * runtime, in the build surefire chose for this JVM), later iterations' stdout kept off the
 * real stdout, the loop stopped by a failing iteration, and bad values as usage errors.
 */
class IterationsTest {
    /**
     * Each iteration must print the same line: a module-level list, sys.argv, an attribute set on
     * the sys module, thread names and the switch interval all start afresh. A runtime that
     * reused any of them would print 2, 3, True, Thread-2 or 0.5 from the second iteration on.
     */
    static final String FRESH_STATE_PROGRAM = """
            import sys
            import threading
            log = []
            names = []


            def work():
                names.append(threading.current_thread().name)


            log.append(len(sys.argv))
            t = threading.Thread(target=work)
            t.start()
            t.join()
            print(len(log), len(sys.argv), hasattr(sys, "mark"), names, sys.getswitchinterval())
            sys.mark = 1
            sys.argv.append("x")
            sys.setswitchinterval(0.5)
            """;
    static final String FRESH_LINE = "1 2 False ['Thread-1 (work)'] 0.005\n";

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    /** The real backend, but each iteration's stdout captured on its own; records which stream run() was given. */
    static final class CapturingBackend implements Backend {
        final Backend real;
        final List<PrintStream> given = new ArrayList<>();
        final List<ByteArrayOutputStream> outputs = new ArrayList<>();

        CapturingBackend(Backend real) {
            this.real = real;
        }

        @Override
        public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
            real.select(config, stats, switchIntervalNanos);
        }

        @Override
        public int run(Path file, List<String> args, PrintStream out, PrintStream err) {
            given.add(out);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            outputs.add(captured);
            try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
                return real.run(file, args, p, err);
            }
        }

        @Override
        public StatsReport stats(BuildConfig config) {
            return real.stats(config);
        }
    }

    int execute(Backend backend, String... args) {
        CommandLine cl = RunCommand.newCommandLine(backend);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    /**
     * The preset this JVM's surefire execution runs (the build can be chosen once per process);
     * the test is skipped in an execution whose build is no preset (the negative control's).
     */
    static String thisJvmsPreset() {
        String name = System.getProperty("gilectomy.preset", "gil");
        assumeTrue(java.util.Arrays.stream(Preset.values()).anyMatch(p -> p.flagName().equals(name)),
                "this JVM runs no preset: " + name);
        return name;
    }

    @Test
    void threeIterationsGiveThreeTimingsAndAFreshMainEachTime() throws IOException {
        Path program = Files.writeString(dir.resolve("fresh.py"), FRESH_STATE_PROGRAM);
        Path times = dir.resolve("times.json");
        CapturingBackend backend = new CapturingBackend(Backend.LIVE);
        int status = execute(backend, "--preset", thisJvmsPreset(), "--iterations", "3",
                "--iteration-times", times.toString(), program.toString(), "a");
        assertEquals(0, status, err.toString());

        assertEquals(3, backend.outputs.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(FRESH_LINE, backend.outputs.get(i).toString(StandardCharsets.UTF_8), "iteration " + (i + 1));
        }
        assertSame(System.out, backend.given.get(0), "iteration 1 prints to stdout");
        assertNotSame(System.out, backend.given.get(1), "later iterations' stdout is discarded");
        assertNotSame(System.out, backend.given.get(2));

        Map<String, Object> m = Json.parseObject(Files.readString(times));
        assertEquals(3L, m.get("iterations"));
        assertEquals(3L, m.get("completed"));
        assertEquals(0L, m.get("exit_status"));
        List<?> ns = (List<?>) m.get("iteration_ns");
        assertEquals(3, ns.size(), m.toString());
        for (Object t : ns) {
            assertTrue(t instanceof Number n && n.longValue() > 0, m.toString());
        }
        for (String column : List.of("iteration_cpu_ns", "iteration_threads_cpu_ns", "iteration_jit_ms", "iteration_gc_count", "iteration_gc_ms")) {
            List<?> values = (List<?>) m.get(column);
            assertEquals(3, values.size(), column + ": " + m);
            for (Object v : values) {
                assertTrue(v == null || (v instanceof Number n && n.longValue() >= 0), column + ": " + m);
            }
        }
        long cpu = 0;
        for (Object v : (List<?>) m.get("iteration_cpu_ns")) {
            cpu += v == null ? 0 : ((Number) v).longValue();
        }
        assertTrue(cpu > 0, "running three iterations takes some CPU time: " + m);
        for (Object v : (List<?>) m.get("iteration_threads_cpu_ns")) {
            assertTrue(((Number) v).longValue() > 0, "each iteration's Python threads (main, worker) ended "
                    + "within it and used some CPU: " + m);
        }
    }

    @Test
    void aFailingIterationStopsTheLoopWithItsStatus() throws IOException {
        FakeBackend fake = new FakeBackend();
        fake.status = 3;
        Path program = Files.writeString(dir.resolve("p.py"), "print(1)\n");
        Path times = dir.resolve("times.json");
        assertEquals(3, execute(fake, "--iterations", "5", "--iteration-times", times.toString(), program.toString()));
        assertEquals(List.of("select", "run"), fake.calls);
        assertTrue(err.toString().contains("gilectomy: iteration 1 of 5 exited with status 3; "
                + "the remaining iterations were not run"), err.toString());
        Map<String, Object> m = Json.parseObject(Files.readString(times));
        assertEquals(1L, m.get("completed"));
        assertEquals(3L, m.get("exit_status"));
    }

    @Test
    void timingFileGainsTheIterationTimes() throws IOException {
        FakeBackend fake = new FakeBackend();
        Path program = Files.writeString(dir.resolve("p.py"), "print(1)\n");
        Path timing = dir.resolve("timing.json");
        assertEquals(0, execute(fake, "--iterations", "4", "--timing-file", timing.toString(), program.toString()));
        assertEquals(List.of("select", "run", "run", "run", "run", "stats"), fake.calls);
        Map<String, Object> m = Json.parseObject(Files.readString(timing));
        assertEquals(4, ((List<?>) m.get("iteration_ns")).size(), m.toString());
        assertTrue(m.get("wall_s") instanceof Number, m.toString());
    }

    @Test
    void badIterationCountsAreUsageErrors() throws IOException {
        FakeBackend fake = new FakeBackend();
        Path program = Files.writeString(dir.resolve("p.py"), "print(1)\n");
        for (String bad : List.of("0", "-2", "many")) {
            err.getBuffer().setLength(0);
            assertEquals(2, execute(fake, "--iterations", bad, program.toString()), bad);
            assertTrue(err.toString().contains("--iterations"), err.toString());
            assertTrue(err.toString().contains("Try './gilectomy run --help'."), err.toString());
        }
        assertTrue(fake.calls.isEmpty(), fake.calls.toString());
    }
}
