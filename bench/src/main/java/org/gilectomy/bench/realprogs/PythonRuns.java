package org.gilectomy.bench.realprogs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.ChildJvm;
import org.gilectomy.bench.harness.ChildOutcome;
import org.gilectomy.bench.harness.ProcessChildRunner;
import org.gilectomy.runtime.cli.Preset;

/**
 * Runs one Python file the same way under {@code python3} (the reference) and under one of the
 * runtime's presets (a fresh JVM: {@code run --preset P [--stdlib DIR] FILE ARGS}), with a time
 * limit, extra environment variables and the work directory for its output files.
 */
final class PythonRuns {
    /** What the reference rows are called. */
    static final String PYTHON3 = "python3";

    private final ProcessChildRunner runner;
    private final Path workDir;
    private final List<String> jvmOptions;
    private final Path stdlib;
    private final Map<String, String> env;

    /**
     * @param stdlib the runtime's {@code --stdlib}, or null for its own default
     * @param env    extra environment variables for every run (e.g. {@code PYTHONPATH})
     */
    PythonRuns(Path workDir, long timeoutSeconds, List<String> jvmOptions, Path stdlib, Map<String, String> env)
            throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.stdlib = stdlib;
        this.env = Map.copyOf(env);
        this.runner = new ProcessChildRunner(ChildJvm.javaExecutable(), jvmOptions,
                System.getProperty("java.class.path"), ChildJvm.DEFAULT_MAIN, false, "", List.of(), workDir,
                timeoutSeconds, null);
    }

    /** Runs {@code file args} under python3 ({@code preset == null}) or the preset. */
    ChildOutcome run(Preset preset, Path file, List<String> args, String stem) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (preset == null) {
            cmd.add(PYTHON3);
        } else {
            cmd.add(ChildJvm.javaExecutable());
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ChildJvm.DEFAULT_MAIN);
            cmd.add("run");
            cmd.add("--preset");
            cmd.add(preset.flagName());
            if (stdlib != null) {
                cmd.add("--stdlib");
                cmd.add(stdlib.toString());
            }
        }
        cmd.add(file.toString());
        cmd.addAll(args);
        return runner.execute(cmd, env, stem);
    }

    /** The column name of a run: python3 or the preset's. */
    static String name(Preset preset) {
        return preset == null ? PYTHON3 : preset.flagName();
    }

    /** Copies a resource of this package into the work directory under {@code target}. */
    Path resource(String name, Path target) throws IOException {
        Path dest = workDir.resolve(target).toAbsolutePath().normalize();
        Files.createDirectories(dest.getParent());
        try (InputStream in = PythonRuns.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the class path");
            }
            Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
        }
        return dest;
    }

    /** The last line of {@code text} that starts with {@code tag}, without the tag; null if none. */
    static String taggedLine(String text, String tag) {
        String found = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(tag)) {
                found = line.substring(tag.length()).strip();
            }
        }
        return found;
    }

    /** The last non-blank line of a run's stderr, the usual one-line account of a failure. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 160 ? last.substring(0, 157) + "..." : last;
    }
}
