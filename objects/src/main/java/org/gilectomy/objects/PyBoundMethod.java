package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** {@code obj.method} taken as a value (not called at once): function plus self, both owned. */
public final class PyBoundMethod extends PyObject {
    public static final PyType TYPE = new PyType("method", null);

    public final PyObject function;
    public final PyObject self;

    public PyBoundMethod(PyObject function, PyObject self) {
        RefCount.incref(function);
        RefCount.incref(self);
        this.function = function;
        this.self = self;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(function);
        RefCount.decref(self);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<bound method " + function + " of " + Ops.repr(self) + ">";
    }
}
