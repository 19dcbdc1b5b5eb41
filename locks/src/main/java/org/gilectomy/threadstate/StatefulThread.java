package org.gilectomy.threadstate;

import java.util.function.Function;

/**
 * A thread that carries its thread state ({@link BaseThreadState}, or a higher module's level of
 * it) in a final field, so that {@link BaseThreadState#current()} is a type check and a load:
 * the runtime creates every Python thread (the main program's too) as one.
 *
 * <p>The state is made by {@code newState} in the constructor, on the creating thread, and
 * registered at once (before the thread runs, so a request for every thread reaches it); its
 * {@link BaseThreadState#exit()} is the last thing {@link #run()} does, however the task ends.
 * {@link #run()} is final: give the thread a {@link Runnable}.
 */
public class StatefulThread extends Thread {
    /**
     * The CPU time of every StatefulThread that ended since {@link #countCpuOfEndedThreads()},
     * added by each as its last act: the program's own threads' CPU, without the JIT
     * compilers' or the collector's (what {@code run --iterations} reports per iteration).
     */
    private static final java.util.concurrent.atomic.LongAdder ENDED_CPU_NANOS = new java.util.concurrent.atomic.LongAdder();
    /** Set once by {@link #countCpuOfEndedThreads()}; read once per ending thread. */
    private static volatile boolean countCpu;

    private final BaseThreadState state;

    public StatefulThread(ThreadGroup group, Runnable task, String name, long stackSize,
                          Function<Thread, ? extends BaseThreadState> newState) {
        super(group, task, name, stackSize);
        this.state = newState.apply(this).register();
    }

    /** This thread's state (any thread may read the reference; its parts say who may touch them). */
    public final BaseThreadState state() {
        return state;
    }

    @Override
    public final void run() {
        try {
            super.run();
        } finally {
            if (Thread.currentThread() == this) {
                if (countCpu) {
                    addOwnCpuTime();
                }
                state.exit();
            }
        }
    }

    private static void addOwnCpuTime() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        if (t > 0) {
            ENDED_CPU_NANOS.add(t);
        }
    }

    /**
     * From now on, each StatefulThread adds its CPU time to {@link #cpuOfEndedThreadsNanos()}
     * when it ends (off by default: it loads the JVM's management classes).
     */
    public static void countCpuOfEndedThreads() {
        countCpu = true;
    }

    /** The CPU time of the StatefulThreads that ended since counting was turned on. */
    public static long cpuOfEndedThreadsNanos() {
        return ENDED_CPU_NANOS.sum();
    }
}
