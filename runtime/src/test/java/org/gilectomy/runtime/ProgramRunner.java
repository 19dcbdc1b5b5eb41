package org.gilectomy.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /** Runs of corpus programs made in this JVM, by program and arguments. */
    private static final java.util.concurrent.ConcurrentHashMap<List<String>, Outcome> CORPUS_RUNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #runHere}, once per program and arguments in this JVM (one surefire execution, one
     * preset): DifferentialTest, RefCheckTest and TracebackTest each assert different things of
     * the same run (CPython's output; no leak and no use-after-free; the whole traceback), so
     * running every program once per test class would only repeat the work. Tests that exercise
     * races on purpose (ThreadSafetyTest) call runHere for a run of their own.
     */
    static Outcome corpusRun(Path file, String... args) {
        List<String> key = new java.util.ArrayList<>();
        key.add(file.toAbsolutePath().normalize().toString());
        key.addAll(List.of(args));
        return CORPUS_RUNS.computeIfAbsent(key, k -> runHere(file, args));
    }

    static boolean python3Available() {
        return org.gilectomy.runtime.fuzz.Fuzzer.python3Available();
    }

    /**
     * What {@code python3 FILE ARGS} gives, from {@link #CPYTHON_CACHE} when this same program
     * was run before (by an earlier surefire execution: the runtime's suite runs once per
     * preset, and CPython's answer does not depend on the preset).
     */
    static Outcome runPython3(Path file, String... args) throws IOException, InterruptedException {
        Path cached = CPYTHON_CACHE.resolve(cacheKey(file, args));
        if (Files.isRegularFile(cached)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cached))) {
                int status = in.readInt();
                return new Outcome(status, readString(in), readString(in), java.util.Map.of());
            }
        }
        Outcome o = spawnPython3(file, null, args);
        if (o.status() >= KILLED) {
            return o; // a signal ended it (a test run stopped by hand, say): not CPython's answer to keep
        }
        Files.createDirectories(CPYTHON_CACHE);
        Path tmp = Files.createTempFile(CPYTHON_CACHE, "tmp", "");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
            out.writeInt(o.status());
            writeString(out, o.stdout());
            writeString(out, o.stderr());
        }
        Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return o;
    }

    /**
     * CPython's outcomes by program, across surefire executions (each a JVM) of one build;
     * {@code mvn clean} empties it. Relative, like {@link #PROGRAMS}: the runtime module's.
     */
    static final Path CPYTHON_CACHE = Path.of("target", "cpython-outcomes");

    /** Exit statuses from here up are a signal's (128 + its number): such outcomes are not kept. */
    private static final int KILLED = 128;

    /**
     * A hash of all that CPython's answer depends on here: which python3 (its version and
     * path), the arguments, the program's name and text, and what it can import from beside
     * it: every file under its directory's subdirectories (packages such as imp_lib) and each
     * sibling module whose name occurs in the program's text.
     */
    private static String cacheKey(Path file, String[] args) throws IOException, InterruptedException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] text = Files.readAllBytes(file);
        String source = new String(text, StandardCharsets.UTF_8);
        feed(md, python3Identity().getBytes(StandardCharsets.UTF_8));
        feed(md, String.join("\0", args).getBytes(StandardCharsets.UTF_8));
        feed(md, file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        feed(md, text);
        Path dir = file.toAbsolutePath().getParent();
        List<Path> beside;
        try (Stream<Path> s = Files.walk(dir)) {
            beside = s.filter(Files::isRegularFile).filter(p -> !p.equals(file.toAbsolutePath()))
                    .filter(p -> !p.getParent().equals(dir) || mentions(source, p)).sorted().collect(Collectors.toList());
        }
        for (Path p : beside) {
            feed(md, dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
            feed(md, Files.readAllBytes(p));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Whether the program's text names this sibling file's module (import, open, ...). */
    private static boolean mentions(String source, Path sibling) {
        String name = sibling.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return source.contains(dot > 0 ? name.substring(0, dot) : name);
    }

    private static void feed(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(8).putLong(bytes.length).array());
        md.update(bytes);
    }

    private static String identity;

    /** {@code sys.version} and {@code sys.executable} of the python3 on the PATH, asked once per JVM. */
    private static synchronized String python3Identity() throws IOException, InterruptedException {
        if (identity == null) {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.version, sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("python3 did not say its version: " + out);
            }
            identity = out;
        }
        return identity;
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * python3 with its standard input read from {@code stdin} (null: an empty pipe). Not cached:
     * the input is not part of the cache key.
     */
    static Outcome runPython3(Path file, Path stdin, String... args) throws IOException, InterruptedException {
        return stdin == null ? runPython3(file, args) : spawnPython3(file, stdin, args);
    }

    private static Outcome spawnPython3(Path file, Path stdin, String... args) throws IOException, InterruptedException {
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
