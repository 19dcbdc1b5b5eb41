package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** {@code obj.method} taken as a value (not called at once): function plus self, both owned. */
public final class PyBoundMethod extends PyObject implements org.gilectomy.refcount.GcTracked {
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
        if (function instanceof PyBuiltinFunction b) { // named "list.append": the method's name follows the dot
            String method = b.name().substring(b.name().lastIndexOf('.') + 1);
            return "<built-in method " + method + " of " + self.type().name() + " object at " + address(self) + ">";
        }
        String name = function instanceof PyFunction f ? f.code.qualname : Ops.repr(function);
        return "<bound method " + name + " of " + Ops.repr(self) + ">";
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        v.visit(function);
        v.visit(self);
    }

    /** Immutable: a cycle through it also runs through a mutable object (the instance's attributes). */
    @Override
    public void clearReferences() {
    }
}
