package org.gilectomy.locks;

/**
 * Per-object-lock statistics, counted only when {@code -Dgilectomy.stats=true} (a static
 * final switch: with it off the JIT removes every counting site).
 */
public final class LockStats {
    public static final String PROPERTY = "gilectomy.stats";
    public static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

    static final ThreadCounters<Counters> COUNTERS = new ThreadCounters<>(Counters::new);

    private LockStats() {
    }

    /** One thread's counts; written only by that thread. */
    public static final class Counters {
        long acquisitions;
        long contended;
        long spinRounds;
        long parks;
        long totalWaitNanos;
        long maxWaitNanos;
    }

    /** A snapshot summed over all threads. */
    public record Totals(long acquisitions, long contended, long spinRounds, long parks,
                         long totalWaitNanos, long maxWaitNanos) {
    }

    public static Totals totals() {
        long a = 0, c = 0, s = 0, p = 0, w = 0, m = 0;
        for (Counters k : COUNTERS.all()) {
            a += k.acquisitions;
            c += k.contended;
            s += k.spinRounds;
            p += k.parks;
            w += k.totalWaitNanos;
            m = Math.max(m, k.maxWaitNanos);
        }
        return new Totals(a, c, s, p, w, m);
    }
}
