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
        return defaultRepr();
    }

    /**
     * The repr of an object whose type defines none, as CPython's {@code object.__repr__}:
     * {@code <queue.Queue object at 0x7f...>}. Never Java's {@code Class@hash}: a program's output
     * must not depend on how the runtime is written.
     */
    @Override
    public String toString() {
        return defaultRepr();
    }

    final String defaultRepr() { // also object.__repr__ (ObjectSlots)
        return "<" + type().fullName() + " object at " + address(this) + ">";
    }

    /** What a repr shows as an object's address: its identity hash, as CPython shows {@code id()}. */
    public static String address(Object o) {
        return "0x" + Integer.toHexString(System.identityHashCode(o));
    }
}
