package org.gilectomy.runtime.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gilectomy.runtime.cli.RunCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Where the standard library comes from: {@code --stdlib DIR} (a usage error if DIR is not a
 * directory), {@code GILECTOMY_STDLIB} (in child JVMs, since the environment is the
 * process's), the stdlib at the END of sys.path, Java modules winning over same-named files
 * there, and the note a failed import carries when there is no standard library.
 */
class StdlibLocationTest {
    @TempDir
    Path dir;

    @Test
    void stdlibFlagNamingNoDirectoryIsAOneLineUsageError() throws IOException {
        Path program = Files.writeString(dir.resolve("prog.py"), "print(1)\n");
        StringWriter err = new StringWriter();
        CommandLine cl = RunCommand.newCommandLine(org.gilectomy.runtime.cli.Backend.LIVE);
        cl.setErr(new PrintWriter(err, true));
        Path missing = dir.resolve("no-such-dir");
        assertEquals(2, cl.execute("--stdlib", missing.toString(), program.toString()));
        assertEquals("gilectomy: --stdlib: not a directory: " + missing + System.lineSeparator(), err.toString());
    }

    @Test
    void stdlibFlagWinsAndIsRemembered() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("os.py"), "");
        try {
            assertEquals(null, StdlibLocation.setFromCommandLine(lib));
            assertEquals(lib.toAbsolutePath().normalize(), StdlibLocation.get());
        } finally {
            StdlibLocation.clearCommandLine();
        }
    }

    @Test
    void environmentVariableNamesTheLibraryWhichComesLastAndLosesToJavaModules() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("stdlib"));
        Files.writeString(lib.resolve("os.py"), "");
        Files.writeString(lib.resolve("imp_stdmod.py"), "where = 'from the stdlib dir'\n");
        Files.writeString(lib.resolve("math.py"), "raise RuntimeError('the Java math module must win')\n");
        Path scriptDir = Files.createDirectories(dir.resolve("app"));
        Path program = Files.writeString(scriptDir.resolve("prog.py"), String.join("\n",
                "import sys, math, imp_stdmod",
                "print(imp_stdmod.where, math.sqrt(16.0))",
                "print(sys.path[0] == " + pyStr(scriptDir.toString()) + ", sys.path[-1] == " + pyStr(lib.toString()) + ")",
                ""));
        Result r = runChild(program, lib.toString());
        assertEquals(0, r.status, r.err);
        assertEquals("from the stdlib dir 4.0\nTrue True\n", r.out);
    }

    @Test
    void withoutALibraryAFailedImportSaysHowToInstallOne() throws Exception {
        Path program = Files.writeString(dir.resolve("prog.py"), "import colorsys\n");
        Result r = runChild(program, dir.resolve("nowhere").toString());
        assertEquals(1, r.status, r.err);
        assertTrue(r.err.contains("ModuleNotFoundError: No module named 'colorsys'\n"), r.err);
        assertTrue(r.err.contains("apt-get install libpython3.11-stdlib"), r.err);
        assertTrue(r.err.contains("--stdlib DIR"), r.err);
    }

    private static String pyStr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private record Result(int status, String out, String err) {
    }

    /** The runtime in a child JVM (the environment variable is read once per process). */
    private static Result runChild(Path program, String stdlibEnv) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                RunCommand.class.getName(), program.toString()));
        pb.environment().put(StdlibLocation.ENV, stdlibEnv);
        pb.environment().remove("PYTHONPATH");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("child JVM timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
