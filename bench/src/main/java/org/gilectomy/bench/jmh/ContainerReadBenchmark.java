package org.gilectomy.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.gilectomy.objects.ContainerReads;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code d[k]} and {@code l[0]} (a read plus the reader's decref) in the nogil build, with
 * reads that take the container's {@code Py_LOCK} ({@code locked}, Hastings' Gilectomy) and
 * reads that take none ({@code lockFree}: try-incref and re-check, CPython 3.13t), by 1 thread
 * and by 2 threads reading the same container. With 2 threads the locked read bounces the
 * lock word's cache line on every read; the lock-free one bounces only the value's count
 * (the value is shared, not owned: a CAS on its shared count, as for any non-deferred object
 * in CPython 3.13t).
 *
 * <p>The read path is a static final ({@code -Dgilectomy.reads}), so each gets its own fork
 * through {@code @Fork(jvmArgsAppend)}; each state checks in {@code @Setup} that its JVM runs
 * that build (a command-line {@code -jvmArgsAppend} replaces the annotation's).
 *
 * <p>How to run (after {@code mvn -pl bench -am package -DskipTests}):
 * <pre>
 * java -jar bench/target/benchmarks.jar ContainerReadBenchmark
 * java -jar bench/target/benchmarks.jar ContainerReadBenchmark -f 1 -wi 1 -i 1 -w 100ms -r 100ms   # does it run
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContainerReadBenchmark {
    private static final String NOGIL = "-Dgilectomy.refcount=biased";
    private static final String LOCK = "-Dgilectomy.lock=pymutex";
    private static final String IMMORTAL = "-Dgilectomy.immortal=singletons";
    private static final String LOCKED = "-Dgilectomy.reads=locked";
    private static final String LOCK_FREE = "-Dgilectomy.reads=lock-free";

    /** A dict {"key": v} and a list [v], v shared by every thread: merged, no owner. */
    @State(Scope.Benchmark)
    public abstract static class Containers {
        /** Which container the benchmark reads. */
        @Param({"dict", "list"})
        public String container;
        boolean readsDict;
        PyStr key;
        PyDict dict;
        PyList list;

        void build(boolean lockFree) {
            if (RefCount.KIND != RefCountKind.BIASED || ContainerReads.LOCK_FREE != lockFree) {
                throw new IllegalStateException("this benchmark needs " + NOGIL + " and "
                        + (lockFree ? LOCK_FREE : LOCKED) + "; this JVM runs refcount=" + RefCount.KIND.flagName()
                        + ", lock-free reads " + ContainerReads.LOCK_FREE
                        + " (a command-line -jvmArgsAppend replaces the @Fork one: repeat the flags there)");
            }
            readsDict = container.equals("dict");
            key = PyStr.internBorrowed("key");
            PyList value = new PyList();
            BiasedCounts.increfShared(value); // merged: every reader goes through the shared count,
            BiasedCounts.decrefLocal(value);  // as it would for an object another thread created
            dict = new PyDict();
            dict.put(key, value);
            list = new PyList();
            list.append(value);
            RefCount.decref(value);
        }

        /** {@code d["key"]} or {@code l[0]}, and the reader's decref. */
        final PyObject read() {
            PyObject v = readsDict ? dict.get(key) : list.getItem(0);
            RefCount.decref(v);
            return v;
        }
    }

    @State(Scope.Benchmark)
    public static class Locked extends Containers {
        @Setup(Level.Trial)
        public void setUp() {
            build(false);
        }
    }

    @State(Scope.Benchmark)
    public static class LockFree extends Containers {
        @Setup(Level.Trial)
        public void setUp() {
            build(true);
        }
    }

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {NOGIL, LOCK, IMMORTAL, LOCKED})
    public PyObject read_locked_1thread(Locked c) {
        return c.read();
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {NOGIL, LOCK, IMMORTAL, LOCKED})
    public PyObject read_locked_2threads(Locked c) {
        return c.read();
    }

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {NOGIL, LOCK, IMMORTAL, LOCK_FREE})
    public PyObject read_lockFree_1thread(LockFree c) {
        return c.read();
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {NOGIL, LOCK, IMMORTAL, LOCK_FREE})
    public PyObject read_lockFree_2threads(LockFree c) {
        return c.read();
    }
}
