package org.gilectomy.runtime.interp;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;

/**
 * One interpreter's {@code atexit} callbacks (modules/AtexitModule is their Python surface):
 * run last in, first out once the program has ended and its non-daemon threads have been
 * joined, as CPython's finalization does; a callback that raises is reported as
 * "Exception ignored in atexit callback" and the others still run.
 *
 * <pre>
 * Overview
 *
 * The list is guarded by this object's monitor (register, unregister, clear and count are rare
 * calls from any thread); run() takes each callback out under the monitor and calls it outside,
 * so a callback may register or unregister others.
 * </pre>
 */
public final class AtExit {
    /** A callback: the function, its positional then keyword arguments (owned), the keyword names. */
    private record Callback(PyObject[] owned, PyTuple kwnames) {
    }

    private final List<Callback> callbacks = new ArrayList<>();

    AtExit() {
    }

    /** The calling thread's interpreter's callbacks. */
    public static AtExit current() {
        return Interpreter.current().atExit;
    }

    /**
     * {@code atexit.register}: {@code call[off]} is the function, then {@code nargs - 1}
     * positional arguments and the values {@code kwnames} names (all borrowed).
     */
    public void register(PyObject[] call, int off, int nargs, PyTuple kwnames) {
        int total = nargs + (kwnames == null ? 0 : kwnames.size());
        PyObject[] owned = new PyObject[total];
        for (int i = 0; i < total; i++) {
            owned[i] = call[off + i];
            RefCount.incref(owned[i]);
        }
        if (kwnames != null) {
            RefCount.incref(kwnames);
        }
        synchronized (this) {
            callbacks.add(new Callback(owned, kwnames));
        }
    }

    /**
     * {@code atexit.unregister(func)}: every registration of a function equal to {@code func}.
     * As in CPython, its slot stays (empty) until the callbacks run or are cleared, and
     * {@code _ncallbacks()} still counts it.
     */
    public void unregister(PyObject func) {
        List<Callback> removed = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < callbacks.size(); i++) {
                Callback c = callbacks.get(i);
                if (c != null && Ops.sameOrEq(c.owned[0], func)) {
                    callbacks.set(i, null);
                    removed.add(c);
                }
            }
        }
        removed.forEach(AtExit::release);
    }

    public void clear() {
        List<Callback> all;
        synchronized (this) {
            all = new ArrayList<>(callbacks); // may hold nulls
            callbacks.clear();
        }
        for (Callback c : all) {
            if (c != null) {
                release(c);
            }
        }
    }

    public synchronized int count() {
        return callbacks.size();
    }

    /** Runs and removes every callback, newest first (atexit._run_exitfuncs and the end of the program). */
    public void run() {
        Interpreter interp = Interpreter.current();
        while (true) {
            Callback c;
            synchronized (this) {
                if (callbacks.isEmpty()) {
                    return;
                }
                c = callbacks.remove(callbacks.size() - 1);
            }
            if (c == null) {
                continue; // unregistered
            }
            try {
                int nkw = c.kwnames == null ? 0 : c.kwnames.size();
                RefCount.decref(Ops.call(c.owned[0], c.owned, 1, c.owned.length - 1 - nkw, c.kwnames));
            } catch (PyException e) {
                interp.stdout.flush();
                interp.err.print("Exception ignored in atexit callback: " + Ops.repr(c.owned[0]) + "\n"
                        + interp.tracebacks.format(e));
                interp.err.flush();
                e.release();
            } finally {
                release(c);
            }
        }
    }

    private static void release(Callback c) {
        for (PyObject o : c.owned) {
            RefCount.decref(o);
        }
        RefCount.xdecref(c.kwnames);
    }
}
