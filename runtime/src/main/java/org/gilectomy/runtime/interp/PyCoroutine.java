package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;

/**
 * A coroutine, what calling an {@code async def} makes: its suspended frame
 * ({@link SuspendedFrame}) runs when awaited or sent to. Not an iterator (CPython's coroutine
 * has no {@code __next__}); {@code __await__()} gives one ({@link PyCoroutineWrapper}).
 */
final class PyCoroutine extends PyObject implements SuspendedFrame.Owner {
    static final PyType TYPE = new PyType("coroutine", null);

    static {
        SuspendedFrame.addProtocol(TYPE, "cr_", "cr_await");
        TYPE.addMethod("__await__", (a, off, n, kw) -> {
            Args.exactly("__await__", n - 1, 0, kw);
            return new PyCoroutineWrapper((PyCoroutine) a[off]);
        });
    }

    private final SuspendedFrame frame;

    PyCoroutine(SuspendedFrame frame) {
        this.frame = frame;
    }

    @Override
    public SuspendedFrame frame() {
        return frame;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void dealloc() {
        frame.release();
    }

    @Override
    public String toString() {
        return frame.repr(this);
    }
}
