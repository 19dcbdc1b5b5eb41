package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * What an async generator's asend()/__anext__() (CPython's async_generator_asend) and
 * athrow()/aclose() (async_generator_athrow) return: an awaitable that runs the generator's
 * frame until it yields one of its own values, which ends the await as StopIteration(value).
 * What the frame's awaits yield passes through to the driver. One class for the three modes:
 * they differ only in the first resumption and in how the generator's end reads.
 */
final class PyAsyncGenAwaitable extends PyObject implements org.gilectomy.refcount.GcTracked {
    static final PyType ASEND_TYPE = new PyType("async_generator_asend", null);
    static final PyType ATHROW_TYPE = new PyType("async_generator_athrow", null);

    private enum Mode { SEND, THROW, CLOSE }

    static {
        for (PyType t : new PyType[] {ASEND_TYPE, ATHROW_TYPE}) {
            t.addMethod("send", (a, off, n, kw) -> {
                Args.exactly("send", n - 1, 1, kw);
                return ((PyAsyncGenAwaitable) a[off]).step(a[off + 1], null);
            });
            t.addMethod("throw", (a, off, n, kw) -> {
                Args.exactly("throw", n - 1, 1, kw);
                return ((PyAsyncGenAwaitable) a[off]).step(null, SuspendedFrame.exceptionToThrow(a[off + 1]));
            });
            t.addMethod("close", (a, off, n, kw) -> {
                ((PyAsyncGenAwaitable) a[off]).markDone();
                return PyNone.newRef();
            });
            t.addMethod("__next__", (a, off, n, kw) -> ((PyAsyncGenAwaitable) a[off]).step(PyNone.NONE, null));
            t.addMethod("__await__", (a, off, n, kw) -> {
                RefCount.incref(a[off]);
                return a[off];
            });
            t.addMethod("__iter__", (a, off, n, kw) -> {
                RefCount.incref(a[off]);
                return a[off];
            });
        }
    }

    private PyAsyncGenerator gen;
    private final Mode mode;
    /** asend's value (owned) until the first step; null for athrow/aclose. */
    private PyObject value;
    /** athrow's exception until the first step. */
    private PyException exception;
    private boolean started;
    private boolean done;

    private PyAsyncGenAwaitable(PyAsyncGenerator gen, Mode mode, PyObject value, PyException exception) {
        RefCount.incref(gen);
        this.gen = gen;
        this.mode = mode;
        this.value = value;
        this.exception = exception;
    }

    /** asend(v), and __anext__() with None; borrows {@code v}. */
    static PyAsyncGenAwaitable send(PyAsyncGenerator gen, PyObject v) {
        RefCount.incref(v);
        return new PyAsyncGenAwaitable(gen, Mode.SEND, v, null);
    }

    /** athrow(exc). */
    static PyAsyncGenAwaitable raise(PyAsyncGenerator gen, PyObject exc) {
        return new PyAsyncGenAwaitable(gen, Mode.THROW, null, SuspendedFrame.exceptionToThrow(exc));
    }

    /** aclose(): GeneratorExit thrown in, which must end the generator. */
    static PyAsyncGenAwaitable close(PyAsyncGenerator gen) {
        return new PyAsyncGenAwaitable(gen, Mode.CLOSE, null, null);
    }

    @Override
    public PyType type() {
        return mode == Mode.SEND ? ASEND_TYPE : ATHROW_TYPE;
    }

    /**
     * One step of the await: send(sent) or throw(toThrow) on this awaitable. Returns what the
     * generator's awaits yield; throws StopIteration(value) when it yields its own value, and
     * what its end means in this mode when it ends.
     */
    PyObject step(PyObject sent, PyException toThrow) {
        SuspendedFrame f = gen.frame();
        if (done) {
            if (toThrow != null) {
                toThrow.release();
            }
            throw new PyException(PyExc.RUNTIME_ERROR, mode == Mode.SEND
                    ? "cannot reuse already awaited __anext__()/asend()" : "cannot reuse already awaited aclose()/athrow()");
        }
        if (!started) {
            started = true;
            if (mode != Mode.SEND && f.finished) {
                done = true;
                if (toThrow != null) {
                    toThrow.release();
                }
                throw ExceptionOps.stopIterationWith(PyNone.newRef());
            }
            if (gen.runningAsync) {
                done = true;
                if (toThrow != null) {
                    toThrow.release();
                }
                String what = mode == Mode.SEND ? "anext()" : mode == Mode.THROW ? "athrow()" : "aclose()";
                throw new PyException(PyExc.RUNTIME_ERROR, what + ": asynchronous generator is already running");
            }
            gen.runningAsync = true;
            if (toThrow == null) { // the first step sends asend's value or throws athrow's exception
                if (mode == Mode.SEND && sent == PyNone.NONE) {
                    sent = value;
                } else if (mode == Mode.THROW) {
                    toThrow = exception;
                    exception = null;
                } else if (mode == Mode.CLOSE) {
                    toThrow = new PyException(PyExc.GENERATOR_EXIT, "");
                }
            }
        }
        PyObject r;
        try {
            r = f.resume(sent, toThrow);
        } catch (PyException e) {
            finish();
            if (mode == Mode.CLOSE && (e.matches(PyExc.STOP_ASYNC_ITERATION) || e.matches(PyExc.GENERATOR_EXIT))) {
                e.release();
                throw ExceptionOps.stopIterationWith(PyNone.newRef());
            }
            throw e;
        }
        if (r == null) { // the generator returned
            finish();
            RefCount.xdecref(f.takeReturned());
            if (mode == Mode.CLOSE) {
                throw ExceptionOps.stopIterationWith(PyNone.newRef());
            }
            throw new PyException(PyExc.STOP_ASYNC_ITERATION, "");
        }
        if (r instanceof PyAsyncGenerator.Wrapped w) {
            finish();
            PyObject v = w.unwrap();
            if (mode == Mode.CLOSE) {
                RefCount.decref(v);
                throw new PyException(PyExc.RUNTIME_ERROR, "async generator ignored GeneratorExit");
            }
            throw ExceptionOps.stopIterationWith(v);
        }
        return r;
    }

    /** close(): the await is abandoned (a later step is an error). */
    void markDone() {
        done = true;
    }

    private void finish() {
        done = true;
        gen.runningAsync = false;
    }

    @Override
    protected void dealloc() {
        RefCount.xdecref(value);
        if (exception != null) {
            exception.release();
        }
        RefCount.xdecref(gen);
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(gen);
        v.visit(value);
    }

    @Override
    public void clearReferences() {
        PyAsyncGenerator g = gen;
        gen = null;
        RefCount.xdecref(g);
    }
}
