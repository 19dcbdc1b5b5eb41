package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * What {@code coroutine.__await__()} returns (CPython's coroutine_wrapper): an iterator over the
 * coroutine, with its send/throw/close. It shares the coroutine's frame, so {@code yield from}
 * and {@code await} on it resume that frame directly and see its return value.
 */
final class PyCoroutineWrapper extends PyIterator implements org.gilectomy.refcount.GcTracked, SuspendedFrame.Suspendable {
    static final PyType TYPE = new PyType("coroutine_wrapper", null);

    static {
        SuspendedFrame.addMethods(TYPE);
    }

    private PyCoroutine coroutine;

    /** Borrows {@code coroutine}, taking a reference of its own. */
    PyCoroutineWrapper(PyCoroutine coroutine) {
        RefCount.incref(coroutine);
        this.coroutine = coroutine;
    }

    @Override
    public SuspendedFrame frame() {
        return coroutine.frame();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject r = frame().resume(PyNone.NONE, null);
        if (r == null) {
            RefCount.xdecref(frame().takeReturned());
        }
        return r;
    }

    @Override
    protected void dealloc() {
        RefCount.xdecref(coroutine);
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(coroutine);
    }

    @Override
    public void clearReferences() {
        PyCoroutine c = coroutine;
        coroutine = null;
        RefCount.xdecref(c);
    }
}
