package org.gilectomy.locks;

import org.gilectomy.threadstate.ThreadCounters;

/**
 * Per-object-lock statistics, counted only when {@code -Dgilectomy.stats=true} (a static
 * final switch: with it off the JIT removes every counting site).
 *
 * <p>One lock kind runs per process ({@link ObjectLock#KIND}), so these are that kind's
 * figures; every kind counts the same events, so runs of different kinds compare directly:
 * <ul>
 *   <li>acquisitions: every successful lock or tryLock;
 *   <li>contended: lock calls that missed the fast path (their first compare-and-set failed),
 *       whether the spin then took the lock or the thread parked; a tryLock never waits and is
 *       never counted here;
 *   <li>spin rounds: pauses or yields while waiting (back-off rounds for spin);
 *   <li>parks: sleeps in the parking lot that ended in a wake-up (never for spin);
 *   <li>hand-offs: acquisitions where the unlocker handed the lock to the woken waiter
 *       (pymutex only, after the fairness time), counted by the receiving thread;
 *   <li>total and max wait: nanoseconds from missing the fast path to owning the lock.
 * </ul>
 */
public final class LockStats {
    public static final String PROPERTY = Build.PREFIX + "stats";
    public static final boolean ENABLED = Build.flag("stats");

    static final ThreadCounters<Counters> COUNTERS = new ThreadCounters<>(Counters::new);

    private LockStats() {
    }

    /**
     * One uncontended acquisition. Out of line so that the fast paths calling it (behind
     * {@code if (ENABLED)}) stay under the JIT's 35-byte inlining limit for cold call sites.
     */
    static void countAcquisition() {
        COUNTERS.mine().acquisitions++;
    }

    /** One thread's counts; written only by that thread. */
    public static final class Counters {
        long acquisitions;
        long contended;
        long spinRounds;
        long parks;
        long handoffs;
        long totalWaitNanos;
        long maxWaitNanos;

        /** One acquisition through a slow path. */
        void contended(long waitedNanos, int spins, int parked, boolean handedOff) {
            acquisitions++;
            contended++;
            spinRounds += spins;
            parks += parked;
            if (handedOff) {
                handoffs++;
            }
            totalWaitNanos += waitedNanos;
            if (waitedNanos > maxWaitNanos) {
                maxWaitNanos = waitedNanos;
            }
        }
    }

    /** A snapshot summed over all threads. */
    public record Totals(long acquisitions, long contended, long spinRounds, long parks,
                         long totalWaitNanos, long maxWaitNanos, long handoffs) {
        /** Without hand-offs: the figures of a kind that never hands off. */
        public Totals(long acquisitions, long contended, long spinRounds, long parks,
                      long totalWaitNanos, long maxWaitNanos) {
            this(acquisitions, contended, spinRounds, parks, totalWaitNanos, maxWaitNanos, 0L);
        }
    }

    public static Totals totals() {
        long a = 0, c = 0, s = 0, p = 0, h = 0, w = 0, m = 0;
        for (Counters k : COUNTERS.all()) {
            a += k.acquisitions;
            c += k.contended;
            s += k.spinRounds;
            p += k.parks;
            h += k.handoffs;
            w += k.totalWaitNanos;
            m = Math.max(m, k.maxWaitNanos);
        }
        return new Totals(a, c, s, p, w, m, h);
    }
}
