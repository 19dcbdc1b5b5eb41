package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * {@code list[int]}, {@code dict[str, int]}, ...: a built-in container type subscripted, as
 * annotations write it (PEP 585's {@code types.GenericAlias}). It only records and prints its
 * parts and compares by them; calling one or reading its attributes is not supported.
 */
public final class PyGenericAlias extends PyObject {
    public static final PyType TYPE = PyType.ofModule("types", "GenericAlias", null);

    private final PyType origin;
    private final PyTuple args;

    /** {@code origin[key]}: a tuple key gives the arguments, anything else is the one argument. */
    PyGenericAlias(PyType origin, PyObject key) {
        RefCount.incref(origin);
        this.origin = origin;
        if (key instanceof PyTuple t) {
            RefCount.incref(t);
            this.args = t;
        } else {
            RefCount.incref(key);
            this.args = PyTuple.steal(new PyObject[] {key});
        }
    }

    /** The built-in types that can be subscripted so. */
    static boolean isGeneric(PyType t) {
        return t == PyList.TYPE || t == PyDict.TYPE || t == PyTuple.TYPE || t == PySet.TYPE
                || t == PySet.FROZEN_TYPE || t == PyType.TYPE;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(origin.name()).append('[');
        if (args.size() == 0) {
            sb.append("()");
        }
        for (int i = 0; i < args.size(); i++) {
            PyObject a = args.getBorrowed(i);
            sb.append(i > 0 ? ", " : "");
            sb.append(a == PyEllipsis.ELLIPSIS ? "..." : a instanceof PyType t ? t.fullName() : Ops.repr(a));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyGenericAlias g && g.origin == origin && Ops.eq(args, g.args);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() ^ args.hashCode();
    }

    @Override
    protected void dealloc() {
        RefCount.decref(origin);
        RefCount.decref(args);
    }
}
