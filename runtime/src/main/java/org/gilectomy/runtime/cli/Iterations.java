package org.gilectomy.runtime.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run --iterations N}: the program run N times in this JVM, each a fresh
 * {@code __main__}, each timed. Iteration 1 writes to the real stdout; the later ones' stdout
 * is discarded (their stderr is kept: an error must show). The first iteration that exits
 * with a status other than 0 stops the loop, since later iterations would not do the same work.
 *
 * <p>Beside each iteration's wall-clock time, what the JVM spent on it: process CPU time (all
 * threads: the program's, the JIT compilers', the collector's), the CPU time of the program's
 * own threads (every Python thread of an iteration, its main one included, ends within it),
 * JIT compilation time and collections, each the difference of the JVM's own counters around
 * the iteration. The program threads' CPU for the same work at 1 and 2 threads tells whether
 * the threads slow each other down (shared lines, locks) apart from the JIT and the collector. They
 * tell warm-up from steady state: the iterations in which the JIT still compiles (or, after
 * a deoptimisation, compiles again) are the ones to drop, and on a machine with as many cores
 * as program threads the compiler's time is taken from the program's.
 *
 * @param requested   N
 * @param iterationNs the wall-clock time of each iteration run, in order (System.nanoTime
 *                    around {@link Backend#run}: reading, parsing, compiling and running)
 * @param jvm         what the JVM spent in each iteration, in the same order
 * @param status      the exit status of the last iteration run
 */
record Iterations(int requested, List<Long> iterationNs, List<JvmCounters> jvm, int status) {
    /** Where later iterations' stdout goes. */
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    Iterations {
        iterationNs = List.copyOf(iterationNs);
        jvm = List.copyOf(jvm);
    }

    /**
     * The JVM's cumulative counters at one moment, or their difference over an iteration:
     * process CPU nanoseconds (-1 if the platform does not say), JIT compilation milliseconds
     * (-1 if the JVM does not say), collections and their milliseconds.
     */
    record JvmCounters(long cpuNs, long threadsCpuNs, long jitMs, long gcCount, long gcMs) {
        static JvmCounters now() {
            long cpu = -1;
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                cpu = os.getProcessCpuTime();
            }
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jitMs = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            long count = 0;
            long ms = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                ms += Math.max(0, gc.getCollectionTime());
            }
            return new JvmCounters(cpu, org.gilectomy.threadstate.StatefulThread.cpuOfEndedThreadsNanos(), jitMs, count, ms);
        }

        /** What was spent between {@code before} and this snapshot (-1 where either is unknown). */
        JvmCounters since(JvmCounters before) {
            return new JvmCounters(cpuNs < 0 || before.cpuNs < 0 ? -1 : cpuNs - before.cpuNs,
                    threadsCpuNs - before.threadsCpuNs, jitMs < 0 || before.jitMs < 0 ? -1 : jitMs - before.jitMs,
                    gcCount - before.gcCount, gcMs - before.gcMs);
        }
    }

    static Iterations run(Backend backend, Path file, List<String> args, int count, PrintWriter err) {
        List<Long> times = new ArrayList<>(count);
        List<JvmCounters> spent = new ArrayList<>(count);
        org.gilectomy.threadstate.StatefulThread.countCpuOfEndedThreads();
        int status = 0;
        for (int i = 1; i <= count; i++) {
            PrintStream out = i == 1 ? System.out : DISCARD;
            JvmCounters before = JvmCounters.now();
            long start = System.nanoTime();
            status = backend.run(file, args, out, System.err);
            times.add(System.nanoTime() - start);
            spent.add(JvmCounters.now().since(before));
            if (i == 1) {
                System.out.flush();
            }
            if (status != 0 && count > 1) {
                err.println(RunCommand.PROGRAM + ": iteration " + i + " of " + count + " exited with status "
                        + status + (i < count ? "; the remaining iterations were not run" : ""));
                err.flush();
                break;
            }
        }
        return new Iterations(count, times, spent, status);
    }

    /**
     * The JSON members: {@code iterations}, {@code completed}, {@code iteration_ns},
     * {@code iteration_cpu_ns}, {@code iteration_threads_cpu_ns}, {@code iteration_jit_ms}, {@code iteration_gc_count},
     * {@code iteration_gc_ms} (one entry per iteration; null where the JVM does not say),
     * {@code exit_status}.
     */
    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", requested);
        m.put("completed", iterationNs.size());
        m.put("iteration_ns", iterationNs);
        m.put("iteration_cpu_ns", column(JvmCounters::cpuNs));
        m.put("iteration_threads_cpu_ns", column(JvmCounters::threadsCpuNs));
        m.put("iteration_jit_ms", column(JvmCounters::jitMs));
        m.put("iteration_gc_count", column(JvmCounters::gcCount));
        m.put("iteration_gc_ms", column(JvmCounters::gcMs));
        m.put("exit_status", status);
        return m;
    }

    private List<Long> column(java.util.function.ToLongFunction<JvmCounters> f) {
        List<Long> values = new ArrayList<>(jvm.size());
        for (JvmCounters c : jvm) {
            long v = f.applyAsLong(c);
            values.add(v < 0 ? null : v);
        }
        return values;
    }
}
