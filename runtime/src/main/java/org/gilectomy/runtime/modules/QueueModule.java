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
import org.gilectomy.runtime.interp.Modules;
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
 *   put(x):  incref x (GIL held); [wait via Blocking while full]; items.add(x); unfinished++;
 *            notEmpty.signal(). On a time-out the reference is dropped again, GIL held.
 *   get():   [wait via Blocking while empty]; x = items.poll(); notFull.signal(); the caller
 *            receives x's reference (no count changes without the GIL).
 * The fast path (no waiting) never releases the GIL.
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
    static final class PyQueue extends PyObject {
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

        void put(PyObject item, boolean block, double timeoutSeconds) {
            RefCount.incref(item);
            mutex.lock();
            try {
                if (!fullLocked()) {
                    addLocked(item);
                    return;
                }
            } finally {
                mutex.unlock();
            }
            boolean[] done = new boolean[1];
            if (block) {
                long deadline = ThreadingExtras.deadline(timeoutSeconds);
                try {
                    Blocking.run(() -> {
                        mutex.lockInterruptibly();
                        try {
                            while (fullLocked()) {
                                if (!ThreadingExtras.awaitUntil(notFull, deadline)) {
                                    return;
                                }
                            }
                            addLocked(item);
                            done[0] = true;
                        } finally {
                            mutex.unlock();
                        }
                    });
                } catch (PyException e) {
                    if (!done[0]) {
                        RefCount.decref(item);
                    }
                    throw e;
                }
            }
            if (!done[0]) {
                RefCount.decref(item);
                throw new PyException(FULL, "");
            }
        }

        PyObject get(boolean block, double timeoutSeconds) {
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
            PyObject[] got = new PyObject[1];
            if (block) {
                long deadline = ThreadingExtras.deadline(timeoutSeconds);
                Blocking.run(() -> {
                    mutex.lockInterruptibly();
                    try {
                        while (items.isEmpty()) {
                            if (!ThreadingExtras.awaitUntil(notEmpty, deadline)) {
                                return;
                            }
                        }
                        got[0] = items.poll();
                        notFull.signal();
                    } finally {
                        mutex.unlock();
                    }
                });
            }
            if (got[0] == null) {
                throw new PyException(EMPTY, "");
            }
            return got[0];
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
