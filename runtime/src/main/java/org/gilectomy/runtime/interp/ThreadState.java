package org.gilectomy.runtime.interp;

/**
 * Per-thread interpreter state (CPython's PyThreadState): recursion depth and whether this is
 * the main thread. Only its own thread touches it, so every field is plain.
 */
public final class ThreadState implements org.gilectomy.objects.ReprGuard.State {
    public static final int RECURSION_LIMIT = 1000;

    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    final boolean isMain;
    int depth;
    /**
     * The exception the innermost active {@code except}/{@code finally} handler is handling
     * (sys.exc_info()), or null; borrowed: the handler's stack slot owns it.
     */
    org.gilectomy.objects.PyBaseException handled;
    /** Objects whose repr this thread is computing (see ReprGuard); made on the first repr of a container. */
    private java.util.List<org.gilectomy.objects.PyObject> reprs;

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

    /** The calling thread's state, or null if it runs no Python (a thread of the runtime's own). */
    public static ThreadState currentOrNull() {
        return CURRENT.get();
    }

    @Override
    public java.util.List<org.gilectomy.objects.PyObject> reprsInProgress() {
        if (reprs == null) {
            reprs = new java.util.ArrayList<>();
        }
        return reprs;
    }

    /** Nesting inside one frame (a repr) counts against the same limit as frames, as in CPython. */
    @Override
    public void enterRecursiveCall(String where) {
        if (++depth >= RECURSION_LIMIT) {
            depth--;
            throw new org.gilectomy.objects.PyException(org.gilectomy.objects.PyExc.RECURSION_ERROR,
                    "maximum recursion depth exceeded" + where);
        }
    }

    @Override
    public void leaveRecursiveCall() {
        depth--;
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
