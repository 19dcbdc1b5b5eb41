package org.gilectomy.runtime.interp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.gilectomy.runtime.parse.SourceDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gilectomy.objects.Immortals;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyModule;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCount;

import org.gilectomy.runtime.modules.SysKnobs;
import org.gilectomy.runtime.modules.Threading;

import org.gilectomy.runtime.imports.Modules;

/**
 * One Python interpreter (CPython's {@code PyInterpreterState}): everything a program sees.
 * Each program runs in an instance of its own, once; several may run in one JVM, one after the
 * other ({@code run --iterations}, the test suites) or at the same time.
 *
 * <pre>
 * Overview
 *
 * Per interpreter (fields of this object, made fresh for each program):
 *   argv; the standard streams (stdout's buffer {@link Stdout}, stderr, and the sys.stdout /
 *   sys.stderr objects that write to them); the module table and sys's own settings
 *   ({@link Modules}: imported modules, sys.getswitchinterval's value); the thread registry
 *   ({@link Threading.Registry}: thread names, non-daemon threads to join at exit); the source
 *   cache and the fatal-error flag ({@link Tracebacks}); __main__'s namespace; the ALL_SHARED
 *   immortalisation phase (functions become immortal once THIS program starts a thread); the
 *   main thread that Ctrl-C interrupts; the leaks --check-refs found.
 *
 * Process-wide (static elsewhere), and why:
 *   the build (GIL kind, refcount strategy, lock kind, immortality level): static finals the
 *       JIT folds; one build per JVM.
 *   the GIL, its switch and check intervals, the eval breaker: one GIL per process, as in
 *       CPython 3.11, whose sub-interpreters share it. sys.setswitchinterval therefore changes
 *       the interval for every interpreter running; an interpreter that changed it puts the
 *       value it found back when it ends ({@link SysKnobs}), so the next one starts with the
 *       command line's.
 *   built-in types, their methods, the builtins namespace, interned strings, small ints, None:
 *       immortal and shared. A program may write to the builtins namespace (`import builtins`,
 *       `__builtins__`): other interpreters running in the same JVM then see the change (not
 *       supported: one program per JVM is the supported use); LOAD_GLOBAL's cache checks the
 *       builtins' version, so a write is never read stale; the eval loop reads builtins from a static
 *       final with no lookup. Built-in types get their methods once, at class initialisation.
 *   the invoker (how Java calls a Python function, Ops.installInvoker): stateless, it runs the
 *       function on the calling thread's state; installed once.
 *   Ctrl-C: the JVM has one SIGINT; {@link Signals} hands it to the oldest interpreter still
 *       running (CPython's main interpreter).
 *   --check-refs' live counts (RefCheck) and PyType's list of classes to finalize, which only
 *       check-refs fills: both are the JVM's, since an object does not know its interpreter. A
 *       program's leaks are therefore checked only if it ran alone ({@link #ifRanAlone});
 *       otherwise it says on stderr that they were not.
 *   the list of interpreters running ({@link #RUNNING}), for those two.
 *   daemon threads of finished programs ({@link Threading#ORPHANS}): Java cannot kill them, and
 *       one still running would skew the next program's measurement: a new program refuses.
 *
 * Reaching it: built-ins called from Python (print, import, threading.Thread) find their
 * interpreter with {@link #current()}, once per call, never per instruction; objects that belong
 * to one interpreter (sys.stdout, a Thread, the sys module's functions) hold it in a field.
 *
 * Field            access
 * mainNamespace    volatile: written by the main thread, read by any thread that starts one
 * functionsShared  volatile: set once, by the thread starting the program's second thread
 * mainThread       volatile: written before the main thread starts, read by the signal handler
 * leaks            volatile: written by the main thread at exit, read after run() returns
 * </pre>
 */
public final class Interpreter {
    /** The interpreters running, oldest first (see {@link #oldestRunning} and {@link #ifRanAlone}). */
    private static final List<Interpreter> RUNNING = new ArrayList<>(); // guarded by itself

    static {
        // Process-wide, once, before any interpreter runs a second thread (see the overview).
        Immortals.singletons(); // a no-op with -Dgilectomy.immortal=none
        Immortals.builtins(Builtins.INSTANCE.dict);
        Ops.installInvoker((f, a, off, n, kw) -> Eval.callFunction(ThreadState.current(), f, a, off, n, kw));
        org.gilectomy.objects.ReprGuard.install(ThreadState::currentOrNull);
        org.gilectomy.refcount.CycleCollector.installRoots(ThreadState::visitFrames);
        org.gilectomy.refcount.CycleCollector.installAliveRoots(ThreadState::visitAliveNamespaces);
        org.gilectomy.objects.Unraisable.install((what, e) -> {
            Interpreter i = current();
            i.err.print("Exception ignored in: " + what + "\n" + i.tracebacks.format(e));
        });
    }

