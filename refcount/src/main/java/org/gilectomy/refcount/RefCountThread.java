package org.gilectomy.refcount;

/**
 * The thread class the runtime uses for every Python thread (the main program too): it
 * carries the thread's reference-count state in a field, so the eval breaker's "anything to
 * merge?" check ({@link #mergePending()}) and the buffered logs need no ThreadLocal lookup,
 * and it runs {@link RefCount#threadExiting()} when its task ends, however it ends.
 *
 * <p>Any other thread works too (tests, JMH, jcstress): it is registered on first use through
 * a ThreadLocal, and should call {@link RefCount#threadExiting()} as its last refcount action.
 *
 * <p>{@link #run()} is final: give the thread a {@link Runnable}.
 */
public class RefCountThread extends Thread {
    final ThreadState state;

    public RefCountThread(Runnable task, String name) {
        this(null, task, name, 0);
    }

    public RefCountThread(ThreadGroup group, Runnable task, String name, long stackSize) {
        super(group, task, name, stackSize);
        this.state = ThreadState.register(new ThreadState(this, false));
    }

    /** The commit thread of the buffered strategy: applies its own updates directly. */
    RefCountThread(Runnable task, String name, boolean direct) {
        super(null, task, name, 0);
        this.state = new ThreadState(this, direct);
        ThreadState.BY_ID.put(state.id, state);
    }

    @Override
    public final void run() {
        try {
            super.run();
        } finally {
            if (Thread.currentThread() == this) {
                RefCount.threadExiting();
            }
        }
    }

    /**
     * Whether other threads have queued objects for this thread to merge (BIASED): the eval
     * breaker's check, one acquire load. Call only from this thread.
     */
    public final boolean mergePending() {
        return state.mergeQueue != null && state.hasPendingAcquire();
    }
}
