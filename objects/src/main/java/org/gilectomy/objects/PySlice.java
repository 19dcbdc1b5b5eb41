package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** {@code slice(start, stop, step)}; parts are owned, None when absent. */
public final class PySlice extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("slice", null);

    final PyObject start;
    final PyObject stop;
    final PyObject step;

    /** Steals the three references. */
    public PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /** Borrowed parts, None when absent. */
    public PyObject start() {
        return start;
    }

    public PyObject stop() {
        return stop;
    }

    public PyObject step() {
        return step;
    }

    /** Whether the step is given and is not 1: assignment must then match the selection's size. */
    boolean isExtended() {
        return step != PyNone.NONE && !(step instanceof PyInt i && i.big == null && i.value == 1);
    }

    @Override
    public String toString() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }

    /** [start, stop, step, length] for a sequence of {@code n} items, as Python's slice.indices. */
    public long[] indices(long n) {
        long st = step == PyNone.NONE ? 1 : Math.max(-Long.MAX_VALUE, clamped(step));
        if (st == 0) {
            throw PyExc.valueError("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (st > 0) {
            lo = bound(start, 0, n, 0, n);
            hi = bound(stop, n, n, 0, n);
        } else {
            lo = bound(start, n - 1, n, -1, n - 1);
            hi = bound(stop, -1, n, -1, n - 1);
        }
        long len = st > 0 ? (hi > lo ? (hi - lo - 1) / st + 1 : 0) : (lo > hi ? (lo - hi - 1) / (-st) + 1 : 0);
        return new long[] {lo, hi, st, len};
    }

    private static long bound(PyObject v, long dflt, long n, long min, long max) {
        if (v == PyNone.NONE) {
            return dflt;
        }
        long i = clamped(v);
        if (i < 0) {
            i += n;
        }
        return Math.max(min, Math.min(max, i));
    }

    /** A slice bound as a long, an int beyond the long range clamped to it (CPython's _PyEval_SliceIndex). */
    private static long clamped(PyObject v) {
        if (v instanceof PyInt i && i.big != null) {
            return i.big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return Args.asLong(v);
    }

    @Override
    protected void dealloc() {
        RefCount.decref(start);
        RefCount.decref(stop);
        RefCount.decref(step);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Unhashable in CPython 3.11 (hashable only from 3.12): {@code d[:] = v} on a dict is a TypeError. */
    @Override
    public int hashCode() {
        throw Hashing.unhashable(this);
    }

    /** Slices compare as the tuples of their parts. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PySlice s && Ops.eq(start, s.start) && Ops.eq(stop, s.stop) && Ops.eq(step, s.step);
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        v.visit(start);
        v.visit(stop);
        v.visit(step);
    }

    /** Immutable: a cycle through it is broken where it closes, in the mutable container it reaches. */
    @Override
    public void clearReferences() {
    }
}
