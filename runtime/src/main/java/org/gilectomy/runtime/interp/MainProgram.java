package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import java.util.List;
import org.gilectomy.locks.Gil;
import org.gilectomy.objects.Immortals;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.objects.PyCode;
import org.gilectomy.refcount.RefCheck;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Compiler;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Runs {@code __main__} on a Python main thread of its own (a Java thread with a stack large
 * enough for the recursion limit), then waits for the other threads, as CPython's
 * {@code Py_RunMain} and {@code threading._shutdown} do.
 */
public final class MainProgram {
    /** The leaks of the last program run with --check-refs (type name -> objects); empty if none. */
    private static volatile java.util.Map<String, Long> lastLeaks = java.util.Map.of();

    private MainProgram() {
    }

    /** What {@link RefCheck} found alive at the end of the last program; empty without --check-refs. */
    public static java.util.Map<String, Long> lastLeaks() {
        return lastLeaks;
    }

    /**
     * Runs one program as a fresh {@code __main__}. Several programs may run one after the
     * other in one JVM ({@code run --iterations}, the test suites): each gets fresh globals, a
     * fresh {@code sys.argv} and freshly imported modules, thread names from {@code Thread-1},
     * mortal functions until it starts a thread, and the command line's switch and check
     * intervals (restored after a program that changed them).
     */
    public static int run(String filename, String text, List<String> argv, PrintStream out, PrintStream err) {
        String survivor = previousProgramsDaemon();
        if (survivor != null) {
            err.println("gilectomy: daemon thread '" + survivor + "' of the previous program is still running: "
                    + "a new program beside it in the same process is not supported by this runtime");
            err.flush();
            return FATAL_STATUS;
        }
        Stdout.install(out);
        Threading.err = err;
        Tracebacks.resetFatal();
        lastLeaks = java.util.Map.of();
        Modules.reset(argv);
        Immortals.beginProgram();
        Tracebacks.registerSource(filename, text);
        Ops.installInvoker((f, a, off, n, kw) -> Eval.callFunction(ThreadState.current(), f, a, off, n, kw));
        Immortals.singletons(); // before any second thread (a no-op with -Dgilectomy.immortal=none)
        Immortals.builtins(Builtins.INSTANCE.dict);
        SysKnobs knobs = SysKnobs.save();
        try {
            return runMainThread(filename, text, err);
        } finally {
            knobs.restore();
        }
    }

    /** The name of a daemon thread of the previous program still running (see Threading.beginProgram), or null. */
    private static String previousProgramsDaemon() {
        try {
            return Threading.beginProgram();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted while waiting for it)";
        }
    }

    private static int runMainThread(String filename, String text, PrintStream err) {
        int[] status = new int[1];
        Thread main = ThreadState.newThread(() -> status[0] = runOnMainThread(filename, text, err),
                "MainThread", Threading.STACK_BYTES, true, null);
        Signals.install(main);
        main.start();
        boolean interrupted = false;
        while (true) {
            try {
                main.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Stdout.flush();
        err.flush();
        return Tracebacks.fatalReported() ? FATAL_STATUS : status[0];
    }

    /** sysexits.h EX_SOFTWARE: the runtime itself failed (a use-after-free, an internal error). */
    static final int FATAL_STATUS = 70;

    private static int runOnMainThread(String filename, String text, PrintStream err) {
        ThreadState ts = ThreadState.current();
        if (Gil.ENABLED) {
            Gil.INSTANCE.acquire();
        }
        int status = 0;
        try {
            PyCode code;
            try {
                code = Compiler.compileModule(text, filename);
            } catch (PySyntaxError e) {
                Stdout.flush();
                err.print(e.format());
                return 1;
            }
            java.util.Map<String, Long> liveBefore = null;
            if (RefCheck.ENABLED) {
                Builtins.INSTANCE.hashCode(); // process-lifetime built-ins: allocated before the count
                settleCounts();
                liveBefore = RefCheck.liveByType();
            }
            PyModule main = new PyModule("__main__");
            Threading.mainNamespace = main.dictBorrowed();
            try {
                PyObject r = Eval.runModule(ts, code, main.dictBorrowed());
                RefCount.decref(r);
            } catch (PyException e) {
                status = uncaught(e, err);
            }
            Threading.joinAll();
            RefCount.flush(); // buffered counts: every logged update applied, every free done
            if (liveBefore != null) {
                checkLeaks(main, liveBefore, err);
            }
            return status;
        } catch (PyException e) {
            return uncaught(e, err);
        } catch (Throwable t) {
            Tracebacks.fatal(err, t);
            return FATAL_STATUS;
        } finally {
            if (Gil.ENABLED) {
                Gil.INSTANCE.release();
            }
        }
    }

    /**
     * --check-refs at exit: finalization as CPython's (the main module's namespace, then the
     * imported modules', sys.argv with sys's), then every mortal object created since the
     * program started and still alive is a leak, reported per type on {@code err}.
     */
    private static void checkLeaks(PyModule main, java.util.Map<String, Long> liveBefore, PrintStream err) {
        Threading.mainNamespace = null;
        settleCounts();
        main.clearForFinalization();
        Modules.finalizeAll();
        PyType.finalizeClasses();
        settleCounts();
        java.util.Map<String, Long> leaks = RefCheck.leaksSince(liveBefore);
        lastLeaks = leaks;
        if (!leaks.isEmpty()) {
            Stdout.flush();
            err.print(RefCheck.describe(leaks));
            err.flush();
        }
    }

    /**
     * Every pending count update applied, on the main thread: buffered logs committed, and
     * the objects other threads queued to this thread for a biased merge merged (freeing
     * those whose count is then zero), as the eval breaker would have done.
     */
    private static void settleCounts() {
        RefCount.flush();
        RefCount.mergeQueued();
    }

    /**
     * Reports an exception that reached the top of the main thread; returns the exit status.
     * The exception's end: the reference to its argument (sys.exit's) is released here.
     */
    private static int uncaught(PyException e, PrintStream err) {
        try {
            return report(e, err);
        } finally {
            e.release(); // the exception ends here
        }
    }

    private static int report(PyException e, PrintStream err) {
        Stdout.flush();
        if (e.matches(PyExc.SYSTEM_EXIT)) {
            PyObject code = e.arg();
            if (code == null || code == PyNone.NONE) {
                return 0;
            }
            if (code instanceof PyInt i) {
                return i.isBig() ? -1 : (int) i.value;
            }
            err.println(Ops.str(code));
            return 1;
        }
        err.print(Tracebacks.format(e));
        return e.matches(PyExc.KEYBOARD_INTERRUPT) ? 130 : 1;
    }
}
