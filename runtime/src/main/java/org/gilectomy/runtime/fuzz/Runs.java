package org.gilectomy.runtime.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.runtime.interp.Interpreter;

/**
 * Runs a program text under {@code python3} (a child process) and in this JVM's runtime (the
 * build this process selected), capturing stdout, stderr and the exit status.
 *
 * <p>A program that runs too long in the runtime is sent a Ctrl-C (KeyboardInterrupt at its next
 * eval-breaker check); one that still does not end is abandoned and reported as {@link Hang}:
 * its thread keeps running, so nothing more can be run in this JVM.
 */
final class Runs {
    /** What a run printed and returned. */
    record Outcome(int status, String stdout, String stderr) {
        String lastStderrLine() {
            String[] lines = stderr.strip().split("\n");
            return lines[lines.length - 1];
        }

        boolean javaTrace() {
            return stderr.contains("\tat org.gilectomy") || stderr.contains("\tat java.");
        }
    }

    /** The runtime did not finish a program even after a KeyboardInterrupt. */
    static final class Hang extends Exception {
        Hang(String message) {
            super(message);
        }
    }

    private static final String PYTHON = "python3";

    private final Path dir;
    private final long timeoutMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-runner");
        t.setDaemon(true);
        return t;
    });
    private int files;
    /** Set once a program was abandoned: its thread still runs, so no other program may start. */
    private String hung;

    /**
     * @param dir           where program files are written (CPython and the runtime both read a file)
     * @param timeoutMillis how long one program may run on either side
     */
    Runs(Path dir, long timeoutMillis) {
        this.dir = dir;
        this.timeoutMillis = timeoutMillis;
    }

    static boolean python3Available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sys; assert sys.version_info[:2] >= (3, 11)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("fuzz_" + (files++ % 4) + ".py");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** CPython's outcome, or null if it did not finish in time (nothing to compare with). */
    Outcome python(String text) throws IOException, InterruptedException {
        Path file = write(text);
        ProcessBuilder pb = new ProcessBuilder(PYTHON, file.toString());
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Path out = dir.resolve("python.out");
        Path err = dir.resolve("python.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            return null;
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The runtime's outcome, in this JVM. */
    Outcome here(String text) throws IOException, InterruptedException, Hang {
        if (hung != null) {
            throw new Hang(hung);
        }
        Path file = write(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Future<Integer> run = executor.submit(() -> Interpreter.runMain(file, List.of(), o, e));
        int status;
        try {
            status = finish(run);
        } catch (ExecutionException ex) {
            // runMain reports Python errors itself: anything thrown out of it is the runtime's fault.
            ex.getCause().printStackTrace(e);
            status = 70;
        }
        o.flush();
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int finish(Future<Integer> run) throws InterruptedException, ExecutionException, Hang {
        try {
            return run.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException first) {
            EvalBreaker.set(EvalBreaker.SIGNAL_PENDING); // Ctrl-C: KeyboardInterrupt on the main thread
            try {
                return run.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException second) {
                hung = "the program did not end within " + timeoutMillis / 1000 + " s, nor after a KeyboardInterrupt";
                throw new Hang(hung);
            }
        }
    }
}
