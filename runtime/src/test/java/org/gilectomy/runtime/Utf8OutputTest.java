package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line writes UTF-8 on stdout and stderr in every locale, as CPython does (its C
 * locale is coerced to UTF-8): run in a child JVM under LANG=C, where Java's own streams would
 * print '?' for every non-ASCII character.
 */
class Utf8OutputTest {
    @Test
    void stdoutAndStderrAreUtf8UnderTheCLocale(@TempDir Path dir) throws Exception {
        Path prog = dir.resolve("p.py");
        Files.writeString(prog, "print('caf\u00e9 \\U0001F600', len('\\U0001F600'))\nraise ValueError('\u20ac')\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.gilectomy.runtime.cli.RunCommand", "--preset", "gil", prog.toString()));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals("caf\u00e9 \uD83D\uDE00 1\n", new String(out, StandardCharsets.UTF_8));
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals("ValueError: \u20ac", stderr.strip().substring(stderr.strip().lastIndexOf('\n') + 1), stderr);
        assertEquals(1, p.exitValue());
    }
}
