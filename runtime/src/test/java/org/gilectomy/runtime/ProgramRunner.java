package org.gilectomy.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gilectomy.runtime.interp.Interpreter;

/** Runs a program in this JVM (the preset surefire chose) or under python3, capturing output. */
final class ProgramRunner {
    static final Path PROGRAMS = Path.of("src/test/resources/programs");

    /** {@code leaks}: what --check-refs found alive at exit (type name -> objects); empty without it, or for python3. */
    record Outcome(int status, String stdout, String stderr, java.util.Map<String, Long> leaks) {
        /** Where --check-refs's leak report starts on stderr (it is printed last, at exit). */
        private static final String LEAK_REPORT = "check-refs: ";

        /** The program's own stderr: without the leak report a cycle-excluded program prints at exit. */
        String programStderr() {
            if (stderr.startsWith(LEAK_REPORT)) {
                return "";
            }
            int at = stderr.indexOf("\n" + LEAK_REPORT);
            return at < 0 ? stderr : stderr.substring(0, at + 1);
        }

        boolean reportsLeaks() {
            return programStderr().length() != stderr.length();
        }

        String lastStderrLine() {
            String[] lines = programStderr().strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private ProgramRunner() {
    }

    static Outcome runHere(Path file, String... args) {
        return runHere(file, System.in, args);
    }

    /** The same, the program's {@code sys.stdin} reading {@code stdin}. */
    static Outcome runHere(Path file, java.io.InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        Interpreter interp;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            interp = new Interpreter(Interpreter.argvFor(file, List.of(args)), o, e, stdin);
            status = interp.runFile(file);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                interp.leaks());
    }

    static boolean python3Available() {
        return org.gilectomy.runtime.fuzz.Fuzzer.python3Available();
    }

    static Outcome runPython3(Path file, String... args) throws IOException, InterruptedException {
        return runPython3(file, null, args);
    }

    /** The same, python3's standard input read from {@code stdin} (null: this JVM's). */
    static Outcome runPython3(Path file, Path stdin, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "python3";
        cmd[1] = file.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ beside the corpus's modules
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("python3 timed out on " + file);
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
                java.util.Map.of());
    }
}
