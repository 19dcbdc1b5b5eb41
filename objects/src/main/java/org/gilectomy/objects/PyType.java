package org.gilectomy.objects;

import java.util.HashMap;
import java.util.Map;

/**
 * A Python type: its name, its base, and its methods. Built-in types are created once and
 * never freed. The method table is filled during start-up, before any second thread runs,
 * and only read afterwards (safe publication through the class initialisation of its owner).
 */
public final class PyType extends PyObject {
    public static final PyType TYPE = new PyType("type", null);
    public static final PyType OBJECT = new PyType("object", null);

    private final String name;
    private final PyType base;
    private final Map<String, PyObject> methods = new HashMap<>();
    /** What calling the type does ({@code int("3")}); null if it cannot be called. Start-up only. */
    public PyBuiltinFunction.Body constructor;

    public PyType(String name, PyType base) {
        super(STATIC_REFS);
        this.name = name;
        this.base = base;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public String name() {
        return name;
    }

    public PyType base() {
        return base;
    }

    /** Whether this type is {@code other} or derives from it. */
    public boolean isSubtypeOf(PyType other) {
        for (PyType t = this; t != null; t = t.base) {
            if (t == other) {
                return true;
            }
        }
        return other == OBJECT;
    }

    /** Registers a built-in method; start-up only. */
    public void addMethod(String methodName, PyBuiltinFunction.Body body) {
        methods.put(methodName, new PyBuiltinFunction(name + "." + methodName, body));
    }

    /** The method named {@code methodName} of this type or a base, borrowed; null if none. */
    public PyObject lookupMethodBorrowed(String methodName) {
        for (PyType t = this; t != null; t = t.base) {
            PyObject m = t.methods.get(methodName);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
