package org.gilectomy.runtime.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gilectomy.runtime.cli.Backend;
import org.gilectomy.runtime.cli.BuildConfig;
import org.gilectomy.runtime.cli.Preset;
import org.gilectomy.runtime.cli.RunCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy fuzz}: the differential fuzzer by hand. Generates programs from a seed, runs
 * each under python3 and in one build of the runtime (in this JVM), prints a progress line per
 * program, and saves each difference (shrunk to one snippet when it can be) under {@code --out}.
 *
 * <p>Exit status: 0 if nothing differed (constructs the runtime reports as unsupported do not
 * count), 1 if something did, 2 for a usage error (one line) or when python3 is missing.
 */
@Command(name = "fuzz",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Differential fuzzer: random programs over the built-in types, each run by python3 and by",
            "this runtime (in one build), compared by stdout, exit status and last stderr line.",
            "Constructs that show a known difference pending a fix are not generated unless --include-known."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no difference (constructs reported as unsupported do not count)",
            "1:at least one difference (saved under --out)",
            "2:usage error, or no python3 on the PATH"})
public final class FuzzCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "The seed (default: a random one, printed).")
    Long seed;

    @Option(names = "--count", paramLabel = "N", description = "How many programs to run (default: 20 unless --minutes).")
    Integer count;

    @Option(names = "--minutes", paramLabel = "M", description = "Run programs for M minutes instead of a count.")
    Double minutes;

    @Option(names = "--preset", paramLabel = "PRESET", converter = RunCommand.PresetConverter.class,
            completionCandidates = RunCommand.PresetNames.class,
            description = "The build: ${COMPLETION-CANDIDATES} (default: gil).")
    Preset preset;

    @Option(names = "--out", paramLabel = "DIR", description = "Where differing programs are saved (default: fuzz-findings).")
    Path out = Path.of("fuzz-findings");

    @Option(names = "--snippets", paramLabel = "K", description = "Snippets per program (default: 40).")
    int snippets = 40;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long one program may run (default: 30).")
    int timeoutSeconds = 30;

    @Option(names = "--include-known",
            description = "Also generate the constructs of the known differences pending fixes (to check a fix).")
    boolean includeKnown;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private static final int DEFAULT_COUNT = 20;

    /**
     * A parameter-exception handler for the whole command line: usage errors of {@code fuzz} are
     * one line (exit 2); other commands' go to {@code others}.
     */
    public static CommandLine.IParameterExceptionHandler usageErrors(CommandLine.IParameterExceptionHandler others) {
        return (ex, args) -> {
            if (!(ex.getCommandLine().getCommand() instanceof FuzzCommand)) {
                return others.handleParseException(ex, args);
            }
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(RunCommand.PROGRAM + " fuzz: " + ex.getMessage() + " (see: " + RunCommand.PROGRAM + " fuzz --help)");
            err.flush();
            return RunCommand.EXIT_USAGE;
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (count != null && minutes != null) {
            throw usage("--count and --minutes cannot both be given");
        }
        if (count != null && count < 1) {
            throw usage("--count must be at least 1, got " + count);
        }
        if (minutes != null && !(minutes > 0 && minutes < 1e6)) {
            throw usage("--minutes must be a positive number, got " + minutes);
        }
        if (snippets < 1 || snippets > 10_000) {
            throw usage("--snippets must be between 1 and 10000, got " + snippets);
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Fuzzer.python3Available()) {
            err.println(RunCommand.PROGRAM + " fuzz: python3 (3.11 or later) is not on the PATH");
            err.flush();
            return RunCommand.EXIT_USAGE;
        }
        BuildConfig config = BuildConfig.of(preset, null, null, null);
        Backend.LIVE.select(config, false, 0);
        long s = seed != null ? seed : System.nanoTime() & 0xFFFF_FFFFL;
        Set<KnownDifference> avoid = includeKnown ? EnumSet.noneOf(KnownDifference.class) : KnownDifference.PENDING;
        Path work = Files.createTempDirectory("gilectomy-fuzz");
        try {
            return fuzz(new Fuzzer(s, snippets, avoid, work, timeoutSeconds * 1000L), s, config.label());
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private int fuzz(Fuzzer fuzzer, long s, String build) throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        long deadline = minutes == null ? Long.MAX_VALUE : System.nanoTime() + (long) (minutes * 60e9);
        int programs = count != null ? count : (minutes != null ? Integer.MAX_VALUE : DEFAULT_COUNT);
        o.printf("gilectomy fuzz: seed %d, build %s, %d snippets per program, %s%n", s, build, snippets,
                minutes != null ? minutes + " minutes" : programs + " programs");
        o.flush();
        int total = 0;
        int failing = 0;
        int unsupported = 0;
        for (int i = 0; i < programs && System.nanoTime() < deadline; i++) {
            Fuzzer.Result r = fuzzer.run(i);
            total += r.snippets();
            StringBuilder line = new StringBuilder(String.format("program %d: %d snippets", i, r.snippets()));
            if (r.pythonTimedOut()) {
                line.append(" (python3 timed out: skipped)");
            }
            for (Fuzzer.Finding f : r.findings()) {
                Path saved = save(f, s, build);
                if (f.kind().fails()) {
                    failing++;
                } else {
                    unsupported++;
                }
                line.append(String.format("%n  %s: %s", f.kind().description, saved));
            }
            o.println(line);
            o.flush();
            if (r.hung()) {
                o.println("gilectomy fuzz: stopped: the runtime hung, so nothing more can run in this process");
                break;
            }
        }
        o.printf("gilectomy fuzz: %d snippets, %d differences, %d unsupported (seed %d)%s%n", total, failing, unsupported, s,
                failing + unsupported > 0 ? "; saved under " + out : "");
        o.flush();
        return failing > 0 ? 1 : 0;
    }

    private Path save(Fuzzer.Finding f, long s, String build) throws IOException {
        Files.createDirectories(out);
        String name = (f.kind().fails() ? "" : "unsupported-") + "seed" + s + "-p" + f.program()
                + (f.snippet() >= 0 ? "-s" + f.snippet() : "") + ".py";
        StringBuilder sb = new StringBuilder();
        sb.append("# gilectomy fuzz: ").append(f.kind().description).append(" under ").append(build)
          .append(" (seed ").append(s).append(", program ").append(f.program())
          .append(f.snippet() >= 0 ? ", snippet " + f.snippet() : "").append(")\n");
        sb.append("# python3 printed:\n").append(comment(f.expected()));
        sb.append("# gilectomy printed:\n").append(comment(f.actual()));
        sb.append(f.text());
        Path file = out.resolve(name);
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private static String comment(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n")) {
            sb.append("#   ").append(line).append('\n');
        }
        return sb.toString();
    }
}
