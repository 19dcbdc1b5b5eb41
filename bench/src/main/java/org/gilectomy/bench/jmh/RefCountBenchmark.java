package org.gilectomy.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.RefCounted;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Measures one {@code Py_INCREF} plus one {@code Py_DECREF} on an object only this thread
 * touches, with plain counts (the GIL build) and atomic counts (Gilectomy 2016): the
 * single-thread tax of atomic reference counting, before any cache line bounces.
 *
 * <ul>
 *   <li>{@code plain}: {@code -Dgilectomy.refcount=plain}, load-add-store;
 *   <li>{@code atomic}: {@code -Dgilectomy.refcount=atomic}, {@code getAndAdd} (a locked
 *       instruction on x86);
 *   <li>{@code baseline}: the same two calls doing nothing, so the counts' own cost is
 *       {@code plain - baseline} and {@code atomic - baseline}.
 * </ul>
 * Each update is its own non-inlined call, as in the eval loop, where the incref and the decref
 * of an object happen in different bytecode handlers. Inlined back to back, C2 may fold a plain
 * pair into a single store (it cannot fold atomics), which would flatter the GIL build.
 *
 * <p>The strategy is a static final read at class initialisation, so each build gets its own
 * fork through {@code @Fork(jvmArgsAppend)}, never a {@code @Param}; each build's state checks
 * in {@code @Setup} that its JVM really runs that build (a command-line {@code -jvmArgsAppend}
 * replaces the annotation's).
 *
 * <p>How to run (after {@code mvn -pl bench -am package -DskipTests}):
 * <pre>
 * java -jar bench/target/benchmarks.jar RefCountBenchmark
 * java -jar bench/target/benchmarks.jar RefCountBenchmark -f 1 -wi 1 -i 2 -w 1s -r 1s   # a quick look
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RefCountBenchmark {

    /** Starts, and stays, at one owned reference: the benchmark never frees it. */
    public abstract static class Counted extends RefCounted {
        @Override
        protected void dealloc() {
            throw new AssertionError("the benchmark object reached zero: an unbalanced incref/decref");
        }

        @Override
        public String describeForDiagnostics() {
            return getClass().getSimpleName();
        }

        static void require(RefCountKind kind) {
            if (RefCount.KIND != kind) {
                throw new IllegalStateException("this benchmark needs -D" + RefCountKind.PROPERTY + "=" + kind.flagName()
                        + "; this JVM runs " + RefCount.KIND.flagName()
                        + " (a command-line -jvmArgsAppend replaces the @Fork one: repeat the flag there)");
            }
        }
    }

    @State(Scope.Thread)
    public static class PlainCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.PLAIN);
        }
    }

    @State(Scope.Thread)
    public static class AtomicCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.ATOMIC);
        }
    }

    /** For the baseline, which touches no count and so runs in any build. */
    @State(Scope.Thread)
    public static class AnyBuildCounted extends Counted {
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=plain")
    public void plain(PlainCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=atomic")
    public void atomic(AtomicCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    public void baseline(AnyBuildCounted o) {
        nothing(o);
        nothing(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void incref(RefCounted o) {
        RefCount.incref(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void decref(RefCounted o) {
        RefCount.decref(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void nothing(RefCounted o) {
        // the call alone: what plain and atomic pay on top of their counts
    }
}
