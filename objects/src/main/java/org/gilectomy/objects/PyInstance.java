package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * An instance of a class made by a class statement: its class and its attribute namespace.
 * The namespace is a {@link PyDict}, so every attribute read and write takes that dict's
 * {@code Py_LOCK} in the free-threaded build, exactly like any dict access; the class
 * reference never changes after construction.
 *
 * <p>Java {@code equals}/{@code hashCode} dispatch to {@code __eq__}/{@code __hash__} so that
 * instances key a {@link PyDict} as Python says; without them, identity.
 */
public class PyInstance extends PyObject {
    private final PyType cls;
    private final PyDict dict = new PyDict();

    public PyInstance(PyType cls) {
        this.cls = cls;
    }

    @Override
    public final PyType type() {
        return cls;
    }

    /** The attribute namespace ({@code __dict__}), borrowed. */
    public final PyDict dictBorrowed() {
        return dict;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(dict);
    }

    /**
     * For {@code obj.name(...)}: the plain function {@code name} found on the class (new
     * reference) when the instance does not shadow it; null otherwise (use getattr).
     */
    public final PyObject methodOrNull(String name) {
        PyObject m = cls.lookup(name);
        if (m == null) {
            return null;
        }
        if ((m instanceof PyFunction || m instanceof PyBuiltinFunction) && !dict.containsKey(PyStr.internBorrowed(name))) {
            return m;
        }
        RefCount.decref(m);
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof PyObject other && Dunders.eq(this, other);
    }

    @Override
    public int hashCode() {
        return Dunders.hash(this);
    }

    @Override
    public String toString() {
        String module = cls.isHeapType() ? cls.toString().substring(8, cls.toString().length() - 2) : cls.name();
        return "<" + module + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
