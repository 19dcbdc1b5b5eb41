package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gilectomy.runtime.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/peers/steady_state.py} under the real python3 (skipped without one): N timings, a
 * fresh {@code __main__} each time, later iterations' stdout discarded, the loop stopped by a
 * failing iteration, bad options exit 2.
 */
class SteadyStateDriverTest {
    static final Path DRIVER = Path.of("peers", "steady_state.py").toAbsolutePath();

    /**
     * Prints one line to stdout and the same to stderr (never discarded): a driver that reused a
     * global, sys.argv, an attribute of sys or of an imported module, the thread-name counter or
     * the switch interval would print another line from the second iteration on.
     */
    static final String PROGRAM = """
            import sys
            import threading
            import random
            log = []
            names = []


            def work():
                names.append(threading.current_thread().name)


            log.append(len(sys.argv))
            t = threading.Thread(target=work)
            t.start()
            t.join()
            line = "%d %d %s %s %s %s" % (len(log), len(sys.argv), hasattr(sys, "mark"), names,
                                           sys.getswitchinterval(), hasattr(random, "mark"))
            print(line)
            sys.stderr.write(line + "\\n")
            sys.mark = 1
            random.mark = 1
            sys.argv.append("x")
            sys.setswitchinterval(0.5)
            """;
    static final String LINE = "1 2 False ['Thread-1 (work)'] 0.005 False\n";

    @TempDir
    Path dir;

    record Outcome(int status, String stdout, String stderr) {
    }

    static Outcome python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", DRIVER.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            assumeTrue(false, "no python3: " + e.getMessage());
            throw e;
        }
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes(); // the programs here write little: no deadlock
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void threeIterationsGiveThreeTimingsAndAFreshMainEachTime() throws IOException, InterruptedException {
        Path program = Files.writeString(dir.resolve("fresh.py"), PROGRAM);
        Path times = dir.resolve("times.json");
        Outcome o = python("--iterations", "3", "--iteration-times", times.toString(), program.toString(), "a");
        assertEquals(0, o.status(), o.stderr());
        assertEquals(LINE, o.stdout(), "only iteration 1 prints to stdout");
        assertEquals(LINE.repeat(3), o.stderr());
        Map<String, Object> m = Json.parseObject(Files.readString(times));
        assertEquals(3L, m.get("iterations"));
        assertEquals(3L, m.get("completed"));
        assertEquals(0L, m.get("exit_status"));
        assertEquals(3, ((List<?>) m.get("iteration_ns")).size(), m.toString());
        assertTrue(String.valueOf(m.get("interpreter")).startsWith("CPython 3."), m.toString());
        assertTrue(m.get("wall_s") instanceof Number, m.toString());
    }

    @Test
    void aFailingIterationStopsTheLoopWithItsStatus() throws IOException, InterruptedException {
        Path program = Files.writeString(dir.resolve("exit.py"), "import sys\nprint('once')\nsys.exit(4)\n");
        Path times = dir.resolve("times.json");
        Outcome o = python("--iterations", "3", "--iteration-times", times.toString(), program.toString());
        assertEquals(4, o.status());
        assertEquals("once\n", o.stdout());
        assertTrue(o.stderr().contains("iteration 1 of 3 exited with status 4"), o.stderr());
        Map<String, Object> m = Json.parseObject(Files.readString(times));
        assertEquals(1L, m.get("completed"));

        Path raises = Files.writeString(dir.resolve("raise.py"), "print(1 / 0)\n");
        Outcome r = python("--iterations", "2", raises.toString());
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("ZeroDivisionError: division by zero"), r.stderr());
    }

    @Test
    void badOptionsExit2WithUsage() throws IOException, InterruptedException {
        Path program = Files.writeString(dir.resolve("p.py"), "print(1)\n");
        for (List<String> bad : List.of(List.of("--iterations", "0", program.toString()),
                List.of("--iterations", "many", program.toString()), List.of("--frobnicate", "1", program.toString()),
                List.of("--iterations", "2"))) {
            Outcome o = python(bad.toArray(String[]::new));
            assertEquals(2, o.status(), bad.toString());
            assertTrue(o.stderr().contains("usage: steady_state.py"), o.stderr());
            assertEquals("", o.stdout());
        }
    }
}
