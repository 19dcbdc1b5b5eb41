package org.gilectomy.objects;

import org.gilectomy.refcount.RefCounted;

/**
 * The header every Python object carries: lock word ({@link org.gilectomy.locks.Lockable}),
 * reference count ({@link RefCounted}), and the type, given by the Java class (so it costs no
 * field). One layout for both builds.
 *
 * <p>Reference discipline, as in CPython's C API: a method that returns a {@code PyObject}
 * returns a new reference owned by the caller, unless its name says {@code Borrowed};
 * arguments are borrowed. Java {@code equals}/{@code hashCode} follow Python's {@code ==} and
 * {@code hash()} for the built-in value types, so they can key a {@link PyDict} directly.
 */
public abstract class PyObject extends RefCounted {
    protected PyObject() {
    }

    /** For objects the runtime keeps for the whole process (singletons, small ints, types). */
    protected PyObject(int initialRefs) {
        super(initialRefs);
    }

    public abstract PyType type();

    /** Nothing referenced by default; containers release their items. */
    @Override
    protected void dealloc() {
    }

    @Override
    public String typeNameForDiagnostics() {
        PyType t = type();
        return t == null ? getClass().getSimpleName() : t.name(); // null: PyType.TYPE while it is built
    }

    @Override
    public String describeForDiagnostics() {
        return "<" + type().name() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
