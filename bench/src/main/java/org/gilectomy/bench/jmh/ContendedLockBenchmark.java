package org.gilectomy.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.gilectomy.locks.LockKind;
import org.gilectomy.locks.Lockable;
import org.gilectomy.locks.ObjectLock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Contended throughput of one lock shared by N threads, and how long the unluckiest
 * acquisition waited: {@code Py_LOCK}/{@code Py_UNLOCK} in each lock kind beside
 * {@link ReentrantLock} (non-fair) and {@code synchronized}.
 *
 * <p>Each operation: lock, hold (burn {@code hold} CPU tokens), unlock, then work outside the
 * lock ({@code outside} tokens, {@link #OUTSIDE_TOKENS} unless {@code -p outside=N}). The score
 * is operations per microsecond summed over all threads: the lock's throughput.
 * <ul>
 *   <li>{@code hold = short} ({@link #SHORT_HOLD_TOKENS} tokens, tens of ns): a list append; the
 *       lock is free most of the time and the cost is the cache line bouncing and the slow paths;
 *   <li>{@code hold = long} ({@link #LONG_HOLD_TOKENS} tokens, a few us): the lock is the
 *       bottleneck; with more threads than cores an owner that is preempted while holding it
 *       stalls everybody, and a lock that spins burns the CPU the owner needs.
 *   <li>{@code hold = quantum} ({@link #QUANTUM_HOLD_TOKENS} tokens, a few hundred us: a fraction
 *       of a scheduler time slice): the owner is often preempted while it holds the lock, so
 *       what decides throughput is who gets the CPU meanwhile: sleeping waiters leave it to the
 *       owner, spinning ones take their share of it. Scores are small here: read them with
 *       {@code -tu ms}.
 * </ul>
 *
 * <p>{@code spin}'s back-off cap is a parameter ({@code spinBackoff}, in onSpinWait pauses):
 * 65536 is the shipped default (a waiter spins about a time slice, then yields every round),
 * 1048576 the most it takes (about 2^21 pauses, tens of ms, before its first yield: in
 * practice a waiter that never gives its CPU away); {@code -p spinBackoff=256} makes it a
 * yield loop. It is a system property read when SpinLock is first used, so the state sets it
 * in its trial setup (every parameter combination runs in its own fork) and checks it took.
 *
 * <p>Thread counts 2, 4 and 16: {@code @Threads} cannot be a {@code @Param}, so the methods are
 * written once here and inherited by {@link Threads2}, {@link Threads4} and {@link Threads16},
 * which differ only in {@code @Threads} (JMH runs inherited {@code @Benchmark} methods of
 * concrete subclasses; this abstract class itself is not run). On the 2-core development
 * machine 16 threads is 8x oversubscribed, where spin was expected to collapse: with the
 * default back-off cap it lost about 40% of pymutex's throughput with short holds and had the
 * longest tails, but did not collapse outright, because its back-off ends in Thread.yield,
 * which lets a preempted owner run (see SpinLock.MAX_BACKOFF; bench/results/README.md has
 * the figures). {@code hold = quantum} and {@code spinBackoff} are there to show where it does.
 *
 * <p>Fairness: every operation's time from just before lock to just after unlock (its wait
 * plus its hold: the clock is read outside the critical section, so it does not lengthen the
 * hold) goes into a per-thread HdrHistogram, from measurement iterations only. At the end of
 * each trial the fork prints one line, and appends it to the file named by
 * {@code -Dgilectomy.bench.waitLog} if given:
 * <pre>
 * lock-wait ContendedLockBenchmark.Threads16.pymutex hold=short threads=16 ops=... wall_ms=... wall_ops_per_ms=... p50_us=... p99_us=... p999_us=... max_us=...
 * </pre>
 * {@code wall_ops_per_ms} is the lock's throughput as a clock on the wall sees it: every
 * operation of the measurement iterations (warm-down included) over their wall time, first
 * thread in to last thread out. JMH's score is a sum of per-thread rates, each over that
 * thread's own time; when a lock starves threads (spin under oversubscription: waits of
 * seconds), the threads that kept the lock post high rates and the starved ones' seconds count
 * nowhere, so the score can rise while the lock serves fewer operations per second. Read both.
 * and the secondary results {@code over1ms} and {@code over10ms} (operations that took longer,
 * per iteration, summed over threads) land in the JSON beside the score.
 *
 * <p>The lock kind is a static final read at class initialisation, so each kind gets its own
 * fork through {@code @Fork(jvmArgsAppend)}; each kind's state checks in {@code @Setup} that its
 * JVM really runs that kind (a command-line {@code -jvmArgsAppend} would replace the
 * annotation's: use {@code -jvmArgsPrepend} for extra flags).
 *
 * <p>How to run (after {@code mvn -pl bench -am package -DskipTests}):
 * <pre>
 * bench/results/run-lock-benchmarks.sh                              # all of them, JSON + log + machine
 * java -jar bench/target/benchmarks.jar 'ContendedLockBenchmark.Threads16' -p hold=long
 * java -jar bench/target/benchmarks.jar 'ContendedLockBenchmark.Threads16' -p outside=2000  # more work outside
 * java -jar bench/target/benchmarks.jar 'ContendedLockBenchmark' -f 1 -wi 1 -i 2 -w 1s -r 1s   # a quick look
 * java -jar bench/target/benchmarks.jar 'ContendedLockBenchmark.Threads2' -t 8   # any other thread count
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class ContendedLockBenchmark {

    /** Burned inside the lock for {@code hold = short}. */
    public static final int SHORT_HOLD_TOKENS = 10;
    /** Burned inside the lock for {@code hold = long}. */
    public static final int LONG_HOLD_TOKENS = 1_000;
    /** Burned inside the lock for {@code hold = quantum}: about 0.2 ms on the development machine. */
    public static final int QUANTUM_HOLD_TOKENS = 100_000;
    /** Burned outside the lock by every operation, so a thread does not re-acquire at once. */
    public static final int OUTSIDE_TOKENS = 100;
    /** Where each fork appends its wait line, if set. */
    public static final String WAIT_LOG_PROPERTY = "gilectomy.bench.waitLog";

    @Threads(2)
    public static class Threads2 extends ContendedLockBenchmark {
    }

    @Threads(4)
    public static class Threads4 extends ContendedLockBenchmark {
    }

    @Threads(16)
    public static class Threads16 extends ContendedLockBenchmark {
    }

    /** The lock every thread contends for, and the data it guards (one subclass per kind). */
    @State(Scope.Benchmark)
    public abstract static class Shared extends Lockable {
        @Param({"short", "long", "quantum"})
        public String hold;

        /** CPU tokens burned outside the lock by every operation; see {@link #OUTSIDE_TOKENS}. */
        @Param({"" + OUTSIDE_TOKENS})
        public int outside;

        final ReentrantLock reentrant = new ReentrantLock();
        final Object monitor = new Object();
        int holdTokens;
        long guarded; // written only with the lock held

        @Setup(Level.Trial)
        public void setUp() {
            holdTokens = switch (hold) {
                case "short" -> SHORT_HOLD_TOKENS;
                case "long" -> LONG_HOLD_TOKENS;
                case "quantum" -> QUANTUM_HOLD_TOKENS;
                default -> throw new IllegalArgumentException("hold must be short, long or quantum, not " + hold);
            };
            LockKind needed = kind();
            if (needed != null && ObjectLock.KIND != needed) {
                throw new IllegalStateException("this benchmark needs -D" + LockKind.PROPERTY + "=" + needed.flagName()
                        + "; this JVM runs " + ObjectLock.KIND.flagName()
                        + " (a command-line -jvmArgsAppend replaces the @Fork one: use -jvmArgsPrepend)");
            }
        }

        /** The ObjectLock kind this state's benchmark measures, or null for the JDK locks. */
        abstract LockKind kind();

        /** The critical section's work. */
        final void critical() {
            Blackhole.consumeCPU(holdTokens);
            guarded++;
        }
    }

    @State(Scope.Benchmark)
    public static class SpinParkShared extends Shared {
        @Override
        LockKind kind() {
            return LockKind.SPINPARK;
        }
    }

    @State(Scope.Benchmark)
    public static class PyMutexShared extends Shared {
        @Override
        LockKind kind() {
            return LockKind.PYMUTEX;
        }
    }

    @State(Scope.Benchmark)
    public static class SpinShared extends Shared {
        /** SpinLock's back-off cap; see the class comment. */
        @Param({"" + ObjectLock.DEFAULT_SPIN_BACKOFF, "1048576"})
        public int spinBackoff;

        @Setup(Level.Trial)
        public void setBackoff() {
            System.setProperty(ObjectLock.SPIN_BACKOFF_PROPERTY, Integer.toString(spinBackoff));
            if (ObjectLock.spinMaxBackoff() != spinBackoff) { // SpinLock was initialised before this setup
                throw new IllegalStateException("spin runs with back-off cap " + ObjectLock.spinMaxBackoff()
                        + ", not the spinBackoff parameter " + spinBackoff);
            }
        }

        @Override
        LockKind kind() {
            return LockKind.SPIN;
        }
    }

    @State(Scope.Benchmark)
    public static class JdkShared extends Shared {
        @Override
        LockKind kind() {
            return null;
        }
    }

    /**
     * One thread's operation times, and its count of slow ones for the JSON. Written only by
     * its thread; merged by the last thread to finish the trial.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Waits {
        /** Operations (wait + hold) that took over 1 ms, this iteration. */
        public long over1ms;
        /** Operations (wait + hold) that took over 10 ms, this iteration. */
        public long over10ms;

        private final Histogram histogram = new Histogram(3); // auto-resizing, ns

        @Setup(Level.Iteration)
        public void resetCounters() {
            over1ms = 0;
            over10ms = 0;
            Merged.iterationStarted(System.nanoTime());
        }

        @TearDown(Level.Iteration)
        public void dropWarmup(IterationParams iteration) {
            boolean warmup = iteration.getType() == IterationType.WARMUP;
            Merged.iterationEnded(System.nanoTime(), !warmup);
            if (warmup) {
                histogram.reset(); // only measurement iterations count
            }
        }

        @Setup(Level.Trial)
        public void register() {
            Merged.register();
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams params) {
            Merged.add(histogram, params);
        }

        final void record(long nanos) {
            histogram.recordValue(nanos);
            if (nanos > 1_000_000L) {
                over1ms++;
                if (nanos > 10_000_000L) {
                    over10ms++;
                }
            }
        }
    }

    /**
     * The fork's merged histogram, and the wall time of its measurement iterations: from the
     * first thread's iteration setup to the last thread's teardown, so a thread that starved in
     * lock for seconds stretches it. One benchmark (one method, one param set) per fork.
     */
    static final class Merged {
        private static final Histogram ALL = new Histogram(3);
        private static int threads; // guarded by Merged.class (as every field here); counts down in add
        private static int iterationThreads; // the trial's thread count, fixed
        private static long iterationStart = Long.MAX_VALUE;
        private static long iterationEnd = Long.MIN_VALUE;
        private static int endedIteration;
        private static long measuredWallNanos;

        private Merged() {
        }

        static synchronized void register() {
            threads++;
            iterationThreads++;
        }

        static synchronized void iterationStarted(long now) {
            iterationStart = Math.min(iterationStart, now);
        }

        static synchronized void iterationEnded(long now, boolean measured) {
            iterationEnd = Math.max(iterationEnd, now);
            if (++endedIteration == iterationThreads) {
                if (measured) {
                    measuredWallNanos += iterationEnd - iterationStart;
                }
                iterationStart = Long.MAX_VALUE;
                iterationEnd = Long.MIN_VALUE;
                endedIteration = 0;
            }
        }

        static synchronized void add(Histogram h, BenchmarkParams params) {
            ALL.add(h);
            if (--threads == 0) {
                String backoff = params.getParam("spinBackoff");
                String line = String.format(Locale.ROOT,
                        "lock-wait %s hold=%s%s threads=%d ops=%d wall_ms=%.0f wall_ops_per_ms=%.3f"
                                + " p50_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f",
                        params.getBenchmark().replace("org.gilectomy.bench.jmh.", ""), params.getParam("hold"),
                        backoff == null ? "" : " spinBackoff=" + backoff, params.getThreads(), ALL.getTotalCount(),
                        measuredWallNanos / 1e6, ALL.getTotalCount() / (measuredWallNanos / 1e6), us(ALL.getValueAtPercentile(50)),
                        us(ALL.getValueAtPercentile(99)), us(ALL.getValueAtPercentile(99.9)), us(ALL.getMaxValue()));
                System.out.println(line);
                String log = System.getProperty(WAIT_LOG_PROPERTY);
                if (log != null) {
                    try {
                        Files.write(Path.of(log), List.of(line), StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        System.err.println("cannot append to " + log + ": " + e);
                    }
                }
                ALL.reset();
                measuredWallNanos = 0;
                iterationThreads = 0;
            }
        }

        private static double us(long nanos) {
            return nanos / 1_000.0;
        }
    }

    /**
     * One Py_LOCK'd operation, timed for {@link Waits}. Each lock kind needs its own
     * {@code @Benchmark} (the kind is a static final chosen by the fork's flags); the operation
     * is the same, so they share this body, which the JIT inlines into each.
     */
    private static void pyLock(Shared s, Waits w) {
        long t0 = System.nanoTime();
        ObjectLock.lock(s);
        try {
            s.critical();
        } finally {
            ObjectLock.unlock(s);
        }
        w.record(System.nanoTime() - t0);
        Blackhole.consumeCPU(s.outside);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=spinpark")
    public void spinpark(SpinParkShared s, Waits w) {
        pyLock(s, w);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=pymutex")
    public void pymutex(PyMutexShared s, Waits w) {
        pyLock(s, w);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=spin")
    public void spin(SpinShared s, Waits w) {
        pyLock(s, w);
    }

    @Benchmark
    public void reentrantLock(JdkShared s, Waits w) {
        long t0 = System.nanoTime();
        s.reentrant.lock();
        try {
            s.critical();
        } finally {
            s.reentrant.unlock();
        }
        w.record(System.nanoTime() - t0);
        Blackhole.consumeCPU(s.outside);
    }

    @Benchmark
    public void synchronizedBlock(JdkShared s, Waits w) {
        long t0 = System.nanoTime();
        synchronized (s.monitor) {
            s.critical();
        }
        w.record(System.nanoTime() - t0);
        Blackhole.consumeCPU(s.outside);
    }
}
