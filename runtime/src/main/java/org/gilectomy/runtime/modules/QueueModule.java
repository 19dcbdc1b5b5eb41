package org.gilectomy.runtime.modules;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.interp.Params;

/**
 * The {@code queue} module: {@code Queue} (FIFO, optionally bounded), with {@code Empty} and
 * {@code Full}. A get or put that must wait goes through {@link Blocking} (GIL and critical
 * sections released; Ctrl-C ends the main thread's wait with KeyboardInterrupt).
 *
 * <pre>
 * Overview
 *
 * items holds owned references. mutex guards items, unfinished; it is held only for a few
 * steps, never while taking the GIL. Conditions: notEmpty (signalled by put), notFull (by get),
 * allDone (when unfinished reaches 0, for join()).
 *   put(x):  incref x (GIL held); loop { if not full: items.add(x); unfinished++;
 *            notEmpty.signal(); return; [wait via Blocking until not full] }. On a time-out
 *            the reference is dropped again, GIL held.
 *   get():   loop { if not empty: x = items.poll(); notFull.signal(); return x; [wait via
 *            Blocking until not empty] }; the caller receives x's reference.
 * The items change only while the thread is attached (GIL held, or in the free-threaded
 * builds the world not stopped), never inside a wait: the cycle collector traverses them (a
 * queue in a cycle is freed), with the GIL held or the world stopped, and must see them
 * unchanged between its passes. A woken waiter attaches, then tries again: another thread
 * may have taken the slot or the item first. The fast path (no waiting) never releases the GIL.
 *
 * Field        access
 * items        guarded by mutex
 * unfinished   guarded by mutex
 * </pre>
 */
public final class QueueModule {
    static final PyType QUEUE_TYPE = PyType.ofModule("queue", "Queue", PyType.OBJECT);
    static final PyType EMPTY = new PyType("_queue.Empty", PyExc.EXCEPTION);
    static final PyType FULL = new PyType("queue.Full", PyExc.EXCEPTION);

