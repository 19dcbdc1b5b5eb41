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
import org.gilectomy.runtime.compile.Opcode;

/**
 * A generator: a suspended frame (its slots, pc and stack pointer) resumed by {@code next()}.
 * Only the thread that holds {@code running} touches the frame; a second thread calling
 * {@code next()} meanwhile gets CPython's "generator already executing". The CAS on
 * {@code running} (acquire) and its reset (release) order one resumption's frame writes before
 * the next one's reads.
 */
public final class PyGenerator extends PyIterator implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("generator", null);

    static {
        TYPE.addMethod("send", (a, off, n, kw) -> {
            Args.exactly("send", n - 1, 1, kw);
            PyGenerator g = (PyGenerator) a[off];
            return g.orStopIteration(g.resume(a[off + 1], null));
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
            PyGenerator g = (PyGenerator) a[off];
            return g.orStopIteration(g.resume(null, carrier));
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
    /** A finished generator's return value (owned) until {@link #takeReturned} or the next resumption. */
    private PyObject returned;

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
        PyObject r = resume(PyNone.NONE, null);
        if (r == null) {
            RefCount.xdecref(takeReturned());
        }
        return r;
    }

    /** The value a generator that has just returned returned (a new reference; None if taken already). */
    PyObject takeReturned() {
        PyObject r = returned;
        returned = null;
        return r == null ? PyNone.newRef() : r;
    }

    /** send()/throw(): the yielded value, or StopIteration carrying the return value once finished. */
    private PyObject orStopIteration(PyObject yielded) {
        if (yielded != null) {
            return yielded;
        }
        throw ExceptionOps.stopIterationWith(takeReturned());
    }

    /**
     * Whether the frame is paused in a {@code yield from}: at the YIELD_VALUE right after a
     * SEND, the delegate on top of its stack.
     */
    private boolean delegating() {
        return pc >= 2 && Opcode.op(code.code[pc - 1]) == Opcode.YIELD_VALUE && Opcode.op(code.code[pc - 2]) == Opcode.SEND;
    }

    /**
     * throw()/close() while delegating: returns what the delegate yields, or null when the
     * frame must run on: with an exception to raise at the yield, or, the delegate finished,
     * from after the {@code yield from} with its result on the stack.
     */
    private PyObject throwToDelegate(PyException toThrow) {
        if (toThrow.matches(PyExc.GENERATOR_EXIT)) {
            try {
                Delegation.close(slots[sp - 1]);
            } catch (PyException e) {
                toThrow.release();
                toThrow = e; // raised in this frame instead
            }
            pendingThrow = toThrow;
            return null;
        }
        PyObject r;
        try {
            r = Delegation.throwInto(slots, sp - 1, toThrow);
        } catch (PyException e) {
            pendingThrow = e;
            return null;
        }
        if (r == null) {
            pc = Opcode.arg(code.code[pc - 2]); // SEND's exit, the result in the delegate's slot
        }
        return r;
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
            RefCount.xdecref(returned);
            returned = null;
            if (toThrow != null && delegating()) {
                PyObject yielded = throwToDelegate(toThrow);
                if (yielded != null) {
                    return yielded;
                }
            } else if (toThrow != null) {
                pendingThrow = toThrow;
            } else if (pc == 0) {
                if (sent != PyNone.NONE) {
                    throw PyExc.typeError("can't send non-None value to a just-started generator");
                }
            } else {
                RefCount.increfStack(sent);
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
                returned = r; // StopIteration's value, for yield from and send()
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
        RefCount.xdecref(takeReturned());
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
                RefCount.decrefStack(o);
            }
        }
    }

    @Override
    protected void dealloc() {
        if (!finished) {
            releaseFrame();
        }
        RefCount.xdecref(handled);
        RefCount.xdecref(returned);
        RefCount.decref(code);
        RefCount.decref(globals);
    }

    @Override
    public String toString() {
        return "<generator object " + code.qualname + " at " + address(this) + ">";
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /** The frame's slots, the handled exception, the return value, the globals (the code is the process's). */
    @Override
    public void traverse(Visitor v) {
        for (PyObject o : slots) {
            v.visit(o);
        }
        v.visit(handled);
        v.visit(returned);
        v.visit(globals);
    }

    /**
     * PEP 442, as CPython's generator finalizer: a generator suspended at a yield and found in
     * a cycle is closed first, so its finally blocks run (and what they free is not garbage
     * any more); one never started is left as it is. An error from close() is dropped.
     */
    @Override
    public boolean finalizeAsGarbage() {
        if (finished || pc == 0) {
            return false;
        }
        try {
            close();
        } catch (PyException e) {
            e.release();
        }
        return true;
    }

    /** Releases the frame (a suspended generator in a cycle is never resumed: it is garbage). */
    @Override
    public void clearReferences() {
        releaseFrame();
        PyBaseException h = handled;
        handled = null;
        RefCount.xdecref(h);
    }
}
