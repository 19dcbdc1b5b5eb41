package org.gilectomy.runtime.interp;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.objects.Ops;
import org.gilectomy.refcount.GcTracked;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Opcode;

/**
 * The frame of a generator or coroutine ({@link Suspendable}): its slots, pc and stack pointer,
 * run by {@link Eval#run} up to each yield and resumed by send()/throw()/close(). The two kinds
 * differ only in their messages and in what resuming a finished one does (a coroutine may not
 * be awaited twice).
 *
 * <p>Only the thread that holds {@code running} touches the frame; a second thread resuming it
 * meanwhile gets CPython's "generator already executing". The CAS on {@code running} (acquire)
 * and its reset (release) order one resumption's frame writes before the next one's reads.
 */
final class SuspendedFrame {
    /** What resumes a SuspendedFrame: its generator or coroutine, or a coroutine's __await__() iterator. */
    interface Suspendable {
        SuspendedFrame frame();
    }

    /** The generator or coroutine that owns its frame: the cycle collector sees the frame through it. */
    interface Owner extends Suspendable, GcTracked {
        @Override
        default void traverse(GcTracked.Visitor v) {
            frame().traverse(v);
        }

        @Override
        default boolean finalizeAsGarbage() {
            return frame().finalizeAsGarbage();
        }

        @Override
        default void clearReferences() {
            frame().clearReferences();
        }
    }

    /** "generator" or "coroutine", as CPython's messages name the object. */
    private final String kind;
    private final boolean isCoroutine;
    final PyCode code;
    private final PyDict globals;
    private final PyObject[] slots;
    int pc;
    int sp;
    boolean finished;
    /** The exception its frame was handling when it last yielded (owned), or null. */
    private PyBaseException handled;
    private final AtomicBoolean running = new AtomicBoolean();
    private PyException pendingThrow;
    /** A finished frame's return value (owned) until {@link #takeReturned} or the next resumption. */
    private PyObject returned;

    /** Takes over the argument references already bound in {@code slots}. */
    SuspendedFrame(PyCode code, PyDict globals, PyObject[] slots) {
        RefCount.incref(code);
        RefCount.incref(globals);
        this.code = code;
        this.globals = globals;
        this.slots = slots;
        this.sp = code.varNames.length;
        this.isCoroutine = (code.coFlags & PyCode.CO_COROUTINE) != 0;
        this.kind = isCoroutine ? "coroutine" : "generator";
    }

    /** What calling a function with {@code code} (a generator's or coroutine's) returns: a new frame object. */
    static PyObject objectFor(PyCode code, PyDict globals, PyObject[] slots) {
        SuspendedFrame f = new SuspendedFrame(code, globals, slots);
        if (f.isCoroutine) {
            return new PyCoroutine(f);
        }
        if ((code.coFlags & PyCode.CO_GENERATOR) != 0) {
            return new PyGenerator(f);
        }
        throw new IllegalStateException("no frame object for co_flags " + code.coFlags);
    }

    /** Whether {@code await} accepts it as it is: a coroutine, or a generator of a {@code types.coroutine} function. */
    static boolean isAwaitableFrame(PyObject o) {
        return o instanceof PyCoroutine
                || o instanceof PyGenerator g && (g.frame().code.coFlags & PyCode.CO_ITERABLE_COROUTINE) != 0;
    }

    /**
     * The attributes generators and coroutines share, besides {@link #addMethods}:
     * {@code <prefix>code}, {@code <prefix>running}, {@code <prefix>frame}, the delegate
     * ({@code delegateName}: gi_yieldfrom, cr_await), {@code __name__}, {@code __qualname__}.
     */
    static void addProtocol(PyType t, String prefix, String delegateName) {
        addMethods(t);
        t.addGetter(prefix + "code", o -> newRef(frameOf(o).code));
        t.addGetter(prefix + "running", o -> PyBool.of(frameOf(o).running.get()));
        t.addGetter(prefix + "frame", o -> {
            if (frameOf(o).finished) {
                return PyNone.newRef();
            }
            throw PyExc.notImplemented("'" + prefix + "frame' of a suspended " + frameOf(o).kind
                    + " (this runtime keeps no frame objects)");
        });
        t.addGetter(delegateName, o -> {
            SuspendedFrame f = frameOf(o);
            return newRef(f.delegating() ? f.slots[f.sp - 1] : PyNone.NONE);
        });
        t.addGetter("__name__", o -> PyStr.of(frameOf(o).code.name));
        t.addGetter("__qualname__", o -> PyStr.of(frameOf(o).code.qualname));
    }

