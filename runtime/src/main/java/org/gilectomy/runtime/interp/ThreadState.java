package org.gilectomy.runtime.interp;

/**
 * Per-thread interpreter state (CPython's PyThreadState): recursion depth and whether this is
 * the main thread. Only its own thread touches it, so every field is plain.
 */
public final class ThreadState {
    public static final int RECURSION_LIMIT = 1000;

    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    final boolean isMain;
    int depth;
    /**
     * The exception the innermost active {@code except}/{@code finally} handler is handling
     * (sys.exc_info()), or null; borrowed: the handler's stack slot owns it.
     */
    org.gilectomy.objects.PyBaseException handled;

    private ThreadState(boolean isMain) {
        this.isMain = isMain;
    }

    /** Binds a new state to the calling thread. */
    public static ThreadState attach(boolean isMain) {
        ThreadState ts = new ThreadState(isMain);
        CURRENT.set(ts);
        return ts;
    }

    public static void detach() {
        CURRENT.remove();
    }

    /** The calling thread's state: for calls from Java built-ins back into Python (not hot). */
    public static ThreadState current() {
        ThreadState ts = CURRENT.get();
        if (ts == null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName() + " runs no Python");
        }
        return ts;
    }
}
