package org.gilectomy.objects;

/**
 * A built-in object that can be called ({@code functools.partial}, {@code operator.itemgetter}),
 * reached by {@link Ops#call} after functions, methods and types. Arguments as
 * {@link PyBuiltinFunction.Body}'s; returns a new reference.
 */
public interface CallableObject {
    PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames);
}
