package org.gilectomy.objects;

/** A module: a name and a namespace dict (which it owns). */
public final class PyModule extends PyObject {
    public static final PyType TYPE = new PyType("module", null);

    private final String name;
    private PyDict dict;

    public PyModule(String name) {
        this(name, new PyDict());
    }

    /** A module whose namespace is {@code dict} (taken over), e.g. {@code builtins}'. */
    public PyModule(String name, PyDict dict) {
        super(STATIC_REFS); // modules live for the whole process
        org.gilectomy.refcount.RefCount.markDeferred(this, null); // frames' references are not counted
        this.name = name;
        this.dict = dict;
        PyStr n = PyStr.of(name);
        dict.putName("__name__", n);
        org.gilectomy.refcount.RefCount.decref(n);
    }

    public String name() {
        return name;
    }

    /** The namespace, borrowed. */
    public PyDict dictBorrowed() {
        return dict;
    }

    /**
     * Interpreter finalization (as CPython's): empties the namespace, releasing every value it
     * holds, then releases the namespace itself. The module must not be used afterwards.
     */
    public void clearForFinalization() {
        PyDict d = dict;
        if (d == null) {
            return;
        }
        for (java.util.Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
            d.remove(e.getKey());
            org.gilectomy.refcount.RefCount.decref(e.getKey());
            org.gilectomy.refcount.RefCount.decref(e.getValue());
        }
        dict = null;
        org.gilectomy.refcount.RefCount.decref(d);
    }

    /** Binds {@code attr} to {@code value} (borrowed: the module takes its own reference). */
    public void set(String attr, PyObject value) {
        dict.putName(attr, value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        PyDict d = dict;
        PyObject file = d == null ? null : d.getBorrowed(PyStr.internBorrowed("__file__"));
        if (file instanceof PyStr) {
            return "<module '" + name + "' from '" + file + "'>";
        }
        return "<module '" + name + "'>";
    }
}
