package org.gilectomy.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCounted;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A frame pushing and popping a reference ({@code RefCount.increfStack} then
 * {@code decrefStack}, what LOAD_GLOBAL and the call that consumes it do to the callable)
 * under biased counts with deferred counting on (the {@code nogil} preset's build):
 *
 * <ul>
 *   <li>{@code owner}: an ordinary object the benchmark thread created: two plain local updates.
 *   <li>{@code nonOwner}: an ordinary object of another (detached) owner: an atomic add and a
 *       CAS on its shared word.
 *   <li>{@code deferred}: a deferred object of another owner: a read of its flag, no write.
 *   <li>{@code nonOwnerShared_*} and {@code deferredShared_*} ({@code @Group}, two threads, one
 *       object of a third owner): what fib's two threads did to the shared function before
 *       deferred counting, and what they do now. The first pair's line bounces between the
 *       cores; the second's stays shared.
 * </ul>
 * Each update is its own non-inlined call, as in the eval loop. The states check in
 * {@code @Setup} that the JVM runs the build (biased, deferred on) and, at the end, that a
 * deferred push and pop left the count untouched.
 *
 * <p>How to run (after {@code mvn -pl bench -am package -DskipTests}); figures from a noisy
 * machine say nothing, so take them on a quiet one:
 * <pre>
 * java -jar bench/target/benchmarks.jar StackRefBenchmark
 * java -jar bench/target/benchmarks.jar StackRefBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s   # a quick look
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dgilectomy.refcount=biased", "-Dgilectomy.deferred=on"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StackRefBenchmark {

    /** Never freed by the benchmark: an unbalanced push or pop would show up as a free. */
    static final class Obj extends RefCounted {
        @Override
        protected void dealloc() {
            throw new AssertionError("the benchmark object reached zero: an unbalanced push/pop");
        }

        @Override
        public String describeForDiagnostics() {
            return "StackRefBenchmark.Obj";
        }
    }

    static void requireBuild() {
        if (!RefCount.DEFERRED || RefCount.KIND != org.gilectomy.refcount.RefCountKind.BIASED) {
            throw new IllegalStateException("this benchmark needs -Dgilectomy.refcount=biased -Dgilectomy.deferred=on"
                    + " (a command-line -jvmArgsAppend replaces the @Fork one: repeat the flags there)");
        }
    }

    /** An object of a detached owner, deferred or not; the count is checked at the end. */
    abstract static class Foreign {
        Obj o;
        int owner;
        int countBefore;

        /** {@code sharedRefs} non-owner references held throughout (so that pops never queue it). */
        void create(boolean deferred, int sharedRefs) {
            requireBuild();
            owner = BiasedCounts.newDetachedOwner();
            o = new Obj();
            if (deferred) {
                RefCount.markDeferred(o, this);
            }
            BiasedCounts.adopt(o, owner);
            for (int i = 0; i < sharedRefs; i++) {
                BiasedCounts.increfShared(o);
            }
            countBefore = RefCount.trueCount(o);
        }

        void finish() {
            int after = RefCount.trueCount(o);
            BiasedCounts.retireDetachedOwner(owner);
            if (after != countBefore) {
                throw new IllegalStateException("pushes and pops changed the count: " + countBefore + " -> " + after);
            }
        }
    }

    @State(Scope.Thread)
    public static class Owned {
        Obj o;

        @Setup(Level.Trial)
        public void create() {
            requireBuild();
            o = new Obj();
        }
    }

    @State(Scope.Thread)
    public static class ForeignOrdinary extends Foreign {
        @Setup(Level.Trial)
        public void setUp() {
            create(false, 0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            finish();
        }
    }

    @State(Scope.Thread)
    public static class ForeignDeferred extends Foreign {
        @Setup(Level.Trial)
        public void setUp() {
            create(true, 0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            finish();
        }
    }

    @State(Scope.Group)
    public static class SharedOrdinary extends Foreign {
        @Setup(Level.Trial)
        public void setUp() {
            create(false, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            finish();
        }
    }

    @State(Scope.Group)
    public static class SharedDeferred extends Foreign {
        @Setup(Level.Trial)
        public void setUp() {
            create(true, 0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            finish();
        }
    }

    @Benchmark
    public void owner(Owned s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    public void nonOwner(ForeignOrdinary s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    public void deferred(ForeignDeferred s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    @Group("nonOwnerShared")
    public void nonOwnerShared_a(SharedOrdinary s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    @Group("nonOwnerShared")
    public void nonOwnerShared_b(SharedOrdinary s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    @Group("deferredShared")
    public void deferredShared_a(SharedDeferred s) {
        push(s.o);
        pop(s.o);
    }

    @Benchmark
    @Group("deferredShared")
    public void deferredShared_b(SharedDeferred s) {
        push(s.o);
        pop(s.o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void push(RefCounted o) {
        RefCount.increfStack(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void pop(RefCounted o) {
        RefCount.decrefStack(o);
    }
}
