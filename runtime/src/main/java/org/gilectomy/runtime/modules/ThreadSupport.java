package org.gilectomy.runtime.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.Signals;
import org.gilectomy.runtime.interp.ThreadState;

/**
 * What the {@code _thread} module (modules/ThreadModule) needs of this package's thread
 * machinery: the lock, RLock and local types {@link Threading} defines, and
 * {@code start_new_thread}, which runs a function on a new thread of the calling interpreter as
 * {@link Threading.PyThread} runs a Thread's {@code run()}.
 *
 * <pre>
 * Overview
 *
 * The threads start_new_thread started that have not ended (_thread._count()) are counted per
 * interpreter, as CPython counts them (its Threading.Registry: an atomic counter, incremented
 * before the thread starts, decremented as it ends), so two interpreters in one JVM do not see
 * each other's.
 * SENTINELS maps such a thread, while it runs, to the locks _set_sentinel() gave it (each held):
 * only its own thread adds to its list; the thread's end removes the list and releases them,
 * which is how a joiner learns the thread is done.
 * </pre>
 */
public final class ThreadSupport {
    private static final Map<Thread, List<Threading.PyLock>> SENTINELS = new ConcurrentHashMap<>();

    private ThreadSupport() {
    }

    public static PyType lockType() {
        return Threading.LOCK_TYPE;
    }

    public static PyType rlockType() {
        return ThreadingExtras.RLOCK_TYPE;
    }

    public static PyType localType() {
        return ThreadLocals.LOCAL_TYPE;
    }

    /** {@code _thread.get_ident()}: the same number {@code threading.get_ident()} gives. */
    public static long ident() {
        return Thread.currentThread().getId();
    }

    /**
     * {@code _thread.get_native_id()}: the kernel's id of the calling thread (Linux names it in
     * {@code /proc/thread-self}, a link to {@code <pid>/task/<tid>}); the Java id elsewhere.
     */
    public static long nativeId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return ident();
        }
    }

    /** {@code _thread._count()}: the calling interpreter's. */
    public static int count() {
        return Interpreter.current().threads().lowLevelRunning();
    }

    /**
     * {@code _thread.start_new_thread(function, args, kwargs)}: starts {@code function(*args,
     * **kwargs)} on a new thread (args a tuple, kwargs a dict or null; both borrowed) and returns
     * its ident. Like CPython's, such a thread is not waited for at exit.
     */
    public static long startNewThread(PyObject function, PyTuple args, PyDict kwargs) {
        Interpreter interp = Interpreter.current();
        PyObject[] owned = callArguments(function, args, kwargs);
        PyTuple kwnames = kwnames(kwargs);
        interp.shareBeforeSecondThread();
        int running = interp.threads().lowLevelStarting();
        Thread t = ThreadState.newThread(() -> run(interp, owned, kwnames), "Thread-" + running,
                Threading.STACK_BYTES, false, null);
        t.setDaemon(true);
        interp.threads().started(t, true);
        t.start();
        return t.getId();
    }

    /** function, the positional arguments, then the keyword values: owned references. */
    private static PyObject[] callArguments(PyObject function, PyTuple args, PyDict kwargs) {
        List<Map.Entry<PyObject, PyObject>> items = kwargs == null ? List.of() : kwargs.itemsSnapshot();
        PyObject[] all = new PyObject[1 + args.size() + items.size()];
        all[0] = function;
        RefCount.incref(function);
        for (int i = 0; i < args.size(); i++) {
            all[1 + i] = args.getBorrowed(i);
            RefCount.incref(all[1 + i]);
        }
        for (int i = 0; i < items.size(); i++) {
            RefCount.decref(items.get(i).getKey());
            all[1 + args.size() + i] = items.get(i).getValue(); // the snapshot's reference
        }
        return all;
    }

    private static PyTuple kwnames(PyDict kwargs) {
        if (kwargs == null || kwargs.size() == 0) {
            return null;
        }
        List<Map.Entry<PyObject, PyObject>> items = kwargs.itemsSnapshot();
        PyObject[] names = new PyObject[items.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = items.get(i).getKey();
            if (!(names[i] instanceof PyStr)) {
                throw PyExc.typeError("keywords must be strings");
            }
            RefCount.decref(items.get(i).getValue());
        }
        return PyTuple.steal(names);
    }

    private static void run(Interpreter interp, PyObject[] owned, PyTuple kwnames) {
        ThreadState ts = ThreadState.current();
        SENTINELS.put(Thread.currentThread(), new CopyOnWriteArrayList<>());
        interp.enter();
        ts.attach();
        try {
            int nkw = kwnames == null ? 0 : kwnames.size();
            RefCount.decref(Ops.call(owned[0], owned, 1, owned.length - 1 - nkw, kwnames));
        } catch (PyException e) {
            if (!e.matches(PyExc.SYSTEM_EXIT)) {
                interp.stdout.flush();
                interp.err.print("Exception ignored in thread started by: " + Ops.repr(owned[0]) + "\n"
                        + interp.tracebacks.format(e));
                interp.err.flush();
            }
            e.release();
        } catch (Throwable t) {
            interp.tracebacks.fatal(t);
        } finally {
            for (PyObject o : owned) {
                RefCount.decref(o);
            }
            RefCount.xdecref(kwnames);
            ThreadLocals.threadEnded(Thread.currentThread());
            List<Threading.PyLock> sentinels = SENTINELS.remove(Thread.currentThread());
            if (sentinels != null) {
                for (Threading.PyLock l : sentinels) {
                    l.release();
                    RefCount.decref(l);
                }
            }
            interp.threads().lowLevelEnded();
            ts.detach();
            Interpreter.exit();
        }
    }

    /**
     * {@code _thread._set_sentinel()}: a held lock released when the calling thread ends (only
     * for threads start_new_thread started: this runtime's threading.Thread does not use it).
     */
    public static PyObject setSentinel() {
        List<Threading.PyLock> mine = SENTINELS.get(Thread.currentThread());
        if (mine == null) {
            throw PyExc.notImplemented("_thread._set_sentinel() outside a thread _thread.start_new_thread started");
        }
        Threading.PyLock lock = new Threading.PyLock();
        lock.acquire(true, -1);
        RefCount.incref(lock); // the list's reference
        mine.add(lock);
        return lock;
    }

    /** {@code _thread.interrupt_main()}: as if Ctrl-C reached the calling interpreter's main thread. */
    public static void interruptMain() {
        Signals.interrupt(Interpreter.current());
    }
}
