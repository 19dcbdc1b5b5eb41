package org.gilectomy.bench.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.gilectomy.locks.LockKind;
import org.gilectomy.locks.Lockable;
import org.gilectomy.locks.ObjectLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the single-thread cost of {@code Py_LOCK} + {@code Py_UNLOCK} around a tiny critical
 * section, beside the JDK's {@link ReentrantLock} and {@code synchronized}: the per-object lock
 * tax a free-threaded build pays on every list/dict operation even when no other thread is
 * there.
 *
 * <p>Every method does the same work, incrementing an int, under a different lock:
 * <ul>
 *   <li>{@code noLock}: the increment alone, the floor the others are read against;
 *   <li>{@code objectLockSpinPark}, {@code objectLockPyMutex}, {@code objectLockSpin}: ObjectLock
 *       in the free-threaded build with each lock kind ({@code -Dgilectomy.lock=spinpark|pymutex|spin}).
 *       All three are one CAS in and one release CAS out when uncontended, so they should be
 *       equal; a difference would mean the kind dispatch in ObjectLock was not folded away;
 *   <li>{@code objectLockGilBuild}: the same source in the GIL build ({@code -Dgilectomy.lock=none}),
 *       where lock and unlock are empty: it should match {@code noLock}, which is the proof that
 *       the GIL build pays nothing for the machinery it does not use;
 *   <li>{@code reentrantLock}, {@code synchronizedBlock}: the JDK baselines (JDK 17: no biased
 *       locking by default, so {@code synchronized} is a CAS in and a CAS out too).
 * </ul>
 * The lock kind is a static final read at class initialisation, so it is chosen per forked JVM
 * with {@code @Fork(jvmArgsAppend)}, never with {@code @Param}, and each build-specific state
 * checks in {@code @Setup} that its JVM really runs that build: passing {@code -jvmArgsAppend}
 * on the JMH command line replaces the annotation's, and would otherwise silently measure the
 * wrong build.
 *
 * <p>How to run (after {@code mvn -pl bench -am package -DskipTests}):
 * <pre>
 * java -jar bench/target/benchmarks.jar UncontendedLockBenchmark
 * java -jar bench/target/benchmarks.jar UncontendedLockBenchmark -f 1 -wi 1 -i 2 -w 1s -r 1s   # a quick look
 * bench/results/run-lock-benchmarks.sh                       # with the contended ones, JSON into bench/results/
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=spinpark")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread) // one lock per thread: uncontended by construction
public class UncontendedLockBenchmark {

    /** An object header with something to guard. */
    public static class Header extends Lockable {
        int count;

        final int lockedIncrement() {
            ObjectLock.lock(this);
            try {
                return ++count;
            } finally {
                ObjectLock.unlock(this);
            }
        }

        static void require(LockKind kind) {
            if (ObjectLock.KIND != kind) {
                throw new IllegalStateException("this benchmark needs -D" + LockKind.PROPERTY + "=" + kind.flagName()
                        + "; this JVM runs " + ObjectLock.KIND.flagName()
                        + " (a command-line -jvmArgsAppend replaces the @Fork one: repeat the flag there)");
            }
        }
    }

    @State(Scope.Thread)
    public static class SpinParkHeader extends Header {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(LockKind.SPINPARK);
        }
    }

    @State(Scope.Thread)
    public static class PyMutexHeader extends Header {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(LockKind.PYMUTEX);
        }
    }

    @State(Scope.Thread)
    public static class SpinHeader extends Header {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(LockKind.SPIN);
        }
    }

    @State(Scope.Thread)
    public static class GilBuildHeader extends Header {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(LockKind.NONE);
        }
    }

    private final ReentrantLock reentrant = new ReentrantLock();
    private final Object monitor = new Object();
    private int count;

    @Benchmark
    public int noLock() {
        return ++count;
    }

    @Benchmark
    public int objectLockSpinPark(SpinParkHeader header) {
        return header.lockedIncrement();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=pymutex")
    public int objectLockPyMutex(PyMutexHeader header) {
        return header.lockedIncrement();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=spin")
    public int objectLockSpin(SpinHeader header) {
        return header.lockedIncrement();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.lock=none")
    public int objectLockGilBuild(GilBuildHeader header) {
        return header.lockedIncrement();
    }

    @Benchmark
    public int reentrantLock() {
        reentrant.lock();
        try {
            return ++count;
        } finally {
            reentrant.unlock();
        }
    }

    @Benchmark
    public int synchronizedBlock() {
        synchronized (monitor) {
            return ++count;
        }
    }
}
