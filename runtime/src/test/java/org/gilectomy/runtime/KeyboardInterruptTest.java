package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C: a SIGINT to a running program raises KeyboardInterrupt in the main thread, whether
 * it is computing (seen at the eval breaker) or blocked (time.sleep, queue.get, Event.wait,
 * socket accept, RLock.acquire); exit status 130, as
 * CPython. Runs the program in a child JVM and signals it with kill(1).
 */
class KeyboardInterruptTest {
    @ParameterizedTest
    @CsvSource({"gil, busy", "gil, sleep", "gilectomy, busy", "gilectomy, sleep",
        "gil, queue", "gilectomy, queue", "gil, event", "gilectomy, event", "gil, accept", "gilectomy, rlock"})
    void sigintRaisesKeyboardInterrupt(String preset, String kind, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path prog = dir.resolve(kind + ".py");
        Files.writeString(prog, "import time\nimport queue\nimport threading\nimport socket\n"
                + "print('started', flush=True)\n" + blockingBody(kind));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.gilectomy.runtime.cli.RunCommand", "--preset", preset, prog.toString()))
                .redirectErrorStream(false).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("started", out.readLine());
            Assumptions.assumeFalse(sigintIgnored(p.pid()),
                    "SIGINT is ignored in this process tree (started in the background without job control): cannot test Ctrl-C here");
            Thread.sleep(200); // let the loop run, or the sleep begin
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGINT");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(130, p.exitValue(), err);
            assertTrue(err.startsWith("Traceback (most recent call last):\n"), err);
            assertTrue(err.endsWith("KeyboardInterrupt\n"), err);
        } finally {
            p.destroyForcibly();
        }
    }

    /** A program body that computes forever, or blocks in one of the calls that must wake on Ctrl-C. */
    private static String blockingBody(String kind) {
        switch (kind) {
            case "busy":
                return "n = 0\nwhile True:\n    n += 1\n";
            case "sleep":
                return "time.sleep(300)\n";
            case "queue":
                return "queue.Queue().get()\n";
            case "event":
                return "threading.Event().wait()\n";
            case "accept":
                return "s = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(1)\ns.accept()\n";
            case "rlock":
                return "r = threading.RLock()\n"
                        + "def hold():\n    r.acquire()\n    time.sleep(300)\n"
                        + "threading.Thread(target=hold, daemon=True).start()\ntime.sleep(0.1)\nr.acquire()\n";
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** SigIgn in /proc/PID/status is a hex mask; SIGINT (2) is bit 1. */
    private static boolean sigintIgnored(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        Assumptions.assumeTrue(Files.exists(status), "no /proc: cannot tell whether SIGINT is ignored");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
