package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** {@code True} and {@code False}; {@code bool} is a subtype of {@code int}. */
public final class PyBool extends PyObject {
    public static final PyType TYPE = new PyType("bool", PyInt.TYPE);
    public static final PyBool TRUE = new PyBool(true);
    public static final PyBool FALSE = new PyBool(false);

    public final boolean value;

    private PyBool(boolean value) {
        super(STATIC_REFS);
        this.value = value;
    }

    /** A new reference to True or False. */
    public static PyObject of(boolean b) {
        PyBool r = b ? TRUE : FALSE;
        RefCount.incref(r);
        return r;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return PyInt.numericEquals(this, o);
    }

    @Override
    public int hashCode() {
        return value ? 1 : 0;
    }

    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
