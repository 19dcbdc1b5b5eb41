package org.gilectomy.runtime.interp;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * A generator: a suspended frame (its slots, pc and stack pointer) resumed by {@code next()}.
 * Only the thread that holds {@code running} touches the frame; a second thread calling
 * {@code next()} meanwhile gets CPython's "generator already executing". The CAS on
 * {@code running} (acquire) and its reset (release) order one resumption's frame writes before
 * the next one's reads.
 */
final class PyGenerator extends PyIterator {
    static final PyType TYPE = new PyType("generator", null);

    static {
        TYPE.addMethod("send", (a, off, n, kw) -> {
            Args.exactly("send", n - 1, 1, kw);
            PyObject r = ((PyGenerator) a[off]).resume(a[off + 1], null);
            if (r == null) {
                throw new PyException(PyExc.STOP_ITERATION, "");
            }
            return r;
        });
        TYPE.addMethod("throw", (a, off, n, kw) -> {
            Args.exactly("throw", n - 1, 1, kw);
            PyObject v = a[off + 1];
            if (v instanceof PyType t && t.isSubtypeOf(PyExc.BASE_EXCEPTION) && t != PyType.OBJECT) {
                v = Ops.call(t);
            } else if (v instanceof PyBaseException) {
                RefCount.incref(v);
            } else {
                throw PyExc.typeError("exceptions must be classes or instances deriving from BaseException, not "
                        + v.type().name());
            }
            PyException carrier = ((PyBaseException) v).carrier().raiseStealing(); // the flight owns v
            PyObject r = ((PyGenerator) a[off]).resume(null, carrier);
            if (r == null) {
                throw new PyException(PyExc.STOP_ITERATION, "");
            }
            return r;
        });
        TYPE.addMethod("close", (a, off, n, kw) -> {
            ((PyGenerator) a[off]).close();
            return PyNone.newRef();
        });
    }

    private final PyCode code;
    private final PyDict globals;
    private final PyObject[] slots;
    int pc;
    int sp;
    boolean finished;
    /** The exception its frame was handling when it last yielded (owned), or null. */
    private PyBaseException handled;
    private final AtomicBoolean running = new AtomicBoolean();
    private PyException pendingThrow;

    /** Takes over the argument references already bound in {@code slots}. */
    PyGenerator(PyCode code, PyDict globals, PyObject[] slots) {
        RefCount.incref(code);
        RefCount.incref(globals);
        this.code = code;
        this.globals = globals;
        this.slots = slots;
        this.sp = code.varNames.length;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        return resume(PyNone.NONE, null);
    }

    /**
     * Runs to the next yield; the yielded value, or null when the generator has returned. With
     * {@code toThrow}, the paused yield raises it instead of returning {@code sent}.
     */
    PyObject resume(PyObject sent, PyException toThrow) {
        if (finished) {
            if (toThrow != null) {
                throw toThrow;
            }
            return null;
        }
        if (toThrow != null && pc == 0) {
            finished = true; // never started: nothing can catch it
            releaseFrame();
            throw toThrow;
        }
        if (!running.compareAndSet(false, true)) {
            if (toThrow != null) {
                toThrow.release(); // replaced by the ValueError
            }
            throw PyExc.valueError("generator already executing");
        }
        try {
            if (toThrow != null) {
                pendingThrow = toThrow;
            } else if (pc == 0) {
                if (sent != PyNone.NONE) {
                    throw PyExc.typeError("can't send non-None value to a just-started generator");
                }
            } else {
                RefCount.incref(sent);
                slots[sp++] = sent; // the value of the yield expression
            }
            PyObject r;
            ThreadState ts = ThreadState.current();
            PyBaseException outer = ts.handled; // ts's reference, held here until restored
            if (handled != null) {
                ts.handled = handled; // suspended inside one of its own handlers: its reference moves to ts
                handled = null;
            } else if (outer != null) {
                RefCount.incref(outer); // the frame sees the caller's exception, with a reference of its own
            }
            try {
                r = Eval.run(ts, code, globals, slots, this);
            } catch (PyException e) {
                finished = true;
                if (e.matches(PyExc.STOP_ITERATION)) {
                    PyException re = new PyException(PyExc.RUNTIME_ERROR, "generator raised StopIteration");
                    re.setCauseStealing(e.takeValue());
                    throw re;
                }
                throw e;
            } finally {
                PyBaseException now = ts.handled;
                if (finished || now == outer) {
                    RefCount.xdecref(now);
                } else {
                    handled = now; // ts's reference moves to the suspended generator
                }
                ts.handled = outer;
            }
            if (finished) {
                RefCount.decref(r); // the return value would be StopIteration.value
                return null;
            }
            return r;
        } finally {
            running.set(false);
        }
    }

    /** generator.close(): GeneratorExit at the paused yield, so its finally blocks run. */
    void close() {
        if (finished) {
            return;
        }
        PyObject r;
        try {
            r = resume(null, new PyException(PyExc.GENERATOR_EXIT, ""));
        } catch (PyException e) {
            if (e.matches(PyExc.GENERATOR_EXIT) || e.matches(PyExc.STOP_ITERATION)) {
                e.release();
                return;
            }
            throw e;
        }
        if (r != null) {
            RefCount.decref(r);
            throw new PyException(PyExc.RUNTIME_ERROR, "generator ignored GeneratorExit");
        }
    }

    /** The exception resume(null, e) asks the frame to raise at its paused yield; taken by the eval loop. */
    PyException takePendingThrow() {
        PyException e = pendingThrow;
        pendingThrow = null;
        return e;
    }

    private void releaseFrame() {
        for (int i = 0; i < slots.length; i++) {
            PyObject o = slots[i];
            if (o != null) {
                slots[i] = null;
                RefCount.decref(o);
            }
        }
    }

    @Override
    protected void dealloc() {
        if (!finished) {
            releaseFrame();
        }
        RefCount.xdecref(handled);
        RefCount.decref(code);
        RefCount.decref(globals);
    }

    @Override
    public String toString() {
        return "<generator object " + code.qualname + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
