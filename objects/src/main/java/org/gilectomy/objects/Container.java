package org.gilectomy.objects;

/**
 * A built-in container the abstract operations reach through one interface test, after their
 * tests of the core types (set, frozenset, bytes, dict views): {@code len}, truth, iteration
 * and {@code in}.
 */
public interface Container {
    long length();

    /** A new iterator (a new reference). */
    PyIterator iterator();

    /** {@code item in self}. */
    boolean containsItem(PyObject item);
}
