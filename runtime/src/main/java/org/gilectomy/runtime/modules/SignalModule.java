package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.Signals;
import org.gilectomy.runtime.interp.ThreadState;

/**
 * CPython's {@code _signal}, for SIGINT, the one signal the runtime handles
 * ({@link Signals}): {@code signal}, {@code getsignal}, {@code default_int_handler},
 * {@code raise_signal}, {@code SIG_DFL}, {@code SIG_IGN} and Linux's signal numbers. The
 * handler is the interpreter's ({@link Interpreter#sigintHandler}); it runs on the main
 * thread at its next eval-breaker check, as CPython runs Python handlers, and is given None for
 * the frame (no frame objects). A handler for another signal is refused (NotImplementedError):
 * the JVM would not deliver it.
 */
public final class SignalModule {
    static final int SIG_DFL = 0;
    static final int SIG_IGN = 1;
    static final int SIGINT = 2;
    private static final int NSIG = 65;
    /** Linux's numbers, as CPython's _signal exports them. */
    private static final java.util.List<String> NAMES = java.util.List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
        "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS");

    /** {@code default_int_handler(signalnum, frame)}: raises KeyboardInterrupt. */
    public static final PyBuiltinFunction DEFAULT_INT_HANDLER = new PyBuiltinFunction("default_int_handler",
            (a, off, n, kw) -> {
                throw new PyException(PyExc.KEYBOARD_INTERRUPT, "");
            });

    static {
        RefCount.makeImmortal(DEFAULT_INT_HANDLER);
    }

    private SignalModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_signal");
        for (int i = 1; i < NAMES.size(); i++) {
            Defs.constant(m, NAMES.get(i), PyInt.of(i));
        }
        Defs.constant(m, "SIGIOT", PyInt.of(6));
        Defs.constant(m, "SIGCLD", PyInt.of(17));
        Defs.constant(m, "SIGPOLL", PyInt.of(29));
        Defs.constant(m, "SIGRTMIN", PyInt.of(34));
        Defs.constant(m, "SIGRTMAX", PyInt.of(64));
        Defs.constant(m, "NSIG", PyInt.of(NSIG));
        Defs.constant(m, "SIG_DFL", PyInt.of(SIG_DFL));
        Defs.constant(m, "SIG_IGN", PyInt.of(SIG_IGN));
        RefCount.incref(DEFAULT_INT_HANDLER);
        Defs.constant(m, "default_int_handler", DEFAULT_INT_HANDLER);
        Defs.def(m, "getsignal", (a, off, n, kw) -> {
            Args.exactly("getsignal", n, 1, kw);
            int sig = signalNumber(a[off]);
            if (sig != SIGINT) {
                return PyInt.of(sig == 13 || sig == 25 ? SIG_IGN : SIG_DFL); // CPython ignores SIGPIPE, SIGXFSZ
            }
            return Interpreter.current().sigintHandler(); // a new reference
        });
        Defs.def(m, "signal", (a, off, n, kw) -> {
            Args.exactly("signal", n, 2, kw);
            int sig = signalNumber(a[off]);
            PyObject handler = a[off + 1];
            boolean constant = handler instanceof PyInt i && (i.value == SIG_DFL || i.value == SIG_IGN) && i.big == null;
            if (!constant && !Ops.isCallable(handler)) {
                throw PyExc.typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            }
            ThreadState ts = ThreadState.current();
            if (!ts.isMain()) {
                throw PyExc.valueError("signal only works in main thread of the main interpreter");
            }
            if (sig == 9 || sig == 19) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 22] Invalid argument");
            }
            if (sig != SIGINT) {
                throw PyExc.notImplemented("signal.signal() for a signal other than SIGINT");
            }
            return Interpreter.current().setSigintHandler(handler);
        });
        Defs.def(m, "raise_signal", (a, off, n, kw) -> {
            Args.exactly("raise_signal", n, 1, kw);
            if (signalNumber(a[off]) != SIGINT) {
                throw PyExc.notImplemented("signal.raise_signal() for a signal other than SIGINT");
            }
            Interpreter interp = Interpreter.current();
            if (Signals.ignored(interp)) {
                return PyNone.newRef();
            }
            Signals.interrupt(interp);
            Signals.raiseIfPending(ThreadState.current()); // CPython runs the handler before returning
            return PyNone.newRef();
        });
        return m;
    }

    /** A signal number argument, range-checked as CPython does. */
    private static int signalNumber(PyObject o) {
        long sig = Args.asLong(o);
        if (sig < 1 || sig >= NSIG) {
            throw PyExc.valueError("signal number out of range");
        }
        return (int) sig;
    }
}
