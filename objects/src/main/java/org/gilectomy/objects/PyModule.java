package org.gilectomy.objects;

/**
 * A module: a name and a namespace dict (which it owns). The runtime's own modules (sys,
 * builtins, the Java ones) live for the process (static counts). A module made for Python
 * source the program imports ({@link #forSource}) is a mortal container (issue 12): freed
 * when nothing references it any more, by its count, or, in a cycle (its namespace holding
 * the module itself), by the cycle collector, as CPython's.
 */
public final class PyModule extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("module", null);

    private final String name;
    private PyDict dict;

    public PyModule(String name) {
        this(name, new PyDict());
    }

    /** A module whose namespace is {@code dict} (taken over), e.g. {@code builtins}'. */
    public PyModule(String name, PyDict dict) {
        this(name, dict, STATIC_REFS); // the runtime's modules live for the whole process
    }

    private PyModule(String name, PyDict dict, int refs) {
        super(refs);
        if (refs < STATIC_REFS) {
            org.gilectomy.refcount.RefCount.markDeferredHere(this); // frames' references are not counted
        } else {
            org.gilectomy.refcount.RefCount.markDeferred(this, null);
        }
        this.name = name;
        this.dict = dict;
        PyStr n = PyStr.of(name);
        dict.putName("__name__", n);
        org.gilectomy.refcount.RefCount.decref(n);
    }

    /** A module for Python source the program imports: mortal and collectable (see the class comment); a new reference. */
    public static PyModule forSource(String name) {
        return new PyModule(name, new PyDict(), 1);
    }

    /** Whether this module is mortal ({@link #forSource}): freed when unreferenced, not kept for the process. */
    public boolean collectable() {
        return org.gilectomy.refcount.CycleCollector.isTracked(this);
    }

    public String name() {
        return name;
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(dict);
    }

    /** As CPython's module_clear: the namespace goes (a garbage module is never read again). */
    @Override
    public void clearReferences() {
        PyDict d = dict;
        dict = null;
        org.gilectomy.refcount.RefCount.xdecref(d);
    }

    @Override
    protected void dealloc() {
        clearReferences();
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
        dict = null; // taken first: a value released below may free this (mortal) module, whose dealloc must not release it too
        for (java.util.Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
            d.remove(e.getKey());
            org.gilectomy.refcount.RefCount.decref(e.getKey());
            org.gilectomy.refcount.RefCount.decref(e.getValue());
        }
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
