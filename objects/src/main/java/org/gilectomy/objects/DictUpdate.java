package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * {@code d.update(src)}, {@code dict(src)} and {@code d |= src}: from a dict, from any object
 * with a {@code keys()} method (its keys, then {@code src[key]} for each), or from an iterable
 * of pairs, with CPython's messages.
 */
public final class DictUpdate {
    private DictUpdate() {
    }

    public static void update(PyDict d, PyObject src) {
        if (src instanceof PyDict other) {
            d.putAll(other);
            return;
        }
        PyObject keys;
        try {
            keys = Ops.getAttr(src, "keys");
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            fromPairs(d, src);
            return;
        }
        fromMapping(d, src, keys);
    }

    private static void fromMapping(PyDict d, PyObject src, PyObject keysMethod) {
        PyObject[] keys;
        try {
            PyObject ks = Ops.call(keysMethod);
            try {
                keys = Ops.collect(ks);
            } finally {
                RefCount.decref(ks);
            }
        } finally {
            RefCount.decref(keysMethod);
        }
        try {
            for (PyObject k : keys) {
                PyObject v = Ops.getItem(src, k);
                try {
                    d.put(k, v);
                } finally {
                    RefCount.decref(v);
                }
            }
        } finally {
            for (PyObject k : keys) {
                RefCount.decref(k);
            }
        }
    }

    private static void fromPairs(PyDict d, PyObject src) {
        PyIterator it = Ops.iter(src);
        try {
            int index = 0;
            for (PyObject x = it.next(); x != null; x = it.next(), index++) {
                try {
                    if (!(x instanceof PyTuple || x instanceof PyList || x instanceof PyStr)) {
                        throw PyExc.typeError("cannot convert dictionary update sequence element #" + index
                                + " to a sequence");
                    }
                    PyObject[] pair = Ops.collect(x);
                    try {
                        if (pair.length != 2) {
                            throw PyExc.valueError("dictionary update sequence element #" + index
                                    + " has length " + pair.length + "; 2 is required");
                        }
                        pair[0].hashCode(); // an unhashable key raises TypeError before any change
                        d.put(pair[0], pair[1]);
                    } finally {
                        for (PyObject p : pair) {
                            RefCount.decref(p);
                        }
                    }
                } finally {
                    RefCount.decref(x);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }
}
