package org.gilectomy.runtime.modules;

import java.util.concurrent.atomic.AtomicLong;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;

/**
 * CPython's {@code _thread}: low-level threads and locks, on the runtime's own thread machinery
 * (interp.Threading, through {@link ThreadSupport}); the lock, RLock and local types are the
 * ones the Java {@code threading} module hands out. Each thread is a Java platform thread, so
 * the module is as thread-safe as those types are under every preset.
 */
public final class ThreadModule {
    /** CPython's on Linux: the largest timeout a lock wait accepts, in seconds. */
    private static final double TIMEOUT_MAX = 9223372036.0;
    /** {@code stack_size()}: what the program last set (0: the default). */
    private static final AtomicLong STACK_SIZE = new AtomicLong();

    private ThreadModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_thread");
        Defs.constant(m, "__doc__", PyStr.of("This module provides primitive operations to write multi-threaded programs.\n"
                + "The 'threading' module provides a more convenient interface."));
        PyType lock = ThreadSupport.lockType();
        m.set("LockType", lock);
        m.set("RLock", ThreadSupport.rlockType());
        m.set("_local", ThreadSupport.localType());
        m.set("error", PyExc.RUNTIME_ERROR);
        Defs.constant(m, "TIMEOUT_MAX", PyFloat.of(TIMEOUT_MAX));
        for (String name : new String[] {"allocate_lock", "allocate"}) {
            Defs.def(m, name, (a, off, n, kw) -> {
                Args.exactly(name, n, 0, kw);
                return org.gilectomy.objects.Ops.call(lock);
            });
        }
        for (String name : new String[] {"start_new_thread", "start_new"}) {
            Defs.def(m, name, (a, off, n, kw) -> {
                Args.between(name, n, 2, 3, kw);
                return PyInt.of(start(a[off], a[off + 1], n == 3 ? a[off + 2] : null));
            });
        }
        for (String name : new String[] {"exit", "exit_thread"}) {
            Defs.def(m, name, (a, off, n, kw) -> {
                Args.exactly(name, n, 0, kw);
                throw new PyException(PyExc.SYSTEM_EXIT, "");
            });
        }
        Defs.def(m, "get_ident", (a, off, n, kw) -> {
            Args.exactly("get_ident", n, 0, kw);
            return PyInt.of(ThreadSupport.ident());
        });
        Defs.def(m, "get_native_id", (a, off, n, kw) -> {
            Args.exactly("get_native_id", n, 0, kw);
            return PyInt.of(ThreadSupport.nativeId());
        });
        Defs.def(m, "_count", (a, off, n, kw) -> {
            Args.exactly("_count", n, 0, kw);
            return PyInt.of(ThreadSupport.count());
        });
        Defs.def(m, "_set_sentinel", (a, off, n, kw) -> {
            Args.exactly("_set_sentinel", n, 0, kw);
            return ThreadSupport.setSentinel();
        });
        Defs.def(m, "interrupt_main", (a, off, n, kw) -> {
            PyObject[] p = org.gilectomy.runtime.interp.Params.bind("interrupt_main", a, off, n, kw, 0, "signum");
            if (p[0] != null && Args.asLong(p[0]) != 2) {
                throw PyExc.notImplemented("_thread.interrupt_main() with a signal other than SIGINT");
            }
            ThreadSupport.interruptMain();
            return PyNone.newRef();
        });
        Defs.def(m, "stack_size", (a, off, n, kw) -> {
            Args.between("stack_size", n, 0, 1, kw);
            if (n == 0) {
                return PyInt.of(STACK_SIZE.get());
            }
            long size = Args.asLong(a[off]);
            if (size != 0 && size < 32768) {
                throw PyExc.valueError("size not valid: " + size + " bytes");
            }
            // Recorded and reported only: Python frames are Java frames here, so every thread
            // keeps the runtime's own (large) stack whatever the program asks for.
            return PyInt.of(STACK_SIZE.getAndSet(size));
        });
        return m;
    }

    private static long start(PyObject function, PyObject args, PyObject kwargs) {
        if (!org.gilectomy.objects.Ops.isCallable(function)) {
            throw PyExc.typeError("first arg must be callable");
        }
        if (!(args instanceof PyTuple t)) {
            throw PyExc.typeError("2nd arg must be a tuple");
        }
        if (kwargs != null && !(kwargs instanceof PyDict)) {
            throw PyExc.typeError("optional 3rd arg must be a dictionary");
        }
        return ThreadSupport.startNewThread(function, t, (PyDict) kwargs);
    }
}
