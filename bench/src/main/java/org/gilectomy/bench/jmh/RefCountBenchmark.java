package org.gilectomy.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
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
 * One {@code Py_INCREF} plus one {@code Py_DECREF}, per strategy, per path, on one thread and
 * on two: the single-thread tax of each strategy and what sharing an object costs.
 *
 * <ul>
 *   <li>{@code plain}, {@code atomic}: the object is only this thread's.
 *   <li>{@code biasedOwner}: the benchmark thread created the object: plain local updates
 *       behind one owner-id compare, the caller's id read from the current thread at each
 *       update. Target: within 1.3x of {@code plain}.
 *   <li>{@code biasedOwnerHeldId}: the same, the caller passing the id it holds
 *       ({@code RefCount.incref(o, self)}, as the eval loop can): one compare with a register.
 *   <li>{@code biasedNonOwner}: the object belongs to another (detached) owner: an atomic
 *       add and a CAS on the shared word.
 *   <li>{@code buffered}: two log appends (the commit thread applies them elsewhere).
 *   <li>{@code plainImmortalCheck}: plain counts with {@code -Dgilectomy.immortal=singletons}
 *       on a mortal object: the cost of the PEP 683 check itself; {@code atomicImmortal}:
 *       atomic counts on an immortal object (no write at all).
 *   <li>{@code *Shared_*} ({@code @Group}, two threads, one object) and {@code *Private_*}
 *       (two threads, one object each): the cache-line ping-pong of a shared object, for
 *       atomic, biased (one owner, one non-owner), buffered (two threads logging; the commit
 *       thread applies both) and immortal objects.
 *   <li>{@code baseline}: the same two calls doing nothing.
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
 * java -jar bench/target/benchmarks.jar RefCountBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s   # a quick look
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

        static void requireImmortal(ImmortalKind kind) {
            if (RefCount.IMMORTAL != kind) {
                throw new IllegalStateException("this benchmark needs -D" + ImmortalKind.PROPERTY + "=" + kind.flagName()
                        + "; this JVM runs " + RefCount.IMMORTAL.flagName());
            }
        }
    }

    @State(Scope.Thread)
    public static class PlainCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.PLAIN);
            requireImmortal(ImmortalKind.NONE);
        }
    }

    @State(Scope.Thread)
    public static class PlainCheckedCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.PLAIN);
            requireImmortal(ImmortalKind.SINGLETONS);
        }
    }

    @State(Scope.Thread)
    public static class AtomicCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.ATOMIC);
        }
    }

    /** Created by the benchmark thread itself (Scope.Thread setup runs on it): it owns it. */
    @State(Scope.Thread)
    public static class BiasedOwned {
        Counted o;
        /** The benchmark thread's owner id, held as the eval loop holds it (biasedOwnerHeldId). */
        int self;

        @Setup(Level.Trial)
        public void create() {
            Counted.require(RefCountKind.BIASED);
            o = new Counted() {
            };
            if (o.ownerIdOpaque() != RefCount.currentThreadId()) {
                throw new IllegalStateException("the setup did not run on the benchmark thread");
            }
            self = RefCount.currentThreadId();
        }
    }

    /** Owned by a detached owner: every update from the benchmark thread is a non-owner's. */
    @State(Scope.Thread)
    public static class BiasedForeign {
        Counted o;
        int owner;

        @Setup(Level.Trial)
        public void create() {
            Counted.require(RefCountKind.BIASED);
            owner = BiasedCounts.newDetachedOwner();
            o = new Counted() {
            };
            BiasedCounts.adopt(o, owner);
        }

        @TearDown(Level.Trial)
        public void retire() {
            BiasedCounts.retireDetachedOwner(owner);
        }
    }

    @State(Scope.Thread)
    public static class BufferedCounted extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.BUFFERED);
        }

        @TearDown(Level.Iteration)
        public void flush() {
            RefCount.flush();
        }
    }

    @State(Scope.Thread)
    public static class AtomicImmortal extends Counted {
        @Setup(Level.Trial)
        public void make() {
            require(RefCountKind.ATOMIC);
            if (!RefCount.makeImmortal(this)) {
                throw new IllegalStateException("needs -D" + ImmortalKind.PROPERTY + "=singletons");
            }
        }
    }

    /** One object for the whole group: the two threads of a @Group share it. */
    @State(Scope.Group)
    public static class AtomicSharedObject extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.ATOMIC);
        }
    }

    @State(Scope.Group)
    public static class BufferedSharedObject extends Counted {
        @Setup(Level.Trial)
        public void checkBuild() {
            require(RefCountKind.BUFFERED);
        }

        @TearDown(Level.Iteration)
        public void flush() {
            RefCount.flush();
        }
    }

    @State(Scope.Group)
    public static class ImmortalSharedObject extends Counted {
        @Setup(Level.Trial)
        public void make() {
            require(RefCountKind.ATOMIC);
            if (!RefCount.makeImmortal(this)) {
                throw new IllegalStateException("needs -D" + ImmortalKind.PROPERTY + "=singletons");
            }
        }
    }

    /**
     * One object for the group, owned by a detached owner; the "owner" thread updates its local
     * count through BiasedCounts.increfLocal/decrefLocal (pinned: JMH's threads are not its
     * creator), the other thread the shared count.
     */
    @State(Scope.Group)
    public static class BiasedSharedObject {
        Counted o;
        int owner;

        @Setup(Level.Trial)
        public void create() {
            Counted.require(RefCountKind.BIASED);
            owner = BiasedCounts.newDetachedOwner();
            o = new Counted() {
            };
            BiasedCounts.adopt(o, owner);
            BiasedCounts.increfShared(o); // shared 1: the non-owner's decrefs never queue
        }

        @TearDown(Level.Trial)
        public void retire() {
            BiasedCounts.retireDetachedOwner(owner);
        }
    }

    /** For the baseline, which touches no count and so runs in any build. */
    @State(Scope.Thread)
    public static class AnyBuildCounted extends Counted {
    }

    // ---- one thread

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
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedOwner(BiasedOwned s) {
        incref(s.o);
        decref(s.o);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedOwnerHeldId(BiasedOwned s) {
        increfHeld(s.o, s.self);
        decrefHeld(s.o, s.self);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedNonOwner(BiasedForeign s) {
        incref(s.o);
        decref(s.o);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=buffered")
    public void buffered(BufferedCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dgilectomy.refcount=plain", "-Dgilectomy.immortal=singletons"})
    public void plainImmortalCheck(PlainCheckedCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dgilectomy.refcount=atomic", "-Dgilectomy.immortal=singletons"})
    public void atomicImmortal(AtomicImmortal o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    public void baseline(AnyBuildCounted o) {
        nothing(o);
        nothing(o);
    }

    // ---- two threads, one object (@Group) or one object each (@Threads via Scope.Thread)

    @Benchmark
    @Group("atomicShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=atomic")
    public void atomicShared_a(AtomicSharedObject o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("atomicShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=atomic")
    public void atomicShared_b(AtomicSharedObject o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("atomicPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=atomic")
    public void atomicPrivate_a(AtomicCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("atomicPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=atomic")
    public void atomicPrivate_b(AtomicCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("biasedShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedShared_owner(BiasedSharedObject s) {
        increfLocal(s.o);
        decrefLocal(s.o);
    }

    @Benchmark
    @Group("biasedShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedShared_nonOwner(BiasedSharedObject s) {
        incref(s.o);
        decref(s.o);
    }

    @Benchmark
    @Group("biasedPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedPrivate_a(BiasedOwned s) {
        incref(s.o);
        decref(s.o);
    }

    @Benchmark
    @Group("biasedPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=biased")
    public void biasedPrivate_b(BiasedOwned s) {
        incref(s.o);
        decref(s.o);
    }

    @Benchmark
    @Group("bufferedShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=buffered")
    public void bufferedShared_a(BufferedSharedObject o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("bufferedShared")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=buffered")
    public void bufferedShared_b(BufferedSharedObject o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("bufferedPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=buffered")
    public void bufferedPrivate_a(BufferedCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("bufferedPrivate")
    @Fork(value = 1, jvmArgsAppend = "-Dgilectomy.refcount=buffered")
    public void bufferedPrivate_b(BufferedCounted o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("immortalShared")
    @Fork(value = 1, jvmArgsAppend = {"-Dgilectomy.refcount=atomic", "-Dgilectomy.immortal=singletons"})
    public void immortalShared_a(ImmortalSharedObject o) {
        incref(o);
        decref(o);
    }

    @Benchmark
    @Group("immortalShared")
    @Fork(value = 1, jvmArgsAppend = {"-Dgilectomy.refcount=atomic", "-Dgilectomy.immortal=singletons"})
    public void immortalShared_b(ImmortalSharedObject o) {
        incref(o);
        decref(o);
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
    private static void increfHeld(RefCounted o, int self) {
        RefCount.incref(o, self);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void decrefHeld(RefCounted o, int self) {
        RefCount.decref(o, self);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void increfLocal(RefCounted o) {
        BiasedCounts.increfLocal(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void decrefLocal(RefCounted o) {
        BiasedCounts.decrefLocal(o);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void nothing(RefCounted o) {
        // the call alone: what plain and atomic pay on top of their counts
    }
}
