package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * A Python function: code, the globals it was defined in, and optionally its default values
 * (a tuple for the last positional parameters, a dict for keyword-only ones) and its closure
 * (a tuple of cells, one per free variable of the code); all owned.
 */
public final class PyFunction extends PyObject implements DataAttributes {
    public static final PyType TYPE = new PyType("function", null);

    public final PyCode code;
    public final PyDict globals;
    public final PyTuple defaults;   // null when none
    public final PyDict kwDefaults;  // null when none
    public final PyTuple closure;    // null when the code has no free variables

    /** Takes its own references to {@code code} and {@code globals}. */
    public PyFunction(PyCode code, PyDict globals) {
        this(code, globals, null, null, null);
    }

    /**
     * Takes its own references to {@code code} and {@code globals}, and takes over (steals)
     * those to {@code defaults}, {@code kwDefaults} and {@code closure}, each possibly null.
     */
    public PyFunction(PyCode code, PyDict globals, PyTuple defaults, PyDict kwDefaults, PyTuple closure) {
        RefCount.incref(code);
        RefCount.incref(globals);
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
    }

    public String name() {
        return code.name;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(code);
        RefCount.decref(globals);
        if (defaults != null) {
            RefCount.decref(defaults);
        }
        if (kwDefaults != null) {
            RefCount.decref(kwDefaults);
        }
        if (closure != null) {
            RefCount.decref(closure);
        }
    }

    /** {@code f.__name__}, {@code f.__qualname__}. */
    @Override
    public PyObject getAttribute(String attr) {
        return switch (attr) {
            case "__name__" -> PyStr.of(code.name);
            case "__qualname__" -> PyStr.of(code.qualname);
            default -> null;
        };
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<function " + code.qualname + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
