package org.gilectomy.bench.harness;

import java.util.Locale;

/**
 * The progress line printed on stderr before each child starts, e.g.
 * {@code [#####...............]  5/16 gilectomy, 2 threads, run 1/3  elapsed 0:12, about 0:27 left}.
 * The bar shows the runs finished; the time left is the mean duration of the runs so far
 * times the runs still to go (this one included).
 */
public final class Progress {
    /** Characters inside the bar's brackets. */
    public static final int BAR_WIDTH = 20;

    private Progress() {
    }

    /**
     * @param index          1-based index of the run about to start
     * @param total          number of runs
     * @param run            the run about to start
     * @param repeats        measured runs per cell
     * @param warmups        warm-up runs per cell
     * @param elapsedNanos   time since the first run started
     */
    public static String line(int index, int total, ScheduledRun run, int repeats, int warmups, long elapsedNanos) {
        int width = Integer.toString(total).length();
        String what = run.counting() ? "counting run"
                : run.warmup() ? "warm-up " + run.repeat() + "/" + warmups
                : "run " + run.repeat() + "/" + repeats;
        int done = index - 1;
        long left = nanosLeft(done, total, elapsedNanos);
        String leftText = left < 0 ? "time left unknown" : "about " + duration(left) + " left";
        return String.format(Locale.ROOT, "%s %" + width + "d/%d %s, %s  elapsed %s, %s",
                bar(done, total, BAR_WIDTH), index, total, run.cell(), what, duration(elapsedNanos), leftText);
    }

    /** The estimated time left after {@code done} of {@code total} runs; -1 before the first ends. */
    public static long nanosLeft(int done, int total, long elapsedNanos) {
        if (done <= 0) {
            return -1;
        }
        return elapsedNanos / done * (total - done);
    }

    /** {@code [####......]}: {@code done/total} of {@code width} filled, rounded down. */
    public static String bar(int done, int total, int width) {
        int filled = total <= 0 ? width : (int) Math.min(width, (long) done * width / total);
        return "[" + "#".repeat(Math.max(0, filled)) + ".".repeat(width - Math.max(0, filled)) + "]";
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String duration(long nanos) {
        long s = Math.max(0, (nanos + 500_000_000L) / 1_000_000_000L);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
