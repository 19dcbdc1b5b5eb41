package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.objects.Ops;
import org.gilectomy.refcount.RefCount;

/**
 * An async generator, what calling an {@code async def} that yields makes. Its frame
 * ({@link SuspendedFrame}) yields two kinds of value: those of its own {@code yield}s, wrapped
 * ({@link Wrapped}, by ASYNC_GEN_WRAP), and those of what it awaits, which pass through to
 * whoever drives the awaitables asend()/athrow()/aclose() return ({@link PyAsyncGenAwaitable}).
 */
final class PyAsyncGenerator extends FrameObject {
    static final PyType TYPE = new PyType("async_generator", null);

    static {
        SuspendedFrame.addAttributes(TYPE, "ag_", "ag_await");
        TYPE.addMethod("__aiter__", (a, off, n, kw) -> {
            Args.exactly("__aiter__", n - 1, 0, kw);
            RefCount.incref(a[off]);
            return a[off];
        });
        TYPE.addMethod("__anext__", (a, off, n, kw) -> {
            Args.exactly("__anext__", n - 1, 0, kw);
            return PyAsyncGenAwaitable.send((PyAsyncGenerator) a[off], org.gilectomy.objects.PyNone.NONE);
        });
        TYPE.addMethod("asend", (a, off, n, kw) -> {
            Args.exactly("asend", n - 1, 1, kw);
            return PyAsyncGenAwaitable.send((PyAsyncGenerator) a[off], a[off + 1]);
        });
        TYPE.addMethod("athrow", (a, off, n, kw) -> {
            Args.exactly("athrow", n - 1, 1, kw);
            return PyAsyncGenAwaitable.raise((PyAsyncGenerator) a[off], a[off + 1]);
        });
        TYPE.addMethod("aclose", (a, off, n, kw) -> {
            Args.exactly("aclose", n - 1, 0, kw);
            return PyAsyncGenAwaitable.close((PyAsyncGenerator) a[off]);
        });
    }

    /** An asend()/athrow() awaitable of this generator is part way through: another may not start. */
    boolean runningAsync;

    PyAsyncGenerator(SuspendedFrame frame) {
        super(frame);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /**
     * A value of the generator's own {@code yield} (ASYNC_GEN_WRAP), told apart from what its
     * awaits yield. Never seen by Python code: the awaitables unwrap it.
     */
    static final class Wrapped extends PyObject {
        private static final PyType WRAPPED_TYPE = new PyType("async_generator_wrapped_value", null);
        private PyObject value;

        /** Takes over the reference to {@code value}. */
        Wrapped(PyObject value) {
            this.value = value;
        }

        /** The value (a new reference); the wrapper is released. */
        PyObject unwrap() {
            PyObject v = value;
            RefCount.incref(v);
            RefCount.decref(this);
            return v;
        }

        @Override
        public PyType type() {
            return WRAPPED_TYPE;
        }

        @Override
        protected void dealloc() {
            RefCount.decref(value);
        }
    }
}
