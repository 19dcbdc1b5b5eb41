package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyBaseException;
import org.gilectomy.refcount.RefCountThread;
import org.gilectomy.refcount.RefCountThreadState;
import org.gilectomy.runtime.modules.Threading;
import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.StatefulThread;

/**
 * Per-thread interpreter state (CPython's PyThreadState), the last link of the thread-state
 * chain: {@link BaseThreadState} (eval-breaker word, critical sections, statistics rows) &lt;-
 * {@link RefCountThreadState} (merge queue, buffered logs, free lists) &lt;- this (recursion
 * depth, the handled exception, the old GIL's tick countdown, the {@code threading.Thread},
 * the interpreter).
 *
 * <p>Every thread that runs Python is made by {@link #newThread} and carries its state in a
 * field, so {@link #current()} is a type check and a load, and the eval loop, which is
 * handed its state, reads its breaker word with one load. The fields below the breaker word
 * are touched only by their own thread, so they are plain.
 */
public final class ThreadState extends RefCountThreadState implements org.gilectomy.objects.ReprGuard.State {
    public static final int RECURSION_LIMIT = 1000;

    private final boolean isMain;
    int depth;
    /**
     * The exception the innermost active {@code except}/{@code finally} handler is handling
     * (sys.exc_info()), or null; borrowed: the handler's stack slot owns it.
     */
    PyBaseException handled; // no accessor for the eval loop (this package): a plain field load in every handler
    /** The old GIL's countdown to the next periodic check (only under {@code Gil.TICKING}). */
    int ticks = Ticker.interval();
    /**
     * The {@code threading.Thread} this thread was started as (borrowed: its bootstrap holds
     * it), for {@code current_thread()}; null on the main thread and once the thread has run.
     */
    private Threading.PyThread pyThread;
    /**
     * The interpreter this thread runs for; a new thread starts with its creator's. Opaque to
     * this class (the interpreter object's own package defines what it is).
     */
    private Object interpreter;
    /** {@code _contextvars}: this thread's current Context (owned), or null until it first needs one. */
    public org.gilectomy.objects.PyObject context;

    /** At the end of this thread (or of the program, for the main thread): its Context goes. */
    public void releaseContext() {
        org.gilectomy.objects.PyObject c = context;
        context = null;
        org.gilectomy.refcount.RefCount.xdecref(c);
    }
    /** Objects whose repr this thread is computing (see ReprGuard); made on the first repr of a container. */
    private java.util.List<org.gilectomy.objects.PyObject> reprs;

    /**
     * The live frames' slot arrays, by depth (written at entry to a frame, nulled at its exit,
     * by this thread): the cycle collector's roots (GcRoots), read while this thread is
     * stopped or waits for the GIL.
     */
    final org.gilectomy.objects.PyObject[][] frames = new org.gilectomy.objects.PyObject[RECURSION_LIMIT + 1][];
    /**
     * Beside {@link #frames}, by depth: each live frame's code and globals (written at entry)
     * and the index of the instruction it executes (written before each instruction, as
     * CPython 3.11's {@code frame->prev_instr}): what a frame object reads while its frame
     * runs. {@link #frameObjects}: the frame object made for a depth (owned), or null; made
     * only when asked for ({@link PyFrame}), released when its frame leaves.
     */
    final org.gilectomy.objects.PyCode[] codes = new org.gilectomy.objects.PyCode[RECURSION_LIMIT + 1];
    final org.gilectomy.objects.PyDict[] frameGlobals = new org.gilectomy.objects.PyDict[RECURSION_LIMIT + 1];
    final int[] pcs = new int[RECURSION_LIMIT + 1];
    final PyFrame[] frameObjects = new PyFrame[RECURSION_LIMIT + 1];

    /** Whether this is its interpreter's main thread (the one Ctrl-C interrupts). */
    public boolean isMain() {
        return isMain;
    }

