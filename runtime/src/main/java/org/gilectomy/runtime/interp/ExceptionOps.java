package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInstance;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** The slow parts of the exception and with instructions, out of the eval loop's body. */
final class ExceptionOps {
    private ExceptionOps() {
    }

    /**
     * StopIteration(value) as a finished generator's send() raises it, with its {@code value}
     * attribute; takes over the reference to {@code value}.
     */
    static PyException stopIterationWith(PyObject value) {
        PyException e = new PyException(PyExc.STOP_ITERATION, "", value == PyNone.NONE ? null : value);
        e.value().dictBorrowed().putName("value", value);
        if (value == PyNone.NONE) {
            RefCount.decref(value);
        }
        return e;
    }

    /** The table entry (index of its first int) covering instruction {@code at}, or -1. */
    static int handlerFor(int[] table, int at) {
        for (int i = 0; i < table.length; i += 4) {
            if (table[i] <= at && at < table[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /** RAISE_VARARGS: always throws; the stack operands are released first. */
    static int raise(ThreadState ts, PyObject[] slots, int sp, int argc) {
        if (argc == 0) {
            PyBaseException h = ts.handled;
            if (h == null) {
                throw new PyException(PyExc.RUNTIME_ERROR, "No active exception to reraise");
            }
            PyException c = h.carrier();
            c.markReraised();
            throw c.raiseNew();
        }
        PyObject cause = argc == 2 ? slots[sp - 1] : null;
        PyObject exc = slots[sp - argc];
        try {
            PyException carrier = instantiate(exc, false).carrier().raiseStealing(); // the flight owns the new object
            if (cause != null) {
                try {
                    carrier.setCauseStealing(cause == PyNone.NONE ? null : instantiate(cause, true));
                } catch (PyException bad) {
                    carrier.release(); // never thrown
                    throw bad;
                }
            }
            throw carrier;
        } finally {
            for (int i = sp - argc; i < sp; i++) {
                PyObject o = slots[i];
                slots[i] = null;
                RefCount.decrefStack(o);
            }
        }
    }

    /** An exception class is called with no arguments; an exception object is used as it is. New reference. */
    private static PyBaseException instantiate(PyObject o, boolean asCause) {
        if (o instanceof PyType t && t.isSubtypeOf(PyExc.BASE_EXCEPTION) && t != PyType.OBJECT) {
            PyObject v = Ops.call(t);
            if (v instanceof PyBaseException b) {
                return b;
            }
            RefCount.decref(v);
            throw PyExc.typeError("calling " + t + " should have returned an instance of BaseException, not "
                    + v.type().name());
        }
        if (o instanceof PyBaseException b) {
            RefCount.incref(b);
            return b;
        }
        throw PyExc.typeError(asCause ? "exception causes must derive from BaseException"
                : "exceptions must derive from BaseException");
    }

    /** {@code except t:} with t a class or a tuple of classes. */
    static boolean matches(PyObject exc, PyObject t) {
        if (t instanceof PyTuple tu) {
            for (int i = 0; i < tu.size(); i++) {
                if (matches(exc, tu.getBorrowed(i))) {
                    return true;
                }
            }
            return false;
        }
        if (!(t instanceof PyType type) || !type.isSubtypeOf(PyExc.BASE_EXCEPTION) || type == PyType.OBJECT) {
            throw PyExc.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        return exc.type().isSubtypeOf(type);
    }

    /** BEFORE_WITH: (mgr -- exit entered). */
    static int beforeWith(PyObject[] slots, int sp, boolean async) {
        PyObject mgr = slots[sp - 1];
        PyObject enter = lookupSpecial(mgr, async ? "__aenter__" : "__enter__");
        PyObject exitFn = lookupSpecial(mgr, async ? "__aexit__" : "__exit__");
        if (enter == null || exitFn == null) {
            RefCount.xdecref(enter);
            RefCount.xdecref(exitFn);
            throw PyExc.typeError("'" + mgr.type().name() + "' object does not support the "
                    + (async ? "asynchronous " : "") + "context manager protocol");
        }
        PyObject entered;
        try {
            entered = Ops.call(enter, mgr);
        } catch (PyException e) {
            RefCount.decref(exitFn);
            throw e;
        } finally {
            RefCount.decref(enter);
        }
        PyObject exit = new org.gilectomy.objects.PyBoundMethod(exitFn, mgr);
        RefCount.decref(exitFn);
        slots[sp - 1] = exit;
        RefCount.decrefStack(mgr);
        slots[sp++] = RefCount.stackRefSteal(entered);
        return sp;
    }

    /** A special method looked up on the type, as CPython does for with: new reference or null. */
    private static PyObject lookupSpecial(PyObject o, String name) {
        if (o instanceof PyInstance || o.type().isHeapType()) {
            return o.type().lookup(name);
        }
        PyObject m = o.type().lookupMethodBorrowed(name);
        if (m != null) {
            RefCount.incref(m);
        }
        return m;
    }
}
