package org.gilectomy.runtime.modules;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.Keywords;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.interp.ThreadState;

/**
 * The {@code threading} module: {@code Thread} (each a Java platform thread), {@code Lock}
 * (a binary semaphore: any thread may release it, as in Python), {@code get_ident}. Every
 * blocking wait releases the GIL.
 */
public final class Threading {
    /** Python frames are Java frames: give each thread room for the recursion limit. */
    public static final long STACK_BYTES = 512L << 20;

    static final PyType THREAD_TYPE = PyType.ofModule("threading", "Thread", PyType.OBJECT);
    static final PyType LOCK_TYPE = PyType.ofModule("_thread", "lock", PyType.OBJECT);

    /**
     * Daemon threads of programs that have ended and that were still running then (process-wide:
     * Java cannot kill them, as CPython does at exit); see {@link #orphanStillRunning}.
     */
    private static final List<Thread> ORPHANS = new CopyOnWriteArrayList<>();
    /** How long a new program waits for the previous programs' daemon threads to end. */
    private static final long DAEMON_GRACE_MILLIS = 1000;

    private Threading() {
    }

    /**
     * An interpreter's threads (part of CPython's interpreter state): names from {@code Thread-1},
     * the non-daemon threads to join at exit, the daemon threads to hand to {@link #ORPHANS}.
     */
    public static final class Registry {
        private final AtomicInteger counter = new AtomicInteger();
        private final List<Thread> nonDaemon = new CopyOnWriteArrayList<>();
        private final List<Thread> daemons = new CopyOnWriteArrayList<>();
        /** Threads _thread.start_new_thread started in this interpreter that have not ended (_thread._count()). */
        private final AtomicInteger lowLevel = new AtomicInteger();

        /** A start_new_thread thread is about to start; returns how many now run. */
        int lowLevelStarting() {
            return lowLevel.incrementAndGet();
        }

        void lowLevelEnded() {
            lowLevel.decrementAndGet();
        }

        int lowLevelRunning() {
            return lowLevel.get();
        }

        String nextName() {
            return "Thread-" + counter.incrementAndGet();
        }

        void started(Thread t, boolean daemon) {
            (daemon ? daemons : nonDaemon).add(t);
        }

        /**
         * Waits up to {@code millis} in all for the daemon threads (those of
         * {@code _thread.start_new_thread} included) to end: --check-refs counts leaks once
         * they have, since a thread that has signalled its end (a sentinel lock released) may
         * still hold references, and its own objects' counts settle when it exits. A daemon
         * that runs on is left running; what it holds is then reported.
         */
        public void awaitDaemons(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            for (Thread t : daemons) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                t.join(left);
            }
        }

        /** How many started non-daemon threads are still running (for active_count). */
        int aliveCount() {
            int n = 0;
            for (Thread t : nonDaemon) {
                n += t.isAlive() ? 1 : 0;
            }
            return n;
        }

        /** Waits for every started non-daemon thread, with the GIL released (threading._shutdown). */
        public void joinAll() {
            for (Thread t : nonDaemon) {
                Blocking.run(t::join);
            }
            nonDaemon.clear();
        }

