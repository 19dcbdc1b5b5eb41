package org.gilectomy.bench.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gilectomy.runtime.cli.Preset;
import org.gilectomy.runtime.cli.RunCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy compare}: runs one program in several builds and thread counts, a fresh JVM
 * per run, and prints a table of medians, speedups and slowdowns.
 *
 * <pre>
 * compare FILE.py [--presets gil,gilectomy] [--threads 1,2] [--repeat 3] [--warmup 1] [--perf] [--count-transfers] [--peer P]
 *         [--out DIR] [--stats] [--timeout SECONDS] [--jvm-arg=OPT]... [-- EXTRA ARGS...]
 * </pre>
 *
 * <p>The program reads its thread count from {@code sys.argv[1]}; EXTRA ARGS follow it.
 * See {@link Schedule} for the order of the runs, {@link Summary} for the arithmetic,
 * {@link ChildJvm} for the children's command line and {@link ResultFiles} for the files.
 */
@Command(name = "compare",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compares presets and thread counts on one program, a fresh JVM per run.",
            "Prints per preset and thread count: median wall time [min-max], median CPU",
            "time, speedup over the smallest thread count of the same preset, slowdown over",
            "the first preset at the same thread count.",
            "The program reads its thread count from sys.argv[1]; EXTRA ARGS (after --)",
            "follow it. The cells of a repeat are interleaved, their order rotated each",
            "round, to spread machine drift over all of them."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:all runs succeeded",
            "1:a run failed (its stderr is shown) or timed out",
            "2:usage error, or FILE.py cannot be opened",
            "70:internal error",
            "74:the results cannot be written"},
        footerHeading = "%nExample:%n",
        footer = {
            "  gilectomy compare bench/workloads/fib.py --threads 1,2,4 --repeat 5",
            "  gilectomy compare bench/workloads/count.py --presets gilectomy,gil --out /tmp/c"})
public final class CompareCommand implements Callable<Integer> {
    static final String PROGRAM = "gilectomy compare";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.py", description = "The program; it reads its thread count from sys.argv[1].")
    String file;

    @Parameters(index = "1..*", paramLabel = "EXTRA ARGS",
            description = "Further program arguments, after the thread count (put them after --).")
    List<String> extra = new ArrayList<>();