    private QueueModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("queue");
        m.set("Empty", EMPTY);
        m.set("Full", FULL);
        m.set("Queue", QUEUE_TYPE);
        return m;
    }

    static { // the type gets its methods once, before any interpreter can see it
        QUEUE_TYPE.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("Queue", a, off, n, kw, 0, "maxsize");
            return new PyQueue(Params.optLong(p[0], 0));
        };
        PyType t = QUEUE_TYPE;
        t.addMethod("put", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("put", a, off + 1, n - 1, kw, 1, "item", "block", "timeout");
            ((PyQueue) a[off]).put(p[0], p[1] == null || Ops.isTrue(p[1]), timeout(p[2]));
            return PyNone.newRef();
        });
        t.addMethod("put_nowait", (a, off, n, kw) -> {
            Args.exactly("put_nowait", n - 1, 1, kw);
            ((PyQueue) a[off]).put(a[off + 1], false, -1);
            return PyNone.newRef();
        });
        t.addMethod("get", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("get", a, off + 1, n - 1, kw, 0, "block", "timeout");
            return ((PyQueue) a[off]).get(p[0] == null || Ops.isTrue(p[0]), timeout(p[1]));
        });
        t.addMethod("get_nowait", (a, off, n, kw) -> {
            Args.exactly("get_nowait", n - 1, 0, kw);
            return ((PyQueue) a[off]).get(false, -1);
        });
        t.addMethod("qsize", (a, off, n, kw) -> {
            Args.exactly("qsize", n - 1, 0, kw);
            return PyInt.of(((PyQueue) a[off]).size());
        });
        t.addMethod("empty", (a, off, n, kw) -> {
            Args.exactly("empty", n - 1, 0, kw);
            return PyBool.of(((PyQueue) a[off]).size() == 0);
        });
        t.addMethod("full", (a, off, n, kw) -> {
            Args.exactly("full", n - 1, 0, kw);
            PyQueue q = (PyQueue) a[off];
            return PyBool.of(q.maxsize > 0 && q.size() >= q.maxsize);
        });
        t.addMethod("task_done", (a, off, n, kw) -> {
            Args.exactly("task_done", n - 1, 0, kw);
            ((PyQueue) a[off]).taskDone();
            return PyNone.newRef();
        });
        t.addMethod("join", (a, off, n, kw) -> {
            Args.exactly("join", n - 1, 0, kw);
            ((PyQueue) a[off]).join();
            return PyNone.newRef();
        });
    }

    /** A timeout argument: -1 for none; negative values refused as CPython does. */
    private static double timeout(PyObject o) {
        if (o == null || o == PyNone.NONE) {
            return -1;
        }
        double t = Modules.asDouble(o);
        if (t < 0) {
            throw PyExc.valueError("'timeout' must be a non-negative number");
        }
        return t;
    }

    /** {@code queue.Queue}. */
    static final class PyQueue extends PyObject implements org.gilectomy.refcount.GcTracked {
        final long maxsize;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition notEmpty = mutex.newCondition();
        private final Condition notFull = mutex.newCondition();
        private final Condition allDone = mutex.newCondition();
        private final ArrayDeque<PyObject> items = new ArrayDeque<>();
        private long unfinished;

        PyQueue(long maxsize) {
            this.maxsize = maxsize;
        }

        @Override
        public PyType type() {
            return QUEUE_TYPE;
        }

        private boolean fullLocked() {
            return maxsize > 0 && items.size() >= maxsize;
        }

        private void addLocked(PyObject ownedItem) {
            items.add(ownedItem);
            unfinished++;
            notEmpty.signal();
        }

        /**
         * Adds {@code item}, waiting (detached) while the queue is full if {@code block}. The
         * items change only while this thread is attached (GIL held, or the world not stopped),
         * never inside the wait, so that the cycle collector reads them unchanged: a waiter
         * woken for a free slot attaches, then tries again (another thread may have taken it).
         */
        void put(PyObject item, boolean block, double timeoutSeconds) {
            RefCount.incref(item);
            long deadline = block ? ThreadingExtras.deadline(timeoutSeconds) : 0;
            for (;;) {
                mutex.lock();
                try {
                    if (!fullLocked()) {
                        addLocked(item);
                        return;
                    }
                } finally {
                    mutex.unlock();
                }
                boolean[] room = new boolean[1];
                if (block) {
                    try {
                        Blocking.run(() -> room[0] = awaitLocked(notFull, deadline, true));
                    } catch (PyException e) { // KeyboardInterrupt
                        RefCount.decref(item);
                        throw e;
                    }
                }
                if (!room[0]) {
                    RefCount.decref(item);
                    throw new PyException(FULL, "");
                }
            }
        }

        /**
         * Takes the first item, waiting (detached) while the queue is empty if {@code block};
         * as put, the items change only while attached.
         */
        PyObject get(boolean block, double timeoutSeconds) {
            long deadline = block ? ThreadingExtras.deadline(timeoutSeconds) : 0;
            for (;;) {
                mutex.lock();
                try {
                    PyObject x = items.poll();
                    if (x != null) {
                        notFull.signal();
                        return x;
                    }
                } finally {
                    mutex.unlock();
                }
                boolean[] some = new boolean[1];
                if (block) {
                    Blocking.run(() -> some[0] = awaitLocked(notEmpty, deadline, false));
                }
                if (!some[0]) {
                    throw new PyException(EMPTY, "");
                }
            }
        }

        /**
         * Waits on {@code c} until the queue has room ({@code forRoom}) or an item, or the
         * deadline passes; returns whether the condition holds. Changes nothing; runs detached.
         */
        private boolean awaitLocked(Condition c, long deadline, boolean forRoom) throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (forRoom ? fullLocked() : items.isEmpty()) {
                    if (!ThreadingExtras.awaitUntil(c, deadline)) {
                        return false;
                    }
                }
                return true;
            } finally {
                mutex.unlock();
            }
        }

        long size() {
            mutex.lock();
            try {
                return items.size();
            } finally {
                mutex.unlock();
            }
        }

        void taskDone() {
            mutex.lock();
            try {
                if (unfinished <= 0) {
                    throw PyExc.valueError("task_done() called too many times");
                }
                if (--unfinished == 0) {
                    allDone.signalAll();
                }
            } finally {
                mutex.unlock();
            }
        }

        void join() {
            Blocking.run(() -> {
                mutex.lockInterruptibly();
                try {
                    while (unfinished > 0) {
                        allDone.await();
                    }
                } finally {
                    mutex.unlock();
                }
            });
        }

        /** The items, each an owned reference (read under the mutex: a waiter may hold it briefly). */
        @Override
        public void traverse(Visitor v) {
            mutex.lock();
            try {
                for (PyObject o : items) {
                    v.visit(o);
                }
            } finally {
                mutex.unlock();
            }
        }

        /** The items go (the queue stays usable, empty): a cycle through a queue breaks here. */
        @Override
        public void clearReferences() {
            dealloc();
        }

        @Override
        protected void dealloc() {
            PyObject[] left;
            mutex.lock();
            try {
                left = items.toArray(new PyObject[0]);
                items.clear();
            } finally {
                mutex.unlock();
            }
            for (PyObject o : left) {
                RefCount.decref(o);
            }
        }
    }
}
