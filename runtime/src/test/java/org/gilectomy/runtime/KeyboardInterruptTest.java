package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
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
    /**
     * The kinds of wait, in the order one child runs them: each but the last in a
     * {@code try/except KeyboardInterrupt} that reports it and goes on to the next (one JVM per
     * preset, not one per kind: a JVM's start is most of this test's time), the last uncaught,
     * so the program ends as CPython's does on Ctrl-C.
     */
    private static final List<String> KINDS = List.of("busy", "sleep", "queue", "event", "accept", "rlock");

    @ParameterizedTest
    @CsvSource({"gil, event", "gilectomy, busy"})
    void sigintRaisesKeyboardInterrupt(String preset, String last, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<String> order = new ArrayList<>(KINDS);
        order.remove(last);
        order.add(last);
        StringBuilder prog = new StringBuilder("import time\nimport queue\nimport threading\nimport socket\n");
        for (String kind : order) {
            prog.append("def wait_").append(kind).append("():\n").append(blockingBody(kind).indent(4));
        }
        for (String kind : order.subList(0, order.size() - 1)) {
            prog.append("print('started ").append(kind).append("', flush=True)\ntry:\n    wait_").append(kind)
                    .append("()\nexcept KeyboardInterrupt:\n    print('interrupted ").append(kind).append("', flush=True)\n");
        }
        prog.append("print('started ").append(last).append("', flush=True)\nwait_").append(last).append("()\n");
        Path file = dir.resolve("waits.py");
        Files.writeString(file, prog);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.gilectomy.runtime.cli.RunCommand", "--preset", preset, file.toString()))
                .redirectErrorStream(false).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String kind : order) {
                assertEquals("started " + kind, readLine(reader, out), kind);
                if (kind.equals(order.get(0))) {
                    Assumptions.assumeFalse(sigintIgnored(p.pid()),
                            "SIGINT is ignored in this process tree (started in the background without job control): cannot test Ctrl-C here");
                }
                Thread.sleep(200); // let the loop run, or the wait begin
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
                if (!kind.equals(last)) {
                    assertEquals("interrupted " + kind, readLine(reader, out), kind + ": no KeyboardInterrupt under " + preset);
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGINT");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(130, p.exitValue(), err);
            assertTrue(err.startsWith("Traceback (most recent call last):\n"), err);
            assertTrue(err.endsWith("KeyboardInterrupt\n"), err);
        } finally {
            p.destroyForcibly();
            reader.shutdownNow();
        }
    }

    /** The child's next line of output, or a failure if it says nothing for 30 s (it is stuck). */
    private static String readLine(ExecutorService reader, BufferedReader out) throws Exception {
        Future<String> line = reader.submit(out::readLine);
        try {
            return line.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "(nothing for 30 s)";
        }
    }

    /** A function body that computes forever, or blocks in one of the calls that must wake on Ctrl-C. */
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