        /** The program has ended: its daemon threads still running become the process's orphans. */
        public void orphanDaemons() {
            for (Thread t : daemons) {
                if (t.isAlive()) {
                    ORPHANS.add(t);
                }
            }
            daemons.clear();
        }
    }

    /**
     * Before a new program starts (tests, {@code run --iterations}): a daemon thread of a program
     * that has ended and that still runs after a short grace would compete with the new program
     * for the processor and the GIL, which a fresh process would not (CPython kills daemon
     * threads at exit; Java cannot): returns its name so the caller can refuse, else null.
     */
    public static String orphanStillRunning() throws InterruptedException {
        for (Thread t : ORPHANS) {
            t.join(DAEMON_GRACE_MILLIS);
            if (t.isAlive()) {
                return t.getName();
            }
            ORPHANS.remove(t);
        }
        return null;
    }

    /** The threading module of one interpreter; its types are the process's (see the static block). */
    public static PyModule module() {
        PyModule m = new PyModule("threading");
        m.set("Thread", THREAD_TYPE);
        m.set("Lock", LOCK_TYPE);
        Modules.def(m, "get_ident", (a, off, n, kw) -> {
            Args.exactly("get_ident", n, 0, kw);
            return PyInt.of(Thread.currentThread().getId());
        });
        ThreadingExtras.install(m); // RLock, Event, current_thread, active_count
        return m;
    }

    static { // built-in types get their methods once, before any interpreter can see them
        THREAD_TYPE.constructor = Threading::newThread;
        // lang-a: Thread is subclassable; a subclass's instance is a PyThread whose run() may be overridden.
        THREAD_TYPE.instanceFactory = cls -> new PyThread(cls, PyNone.NONE, PyTuple.EMPTY, null, false);
        THREAD_TYPE.addMethod("__init__", (a, off, n, kw) -> {
            ((PyThread) a[off]).configure(a, off + 1, n - 1, kw);
            return PyNone.newRef();
        });
        THREAD_TYPE.addMethod("run", (a, off, n, kw) -> {
            Args.exactly("run", n - 1, 0, kw);
            ((PyThread) a[off]).runTarget();
            return PyNone.newRef();
        });
        LOCK_TYPE.addMethod("__enter__", (a, off, n, kw) -> PyBool.of(((PyLock) a[off]).acquire(true, -1)));
        LOCK_TYPE.addMethod("__exit__", (a, off, n, kw) -> {
            ((PyLock) a[off]).release();
            return PyBool.FALSE;
        });
        LOCK_TYPE.constructor = (a, off, n, kw) -> {
            Args.exactly("Lock", n, 0, kw);
            return new PyLock();
        };
        THREAD_TYPE.addMethod("start", (a, off, n, kw) -> {
            Args.exactly("start", n - 1, 0, kw);
            ((PyThread) a[off]).start();
            return PyNone.newRef();
        });
        THREAD_TYPE.addMethod("join", (a, off, n, kw) -> {
            Args.between("join", n - 1, 0, 1, kw);
            double timeout = n == 2 && a[off + 1] != PyNone.NONE ? Modules.asDouble(a[off + 1]) : -1;
            ((PyThread) a[off]).join(timeout);
            return PyNone.newRef();
        });
        THREAD_TYPE.addMethod("is_alive", (a, off, n, kw) -> {
            Args.exactly("is_alive", n - 1, 0, kw);
            return PyBool.of(((PyThread) a[off]).isAlive());
        });
        LOCK_TYPE.addMethod("acquire", (a, off, n, kw) -> {
            PyObject[] opts = Keywords.get("acquire", a, off + n, kw, "blocking", "timeout");
            boolean blocking = n >= 2 ? Ops.isTrue(a[off + 1]) : opts[0] == null || Ops.isTrue(opts[0]);
            PyObject t = n >= 3 ? a[off + 2] : opts[1];
            double timeout = t == null ? -1 : Modules.asDouble(t);
            return PyBool.of(((PyLock) a[off]).acquire(blocking, timeout));
        });
        LOCK_TYPE.addMethod("release", (a, off, n, kw) -> {
            Args.exactly("release", n - 1, 0, kw);
            ((PyLock) a[off]).release();
            return PyNone.newRef();
        });
        LOCK_TYPE.addMethod("locked", (a, off, n, kw) -> {
            Args.exactly("locked", n - 1, 0, kw);
            return PyBool.of(((PyLock) a[off]).sem.availablePermits() == 0);
        });
        for (String old : new String[] {"acquire", "release", "locked"}) { // _thread's older names
            PyObject method = LOCK_TYPE.lookup(old); // kept: the type holds it for good
            LOCK_TYPE.addMethod(old + "_lock", (a, off, n, kw) -> Ops.call(method, a, off, n, kw));
        }
    }

    private static PyObject newThread(PyObject[] a, int off, int n, PyTuple kw) {
        PyThread t = new PyThread(THREAD_TYPE, PyNone.NONE, PyTuple.EMPTY, null, false);
        try {
            t.configure(a, off, n, kw);
        } catch (PyException e) {
            RefCount.decref(t);
            throw e;
        }
        return t;
    }

    /** The Thread object the calling thread was started as, or null (the main thread). */
    static PyThread running() {
        return ThreadState.current().pyThread();
    }

    /** A {@code threading.Thread}: target and args owned until the thread has run. */
    public static final class PyThread extends org.gilectomy.objects.PyInstance {
        /** The interpreter whose program made this Thread: the thread runs in it. */
        private final Interpreter interp;
        private PyObject target;
        private PyObject args;
        private String name;
        private boolean daemon;
        private volatile Thread thread;

        PyThread(PyType cls, PyObject target, PyObject args, String name, boolean daemon) {
            super(cls);
            this.interp = Interpreter.current();
            RefCount.incref(target);
            RefCount.incref(args);
            this.target = target;
            this.args = args;
            this.name = name != null ? name : interp.threads().nextName();
            this.daemon = daemon;
        }

        /** Thread.__init__(target=, args=, name=, daemon=), before start(). */
        void configure(PyObject[] a, int off, int n, PyTuple kw) {
            if (n > 0) {
                throw PyExc.notImplemented("positional arguments to Thread()");
            }
            PyObject[] opts = Keywords.get("Thread", a, off, kw, "target", "args", "name", "daemon");
            PyObject newTarget = opts[0] == null ? PyNone.NONE : opts[0];
            PyObject newArgs = opts[1];
            if (newArgs == null) {
                newArgs = PyTuple.EMPTY;
                RefCount.incref(newArgs);
            } else if (!(newArgs instanceof PyTuple)) {
                newArgs = PyTuple.steal(Builtins.collect(newArgs));
            } else {
                RefCount.incref(newArgs);
            }
            RefCount.incref(newTarget);
            replaceTarget(newTarget, newArgs);
            if (opts[2] != null && opts[2] != PyNone.NONE) {
                name = Ops.str(opts[2]);
            } else if (newTarget instanceof PyFunction f && type() == THREAD_TYPE) {
                name = name + " (" + f.name() + ")";
            }
            daemon = opts[3] != null && opts[3] != PyNone.NONE && Ops.isTrue(opts[3]);
            publish("name", PyStr.of(name));
            publish("daemon", PyBool.of(daemon));
            publish("ident", PyNone.newRef());
            publish("native_id", PyNone.newRef());
        }

        /** Sets an attribute Python code reads (and may change before start()); takes over {@code value}. */
        private void publish(String attr, PyObject value) {
            dictBorrowed().putName(attr, value);
            RefCount.decref(value);
        }

        /** The name and daemon flag as the program last set them, read back at start(). */
        private void readBackAttributes() {
            PyObject n = dictBorrowed().getName("name");
            if (n != null) {
                name = Ops.str(n);
                RefCount.decref(n);
            }
            PyObject d = dictBorrowed().getName("daemon");
            if (d != null) {
                daemon = Ops.isTrue(d);
                RefCount.decref(d);
            }
        }

        /** The default run(): the target with its args. */
        void runTarget() {
            if (target != PyNone.NONE) {
                PyTuple a = (PyTuple) args;
                PyObject[] argv = new PyObject[a.size()];
                for (int i = 0; i < argv.length; i++) {
                    argv[i] = a.getBorrowed(i);
                }
                PyObject r = Ops.call(target, argv, 0, argv.length, null);
                RefCount.decref(r);
            }
        }

        void start() {
            if (thread != null) {
                throw new PyException(PyExc.RUNTIME_ERROR, "threads can only be started once");
            }
            RefCount.incref(this); // the running thread holds its object
            interp.shareBeforeSecondThread(); // CPython 3.13.0: functions, code and modules become immortal
            readBackAttributes();
            Thread t = ThreadState.newThread(this::bootstrap, name, STACK_BYTES, false, this);
            t.setDaemon(daemon);
            thread = t;
            publish("ident", PyInt.of(t.getId()));
            publish("native_id", PyInt.of(t.getId()));
            interp.threads().started(t, daemon);
            t.start();
        }

        private void bootstrap() {
            ThreadState ts = ThreadState.current();
            interp.enter();
            ts.attach(); // the GIL, or the right to run while the world is not stopped
            try {
                PyObject run = type().lookup("run");
                try {
                    RefCount.decref(Ops.call(run, this));
                } finally {
                    RefCount.decref(run);
                }
            } catch (PyException e) {
                if (!e.matches(PyExc.SYSTEM_EXIT)) {
                    interp.stdout.flush();
                    interp.err.print("Exception in thread " + name + ":\n" + interp.tracebacks.format(e));
                    interp.err.flush();
                }
                e.release(); // the exception ends here
            } catch (Throwable t) {
                interp.tracebacks.fatal(t);
            } finally {
                RefCount.incref(PyNone.NONE);
                RefCount.incref(PyTuple.EMPTY);
                replaceTarget(PyNone.NONE, PyTuple.EMPTY);
                ThreadLocals.threadEnded(Thread.currentThread());
                org.gilectomy.runtime.interp.ThreadState.current().releaseContext(); // _contextvars
                ts.forgetPyThread();
                RefCount.decref(this);
                ts.detach();
                Interpreter.exit();
            }
        }

        void join(double timeoutSeconds) {
            Thread t = thread;
            if (t == null) {
                throw new PyException(PyExc.RUNTIME_ERROR, "cannot join thread before it is started");
            }
            if (t == Thread.currentThread()) {
                throw new PyException(PyExc.RUNTIME_ERROR, "cannot join current thread");
            }
            if (timeoutSeconds < 0) {
                Blocking.run(t::join);
            } else {
                Blocking.run(() -> t.join(Math.max(1, (long) (timeoutSeconds * 1000))));
            }
        }

        boolean isAlive() {
            Thread t = thread;
            return t != null && t.isAlive();
        }

        /** Stores target and args (references taken over) and releases the old ones. */
        private void replaceTarget(PyObject newTarget, PyObject newArgs) {
            PyObject tg = target;
            PyObject ar = args;
            target = newTarget;
            args = newArgs;
            RefCount.xdecref(tg);
            RefCount.xdecref(ar);
        }

        @Override
        protected void dealloc() {
            replaceTarget(null, null);
            super.dealloc();
        }

        @Override
        public String toString() {
            Thread t = thread;
            String state = t == null ? "initial" : t.isAlive() ? "started " + t.getId() : "stopped " + t.getId();
            return "<Thread(" + name + ", " + state + (daemon ? " daemon" : "") + ")>";
        }
    }

    /** {@code threading.Lock}: not reentrant; released by any thread. */
    static final class PyLock extends PyObject {
        final Semaphore sem = new Semaphore(1);

        @Override
        public PyType type() {
            return LOCK_TYPE;
        }

        boolean acquire(boolean blocking, double timeoutSeconds) {
            if (!blocking && timeoutSeconds != -1) {
                throw PyExc.valueError("can't specify a timeout for a non-blocking call");
            }
            if (sem.tryAcquire()) {
                return true;
            }
            if (!blocking) {
                return false;
            }
            boolean[] got = new boolean[1];
            if (timeoutSeconds < 0) {
                Blocking.run(() -> {
                    sem.acquire();
                    got[0] = true;
                });
            } else {
                Blocking.run(() -> got[0] = sem.tryAcquire((long) (timeoutSeconds * 1e9), TimeUnit.NANOSECONDS));
            }
            return got[0];
        }

        void release() {
            // Check and release in one step, so two racing releases cannot both succeed.
            synchronized (this) {
                if (sem.availablePermits() != 0) {
                    throw new PyException(PyExc.RUNTIME_ERROR, "release unlocked lock");
                }
                sem.release();
            }
        }

        @Override
        public String toString() {
            return "<" + (sem.availablePermits() == 0 ? "locked" : "unlocked") + " _thread.lock object at " + address(this) + ">";
        }
    }
}
