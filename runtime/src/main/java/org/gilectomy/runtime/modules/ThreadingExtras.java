package org.gilectomy.runtime.modules;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.interp.ThreadState;

/**
 * {@code threading.RLock}, {@code Event}, {@code current_thread}, {@code active_count}. Every
 * wait goes through {@link Blocking}: the GIL and the thread's critical sections are released
 * while it waits, and Ctrl-C ends the main thread's wait with KeyboardInterrupt.
 *
 * <pre>
 * Overview
 *
 * RLock: owner (Java thread) and count, guarded by a Java ReentrantLock `guard` whose
 * condition `released` is signalled when the count reaches zero. guard is only ever held for
 * a few field updates, never while waiting for the GIL, so it cannot deadlock with it.
 *   acquire: guard { if owner == me: count++; return } ; fast: guard { if owner == null: take }
 *            else Blocking.run(guard { while owner != null: await released (with deadline) ; take })
 *   release: guard { check owner == me; if --count == 0: owner = null; signal released }
 * Event: flag, guarded by `guard`; set() signals all waiters; wait() awaits with a deadline.
 *
 * Field        access
 * owner,count  guarded by guard
 * flag         guarded by guard
 * </pre>
 */
final class ThreadingExtras {
    static final PyType RLOCK_TYPE = PyType.ofModule("_thread", "RLock", PyType.OBJECT);
    static final PyType EVENT_TYPE = PyType.ofModule("threading", "Event", PyType.OBJECT);
    static final PyType THREAD_INFO_TYPE = new PyType("Thread", PyType.OBJECT);
    /** Where the threading module keeps its main thread's object, as CPython's does. */
    private static final String MAIN_THREAD = "_main_thread";

    private ThreadingExtras() {
    }

    /** Into one interpreter's threading module; the types are the process's (see the static block). */
    static void install(PyModule m) {
        m.set("RLock", RLOCK_TYPE);
        m.set("Event", EVENT_TYPE);
        PyObject main = new CurrentThread(Thread.currentThread(), true);
        m.set(MAIN_THREAD, main); // the module's reference: released with the module at finalization
        RefCount.decref(main);
        Modules.def(m, "current_thread", (a, off, n, kw) -> {
            Args.exactly("current_thread", n, 0, kw);
            PyObject running = Threading.running();
            if (running != null) {
                RefCount.incref(running);
                return running;
            }
            return ThreadState.current().isMain() ? mainThread(m) : new CurrentThread(Thread.currentThread(), false);
        });
        Modules.def(m, "main_thread", (a, off, n, kw) -> {
            Args.exactly("main_thread", n, 0, kw);
            return mainThread(m);
        });
        ThreadLocals.install(m);
        Modules.def(m, "active_count", (a, off, n, kw) -> {
            Args.exactly("active_count", n, 0, kw);
            return PyInt.of(Interpreter.current().threads().aliveCount() + 1);
        });
    }

