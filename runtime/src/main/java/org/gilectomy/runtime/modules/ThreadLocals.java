package org.gilectomy.runtime.modules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * {@code threading.local()}: an object whose attributes each thread sees on its own.
 *
 * <pre>
 * Overview
 *
 * Each local keeps one attribute dict per Java thread in a ConcurrentHashMap `dicts`, made on
 * the thread's first write (or its first read of __dict__). A thread only ever reads and writes
 * its own entry, so the dict itself needs no more than its own Py_LOCK; the map is what other
 * threads touch, in two places, each removing entries with an atomic remove() so that every
 * dict is released exactly once:
 *   thread end (Threading's bootstrap, before the thread detaches): for each live local,
 *       remove(thread) and decref the dict;
 *   the local's dealloc: leave LIVE, then remove and decref every remaining entry.
 * LIVE (a concurrent set) holds the locals not yet freed, for the first of these.
 *
 * Field   access
 * dicts   ConcurrentHashMap operations only
 * LIVE    concurrent set operations only
 *
 * Not guaranteed: a thread not started by threading (none exist here but the main thread)
 * keeps its entries until the local is freed.
 * </pre>
 */
final class ThreadLocals {
    static final PyType LOCAL_TYPE = new PyType("_thread._local", null);
    private static final Set<PyThreadLocal> LIVE = ConcurrentHashMap.newKeySet();

    private ThreadLocals() {
    }

    static { // once, before threading or _thread can hand the type out
        LOCAL_TYPE.constructor = (a, off, n, kw) -> {
            if (n != 0 || (kw != null && kw.size() != 0)) {
                throw PyExc.typeError("Initialization arguments are not supported");
            }
            return new PyThreadLocal();
        };
    }

    static void install(PyModule m) {
        m.set("local", LOCAL_TYPE);
    }

    /** The end of a thread that ran Python: its attributes in every local are released. */
    static void threadEnded(Thread t) {
        for (PyThreadLocal l : LIVE) {
            l.release(t);
        }
    }

    static final class PyThreadLocal extends PyObject implements DataAttributes, org.gilectomy.refcount.GcTracked {
        private final ConcurrentHashMap<Thread, PyDict> dicts = new ConcurrentHashMap<>();

        PyThreadLocal() {
            LIVE.add(this);
        }

        @Override
        public PyType type() {
            return LOCAL_TYPE;
        }

        /** This thread's dict, borrowed (the map owns it); made on first need. */
        private PyDict own() {
            return dicts.computeIfAbsent(Thread.currentThread(), t -> new PyDict());
        }

        @Override
        public PyObject getAttribute(String name) {
            if (name.equals("__dict__")) {
                PyDict d = own();
                RefCount.incref(d);
                return d;
            }
            PyDict d = dicts.get(Thread.currentThread());
            return d == null ? null : d.getName(name);
        }

        @Override
        public boolean setAttribute(String name, PyObject value) {
            if (name.equals("__dict__")) {
                throw new org.gilectomy.objects.PyException(PyExc.ATTRIBUTE_ERROR,
                        "'_thread._local' object attribute '__dict__' is read-only");
            }
            own().putName(name, value);
            return true;
        }

        @Override
        public boolean deleteAttribute(String name) {
            PyDict d = dicts.get(Thread.currentThread());
            if (d == null || !d.remove(PyStr.internBorrowed(name))) {
                throw PyExc.attributeError(this, name);
            }
            return true;
        }

        void release(Thread t) {
            PyDict d = dicts.remove(t);
            if (d != null) {
                RefCount.decref(d);
            }
        }

        @Override
        protected void dealloc() {
            LIVE.remove(this);
            clearReferences();
        }

        // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

        /** Every thread's dict: the collector sees all of them, as CPython's does. */
        @Override
        public void traverse(Visitor v) {
            for (PyDict d : dicts.values()) {
                v.visit(d);
            }
        }

        @Override
        public void clearReferences() {
            for (Thread t : dicts.keySet()) {
                release(t);
            }
        }
    }
}
