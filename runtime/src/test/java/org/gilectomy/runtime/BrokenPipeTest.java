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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gilectomy run prog.py | head -1}: once the reader of stdout has gone, print raises
 * BrokenPipeError, as in CPython, so a program printing forever ends (uncaught: traceback,
 * exit status 1; caught: the program goes on). Runs the program in a child JVM whose stdout
 * this test reads one line of and then closes.
 */
class BrokenPipeTest {
    @ParameterizedTest
    @CsvSource({"gil, uncaught", "gilectomy, uncaught", "nogil, caught"})
    void printIntoAClosedPipeRaisesBrokenPipeError(String preset, String kind, @TempDir Path dir) throws Exception {
        Path prog = dir.resolve(kind + ".py");
        String loop = "while True:\n    print('line')\n";
        Files.writeString(prog, kind.equals("uncaught") ? loop
                : "import sys\ntry:\n" + loop.indent(4) + "except BrokenPipeError as e:\n"
                        + "    sys.stderr.write('caught ' + type(e).__name__ + '\\n')\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.gilectomy.runtime.cli.RunCommand", "--preset", preset, prog.toString())).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("line", out.readLine());
            out.close(); // what head does after its first line
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the program went on printing into a closed pipe");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kind.equals("uncaught")) {
                assertEquals(1, p.exitValue(), err);
                assertTrue(err.startsWith("Traceback (most recent call last):\n"), err);
                assertTrue(err.endsWith("\nBrokenPipeError: [Errno 32] Broken pipe\n"), err);
            } else {
                assertEquals(0, p.exitValue(), err);
                assertEquals("caught BrokenPipeError\n", err);
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
