package org.gilectomy.bench.realprogs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Preset;
import org.gilectomy.runtime.cli.RunCommand;

import picocli.CommandLine.Option;

/** The options both real-program commands take (a picocli mixin), and their shared helpers. */
final class SharedOptions {
    @Option(names = "--presets", split = ",", paramLabel = "PRESET", defaultValue = "gil,nogil",
            converter = RunCommand.PresetConverter.class, completionCandidates = RunCommand.PresetNames.class,
            description = "Comma-separated presets (default: ${DEFAULT-VALUE}).")
    List<Preset> presets;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Time limit of one program under one interpreter (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where table.txt, results.csv and results.json go (default: results/COMMAND-<timestamp>).")
    Path out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    List<Preset> distinctPresets() {
        return List.copyOf(new LinkedHashSet<>(presets));
    }

    Path outDir(String command) {
        return out != null ? out : Paths.get("results",
                command + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** A one-line usage error, a pointer to --help, exit status 2. */
    static int usage(PrintWriter err, String command, String message) {
        err.println("gilectomy " + command + ": " + message);
        err.println("Try 'gilectomy " + command + " --help' for more information.");
        err.flush();
        return RunCommand.EXIT_USAGE;
    }

    /** The record whose {@code key} is {@code name} and whose interpreter is {@code interpreter}. */
    static Map<String, Object> find(List<Map<String, Object>> records, String key, String name, String interpreter) {
        for (Map<String, Object> r : records) {
            if (name.equals(r.get(key)) && interpreter.equals(r.get("interpreter"))) {
                return r;
            }
        }
        return Map.of();
    }
}
