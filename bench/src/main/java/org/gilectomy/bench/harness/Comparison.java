package org.gilectomy.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.gilectomy.runtime.cli.Json;

/**
 * Runs a comparison's schedule: one child per scheduled run, in order, each writing a timing
 * file that becomes a {@link RunResult} (warm-up runs are run and discarded). The first child
 * that fails stops everything.
 */
public final class Comparison {
    private final List<ScheduledRun> plan;
    private final int warmup;
    private final int repeat;
    private final ChildRunner runner;
    private final Path workDir;
    private final PrintStream progress;
    private final LongSupplier nanoClock;
    private final Noise.Probe noise;
    private final Map<Cell, Map<String, Object>> counted = new LinkedHashMap<>();
    private String countingNote;

    /**
     * @param plan      the runs, from {@link Schedule#plan}
     * @param workDir   where timing files go
     * @param progress  where progress lines go (stderr), or null for none
     * @param nanoClock System::nanoTime, for the progress line only
     */
    public Comparison(List<ScheduledRun> plan, int warmup, int repeat, ChildRunner runner, Path workDir,
                      PrintStream progress, LongSupplier nanoClock) {
        this(plan, warmup, repeat, runner, workDir, progress, nanoClock, Noise.LIVE);
    }

    /** @param noise reads the machine around each run ({@link Noise#OTHER_CORES} of its record) */
    public Comparison(List<ScheduledRun> plan, int warmup, int repeat, ChildRunner runner, Path workDir,
                      PrintStream progress, LongSupplier nanoClock, Noise.Probe noise) {
        this.noise = noise;
        this.plan = List.copyOf(plan);
        this.warmup = warmup;
        this.repeat = repeat;
        this.runner = runner;
        this.workDir = workDir;
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    /**
     * Runs every child; returns the measured runs in the order they ran. Counting runs (see
     * {@link Schedule#withCountingRuns}) end in {@link #counted()} instead; when the runtime
     * rejects {@code --count-transfers} (an older build), the remaining counting runs are
     * skipped and {@link #countingNote()} says why.
     */
    public List<RunResult> runAll() throws ChildFailedException, IOException, InterruptedException {
        List<RunResult> results = new ArrayList<>();
        long start = nanoClock.getAsLong();
        for (int i = 0; i < plan.size(); i++) {
            ScheduledRun run = plan.get(i);
            if (run.counting() && countingNote != null) {
                continue;
            }
            if (progress != null) {
                progress.println(Progress.line(i + 1, plan.size(), run, repeat, warmup, nanoClock.getAsLong() - start));
                progress.flush();
            }
            ScheduledRun launched = run;
            if (run.counting()) {
                launched = new ScheduledRun(run.cell().withRunOptions(run.cell().series(),
                        List.of(ProcessChildRunner.COUNT_TRANSFERS)), run.round(), false, run.repeat(), true);
            }
            Path timing = workDir.resolve(fileStem(run) + ".json");
            Noise.Sample before = noise.sample();
            long t0 = nanoClock.getAsLong();
            ChildOutcome outcome = runner.run(launched, timing);
            double others = Noise.otherCores(before, noise.sample(), (nanoClock.getAsLong() - t0) / 1e9);
            if (run.counting() && rejectedCountTransfers(outcome)) {
                countingNote = "transfers not counted: this runtime rejects " + ProcessChildRunner.COUNT_TRANSFERS
                        + " (" + firstLineOf(outcome.stderr()) + ")";
                continue;
            }
            if (outcome.timedOut()) {
                throw new ChildFailedException("timed out", run, outcome);
            }
            if (outcome.exitStatus() != 0) {
                throw new ChildFailedException("exit status " + outcome.exitStatus(), run, outcome);
            }
            RunResult r = readTiming(run, timing, outcome, others);
            if (run.counting()) {
                counted.put(run.cell(), r.fields());
            } else if (!run.warmup()) {
                results.add(r);
            }
        }
        return results;
    }

    /** The counting runs' statistics per cell (empty without counting runs). */
    public Map<Cell, Map<String, Object>> counted() {
        return counted;
    }

    /** Why transfers were not counted, or null. */
    public String countingNote() {
        return countingNote;
    }

    /** A usage error naming the option: the child does not know {@code --count-transfers}. */
    static boolean rejectedCountTransfers(ChildOutcome o) {
        return o.exitStatus() == 2 && o.stderr().contains(ProcessChildRunner.COUNT_TRANSFERS);
    }

    /** A file name for the run's files, unique within the comparison. */
    static String fileStem(ScheduledRun run) {
        Cell c = run.cell();
        String series = c.series().replaceAll("[^A-Za-z0-9._-]+", "_");
        return String.format("%s-t%d-%s%d", series, c.threads(),
                run.counting() ? "c" : run.warmup() ? "w" : "r", run.repeat());
    }

    /**
     * Reads a child's timing file into a result, with the members of the files its runner left
     * beside it ({@code STEM.stats.json}, {@code STEM.perf.json}) that the timing file lacks.
     */
    static RunResult readTiming(ScheduledRun run, Path timing, ChildOutcome outcome, double otherCores)
            throws ChildFailedException {
        Map<String, Object> fields;
        try {
            fields = new LinkedHashMap<>(Json.parseObject(Files.readString(timing, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new ChildFailedException("exited normally but wrote no timing file", run, outcome);
        } catch (IOException | IllegalArgumentException e) {
            throw new ChildFailedException("unreadable timing file: " + e.getMessage(), run, outcome);
        }
        if (!(fields.get("wall_s") instanceof Number wall)) {
            throw new ChildFailedException("timing file has no wall_s", run, outcome);
        }
        String stem = ProcessChildRunner.stem(timing);
        for (String suffix : List.of(".stats.json", ".perf.json")) {
            Path side = timing.resolveSibling(stem + suffix);
            try {
                if (Files.exists(side)) {
                    Json.parseObject(Files.readString(side, StandardCharsets.UTF_8)).forEach(fields::putIfAbsent);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new ChildFailedException("unreadable " + side.getFileName() + ": " + e.getMessage(), run, outcome);
            }
        }
        if (!Double.isNaN(otherCores)) {
            fields.put(Noise.OTHER_CORES, otherCores);
        }
        double cpu = fields.get("cpu_s") instanceof Number c ? c.doubleValue() : Double.NaN;
        return new RunResult(run.cell(), run.repeat(), wall.doubleValue(), cpu, fields, outcome.stdout());
    }

    /**
     * Runs whose program printed something else than the first run with the same thread count:
     * a deterministic program prints the same for every preset and repeat, so a difference
     * points to a race (lost list appends, a torn update...). One message per differing run.
     */
    public static List<String> outputMismatches(List<RunResult> results) {
        Map<Integer, RunResult> firstByThreads = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        for (RunResult r : results) {
            RunResult first = firstByThreads.putIfAbsent(r.cell().threads(), r);
            if (first != null && !first.stdout().equals(r.stdout())) {
                messages.add(String.format("%s, run %d printed %s; %s, run %d printed %s",
                        r.cell(), r.repeat(), lastLineOf(r.stdout()),
                        first.cell(), first.repeat(), lastLineOf(first.stdout())));
            }
        }
        return messages;
    }

    /** The first non-blank line (a usage error's message), quoted. */
    static String firstLineOf(String s) {
        return "'" + s.strip().lines().findFirst().orElse("").strip() + "'";
    }

    /** The last line the program printed (its result line), quoted and shortened. */
    static String lastLineOf(String s) {
        String t = s.stripTrailing();
        int nl = t.lastIndexOf('\n');
        String line = (nl < 0 ? t : t.substring(nl + 1)).strip();
        if (line.length() > 80) {
            line = line.substring(0, 77) + "...";
        }
        return "'" + line + "'";
    }
}
