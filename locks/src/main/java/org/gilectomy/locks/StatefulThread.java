package org.gilectomy.locks;

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
                state.exit();
            }
        }
    }
}
