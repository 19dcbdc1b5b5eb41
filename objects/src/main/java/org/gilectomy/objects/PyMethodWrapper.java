package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * {@code object().__str__}: object's {@code __str__} or {@code __repr__} slot bound to an
 * instance whose class defines neither name itself (CPython's {@code method-wrapper}, which
 * types.py takes the type of). Made only on the miss path of an attribute read
 * ({@link #forObjectSlot}), so the object type's dictionary stays without these names and
 * str()/repr() keep their direct paths. Calling it gives what str()/repr() give, which is
 * object's slot here because the class overrides neither.
 */
public final class PyMethodWrapper extends PyObject implements CallableObject, org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("method-wrapper", null);

    /* For itself and for a type slot bound to an instance (a PyBoundMethod whose type is this one). */
    static {
        TYPE.addGetter("__self__", o -> {
            PyObject s = o instanceof PyBoundMethod m ? m.self : ((PyMethodWrapper) o).self;
            org.gilectomy.refcount.RefCount.incref(s);
            return s;
        });
        TYPE.addGetter("__name__", o -> PyStr.of(o instanceof PyBoundMethod m
                ? ((PyBuiltinFunction) m.function).shortName() : ((PyMethodWrapper) o).name));
    }

    private final String name;
    private final PyObject self;

    private PyMethodWrapper(String name, PyObject self) {
        RefCount.incref(self);
        this.name = name;
        this.self = self;
    }

    /**
     * {@code o.__str__} or {@code o.__repr__}, called when {@code o}'s class and its bases
     * define no such attribute: a new wrapper; null for any other name.
     */
    static PyObject forObjectSlot(PyObject o, String name) {
        if (!(name.equals("__str__") || name.equals("__repr__"))) {
            return null;
        }
        return new PyMethodWrapper(name, o);
    }

    @Override
    public PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames) {
        Args.noKeywords(name, kwnames);
        if (nargs != 0) {
            throw PyExc.typeError("expected 0 arguments, got " + nargs); // CPython's wording for a slot wrapper
        }
        return PyStr.of(name.equals("__str__") ? Ops.str(self) : Ops.repr(self));
    }

    @Override
    protected void dealloc() {
        RefCount.decref(self);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<method-wrapper '" + name + "' of " + self.type().name() + " object at " + address(self) + ">";
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(self);
    }

    @Override
    public void clearReferences() {
    }
}
