package org.gilectomy.objects;

/**
 * What a method's zero-argument {@code super()} refers to: the class whose body defined the
 * method (CPython's {@code __class__} cell). A constant of the compiled code, filled by the
 * class statement each time it runs; written before the class is published to other threads.
 */
public final class ClassCell extends PyObject {
    public static final PyType TYPE = new PyType("cell", null);

    private volatile PyType cls;

    public ClassCell() {
        super(STATIC_REFS);
    }

    public PyType get() {
        return cls;
    }

    public void set(PyType c) {
        cls = c;
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
