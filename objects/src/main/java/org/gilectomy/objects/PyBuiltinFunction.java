package org.gilectomy.objects;

/**
 * A function implemented in Java ({@code len}, {@code list.append}, {@code time.sleep}). Methods
 * of built-in types are the same object, called with {@code self} as the first argument, so
 * a method call allocates no bound method.
 */
public final class PyBuiltinFunction extends PyObject {
    public static final PyType TYPE = new PyType("builtin_function_or_method", null);

    /* Its attributes, for itself and for a built-in method bound to an instance (a PyBoundMethod of this type). */
    static {
        TYPE.addGetter("__name__", o -> PyStr.of(function(o).shortName()));
        TYPE.addGetter("__qualname__", o -> PyStr.of(function(o).name));
        TYPE.addGetter("__self__", o -> {
            if (o instanceof PyBoundMethod m) {
                org.gilectomy.refcount.RefCount.incref(m.self);
                return m.self;
            }
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, "__self__ of built-in function " + ((PyBuiltinFunction) o).name
                    + " (its module) is not supported by this runtime");
        });
    }

    private static PyBuiltinFunction function(PyObject o) {
        return o instanceof PyBoundMethod m ? (PyBuiltinFunction) m.function : (PyBuiltinFunction) o;
    }

    /**
     * The Java body. Arguments are borrowed: positional ones at {@code args[off .. off+nargs)},
     * then the keyword values named by {@code kwnames} (null when there are none). Returns a
     * new reference.
     */
    @FunctionalInterface
    public interface Body {
        PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames);
    }

    private final String name;
    private final Body body;

    public PyBuiltinFunction(String name, Body body) {
        super(STATIC_REFS);
        org.gilectomy.refcount.RefCount.markDeferred(this, null); // a method descriptor: frames' references are not counted
        this.name = name;
        this.body = body;
    }

    public String name() {
        return name;
    }

    /** The name without its type's: {@code append} for {@code list.append}. */
    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames) {
        return body.call(args, off, nargs, kwnames);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<built-in function " + name + ">";
    }
}