    private final List<String> argv;
    /*
     * err, stdout, modules and tracebacks stay public final fields: final, so safe to publish,
     * and read by dozens of files in every package (every print, import and traceback), which
     * other work edits too; an accessor would buy nothing but churn there.
     */
    public final PrintStream err;
    public final Stdout stdout;
    private final StdStreams.Stream sysStdout;
    private final StdStreams.Stream sysStderr;
    /** What {@code signal.signal(SIGINT, h)} set (owned; the default is default_int_handler); guarded by this. */
    private org.gilectomy.objects.PyObject sigintHandler = org.gilectomy.runtime.modules.SignalModule.DEFAULT_INT_HANDLER;

    /** The SIGINT handler, a new reference. */
    public synchronized org.gilectomy.objects.PyObject sigintHandler() {
        org.gilectomy.refcount.RefCount.incref(sigintHandler);
        return sigintHandler;
    }

    /** Sets the SIGINT handler (a reference is taken); returns the previous one (a new reference). */
    public synchronized org.gilectomy.objects.PyObject setSigintHandler(org.gilectomy.objects.PyObject h) {
        org.gilectomy.refcount.RefCount.incref(h);
        org.gilectomy.objects.PyObject old = sigintHandler;
        sigintHandler = h;
        return old;
    }

    /** {@code sys.stdin}, also what {@code input()} reads. */
    private final org.gilectomy.objects.PyObject sysStdin;
    public final Modules modules;
    private final Threading.Registry threads = new Threading.Registry();
    public final Tracebacks tracebacks = new Tracebacks(this);
    final AtExit atExit = new AtExit();
    volatile PyDict mainNamespace;
    private volatile boolean functionsShared;
    volatile Thread mainThread;
    private volatile Map<String, Long> leaks = Map.of();
    /** Another interpreter ran at some moment of this one's run. */
    private boolean overlapped; // guarded by RUNNING
    private final AtomicBoolean started = new AtomicBoolean();

    /** A fresh interpreter: {@code sys.argv} is {@code argv}; the program prints to {@code out} and {@code err}. */
    public Interpreter(List<String> argv, PrintStream out, PrintStream err) {
        this(argv, out, err, System.in);
    }

    /** The same, reading {@code sys.stdin} and {@code input()} from {@code in}. */
    public Interpreter(List<String> argv, PrintStream out, PrintStream err, java.io.InputStream in) {
        this.sysStdin = new Stdin(in);
        this.argv = List.copyOf(argv);
        this.err = err;
        this.stdout = new Stdout(out);
        this.sysStdout = new StdStreams.Stream(this, false);
        this.sysStderr = new StdStreams.Stream(this, true);
        this.modules = new Modules(this);
    }

    /**
     * Runs {@code file} in a new interpreter with {@code sys.argv = [file, *args]}, waits for
     * every non-daemon Python thread, and returns the process exit status CPython would: 0, 1
     * after an uncaught exception or a syntax error (reported on {@code err} as CPython does), 2
     * if the file cannot be read, or the {@code sys.exit} status.
     */
    public static int runMain(Path file, List<String> args, PrintStream out, PrintStream err) {
        return new Interpreter(argvFor(file, args), out, err).runFile(file);
    }

    /** {@code sys.argv} for running {@code file} with {@code args}: {@code [file, *args]}. */
    public static List<String> argvFor(Path file, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        return argv;
    }

