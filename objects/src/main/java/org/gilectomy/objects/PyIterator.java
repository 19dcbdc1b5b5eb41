package org.gilectomy.objects;

/** An iterator: {@link #next()} returns a new reference, or null when exhausted. */
public abstract class PyIterator extends PyObject {
    public static final PyType TYPE = new PyType("iterator", null);

    protected PyIterator() {
    }

    /** For iterators the runtime keeps as long as their interpreter ({@code sys.stdin}). */
    protected PyIterator(int initialRefs) {
        super(initialRefs);
    }

    /** The next item as a new reference, or null at the end (no StopIteration thrown). */
    public abstract PyObject next();

    /** An iterator of type {@code type} handing out {@code ownedItems} in order (it takes over their references). */
    public static PyIterator overOwned(PyType type, PyObject[] ownedItems) {
        return new Sequences.ArrayIterator(type, ownedItems);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