    static { // built-in types get their methods once, before any interpreter can see them
        RLOCK_TYPE.constructor = (a, off, n, kw) -> {
            Args.exactly("RLock", n, 0, kw);
            return new PyRLock();
        };
        EVENT_TYPE.constructor = (a, off, n, kw) -> {
            Args.exactly("Event", n, 0, kw);
            return new PyEvent();
        };
        RLOCK_TYPE.addMethod("acquire", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("acquire", a, off + 1, n - 1, kw, 0, "blocking", "timeout");
            boolean blocking = p[0] == null || Ops.isTrue(p[0]);
            double timeout = p[1] == null ? -1 : Modules.asDouble(p[1]);
            return PyBool.of(((PyRLock) a[off]).acquire(blocking, timeout));
        });
        RLOCK_TYPE.addMethod("release", (a, off, n, kw) -> {
            Args.exactly("release", n - 1, 0, kw);
            ((PyRLock) a[off]).release();
            return PyNone.newRef();
        });
        RLOCK_TYPE.addMethod("__enter__", (a, off, n, kw) -> {
            Args.exactly("__enter__", n - 1, 0, kw);
            return PyBool.of(((PyRLock) a[off]).acquire(true, -1));
        });
        RLOCK_TYPE.addMethod("__exit__", (a, off, n, kw) -> {
            ((PyRLock) a[off]).release();
            return PyNone.newRef();
        });
        EVENT_TYPE.addMethod("set", (a, off, n, kw) -> {
            Args.exactly("set", n - 1, 0, kw);
            ((PyEvent) a[off]).set(true);
            return PyNone.newRef();
        });
        EVENT_TYPE.addMethod("clear", (a, off, n, kw) -> {
            Args.exactly("clear", n - 1, 0, kw);
            ((PyEvent) a[off]).set(false);
            return PyNone.newRef();
        });
        EVENT_TYPE.addMethod("is_set", (a, off, n, kw) -> {
            Args.exactly("is_set", n - 1, 0, kw);
            return PyBool.of(((PyEvent) a[off]).isSet());
        });
        EVENT_TYPE.addMethod("wait", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("wait", a, off + 1, n - 1, kw, 0, "timeout");
            double timeout = p[0] == null || p[0] == PyNone.NONE ? -1 : Modules.asDouble(p[0]);
            return PyBool.of(((PyEvent) a[off]).await(timeout));
        });
        THREAD_INFO_TYPE.addMethod("is_alive", (a, off, n, kw) -> {
            Args.exactly("is_alive", n - 1, 0, kw);
            return PyBool.of(((CurrentThread) a[off]).thread.isAlive());
        });
    }

    /** The main thread's object, as threading keeps it (a new reference). */
    private static PyObject mainThread(PyModule m) {
        PyObject main = m.dictBorrowed().getName(MAIN_THREAD);
        if (main == null) { // the program deleted it
            throw PyExc.notImplemented("threading without its '" + MAIN_THREAD + "'");
        }
        return main;
    }

    /** A deadline in System.nanoTime() terms; timeoutSeconds &lt; 0 means none. */
    static long deadline(double timeoutSeconds) {
        return timeoutSeconds < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);
    }

    /**
     * Awaits {@code c} until {@code deadline}; false once it has passed. Spurious wake-ups are
     * the caller's loop's business.
     */
    static boolean awaitUntil(Condition c, long deadline) throws InterruptedException {
        if (deadline == Long.MAX_VALUE) {
            c.await();
            return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        c.awaitNanos(left);
        return true; // the caller re-checks its condition, then calls again to see the deadline
    }

    /** {@code threading.RLock}: reentrant, released only by its owner. */
    static final class PyRLock extends PyObject {
        private final ReentrantLock guard = new ReentrantLock();
        private final Condition released = guard.newCondition();
        private Thread owner;
        private long count;

        @Override
        public PyType type() {
            return RLOCK_TYPE;
        }

        /** Takes the lock if it is free or ours; guard held. */
        private boolean tryTakeLocked(Thread me) {
            if (owner == null || owner == me) {
                owner = me;
                count++;
                return true;
            }
            return false;
        }

        boolean acquire(boolean blocking, double timeoutSeconds) {
            if (!blocking && timeoutSeconds != -1) {
                throw PyExc.valueError("can't specify a timeout for a non-blocking call");
            }
            if (timeoutSeconds < 0 && timeoutSeconds != -1) {
                throw PyExc.valueError("timeout value must be a non-negative number");
            }
            Thread me = Thread.currentThread();
            guard.lock();
            try {
                if (tryTakeLocked(me)) {
                    return true;
                }
            } finally {
                guard.unlock();
            }
            if (!blocking) {
                return false;
            }
            long deadline = deadline(timeoutSeconds);
            boolean[] got = new boolean[1];
            Blocking.run(() -> {
                guard.lockInterruptibly();
                try {
                    while (!(got[0] = tryTakeLocked(me))) {
                        if (!awaitUntil(released, deadline)) {
                            return;
                        }
                    }
                } finally {
                    guard.unlock();
                }
            });
            return got[0];
        }

        void release() {
            guard.lock();
            try {
                if (owner != Thread.currentThread()) {
                    throw new PyException(PyExc.RUNTIME_ERROR, "cannot release un-acquired lock");
                }
                if (--count == 0) {
                    owner = null;
                    released.signal();
                }
            } finally {
                guard.unlock();
            }
        }

        @Override
        public String toString() {
            guard.lock();
            try {
                return "<" + (owner == null ? "unlocked" : "locked") + " _thread.RLock object owner="
                        + (owner == null ? 0 : owner.getId()) + " count=" + count + " at "
                        + address(this) + ">";
            } finally {
                guard.unlock();
            }
        }
    }

    /** {@code threading.Event}. */
    static final class PyEvent extends PyObject {
        private final ReentrantLock guard = new ReentrantLock();
        private final Condition changed = guard.newCondition();
        private boolean flag;

        @Override
        public PyType type() {
            return EVENT_TYPE;
        }

        void set(boolean value) {
            guard.lock();
            try {
                flag = value;
                if (value) {
                    changed.signalAll();
                }
            } finally {
                guard.unlock();
            }
        }

        @Override
        public String toString() {
            return "<threading.Event at " + address(this) + ": " + (isSet() ? "set" : "unset") + ">";
        }

        boolean isSet() {
            guard.lock();
            try {
                return flag;
            } finally {
                guard.unlock();
            }
        }

        /** {@code wait(timeout)}: the flag's value at the end of the wait. */
        boolean await(double timeoutSeconds) {
            if (isSet()) {
                return true;
            }
            long deadline = deadline(timeoutSeconds);
            boolean[] result = new boolean[1];
            Blocking.run(() -> {
                guard.lockInterruptibly();
                try {
                    while (!flag && awaitUntil(changed, deadline)) {
                        // re-check: wake-ups may be spurious
                    }
                    result[0] = flag;
                } finally {
                    guard.unlock();
                }
            });
            return result[0];
        }
    }

    /** What {@code current_thread()} returns: the thread's name, ident and daemon flag. */
    static final class CurrentThread extends PyObject implements DataAttributes {
        final Thread thread;
        private final boolean isMain;

        CurrentThread(Thread thread, boolean isMain) {
            this.thread = thread;
            this.isMain = isMain;
        }

        @Override
        public PyType type() {
            return THREAD_INFO_TYPE;
        }

        String name() {
            return isMain ? "MainThread" : thread.getName();
        }

        @Override
        public PyObject getAttribute(String attr) {
            switch (attr) {
                case "name":
                    return PyStr.of(name());
                case "ident":
                case "native_id":
                    return PyInt.of(thread.getId());
                case "daemon":
                    return PyBool.of(thread.isDaemon());
                default:
                    return null;
            }
        }

        @Override
        public String toString() {
            return "<" + (isMain ? "_MainThread" : "Thread") + "(" + name() + ", started " + thread.getId() + ")>";
        }
    }
}
