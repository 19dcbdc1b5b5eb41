package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyObject;

/**
 * A coroutine or async generator: a Python object that is not an iterator and owns a
 * {@link SuspendedFrame}. (A generator is an iterator, so {@link PyGenerator} holds its frame
 * the same way from {@code PyIterator}.)
 */
abstract class FrameObject extends PyObject implements SuspendedFrame.Owner {
    private final SuspendedFrame frame;

    FrameObject(SuspendedFrame frame) {
        this.frame = frame;
    }

    @Override
    public final SuspendedFrame frame() {
        return frame;
    }

    @Override
    protected final void dealloc() {
        frame.release();
    }

    @Override
    public final String toString() {
        return frame.repr(this);
    }
}
