package org.gilectomy.objects;

/** {@code None}: one instance per process. */
public final class PyNone extends PyObject {
    public static final PyType TYPE = new PyType("NoneType", null);
    public static final PyNone NONE = new PyNone();

    private PyNone() {
        super(STATIC_REFS);
    }

    /** A new reference to None. */
    public static PyObject newRef() {
        org.gilectomy.refcount.RefCount.incref(NONE);
        return NONE;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "None";
    }
}