    @Option(names = "--presets", split = ",", paramLabel = "PRESET", defaultValue = "gil,gilectomy",
            converter = RunCommand.PresetConverter.class, completionCandidates = RunCommand.PresetNames.class,
            description = "Comma-separated presets; the first is the baseline of the slowdown column "
                    + "(default: ${DEFAULT-VALUE}; available: ${COMPLETION-CANDIDATES}).")
    List<Preset> presets;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2",
            description = "Comma-separated thread counts (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Measured runs per cell (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Warm-up runs per cell, run first and discarded (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where results.csv, results.json and table.txt go (default: results/compare-<timestamp>).")
    Path out;

    @Option(names = "--stats",
            description = "Children count lock and refcount statistics (into the CSV/JSON); counting slows them down.")
    boolean stats;

    @Option(names = "--perf",
            description = "Count hardware cache misses and cycles per run with perf stat (whole process); "
                    + "where the machine has no counters this is detected once and reported, never as zeros.")
    boolean perf;

    @Option(names = "--count-transfers",
            description = "One more run per cell with run --count-transfers (the software cache-line model), "
                    + "for the transfers columns; those runs are not timed.")
    boolean countTransfers;

    @Option(names = "--peer", split = ",", paramLabel = "INTERPRETER",
            description = "Also run the program under another interpreter, as extra rows: python3, pypy3 (Debian's pypy3 package), jython "
                    + "(org.python:jython-standalone:2.7.3 from the local Maven repository).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--no-charts", description = "Do not write speedup.png and cpu.png.")
    boolean noCharts;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Kill a run after SECONDS and stop (default: no limit).")
    long timeoutSeconds;

    @Option(names = "--jvm-arg", paramLabel = "OPT",
            description = "An extra JVM option for the children, e.g. --jvm-arg=-Xmx2g (repeatable). "
                    + "They already inherit this JVM's -Xss, -Xmx, -XX: and -D options.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--child-main", hidden = true, defaultValue = ChildJvm.DEFAULT_MAIN,
            description = "The children's main class (tests).")
    String childMain;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Tests replace the children; null means real JVMs. */
    Measurement.RunnerFactory runnerFactory;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        validate();
        List<Preset> ps = List.copyOf(new LinkedHashSet<>(presets));
        List<Integer> ts = List.copyOf(new LinkedHashSet<>(threads));

        String unopenable = RunCommand.cannotOpen(Paths.get(file));
        if (unopenable != null) {
            err.println(RunCommand.PROGRAM + ": " + unopenable);
            err.flush();
            return RunCommand.EXIT_USAGE;
        }
        List<Peer> resolvedPeers = resolvePeers(spec.commandLine(), peers);

        List<Cell> cells = new ArrayList<>(Schedule.cells(ps, ts));
        for (Peer peer : resolvedPeers) {
            ts.forEach(t -> cells.add(Cell.of(peer, t)));
        }
        Path outDir = out != null ? out
                : Paths.get("results", "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> jvmOptions = new ArrayList<>(ChildJvm.inheritedOptions());
        jvmOptions.addAll(jvmArgs);
        PerfProbe perfProbe = perf ? PerfProbe.detect(err, PROGRAM) : null;
        Measurement.Settings settings = new Measurement.Settings(warmup, repeat, stats, countTransfers, perfProbe,
                timeoutSeconds, jvmOptions, childMain);

        long counting = countTransfers ? cells.stream().filter(c -> !c.isPeer()).count() : 0;
        int runs = cells.size() * (warmup + repeat) + (int) counting;
        err.printf("%s: %s with presets %s%s, threads %s: %s x (%d warm-up + %d measured)%s = %s, a fresh JVM each%n",
                PROGRAM, file, join(ps),
                resolvedPeers.isEmpty() ? "" : " and peers " + join(resolvedPeers.stream().map(Peer::name).toList()),
                join(ts), plural(cells.size(), "cell"), warmup, repeat,
                countTransfers ? " + 1 counting run per cell" : "", plural(runs, "run"));
        err.flush();

        RunMetadata meta = new RunMetadata();
        Measurement.Result result;
        try {
            result = Measurement.run(file, extra, cells, settings,
                    runnerFactory != null ? runnerFactory : Measurement.PROCESSES, System.err);
        } catch (ChildFailedException e) {
            reportFailure(err, PROGRAM, e);
            return 1;
        }

        Charts.footer(meta.finish().footer());
        Summary summary = result.summary();
        List<String> footer = footer(summary, jvmOptions);
        if (perfProbe != null) {
            footer.add("perf: " + perfProbe.status() + ".");
        }
        if (result.countingNote() != null) {
            footer.add(result.countingNote() + ".");
        }
        List<String> mismatches = Comparison.outputMismatches(result.runs());
        if (!mismatches.isEmpty()) {
            footer.add("WARNING: the program's output differs between runs with the same thread count:");
            mismatches.forEach(m -> footer.add("  " + m));
        }
        String table = ResultTable.format(summary, extraColumns(result, perfProbe), footer);
        stdout.print(table);
        stdout.flush();
        try {
            Map<String, Object> leading = perfProbe == null ? Map.of() : Map.of("perf", perfProbe.status());
            List<Path> written = new ArrayList<>(ResultFiles.writeRecords(outDir, result.records(leading)));
            Path tableFile = outDir.resolve("table.txt");
            Files.writeString(tableFile, table, StandardCharsets.UTF_8);
            written.add(tableFile);
            written.add(meta.write(outDir));
            if (!noCharts) {
                written.addAll(Charts.writeComparison(summary, outDir, Paths.get(file).getFileName().toString()));
            }
            stdout.println("Results: " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
            stdout.flush();
        } catch (IOException e) {
            err.println(RunCommand.PROGRAM + ": can't write results to '" + outDir + "': " + e);
            err.flush();
            return RunCommand.EXIT_IO_ERROR;
        }
        return 0;
    }

    /** The peers named by {@code --peer}; a usage error for an unknown or missing one. */
    public static List<Peer> resolvePeers(CommandLine cl, List<String> names) {
        List<Peer> resolved = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            try {
                resolved.add(Peer.resolve(n, ChildJvm.javaExecutable()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        return resolved;
    }

    /** Statistics columns, when the runs counted them. */
    static List<ResultTable.Column> extraColumns(Measurement.Result result, PerfProbe perf) {
        List<ResultTable.Column> cols = new ArrayList<>();
        Summary s = result.summary();
        addIfAny(cols, s, "gil switches", "gil_switches");
        addIfAny(cols, s, "lock contended", "lock_contended");
        addIfAny(cols, s, "increfs", "refcount_increfs");
        if (perf != null && perf.available()) {
            addIfAny(cols, s, "cache misses", "perf_cache_misses");
            addIfAny(cols, s, "cycles", "perf_cycles");
        }
        if (!result.counted().isEmpty() || result.countingNote() != null) {
            cols.add(new ResultTable.Column("transfers/1000 bc",
                    r -> decimal(result.counted(r.cell(), "transfers_per_1000_bytecodes"))));
        }
        return cols;
    }

    private static void addIfAny(List<ResultTable.Column> cols, Summary s, String header, String field) {
        if (s.rows().stream().anyMatch(r -> !Double.isNaN(r.stat(field)))) {
            cols.add(new ResultTable.Column(header, r -> ResultTable.count(r.stat(field))));
        }
    }

    static String decimal(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        if (repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--repeat must be at least 1, got " + repeat);
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(cl, "--warmup must be at least 0, got " + warmup);
        }
        if (timeoutSeconds < 0) {
            throw new CommandLine.ParameterException(cl, "--timeout must be at least 0, got " + timeoutSeconds);
        }
        if (presets.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--presets needs at least one preset");
        }
        if (threads.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--threads needs at least one thread count");
        }
        for (int t : threads) {
            if (t < 1) {
                throw new CommandLine.ParameterException(cl, "--threads: a thread count must be at least 1, got " + t);
            }
        }
    }

    /** How the numbers were obtained, under the table. */
    List<String> footer(Summary s, List<String> jvmOptions) {
        String base = s.baseThreads() + (s.baseThreads() == 1 ? " thread" : " threads");
        String baseline = s.baseline();
        List<String> f = new ArrayList<>();
        f.add(String.format("Medians of %d run%s per cell after %s; a fresh JVM per run;",
                repeat, repeat == 1 ? "" : "s",
                warmup == 0 ? "no warm-up run" : warmup + " warm-up run" + (warmup == 1 ? "" : "s") + " per cell (discarded)"));
        f.add("  cells interleaved, their order rotated each round.");
        f.add("wall: elapsed time around the program (JVM start-up excluded); cpu: the process's CPU time over the");
        f.add("  same span, JIT compiler and GC threads included.");
        f.add("speedup = wall(P, " + base + ") / wall(P, N threads); slowdown = wall(P, N) / wall(" + baseline
                + ", N); ratios of medians.");
        f.add("Program: " + file + ", thread count in sys.argv[1]" + (extra.isEmpty() ? "" : ", then " + String.join(" ", extra))
                + "; statistics counting " + (stats ? "on (slows the runs)" : "off") + ".");
        f.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + (jvmOptions.isEmpty() ? "" : ", options " + String.join(" ", jvmOptions))
                + "; " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        return f;
    }

    /** The failed child's cell, command line and stderr. */
    public static void reportFailure(PrintWriter err, String program, ChildFailedException e) {
        ScheduledRun r = e.run();
        ChildOutcome o = e.outcome();
        err.printf("%s: %s, %s %d failed: %s%n", program, r.cell(),
                r.counting() ? "counting run" : r.warmup() ? "warm-up" : "run", r.repeat(), e.getMessage());
        err.println("command: " + o.command().stream().map(CompareCommand::shellQuote).collect(Collectors.joining(" ")));
        if (!o.stderr().isEmpty()) {
            err.println("--- its stderr ---");
            err.print(o.stderr().endsWith("\n") ? o.stderr() : o.stderr() + "\n");
            err.println("--- end of its stderr ---");
        } else {
            err.println("(its stderr was empty)");
        }
        err.flush();
    }

    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
