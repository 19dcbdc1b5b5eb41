package org.gilectomy.objects;

/** {@code Ellipsis} ({@code ...}): one instance per process, as None. */
public final class PyEllipsis extends PyObject {
    public static final PyType TYPE = new PyType("ellipsis", null);
    public static final PyEllipsis ELLIPSIS = new PyEllipsis();

    private PyEllipsis() {
        super(STATIC_REFS);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "Ellipsis";
    }
}
