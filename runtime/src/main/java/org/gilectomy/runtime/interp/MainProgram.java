package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCheck;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Compiler;
import org.gilectomy.runtime.modules.SysKnobs;
import org.gilectomy.runtime.modules.Threading;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Runs an interpreter's {@code __main__} on a Python main thread of its own (a Java thread with
 * a stack large enough for the recursion limit), then waits for the other threads, as CPython's
 * {@code Py_RunMain} and {@code threading._shutdown} do.
 */
final class MainProgram {
    private MainProgram() {
    }

    /**
     * Runs one program in {@code interp}, fresh: its own globals, {@code sys.argv}, modules,
     * thread names from {@code Thread-1}, and mortal functions until it starts a thread. The
     * process-wide GIL settings it changes are put back at the end ({@link SysKnobs}).
     */
    static int run(Interpreter interp, String filename, String text) {
        String survivor = previousProgramsDaemon();
        PrintStream err = interp.err;
        if (survivor != null) {
            err.println("gilectomy: daemon thread '" + survivor + "' of a program that has ended is still running: "
                    + "a new program beside it in the same process is not supported by this runtime");
            err.flush();
            return FATAL_STATUS;
        }
        interp.tracebacks.registerSource(filename, text);
        SysKnobs knobs = SysKnobs.save();
        try {
            return runMainThread(interp, filename, text);
        } finally {
            interp.threads().orphanDaemons();
            if (interp.modules.turnedProcessKnobs()) {
                knobs.restore(); // only then: another interpreter running may have turned them since
            }
        }
    }

