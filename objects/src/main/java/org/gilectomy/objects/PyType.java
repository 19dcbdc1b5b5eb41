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
    private final Map<String, java.util.function.UnaryOperator<PyObject>> getters = new HashMap<>(2);
    /** What calling the type does ({@code int("3")}); null if it cannot be called. Start-up only. */
    public PyBuiltinFunction.Body constructor;
    /**
     * A class statement's namespace (locked like any dict); null for built-in types, and for
     * classes after {@link #finalizeClasses}. Classes live for the whole process, as modules
     * do (their count is static), so their namespaces are released at finalization only.
     */
    private PyDict dict;
    private final boolean heapType;
    /** The classes made by class statements, for finalization under check-refs only. */
    private static final java.util.Queue<PyType> CLASSES = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The module a class statement ran in ("__main__"); null for built-in types. */
    private final String module;
    /**
     * How to make an instance of this type or of a class deriving from it, for built-in types
     * that Python classes may subclass (object, BaseException, threading.Thread). Start-up only.
     */
    public java.util.function.Function<PyType, PyInstance> instanceFactory;

    public PyType(String name, PyType base) {
        this(name, base, null, null);
    }

    /** A class made by a class statement: {@code dict} is owned by the new class. */
    public PyType(String name, PyType base, PyDict dict, String module) {
        super(STATIC_REFS);
        this.name = name;
        this.base = base;
        this.dict = dict;
        this.heapType = dict != null;
        if (heapType && org.gilectomy.refcount.RefCheck.ENABLED) {
            CLASSES.add(this);
        }
        this.module = module;
    }

    /**
     * Finalization (check-refs, after the modules' namespaces are cleared and no Python code
     * runs any more): every class releases its namespace, as CPython's collector frees the
     * classes at exit (a class is always in a cycle there: its {@code __mro__} holds it).
     */
    public static void finalizeClasses() {
        for (PyType t; (t = CLASSES.poll()) != null; ) {
            PyDict d = t.dict;
            t.dict = null;
            d.clear();
            org.gilectomy.refcount.RefCount.decref(d);
        }
    }

    /** The class namespace, borrowed; null for built-in types. */
    public PyDict dictBorrowed() {
        return dict;
    }

    /** The name as a traceback prints it: module-qualified unless the class is built in or of __main__. */
    public String qualifiedName() {
        return module == null || module.equals("__main__") ? name : module + "." + name;
    }

    /**
     * The attribute {@code attr} of this type or a base, as a new reference; null if none. Python
     * classes are searched through their (locked) namespaces, built-in ones through their
     * method tables.
     */
    public PyObject lookup(String attr) {
        for (PyType t = this; t != null; t = t.base) {
            PyObject m = t.methods.get(attr);
            if (m != null) {
                org.gilectomy.refcount.RefCount.incref(m);
                return m;
            }
            PyDict d = t.dict; // read once: finalization may clear it
            if (d != null) {
                PyObject v = d.getName(attr);
                if (v != null) {
                    return v;
                }
            }
        }
        PyObject m = OBJECT.methods.get(attr);
        if (m != null) {
            org.gilectomy.refcount.RefCount.incref(m);
        }
        return m;
    }

    /** The instance factory of this type or its nearest base that has one. */
    public java.util.function.Function<PyType, PyInstance> instanceFactoryInherited() {
        for (PyType t = this; t != null; t = t.base) {
            if (t.instanceFactory != null) {
                return t.instanceFactory;
            }
        }
        return OBJECT.instanceFactory;
    }

    /** Whether instances of this type are made by a class statement (they have a namespace). */
    public boolean isHeapType() {
        return heapType;
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

    /** A built-in type's data attribute ({@code (3).real}), computed from the object: a new reference. */
    public void addGetter(String attr, java.util.function.UnaryOperator<PyObject> getter) {
        getters.put(attr, getter);
    }

    /** The getter of data attribute {@code attr} of this type or a base; null if none. */
    public java.util.function.UnaryOperator<PyObject> lookupGetter(String attr) {
        for (PyType t = this; t != null; t = t.base) {
            java.util.function.UnaryOperator<PyObject> g = t.getters.get(attr);
            if (g != null) {
                return g;
            }
        }
        return null;
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
        return "<class '" + (module == null ? name : module + "." + name) + "'>";
    }
}
