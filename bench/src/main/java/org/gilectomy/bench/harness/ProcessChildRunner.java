package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each child as a fresh JVM ({@link ChildJvm}). Its stdout and stderr go to files in the
 * work directory (no pipe to drain, so a chatty child cannot block), its stdin is closed. On a
 * time-out, or if the harness itself is stopped, the child and its descendants are killed.
 */
public final class ProcessChildRunner implements ChildRunner {
    private final String java;
    private final List<String> jvmOptions;
    private final String classpath;
    private final String mainClass;
    private final boolean stats;
    private final String program;
    private final List<String> extra;
    private final Path workDir;
    private final long timeoutSeconds;
    private volatile Process current;

    /**
     * @param timeoutSeconds a child's time limit, 0 for none
     */
    public ProcessChildRunner(String java, List<String> jvmOptions, String classpath, String mainClass,
                              boolean stats, String program, List<String> extra, Path workDir, long timeoutSeconds) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.stats = stats;
        this.program = program;
        this.extra = List.copyOf(extra);
        this.workDir = workDir;
        this.timeoutSeconds = timeoutSeconds;
        Runtime.getRuntime().addShutdownHook(new Thread(this::killCurrent, "gilectomy-compare-cleanup"));
    }

    @Override
    public ChildOutcome run(ScheduledRun run, Path timingFile) throws IOException, InterruptedException {
        String stem = timingFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path out = workDir.resolve(stem + ".stdout");
        Path err = workDir.resolve(stem + ".stderr");
        Path statsFile = workDir.resolve(stem + ".stats.json");
        List<String> cmd = ChildJvm.command(java, jvmOptions, classpath, mainClass, run.cell(), stats,
                timingFile, statsFile, program, extra);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Process p = pb.start();
        current = p;
        boolean timedOut = false;
        try {
            p.getOutputStream().close(); // stdin: end of file at once
            if (timeoutSeconds > 0) {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    timedOut = true;
                    killCurrent();
                    p.waitFor();
                }
            } else {
                p.waitFor();
            }
        } finally {
            current = null;
            if (p.isAlive()) { // interrupted
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        return new ChildOutcome(cmd, p.exitValue(), timedOut, read(out), read(err));
    }

    private void killCurrent() {
        Process p = current;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
