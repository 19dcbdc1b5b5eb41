package org.gilectomy.bench.harness;

import java.util.Locale;

/**
 * The progress line printed on stderr before each child starts, e.g.
 * {@code [ 5/16] gilectomy, 2 threads, run 1/3  elapsed 0:12, about 0:27 left}. The time left
 * is the mean duration of the runs so far times the runs still to go.
 */
public final class Progress {
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
        String what = run.warmup()
                ? "warm-up " + run.repeat() + "/" + warmups
                : "run " + run.repeat() + "/" + repeats;
        int done = index - 1;
        String left = done == 0 ? "time left unknown"
                : "about " + duration(elapsedNanos / done * (total - done)) + " left";
        return String.format(Locale.ROOT, "[%" + width + "d/%d] %s, %s  elapsed %s, %s",
                index, total, run.cell(), what, duration(elapsedNanos), left);
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