    /** send(), throw() and close(), on the frame of a {@link Suspendable}. */
    static void addMethods(PyType t) {
        t.addMethod("send", (a, off, n, kw) -> {
            Args.exactly("send", n - 1, 1, kw);
            return frameOf(a[off]).orStopIteration(frameOf(a[off]).resume(a[off + 1], null));
        });
        t.addMethod("throw", (a, off, n, kw) -> {
            Args.exactly("throw", n - 1, 1, kw);
            PyObject v = a[off + 1];
            if (v instanceof PyType ty && ty.isSubtypeOf(PyExc.BASE_EXCEPTION) && ty != PyType.OBJECT) {
                v = Ops.call(ty);
            } else if (v instanceof PyBaseException) {
                RefCount.incref(v);
            } else {
                throw PyExc.typeError("exceptions must be classes or instances deriving from BaseException, not "
                        + v.type().name());
            }
            PyException carrier = ((PyBaseException) v).carrier().raiseStealing(); // the flight owns v
            SuspendedFrame f = frameOf(a[off]);
            return f.orStopIteration(f.resume(null, carrier));
        });
        t.addMethod("close", (a, off, n, kw) -> {
            frameOf(a[off]).close();
            return PyNone.newRef();
        });
    }

    private static SuspendedFrame frameOf(PyObject o) {
        return ((Suspendable) o).frame();
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    /** The value a frame that has just returned returned (a new reference; None if taken already). */
    PyObject takeReturned() {
        PyObject r = returned;
        returned = null;
        return r == null ? PyNone.newRef() : r;
    }

    /** send()/throw(): the yielded value, or StopIteration carrying the return value once finished. */
    PyObject orStopIteration(PyObject yielded) {
        if (yielded != null) {
            return yielded;
        }
        throw ExceptionOps.stopIterationWith(takeReturned());
    }

    /**
     * Whether the frame is paused in a {@code yield from} or {@code await}: at the YIELD_VALUE
     * right after a SEND, the delegate on top of its stack.
     */
    boolean delegating() {
        return !finished && pc >= 2 && Opcode.op(code.code[pc - 1]) == Opcode.YIELD_VALUE
                && Opcode.op(code.code[pc - 2]) == Opcode.SEND;
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
     * Runs to the next yield; the yielded value, or null when the frame has returned. With
     * {@code toThrow}, the paused yield raises it instead of returning {@code sent}.
     */
    PyObject resume(PyObject sent, PyException toThrow) {
        if (finished) {
            if (isCoroutine) { // CPython: even throw() into an awaited coroutine says so
                if (toThrow != null) {
                    toThrow.release();
                }
                throw new PyException(PyExc.RUNTIME_ERROR, "cannot reuse already awaited coroutine");
            }
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
            throw PyExc.valueError(kind + " already executing");
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
                    throw PyExc.typeError("can't send non-None value to a just-started " + kind);
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
                    PyException re = new PyException(PyExc.RUNTIME_ERROR, kind + " raised StopIteration");
                    re.setCauseStealing(e.takeValue());
                    throw re;
                }
                throw e;
            } finally {
                PyBaseException now = ts.handled;
                if (finished || now == outer) {
                    RefCount.xdecref(now);
                } else {
                    handled = now; // ts's reference moves to the suspended frame
                }
                ts.handled = outer;
            }
            if (finished) {
                returned = r; // StopIteration's value, for yield from, await and send()
                return null;
            }
            return r;
        } finally {
            running.set(false);
        }
    }

    /** close(): GeneratorExit at the paused yield, so its finally blocks run. */
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
            throw new PyException(PyExc.RUNTIME_ERROR, kind + " ignored GeneratorExit");
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

    /** The owner's dealloc: everything the frame holds. */
    void release() {
        if (!finished) {
            releaseFrame();
        }
        RefCount.xdecref(handled);
        RefCount.xdecref(returned);
        RefCount.decref(code);
        RefCount.decref(globals);
    }

    /** The owner's repr: {@code <generator object f at 0x...>}. */
    String repr(PyObject owner) {
        return "<" + kind + " object " + code.qualname + " at " + PyObject.address(owner) + ">";
    }

    // ---- the cycle collector's view of the owner (GcTracked: tp_traverse, tp_clear)

    /** The frame's slots, the handled exception, the return value, the globals (the code is the process's). */
    void traverse(GcTracked.Visitor v) {
        for (PyObject o : slots) {
            v.visit(o);
        }
        v.visit(handled);
        v.visit(returned);
        v.visit(globals);
    }

    /**
     * PEP 442, as CPython's generator finalizer: a frame suspended at a yield and found in a
     * cycle is closed first, so its finally blocks run (and what they free is not garbage any
     * more); one never started is left as it is. An error from close() is dropped.
     */
    boolean finalizeAsGarbage() {
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

    /** Releases the frame (a suspended frame in a cycle is never resumed: it is garbage). */
    void clearReferences() {
        releaseFrame();
        PyBaseException h = handled;
        handled = null;
        RefCount.xdecref(h);
    }
}
