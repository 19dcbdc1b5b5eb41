package org.gilectomy.objects;

/**
 * A built-in sequence outside the core types ({@code collections.deque}), reached by the
 * abstract operations after their tests of the core types: {@code o[i]}, {@code o[i] = v},
 * {@code del o[i]}, {@code ==} and ordering against an object of the same type (item by item,
 * as lists compare), {@code reversed(o)}, and {@code [...]} for itself inside its own repr.
 */
public interface IndexedSequence {
    /** {@code self[key]}: a new reference. */
    PyObject getItem(PyObject key);

    /** {@code self[key] = value} ({@code value} borrowed). */
    void setItem(PyObject key, PyObject value);

    /** {@code del self[key]}. */
    void delItem(PyObject key);

    /** Owned references to the items at one moment, for comparisons. */
    PyObject[] snapshot();

    /** {@code reversed(self)}: a new iterator. */
    PyIterator reversedIterator();
}
