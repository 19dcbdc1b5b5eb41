package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Charts;
import org.gilectomy.bench.harness.RunMetadata;
import org.gilectomy.bench.harness.CellSummary;
import org.gilectomy.bench.harness.ChildFailedException;
import org.gilectomy.bench.harness.ChildJvm;
import org.gilectomy.bench.harness.CompareCommand;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.Noise;
import org.gilectomy.bench.harness.Peer;
import org.gilectomy.bench.harness.PerfProbe;
import org.gilectomy.bench.harness.ResultFiles;
import org.gilectomy.runtime.cli.RunCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy experiment NAME}: runs one of the shipped experiments, prints its tables, the
 * published shape it reproduces and a verdict per target, and writes results.json,
 * results.csv, report.txt and PNG charts.
 */
@Command(name = "experiment",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Reproduces a published GIL or Gilectomy result side by side (see --list).",
            "Prints its tables, the published shape with its source, and PASS or FAIL",
            "per target with the measured ratio. A FAIL is a finding, not an error:",
            "the exit status stays 0."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the experiment ran (whatever its verdicts)",
            "1:a run failed (its stderr is shown), e.g. a module the runtime does not have yet",
            "2:usage error (unknown experiment, bad option)",
            "70:internal error",
            "74:the results cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gilectomy experiment --list",
            "  gilectomy experiment beazley-count --quick",
            "  gilectomy experiment gilectomy-fib --out /tmp/fib --peer python3 --timeline",
            "  gilectomy experiment convoy --quick --trace    (trace-*.json: open in https://ui.perfetto.dev)"})
public final class ExperimentCommand implements Callable<Integer> {
    static final String PROGRAM = "gilectomy experiment";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The experiment (see --list).")
    String name;

    @Option(names = "--list", description = "List the experiments and exit.")
    boolean list;

    @Option(names = "--quick", description = "Small sizes, 1 run per cell, no warm-up: checks that it runs "
            + "(under 3 minutes each on 2 cores); the figures mean nothing.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the files go (default: results/experiment-NAME-<timestamp>).")
    Path out;

    @Option(names = "--repeat", paramLabel = "N", description = "Measured runs per cell (default: 3, 1 with --quick).")
    Integer repeat;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up runs per cell (default: 1, 0 with --quick).")
    Integer warmup;

    @Option(names = "--peer", split = ",", paramLabel = "INTERPRETER",
            description = "Add rows for another interpreter: python3, pypy3, jython.")
    List<String> peers = new ArrayList<>();

    @Option(names = "--timeline", description = "Also run the experiment's telling cells once more with "
            + "run --timeline, drawing who held the GIL when (timeline-*.png).")
    boolean timeline;

    @Option(names = "--trace", description = "Also run the experiment's telling cells once more with run --trace, "
            + "writing Chrome trace-event JSON (trace-*.json) for Perfetto, chrome://tracing or speedscope.")
    boolean trace;

