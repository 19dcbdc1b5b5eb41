package org.gilectomy.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One program measured over a list of cells: the schedule, the children, the counting runs,
 * the summary and the flat records. {@code compare} runs one; each experiment runs one per
 * program it measures.
 */
public final class Measurement {
    /** How the children are run. */
    public record Settings(int warmup, int repeat, boolean stats, boolean countTransfers, PerfProbe perf,
                           long timeoutSeconds, List<String> jvmOptions, String childMain) {
        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Settings withRepeat(int newWarmup, int newRepeat) {
            return new Settings(newWarmup, newRepeat, stats, countTransfers, perf, timeoutSeconds, jvmOptions, childMain);
        }
    }

    /** Makes the runner of one measurement (tests replace the real children). */
    @FunctionalInterface
    public interface RunnerFactory {
        ChildRunner create(String program, List<String> extra, Settings settings, Path workDir);
    }

    /** The real children: fresh JVMs, or peer interpreters. */
    public static final RunnerFactory PROCESSES = Measurement::processes;

    /** The real children of one measurement. */
    public static ProcessChildRunner processes(String program, List<String> extra, Settings s, Path workDir) {
        return new ProcessChildRunner(ChildJvm.javaExecutable(), s.jvmOptions(), System.getProperty("java.class.path"),
                s.childMain(), s.stats(), program, extra, workDir, s.timeoutSeconds(), s.perf());
    }

    /**
     * What a measurement gave.
     *
     * @param runs         the measured runs, in the order they ran
     * @param summary      medians and ratios per cell
     * @param counted      per cell, the statistics of its counting run
     * @param countingNote why transfers are missing, or null
     */
    public record Result(List<RunResult> runs, Summary summary, Map<Cell, Map<String, Object>> counted,
                         String countingNote) {
        /**
         * One flat record per measured run ({@link RunResult#record}), with the cell's counting
         * run's transfer figures and the given leading fields (the experiment's name...).
         */
        public List<Map<String, Object>> records(Map<String, Object> leading) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (RunResult r : runs) {
                Map<String, Object> m = new LinkedHashMap<>(leading);
                r.record().forEach(m::putIfAbsent);
                CellSummary row = summary.row(r.cell().series(), r.cell().threads());
                m.put("noisy", row != null && row.noisy());
                m.put("noise", row == null ? null : row.noise());
                Map<String, Object> c = counted.get(r.cell());
                if (c != null) {
                    for (String k : TRANSFER_FIELDS) {
                        if (c.containsKey(k)) {
                            m.put(k, c.get(k));
                        }
                    }
                }
                out.add(m);
            }
            return out;
        }

        /** A counting run's figure for a cell, NaN when not counted. */
        public double counted(Cell cell, String field) {
            Map<String, Object> c = counted.get(cell);
            return c != null && c.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    /** The counting run's fields copied into the records (the runtime's {@code --count-transfers} names). */
    public static final List<String> TRANSFER_FIELDS =
            List.of("bytecodes", "transfers_total", "transfers_per_1000_bytecodes", "transfers_by_type");

    private Measurement() {
    }

    /**
     * Runs {@code program} over {@code cells}.
     *
     * @param progress where progress lines go, or null
     * @throws ChildFailedException the first child that failed
     */
    public static Result run(String program, List<String> extra, List<Cell> cells, Settings s,
                             RunnerFactory factory, PrintStream progress)
            throws ChildFailedException, IOException, InterruptedException {
        return run(program, extra, cells, s, factory, progress, Noise.LIVE);
    }

    /** The same, reading the machine's load with {@code noise} (tests simulate a busy one). */
    public static Result run(String program, List<String> extra, List<Cell> cells, Settings s,
                             RunnerFactory factory, PrintStream progress, Noise.Probe noise)
            throws ChildFailedException, IOException, InterruptedException {
        return run(program, extra, cells, s, factory, progress, noise, loadBefore(noise));
    }

    /** Why the load average now makes a measurement starting now noisy ({@link Noise#loadReason}), or null. */
    public static String loadBefore(Noise.Probe noise) {
        return Noise.loadReason(noise.sample().loadAverage(), Noise.cores());
    }

    /**
     * The same, with the load judged earlier by the caller ({@code before}, from
     * {@link #loadBefore}): an experiment judges it once, before its first part, since the load
     * average after one of its own parts counts that part's threads for a minute.
     */
    public static Result run(String program, List<String> extra, List<Cell> cells, Settings s,
                             RunnerFactory factory, PrintStream progress, Noise.Probe noise, String before)
            throws ChildFailedException, IOException, InterruptedException {
        List<ScheduledRun> plan = Schedule.plan(cells, s.warmup(), s.repeat());
        if (s.countTransfers()) {
            plan = Schedule.withCountingRuns(plan, cells);
        }
        Path workDir = Files.createTempDirectory("gilectomy-measure-");
        try {
            ChildRunner runner = factory.create(program, extra, s, workDir);
            Comparison comparison = new Comparison(plan, s.warmup(), s.repeat(), runner, workDir, progress,
                    System::nanoTime, noise);
            List<RunResult> runs = comparison.runAll();
            return new Result(runs, Summary.of(cells, runs, before), comparison.counted(), comparison.countingNote());
        } finally {
            deleteRecursively(workDir);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