    /** Runs {@code file} as {@code __main__} in this interpreter (once per interpreter); see {@link #runMain}. */
    public int runFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("gilectomy: can't open file '" + file + "': [Errno 2] No such file or directory");
            return 2;
        }
        String text;
        try {
            // PEP 263 and a UTF-8 byte-order mark; CPython names the file in decoding errors by
            // the path it was given, made absolute.
            text = SourceDecoder.decode(bytes, file.toAbsolutePath().toString());
        } catch (PySyntaxError e) {
            err.print(e.format());
            return 1;
        }
        // CPython reports __main__'s file by its absolute path in tracebacks and syntax errors.
        return run(file.toAbsolutePath().normalize().toString(), text);
    }

    /** Runs {@code text} as {@code __main__}, reported as {@code filename}; an interpreter runs one program. */
    public int run(String filename, String text) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an interpreter runs one program; make a new one");
        }
        synchronized (RUNNING) {
            overlapped = !RUNNING.isEmpty();
            for (Interpreter other : RUNNING) {
                other.overlapped = true;
            }
            RUNNING.add(this);
        }
        try {
            return MainProgram.run(this, filename, text);
        } finally {
            synchronized (RUNNING) {
                RUNNING.remove(this);
            }
        }
    }

    /** The interpreter that gets Ctrl-C (CPython's main interpreter): the oldest running; null if none. */
    static Interpreter oldestRunning() {
        synchronized (RUNNING) {
            return RUNNING.isEmpty() ? null : RUNNING.get(0);
        }
    }

    /**
     * Runs {@code check} if no other interpreter has run during this one's run, with none
     * starting until it returns; returns whether it ran. For --check-refs, whose live counts are
     * the JVM's: with another program running they would count its objects too, and
     * finalizing the classes would empty that program's classes (see the overview).
     */
    boolean ifRanAlone(Runnable check) {
        synchronized (RUNNING) {
            if (overlapped) {
                return false;
            }
            check.run();
            return true;
        }
    }

    /** {@code sys.argv}'s strings. */
    public List<String> argv() {
        return argv;
    }

    /** {@code sys.stdout} (and {@code sys.__stdout__}) as made for this interpreter. */
    public StdStreams.Stream sysStdout() {
        return sysStdout;
    }

    public StdStreams.Stream sysStderr() {
        return sysStderr;
    }

    public org.gilectomy.objects.PyObject sysStdin() {
        return sysStdin;
    }

    /** This interpreter's threads: names, the ones to join at exit, _thread._count(). */
    public Threading.Registry threads() {
        return threads;
    }

    /** What {@code RefCheck} found alive at the end of this interpreter's program; empty without --check-refs, or if it did not run alone. */
    public Map<String, Long> leaks() {
        return leaks;
    }

    void setLeaks(Map<String, Long> found) {
        leaks = found;
    }

    /**
     * The interpreter of the calling thread: a field of its thread state (a type check and two
     * loads), read by the built-ins that need it (print, import), never by the eval loop.
     */
    public static Interpreter current() {
        ThreadState ts = ThreadState.currentOrNull();
        if (ts != null && ts.interpreter() instanceof Interpreter i) {
            return i;
        }
        throw new IllegalStateException("thread " + Thread.currentThread().getName() + " runs no Python");
    }

    /**
     * The calling thread starts running this interpreter's Python (its main thread or one it
     * started); threads it creates from now on inherit it (ThreadState.newThread).
     */
    public void enter() {
        ThreadState.current().setInterpreter(this);
    }

    /** The calling thread has finished running Python. */
    public static void exit() {
        ThreadState ts = ThreadState.currentOrNull();
        if (ts != null) {
            ts.setInterpreter(null);
        }
    }

    /**
     * The program is about to start a thread: under ALL_SHARED (CPython 3.13.0) its functions,
     * code and modules become immortal, and every function it makes from now on (see
     * {@link #newFunction}).
     */
    public void shareBeforeSecondThread() {
        if (RefCount.IMMORTAL != ImmortalKind.ALL_SHARED || functionsShared) {
            return;
        }
        List<PyDict> namespaces = new ArrayList<>();
        PyDict main = mainNamespace;
        if (main != null) {
            namespaces.add(main);
        }
        namespaces.addAll(modules.loadedNamespaces());
        Immortals.shareFunctionsAndModules(namespaces, this);
        functionsShared = true;
    }

    /**
     * A function the program just made, not yet published: immortal if the program has
     * started a thread (ALL_SHARED only); deferred (RefCount.markDeferred) if it is defined
     * at module or class level, as CPython 3.14 defers all but nested functions. Lambdas and
     * comprehensions (qualnames with {@code <}) stay counted: they are made over and over and
     * should be freed promptly, which a deferred object is not before the collector runs.
     */
    static void newFunction(PyFunction f) {
        Interpreter interp = current();
        if (RefCount.IMMORTAL == ImmortalKind.ALL_SHARED && interp.functionsShared) {
            Immortals.share(f, interp);
        }
        if (RefCount.DEFERRED && f.code.qualname.indexOf('<') < 0) {
            RefCount.markDeferred(f, interp);
        }
    }

    /**
     * A module this program just made, for Python code to run in: its namespace (the globals
     * dict of its functions) becomes deferred; the module already is (PyModule).
     */
    public PyModule deferred(PyModule m) {
        RefCount.markDeferred(m.dictBorrowed(), this);
        return m;
    }
}