    @Option(names = "--perf", description = "Hardware cache misses and cycles per run with perf stat, where available.")
    boolean perf;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Kill a run after SECONDS (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--workloads", paramLabel = "DIR", description = "The bench/workloads directory (default: found beside the jar).")
    Path workloads;

    @Option(names = "--jvm-arg", paramLabel = "OPT", description = "An extra JVM option for the children (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--child-main", hidden = true, defaultValue = ChildJvm.DEFAULT_MAIN)
    String childMain;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Tests replace the children; null means real processes. */
    Measurement.RunnerFactory runnerFactory;

    /** Tests simulate a busy machine; null means the real one. */
    Noise.Probe noiseProbe;

    /** Why the load before the experiment's first part makes it noisy, or null. */
    private String loadBefore;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (Experiment e : Experiments.ALL) {
                stdout.printf("%-18s %s%n", e.name(), e.summary());
            }
            stdout.flush();
            return 0;
        }
        CommandLine cl = spec.commandLine();
        if (name == null) {
            throw new CommandLine.ParameterException(cl, "Missing experiment NAME (one of: " + Experiments.names() + ")");
        }
        Experiment experiment = Experiments.named(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "unknown experiment '" + name + "' (expected one of: " + Experiments.names() + ")"));
        if (repeat != null && repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--repeat must be at least 1, got " + repeat);
        }
        if (warmup != null && warmup < 0) {
            throw new CommandLine.ParameterException(cl, "--warmup must be at least 0, got " + warmup);
        }
        if (timeoutSeconds < 0) {
            throw new CommandLine.ParameterException(cl, "--timeout must be at least 0, got " + timeoutSeconds);
        }
        Path dir = workloads != null ? workloads : Workloads.locate().orElseThrow(() -> new CommandLine.ParameterException(cl,
                "cannot find bench/workloads beside the jar or here; give it with --workloads DIR"));
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cl, "--workloads: not a directory: " + dir);
        }
        List<Peer> resolved = CompareCommand.resolvePeers(cl, peers);
        Path outDir = out != null ? out : Paths.get("results", "experiment-" + experiment.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Context ctx = new Context(quick, resolved, dir.toAbsolutePath(), outDir);
        List<String> jvmOptions = new ArrayList<>(ChildJvm.inheritedOptions());
        jvmOptions.addAll(jvmArgs);
        PerfProbe perfProbe = perf ? PerfProbe.detect(err, PROGRAM) : null;

        RunMetadata meta = new RunMetadata();
        List<Part> parts = experiment.parts(ctx);
        List<PartResult> results = new ArrayList<>();
        err.printf("%s: %s%s: %d part%s%n", PROGRAM, experiment.name(), quick ? " (quick)" : "", parts.size(),
                parts.size() == 1 ? "" : "s");
        err.flush();
        loadBefore = Measurement.loadBefore(noiseProbe()); // once: later parts would see earlier parts' threads
        for (Part part : parts) {
            err.printf("%s: part %s: %s, %d cells%n", PROGRAM, part.name(), part.program(), part.cells().size());
            err.flush();
            try {
                results.add(new PartResult(part, measure(experiment, ctx, part, part.cells(), settings(part, jvmOptions, perfProbe)), null));
            } catch (ChildFailedException e) {
                if (!part.optional()) {
                    CompareCommand.reportFailure(err, PROGRAM + " " + experiment.name(), e);
                    err.println(PROGRAM + ": " + experiment.name() + " cannot run on this runtime yet: "
                            + lastLine(e.outcome().stderr()));
                    err.flush();
                    return 1;
                }
                String why = lastLine(e.outcome().stderr());
                err.println(PROGRAM + ": part " + part.name() + ": not supported yet: " + why);
                err.flush();
                results.add(new PartResult(part, null, why));
            }
        }

        List<Path> timelines = new ArrayList<>();
        if (timeline) {
            timelines.addAll(extraRuns(experiment, ctx, parts, results, jvmOptions, "--timeline", "timeline", ".png", err));
        }
        if (trace) {
            timelines.addAll(extraRuns(experiment, ctx, parts, results, jvmOptions, "--trace", "trace", ".json", err));
        }

        Charts.footer(meta.finish().footer());
        Experiment.Analysis analysis = noisy(experiment.analyse(ctx, results), results);
        String report = report(experiment, ctx, analysis, perfProbe);
        stdout.print(report);
        stdout.flush();
        try {
            Files.createDirectories(outDir);
            List<Map<String, Object>> records = new ArrayList<>();
            Map<String, Object> leading = new LinkedHashMap<>();
            leading.put("quick", quick);
            if (perfProbe != null) {
                leading.put("perf", perfProbe.status());
            }
            for (PartResult r : results) {
                records.addAll(r.records(experiment.name(), leading));
            }
            List<Path> written = new ArrayList<>(ResultFiles.writeRecords(outDir, records));
            Path reportFile = outDir.resolve("report.txt");
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
            written.add(reportFile);
            written.add(meta.write(outDir));
            written.addAll(analysis.charts());
            written.add(ReportHtml.write(outDir, experiment, report, analysis.targets(), records, meta.fields(),
                    analysis.charts()));
            written.addAll(timelines);
            if (out == null) {
                ResultFiles.pointLatest(outDir); // results/latest: the last run in the default place
            }
            stdout.println("Results: " + String.join(", ", written.stream().map(Path::toString).toList()));
            stdout.flush();
        } catch (IOException e) {
            err.println(RunCommand.PROGRAM + ": can't write results to '" + outDir + "': " + e);
            err.flush();
            return RunCommand.EXIT_IO_ERROR;
        }
        return 0;
    }

    /**
     * The analysis with every verdict NOISY when a measured cell is noisy. Coarse on purpose: the
     * targets do not say which cells they read, and a verdict claimed on a busy machine is
     * worse than one withheld.
     */
    static Experiment.Analysis noisy(Experiment.Analysis a, List<PartResult> results) {
        List<String> cells = new ArrayList<>();
        for (PartResult r : results) {
            if (r.supported()) {
                r.measurement().summary().rows().stream().filter(CellSummary::noisy)
                        .forEach(c -> cells.add(r.part().name() + ": " + c.cell() + " (" + c.noise() + ")"));
            }
        }
        if (cells.isEmpty()) {
            return a;
        }
        String reason = cells.size() + " noisy cell(s), e.g. " + cells.get(0);
        return new Experiment.Analysis(a.lines(), a.targets().stream().map(t -> t.withNoise(reason)).toList(), a.charts());
    }

    private Measurement.Settings settings(Part part, List<String> jvmOptions, PerfProbe perfProbe) {
        return new Measurement.Settings(warmup != null ? warmup : part.warmup(), repeat != null ? repeat : part.repeat(),
                part.stats(), part.countTransfers(), perfProbe, timeoutSeconds, jvmOptions, childMain);
    }

    /**
     * One more run of each telling cell (the experiment's timeline cells, or else each part's cells
     * with the most threads) with a recording option ({@code --timeline F.png}, {@code --trace
     * F.json}); not timed. A failure is reported and the others still run.
     */
    private List<Path> extraRuns(Experiment experiment, Context ctx, List<Part> parts, List<PartResult> results,
                                 List<String> jvmOptions, String option, String prefix, String suffix, PrintWriter err)
            throws IOException, InterruptedException {
        List<Path> written = new ArrayList<>();
        for (Experiment.TimelineCell tc : tellingCells(experiment, ctx, parts, results)) {
            Path file = ctx.out().toAbsolutePath().resolve(prefix + "-" + tc.part().name() + "-"
                    + tc.cell().series().replaceAll("[^A-Za-z0-9.=-]+", "_") + "-t" + tc.cell().threads() + suffix);
            Files.createDirectories(file.getParent());
            Cell c = tc.cell().withRunOptions(tc.cell().series(), List.of(option, file.toString()));
            try {
                measure(experiment, ctx, tc.part(), List.of(c), settings(tc.part(), jvmOptions, null).withRepeat(0, 1));
                written.add(file);
            } catch (ChildFailedException e) {
                err.println(PROGRAM + ": " + prefix + " of " + tc.cell() + " failed: " + lastLine(e.outcome().stderr()));
            }
        }
        return written;
    }

    /** The experiment's own telling cells, else per measured part its runtime cells with the most threads. */
    private static List<Experiment.TimelineCell> tellingCells(Experiment experiment, Context ctx, List<Part> parts,
                                                              List<PartResult> results) {
        List<Experiment.TimelineCell> own = experiment.timelineCells(ctx, parts);
        if (!own.isEmpty()) {
            return own;
        }
        List<Experiment.TimelineCell> cells = new ArrayList<>();
        for (PartResult r : results) {
            if (r.measurement() == null) {
                continue; // the part did not run
            }
            int most = r.part().cells().stream().filter(c -> !c.isPeer()).mapToInt(Cell::threads).max().orElse(0);
            r.part().cells().stream().filter(c -> !c.isPeer() && c.threads() == most)
                    .forEach(c -> cells.add(new Experiment.TimelineCell(r.part(), c)));
        }
        return cells;
    }

    private Measurement.Result measure(Experiment experiment, Context ctx, Part part, List<Cell> cells,
                                       Measurement.Settings s)
            throws ChildFailedException, IOException, InterruptedException {
        return Measurement.run(ctx.program(part.program()), List.of(), cells, s,
                runnerFactory != null ? runnerFactory : experiment.runners(ctx), System.err,
                noiseProbe(), loadBefore);
    }

    private Noise.Probe noiseProbe() {
        return noiseProbe != null ? noiseProbe : Noise.LIVE;
    }

    /** The printed report: tables, the published shape, the verdicts. */
    static String report(Experiment e, Context ctx, Experiment.Analysis a, PerfProbe perf) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(e.name()).append(": ").append(e.summary()).append('\n');
        if (ctx.quick()) {
            sb.append("QUICK RUN (--quick): reduced sizes, 1 run per cell, no warm-up; the figures only show that it runs.\n");
        }
        sb.append('\n');
        a.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append("\nPublished shape:\n");
        e.published().forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("\nVerdicts:\n");
        a.targets().forEach(t -> sb.append("  ").append(t.line()).append('\n'));
        if (perf != null) {
            sb.append("\nperf: ").append(perf.status()).append('\n');
        }
        sb.append('\n');
        e.notes().forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    static String lastLine(String s) {
        String t = s.stripTrailing();
        int nl = t.lastIndexOf('\n');
        return (nl < 0 ? t : t.substring(nl + 1)).strip();
    }
}
