package org.gilectomy.refcount;

import org.gilectomy.locks.LockStats;
import org.gilectomy.locks.ThreadCounters;

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
    }

    public record Totals(long increfs, long decrefs, long frees) {
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
}
