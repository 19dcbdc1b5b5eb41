package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** A Python function: code plus the globals it was defined in (both owned). */
public final class PyFunction extends PyObject {
    public static final PyType TYPE = new PyType("function", null);

    public final PyCode code;
    public final PyDict globals;

    /** Takes its own references to {@code code} and {@code globals}. */
    public PyFunction(PyCode code, PyDict globals) {
        RefCount.incref(code);
        RefCount.incref(globals);
        this.code = code;
        this.globals = globals;
    }

    public String name() {
        return code.name;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(code);
        RefCount.decref(globals);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<function " + code.name + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
