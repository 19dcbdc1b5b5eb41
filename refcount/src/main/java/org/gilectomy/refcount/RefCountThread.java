package org.gilectomy.refcount;

import java.util.function.Function;

import org.gilectomy.threadstate.StatefulThread;

/**
 * A thread that carries a reference-count thread state ({@link RefCountThreadState}, or the
 * runtime's level of it) in its field, so the eval breaker's "anything to merge?" bit, the
 * buffered logs and the free lists need no ThreadLocal lookup; its {@code run()} ends with
 * {@link RefCount#threadExiting()}'s work, however its task ends.
 *
 * <p>Any other thread works too (tests, JMH, jcstress): it is registered on first use, and
 * should call {@link RefCount#threadExiting()} as its last refcount action.
 *
 * <p>{@link #run()} is final: give the thread a {@link Runnable}.
 */
public class RefCountThread extends StatefulThread {
    public RefCountThread(Runnable task, String name) {
        this(null, task, name, 0);
    }

    public RefCountThread(ThreadGroup group, Runnable task, String name, long stackSize) {
        this(group, task, name, stackSize, RefCountThreadState.factory(false));
    }

    /** A thread whose state is a higher level's ({@code newState} makes it, for this thread). */
    public RefCountThread(ThreadGroup group, Runnable task, String name, long stackSize,
                          Function<Thread, ? extends RefCountThreadState> newState) {
        super(group, task, name, stackSize, newState);
    }

    /** The commit thread of the buffered strategy: applies its own updates directly. */
    RefCountThread(Runnable task, String name, boolean direct) {
        this(null, task, name, 0, RefCountThreadState.factory(direct));
    }

    final RefCountThreadState refCountState() {
        return (RefCountThreadState) state();
    }

    /**
     * Whether other threads have queued objects for this thread to merge (BIASED): one load
     * of its eval-breaker word. Call only from this thread.
     */
    public final boolean mergePending() {
        return refCountState().mergePending();
    }
}
