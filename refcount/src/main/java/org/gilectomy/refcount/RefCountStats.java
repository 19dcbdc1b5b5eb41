package org.gilectomy.refcount;

import org.gilectomy.locks.LockStats;
import org.gilectomy.threadstate.ThreadCounters;

/** Reference-count statistics, counted per thread when {@code -Dgilectomy.stats=true}. */
public final class RefCountStats {
    public static final boolean ENABLED = LockStats.ENABLED;

    static final ThreadCounters<Counters> COUNTERS = new ThreadCounters<>(Counters::new);

    private RefCountStats() {
    }

    /** One thread's counts; written only by that thread. */
    static final class Counters {
        long increfs;
        long decrefs;
        long frees;
        /** BIASED: objects this thread pushed to an owner's merge queue. */
        long queued;
        /** BIASED: objects this thread merged (at its local zero, or from a queue). */
        long merges;
        /** BUFFERED: times this thread found its log full and waited for the committer. */
        long backPressureWaits;
    }

    /** Increfs and decrefs count calls on mortal objects (immortal ones are skipped). */
    public record Totals(long increfs, long decrefs, long frees) {
    }

    /** The strategy-specific counts. */
    public record Strategy(long queued, long merges, long backPressureWaits) {
    }

    public static Totals totals() {
        long i = 0, d = 0, f = 0;
        for (Counters c : COUNTERS.all()) {
            i += c.increfs;
            d += c.decrefs;
            f += c.frees;
        }
        return new Totals(i, d, f);
    }

    public static Strategy strategy() {
        long q = 0, m = 0, b = 0;
        for (Counters c : COUNTERS.all()) {
            q += c.queued;
            m += c.merges;
            b += c.backPressureWaits;
        }
        return new Strategy(q, m, b);
    }
}
