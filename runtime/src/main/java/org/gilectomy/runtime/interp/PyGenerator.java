package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * A generator: an iterator over what its suspended frame ({@link SuspendedFrame}) yields, each
 * {@code next()} resuming it with None.
 */
final class PyGenerator extends PyIterator implements SuspendedFrame.Owner {
    static final PyType TYPE = new PyType("generator", null);

    static {
        SuspendedFrame.addProtocol(TYPE, "gi_", "gi_yieldfrom");
    }

    private final SuspendedFrame frame;

    PyGenerator(SuspendedFrame frame) {
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
    public PyObject next() {
        PyObject r = frame.resume(PyNone.NONE, null);
        if (r == null) {
            RefCount.xdecref(frame.takeReturned());
        }
        return r;
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
