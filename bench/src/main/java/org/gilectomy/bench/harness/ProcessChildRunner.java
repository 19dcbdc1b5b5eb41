package org.gilectomy.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gilectomy.runtime.cli.Json;

/**
 * Runs each child as a fresh JVM ({@link ChildJvm}), or under a peer interpreter
 * ({@link Peer}), optionally wrapped in {@code perf stat} ({@link PerfProbe}). Its stdout and
 * stderr go to files in the work directory (no pipe to drain, so a chatty child cannot block),
 * its stdin is closed. On a time-out, or if the harness itself is stopped, the child and its
 * descendants are killed.
 *
 * <p>Besides the timing file, a run may leave {@code STEM.stats.json} ({@code --stats-json})
 * and {@code STEM.perf.json} (perf's counts) beside it; {@link Comparison} merges them in.
 */
public final class ProcessChildRunner implements ChildRunner {
    /** {@code run}'s option for the software coherence model's counting mode. */
    public static final String COUNT_TRANSFERS = "--count-transfers";

    private final String java;
    private final List<String> jvmOptions;
    private final String classpath;
    private final String mainClass;
    private final boolean stats;
    private final String program;
    private final List<String> extra;
    private final Path workDir;
    private final long timeoutSeconds;
    private final PerfProbe perf;
    private volatile Process current;

    /**
     * @param timeoutSeconds a child's time limit, 0 for none
     * @param perf           perf's availability when {@code --perf} was asked for, else null
     */
    public ProcessChildRunner(String java, List<String> jvmOptions, String classpath, String mainClass,
                              boolean stats, String program, List<String> extra, Path workDir, long timeoutSeconds,
                              PerfProbe perf) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.stats = stats;
        this.program = program;
        this.extra = List.copyOf(extra);
        this.workDir = workDir;
        this.timeoutSeconds = timeoutSeconds;
        this.perf = perf;
        Runtime.getRuntime().addShutdownHook(new Thread(this::killCurrent, "gilectomy-compare-cleanup"));
    }

    @Override
    public ChildOutcome run(ScheduledRun run, Path timingFile) throws IOException, InterruptedException {
        String stem = stem(timingFile);
        Path statsFile = workDir.resolve(stem + ".stats.json");
        Cell cell = run.cell();
        List<String> cmd;
        if (cell.isPeer()) {
            List<String> args = new java.util.ArrayList<>(cell.programArgs());
            args.addAll(extra);
            cmd = cell.peer().command(timerScript(), timingFile, program, cell.threads(), args);
        } else {
            boolean wantStats = stats || cell.runOptions().contains(COUNT_TRANSFERS);
            cmd = ChildJvm.command(java, jvmOptions, classpath, mainClass, cell, wantStats,
                    timingFile, statsFile, program, extra);
        }
        return execute(cmd, stem);
    }

    /**
     * Runs one command as a child (wrapped in perf stat when asked for), its output in the work
     * directory's {@code STEM.stdout} and {@code STEM.stderr}, killed at the time limit; for
     * runners that build other commands than {@link #run}'s (the steady-state driver).
     */
    public ChildOutcome execute(List<String> cmd, String stem) throws IOException, InterruptedException {
        return execute(cmd, Map.of(), stem);
    }

    /** {@link #execute(List, String)} with extra environment variables for the child. */
    public ChildOutcome execute(List<String> cmd, Map<String, String> env, String stem)
            throws IOException, InterruptedException {
        Path out = workDir.resolve(stem + ".stdout");
        Path err = workDir.resolve(stem + ".stderr");
        Path perfFile = workDir.resolve(stem + ".perf.csv");
        boolean perfOn = perf != null && perf.available();
        List<String> launched = perfOn ? PerfProbe.wrap(cmd, perfFile) : cmd;
        ProcessBuilder pb = new ProcessBuilder(launched)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
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
        if (perf != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("perf", perf.status());
            if (perfOn && Files.exists(perfFile)) {
                m.putAll(PerfProbe.parse(Files.readString(perfFile, StandardCharsets.UTF_8)));
            }
            Files.writeString(workDir.resolve(stem + ".perf.json"), Json.write(m), StandardCharsets.UTF_8);
        }
        return new ChildOutcome(launched, p.exitValue(), timedOut, read(out), read(err));
    }

    public static String stem(Path timingFile) {
        return timingFile.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** The peers' timer script, copied out of the jar into the work directory once. */
    private Path timerScript() throws IOException {
        Path script = workDir.resolve("peer-timer.py");
        if (!Files.exists(script)) {
            try (InputStream in = ProcessChildRunner.class.getResourceAsStream("peer-timer.py")) {
                if (in == null) {
                    throw new IOException("peer-timer.py is missing from the class path");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return script;
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
