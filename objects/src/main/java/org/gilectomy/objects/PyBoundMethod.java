package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** {@code obj.method} taken as a value (not called at once): function plus self, both owned. */
public final class PyBoundMethod extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("method", null);

    static {
        TYPE.addGetter("__func__", o -> newRef(((PyBoundMethod) o).function));
        TYPE.addGetter("__self__", o -> newRef(((PyBoundMethod) o).self));
        for (String attr : new String[] {"__name__", "__qualname__", "__module__", "__doc__"}) {
            TYPE.addGetter(attr, o -> Ops.getAttr(((PyBoundMethod) o).function, attr));
        }
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

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

    /** A bound built-in method is CPython's {@code builtin_function_or_method}, or a {@code method-wrapper} for a type slot. */
    @Override
    public PyType type() {
        if (function instanceof PyBuiltinFunction b) {
            return PyMethodDescriptor.isSlot(b.shortName()) ? PyMethodWrapper.TYPE : PyBuiltinFunction.TYPE;
        }
        return TYPE;
    }

    @Override
    public String toString() {
        if (function instanceof PyBuiltinFunction b) { // named "list.append": the method's name follows the dot
            String method = b.shortName();
            if (PyMethodDescriptor.isSlot(method)) {
                return "<method-wrapper '" + method + "' of " + self.type().name() + " object at " + address(self) + ">";
            }
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