    /** The name of a daemon thread of an ended program still running (see Threading.orphanStillRunning), or null. */
    private static String previousProgramsDaemon() {
        try {
            return Threading.orphanStillRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted while waiting for it)";
        }
    }

    private static int runMainThread(Interpreter interp, String filename, String text) {
        int[] status = new int[1];
        Thread main = ThreadState.newThread(() -> status[0] = runOnMainThread(interp, filename, text),
                "MainThread", Threading.STACK_BYTES, true, null);
        interp.mainThread = main;
        Signals.install();
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
        interp.stdout.flush();
        interp.err.flush();
        return interp.tracebacks.fatalReported() ? FATAL_STATUS : status[0];
    }

    /** sysexits.h EX_SOFTWARE: the runtime itself failed (a use-after-free, an internal error). */
    static final int FATAL_STATUS = 70;

    private static int runOnMainThread(Interpreter interp, String filename, String text) {
        PrintStream err = interp.err;
        ThreadState ts = ThreadState.current();
        interp.enter();
        ts.attach(); // the GIL, or the right to run while the world is not stopped
        int status = 0;
        try {
            PyCode code;
            try {
                code = Compiler.compileModule(text, filename);
            } catch (PySyntaxError e) {
                interp.stdout.flush();
                err.print(e.format());
                return 1;
            }
            java.util.Map<String, Long> liveBefore = null;
            if (RefCheck.ENABLED) {
                Builtins.INSTANCE.hashCode(); // process-lifetime built-ins: allocated before the count
                settleCounts();
                liveBefore = RefCheck.liveByType();
            }
            PyModule main = interp.deferred(new PyModule("__main__"));
            interp.mainNamespace = main.dictBorrowed();
            interp.modules.bootstrap(main, filename);
            mainAttributes(main, filename);
            try {
                PyObject r = Eval.runModule(ts, code, main.dictBorrowed());
                RefCount.decref(r);
            } catch (PyException e) {
                status = uncaught(interp, e);
            }
            interp.threads().joinAll();
            interp.atExit.run(); // after the threads, as CPython's finalization
            RefCount.flush(); // buffered counts: every logged update applied, every free done
            if (liveBefore != null) {
                checkLeaks(interp, main, liveBefore);
            } else if (PyType.finalizersDefined()) {
                finalizeForDel(interp, main);
            }
            return status;
        } catch (PyException e) {
            return uncaught(interp, e);
        } catch (Throwable t) {
            interp.tracebacks.fatal(t);
            return FATAL_STATUS;
        } finally {
            ts.detach();
            Interpreter.exit();
        }
    }

    /** {@code __main__}'s attributes, as CPython sets them for a script. */
    private static void mainAttributes(PyModule main, String filename) {
        main.set("__doc__", PyNone.NONE);
        main.set("__package__", PyNone.NONE);
        main.set("__spec__", PyNone.NONE);
        main.set("__builtins__", Builtins.INSTANCE.module);
        if (!filename.startsWith("<")) {
            org.gilectomy.objects.PyStr f = org.gilectomy.objects.PyStr.of(filename);
            main.set("__file__", f);
            RefCount.decref(f);
        }
    }

    /**
     * --check-refs at exit: finalization as CPython's (the main module's namespace, then the
     * imported modules', sys.argv with sys's), then every mortal object created since the
     * program started and still alive is a leak, reported per type on {@code err}. Only if the
     * program ran alone in the JVM (the counts are the JVM's): else it says so on {@code err}.
     */
    private static void checkLeaks(Interpreter interp, PyModule main, java.util.Map<String, Long> liveBefore) {
        interp.mainNamespace = null;
        if (!interp.ifRanAlone(() -> finalizeAndCount(interp, main, liveBefore))) {
            interp.stdout.flush();
            interp.err.print(NOT_CHECKED);
            interp.err.flush();
        }
    }

    /**
     * At exit, when some class has a {@code __del__}: the main module's namespace, then the
     * imported modules', are cleared and cycles collected, as CPython's finalization does, so
     * that the finalizers of what they held run (--check-refs does this and more).
     */
    private static void finalizeForDel(Interpreter interp, PyModule main) {
        interp.mainNamespace = null;
        collectBeforeTeardown();
        settleCounts();
        main.clearForFinalization();
        settleCounts();
        org.gilectomy.refcount.Finalizers.runPending(); // __main__'s objects' __del__, while sys is whole
        interp.modules.finalizeAll();
        settleCounts();
        org.gilectomy.refcount.CycleCollector.collect(2, true);
        settleCounts();
        org.gilectomy.refcount.Finalizers.runPending();
        interp.stdout.flush();
    }

    /**
     * CPython's finalization collects once before any module is torn down, if the collector
     * is enabled (gc.disable() skips it): garbage that was already unreachable is finalized
     * before what the modules' namespaces held (gp_exit_order.py).
     */
    private static void collectBeforeTeardown() {
        if (org.gilectomy.refcount.CycleCollector.isEnabled()) {
            settleCounts();
            org.gilectomy.refcount.CycleCollector.collect(2, true);
            settleCounts();
            org.gilectomy.refcount.Finalizers.runPending();
        }
    }

    /** What --check-refs prints for a program that did not run alone in the JVM. */
    static final String NOT_CHECKED = "check-refs: leaks not checked: another interpreter ran in this JVM at the same time\n";

    /** How long --check-refs waits for the program's daemon threads to end before counting. */
    private static final long DAEMON_WAIT_MILLIS = 500;

    private static void finalizeAndCount(Interpreter interp, PyModule main, java.util.Map<String, Long> liveBefore) {
        try {
            interp.threads().awaitDaemons(DAEMON_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // count now
        }
        collectBeforeTeardown();
        settleCounts();
        main.clearForFinalization();
        settleCounts();
        org.gilectomy.refcount.Finalizers.runPending(); // __main__'s objects' __del__, while sys is whole
        ThreadState.current().releaseContext();
        RefCount.decref(interp.setSigintHandler(org.gilectomy.runtime.modules.SignalModule.DEFAULT_INT_HANDLER));
        interp.modules.finalizeAll();
        PyType.finalizeClasses();
        RefCount.releaseDeferred(interp); // no frame is left: the deferred objects' biases go
        RefCheck.releaseImmortalOwners(interp); // what functions made immortal at run time reference
        settleCounts();
        org.gilectomy.refcount.CycleCollector.collect(2, true); // cycles, as CPython's finalization collects
        settleCounts();
        org.gilectomy.refcount.Finalizers.runPending(); // what the last settling freed where no Python runs
        settleCounts();
        java.util.Map<String, Long> leaks = RefCheck.leaksSince(liveBefore);
        interp.setLeaks(leaks);
        if (!leaks.isEmpty()) {
            PrintStream err = interp.err;
            interp.stdout.flush();
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
    private static int uncaught(Interpreter interp, PyException e) {
        try {
            return report(interp, e);
        } finally {
            e.release(); // the exception ends here
        }
    }

    private static int report(Interpreter interp, PyException e) {
        PrintStream err = interp.err;
        interp.stdout.flush();
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
        err.print(interp.tracebacks.format(e));
        return e.matches(PyExc.KEYBOARD_INTERRUPT) ? 130 : 1;
    }
}