    /** sys.exc_info()'s exception: the one the innermost active handler handles, or null (borrowed). */
    public PyBaseException handled() {
        return handled;
    }

    /** The threading.Thread this thread was started as, or null (see the field). */
    public Threading.PyThread pyThread() {
        return pyThread;
    }

    /** Its threading.Thread has run: current_thread() no longer returns it. */
    public void forgetPyThread() {
        pyThread = null;
    }

    private ThreadState(Thread t, boolean isMain, Threading.PyThread pyThread, Object interpreter) {
        super(t);
        this.isMain = isMain;
        this.pyThread = pyThread;
        this.interpreter = interpreter;
        markRunsPython();
    }

    /**
     * This thread starts (or resumes) running Python (CPython's {@code _PyThreadState_Attach}):
     * it takes the GIL, or, in a free-threaded build, waits while the world is stopped.
     */
    public void attach() {
        if (org.gilectomy.locks.Gil.ENABLED) {
            org.gilectomy.locks.Gil.INSTANCE.acquire();
        } else {
            org.gilectomy.threadstate.StopTheWorld.WORLD.attach(this);
        }
    }

    /** This thread stops touching objects until it attaches again (a blocking call, the thread's end). */
    public void detach() {
        if (org.gilectomy.locks.Gil.ENABLED) {
            org.gilectomy.locks.Gil.INSTANCE.release();
        } else {
            org.gilectomy.threadstate.StopTheWorld.WORLD.detach(this);
        }
    }

    /**
     * A Java thread for Python code: the main program's ({@code pyThread} null) or a
     * {@code threading.Thread}'s. Its state is made now, on the calling thread, with the
     * calling thread's interpreter.
     */
    public static Thread newThread(Runnable task, String name, long stackBytes, boolean isMain, Threading.PyThread pyThread) {
        Object interp = Thread.currentThread() instanceof StatefulThread s && s.state() instanceof ThreadState ts
                ? ts.interpreter : null;
        return new RefCountThread(null, task, name, stackBytes, t -> new ThreadState(t, isMain, pyThread, interp));
    }

    /**
     * The cycle collector's roots: every slot of every live frame of every thread (each an
     * owned reference, or under deferred counting one the count does not hold). Called by the
     * collector while the other threads are stopped or wait for the GIL.
     */
    static void visitFrames(org.gilectomy.refcount.GcTracked.Visitor v) {
        for (BaseThreadState s : BaseThreadState.states()) {
            if (s instanceof ThreadState ts) {
                for (org.gilectomy.objects.PyObject[] slots : ts.frames) {
                    if (slots != null) {
                        for (org.gilectomy.objects.PyObject o : slots) {
                            v.visit(o);
                        }
                    }
                }
            }
        }
    }

    /** The collector's known-alive containers: the modules' namespaces of each interpreter a thread runs for. */
    static void visitAliveNamespaces(java.util.function.Consumer<org.gilectomy.refcount.RefCounted> alive) {
        Object last = null;
        for (BaseThreadState s : BaseThreadState.states()) {
            if (s instanceof ThreadState ts && ts.interpreter != last && ts.interpreter instanceof Interpreter i) {
                last = i;
                i.modules.visitAliveNamespaces(alive);
            }
        }
    }

    /** The calling thread's state, or null if it runs no Python (a thread of the runtime's own). */
    public static ThreadState currentOrNull() {
        return Thread.currentThread() instanceof StatefulThread s && s.state() instanceof ThreadState ts ? ts : null;
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
        if (Thread.currentThread() instanceof StatefulThread s && s.state() instanceof ThreadState ts) {
            return ts;
        }
        throw new IllegalStateException("thread " + Thread.currentThread().getName() + " runs no Python");
    }

    /** The interpreter this thread runs for, or null if none was set. */
    public Object interpreter() {
        return interpreter;
    }

    /** Sets the interpreter; by this thread, before it runs Python (new threads inherit it). */
    public void setInterpreter(Object interpreter) {
        this.interpreter = interpreter;
    }
}
