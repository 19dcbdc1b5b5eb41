package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * Python's {@code ==} as type code calls it from inside its critical section (list.index,
 * count, remove; set lookups). {@link Ops#eq} may call out to Python (a user {@code __eq__}),
 * which runs with the section suspended (see Ops.callPython): meanwhile the callee or another
 * thread may remove the stored item and release the container's reference to it, so the
 * comparison holds a reference of its own, as CPython increfs the stored key around its
 * compare. On return the caller re-validates whatever it read before the call.
 */
final class SectionEq {
    private SectionEq() {
    }

    /** {@code stored == probe}, identity first (CPython's PyObject_RichCompareBool). */
    static boolean eq(PyObject stored, PyObject probe) {
        if (stored == probe) {
            return true;
        }
        if (isLeaf(stored) && isLeaf(probe)) {
            return Ops.eq(stored, probe); // compares fields: never calls out
        }
        RefCount.incref(stored);
        try {
            return Ops.eq(stored, probe);
        } finally {
            RefCount.decref(stored);
        }
    }

    private static boolean isLeaf(PyObject o) {
        return o instanceof PyInt || o instanceof PyStr || o instanceof PyFloat || o instanceof PyBool;
    }
}
