package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a measurement can be trusted: what else ran on the machine meanwhile, and how far a
 * cell's runs spread.
 *
 * <p>A cell is NOISY when
 * <ul>
 *   <li>its runs spread more than {@link #MAX_SPREAD} (slowest wall / fastest wall), or
 *   <li>other processes used more than {@link #MAX_OTHER_CORES} cores on average during its runs:
 *       the machine's busy CPU time ({@code /proc/stat}) minus this process's and its children's
 *       ({@code /proc/self/stat}: utime, stime, cutime, cstime; the children are reaped, so theirs
 *       is counted), over the wall time of the run; or
 *   <li>the load average (1 min) exceeded the core count before the measurement started (for an
 *       experiment: before its first part). The load average is not judged per run or per part:
 *       a run's own threads raise it, and it decays over a minute, so after a 4-thread run it
 *       still says 4.
 * </ul>
 * Where {@code /proc} cannot be read, the figures are NaN and nothing is judged noisy from them.
 */
public final class Noise {
    /** Largest allowed slowest / fastest run of a cell. */
    public static final double MAX_SPREAD = 1.5;
    /** Most cores other processes may use, on average, during a run. */
    public static final double MAX_OTHER_CORES = 0.5;
    /** The field of a run's record: other processes' cores during it. */
    public static final String OTHER_CORES = "other_cores";

    /**
     * One reading of the machine.
     *
     * @param busyS       CPU seconds the whole machine spent busy since boot
     * @param ownS        CPU seconds of this process and its reaped children
     * @param loadAverage the 1-minute load average
     */
    public record Sample(double busyS, double ownS, double loadAverage) {
    }

    /** Reads the machine (tests inject a busy one). */
    @FunctionalInterface
    public interface Probe {
        Sample sample();
    }

    /** The real machine, through /proc. */
    public static final Probe LIVE = Noise::readProc;

    /** Clock ticks per second of /proc's figures (USER_HZ, 100 on Linux). */
    private static final double HZ = 100;

    private Noise() {
    }

    /** The cores this JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Average cores other processes used between two samples {@code wallS} seconds apart (NaN if unknown). */
    public static double otherCores(Sample before, Sample after, double wallS) {
        if (wallS <= 0) {
            return Double.NaN;
        }
        double others = (after.busyS() - before.busyS()) - (after.ownS() - before.ownS());
        return Math.max(0, others) / wallS;
    }

    /** Why a load average before a measurement makes all of it noisy, or null. */
    public static String loadReason(double loadAverage, int cores) {
        return loadAverage > cores
                ? String.format(Locale.ROOT, "load average %.1f before the run > %d cores", loadAverage, cores) : null;
    }

    /**
     * Why a cell is noisy, or null.
     *
     * @param walls  its runs' wall times
     * @param others its runs' {@link #OTHER_CORES} (NaN where unknown)
     * @param before the measurement's load reason, or null
     */
    public static String cellReason(double[] walls, double[] others, String before) {
        List<String> why = new ArrayList<>();
        double spread = Statistics.ratio(Statistics.max(walls), Statistics.min(walls));
        if (spread > MAX_SPREAD) {
            why.add(String.format(Locale.ROOT, "runs spread %.2fx > %.1fx", spread, MAX_SPREAD));
        }
        double mean = java.util.Arrays.stream(others).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        if (mean > MAX_OTHER_CORES) {
            why.add(String.format(Locale.ROOT, "other processes used %.2f cores > %.1f", mean, MAX_OTHER_CORES));
        }
        if (before != null) {
            why.add(before);
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** The 1-minute load average, NaN if unknown. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Sample readProc() {
        double busy = Double.NaN;
        double own = Double.NaN;
        try {
            // cpu  user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait.
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    total += Double.parseDouble(f[i]);
                }
            }
            busy = total / HZ;
            // after "(comm)": state is field 3; utime, stime, cutime, cstime are fields 14-17.
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] g = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            own = (Double.parseDouble(g[11]) + Double.parseDouble(g[12]) + Double.parseDouble(g[13])
                    + Double.parseDouble(g[14])) / HZ;
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return new Sample(busy, own, loadAverage());
    }
}
