package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/** Concatenation, repetition, slicing and snapshot iteration of str, list and tuple. */
final class Sequences {
    private Sequences() {
    }

    /** {@code +} and {@code *} on sequences; null when not applicable. */
    static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        if (op == BinaryOp.ADD) {
            if (a instanceof PyStr x && b instanceof PyStr y) {
                return PyStr.of(x.value.concat(y.value));
            }
            if (a instanceof PyList x && b instanceof PyList y) {
                PyObject[] xs = x.snapshot();
                PyObject[] ys = y.snapshot();
                PyObject[] all = java.util.Arrays.copyOf(xs, xs.length + ys.length);
                System.arraycopy(ys, 0, all, xs.length, ys.length);
                return PyList.steal(all, all.length);
            }
            if (a instanceof PyTuple x && b instanceof PyTuple y) {
                PyObject[] all = new PyObject[x.size() + y.size()];
                for (int i = 0; i < x.size(); i++) {
                    all[i] = x.getItem(i);
                }
                for (int i = 0; i < y.size(); i++) {
                    all[x.size() + i] = y.getItem(i);
                }
                return PyTuple.steal(all);
            }
            return null;
        }
        if (op == BinaryOp.MUL) {
            if (Numbers.isIntLike(a) && !Numbers.isIntLike(b)) {
                return repeat(b, a);
            }
            if (Numbers.isIntLike(b)) {
                return repeat(a, b);
            }
        }
        if (op == BinaryOp.MOD && a instanceof PyStr) {
            throw PyExc.notImplemented("'%' string formatting");
        }
        return null;
    }

    private static PyObject repeat(PyObject seq, PyObject count) {
        long n = Math.max(0, Args.asLong(count));
        if (seq instanceof PyStr s) {
            if (n * (long) s.value.length() > Integer.MAX_VALUE - 16) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "repeated string is too long");
            }
            return PyStr.of(s.value.repeat((int) n));
        }
        if (seq instanceof PyList l) {
            PyObject[] out = repeatItems(l.snapshot(), n, "list");
            return PyList.steal(out, out.length);
        }
        if (seq instanceof PyTuple t) {
            return PyTuple.steal(repeatItems(tupleItems(t), n, "tuple"));
        }
        return null;
    }

    /** New references to a tuple's items. */
    private static PyObject[] tupleItems(PyTuple t) {
        PyObject[] items = new PyObject[t.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = t.getItem(i);
        }
        return items;
    }

    /** New references to the owned items n times over; the items' own references are released. */
    private static PyObject[] repeatItems(PyObject[] items, long n, String kind) {
        try {
            if (n * (long) items.length > Integer.MAX_VALUE - 16) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "repeated " + kind + " is too long");
            }
            PyObject[] out = new PyObject[(int) (n * items.length)];
            for (int i = 0; i < out.length; i++) {
                out[i] = items[i % items.length];
                RefCount.incref(out[i]);
            }
            return out;
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    static PyObject sliceList(PyList l, PySlice s) {
        PyObject[] items = l.snapshot();
        PyObject[] out = pick(items, s);
        return PyList.steal(out, out.length);
    }

    static PyObject sliceTuple(PyTuple t, PySlice s) {
        return PyTuple.steal(pick(tupleItems(t), s));
    }

    /** Keeps the picked owned references, releases the others. */
    private static PyObject[] pick(PyObject[] owned, PySlice s) {
        long[] ix = s.indices(owned.length);
        PyObject[] out = new PyObject[(int) ix[3]];
        boolean[] kept = new boolean[owned.length];
        for (int k = 0; k < out.length; k++) {
            int i = (int) (ix[0] + k * ix[2]);
            out[k] = owned[i];
            if (kept[i]) {
                RefCount.incref(owned[i]);
            }
            kept[i] = true;
        }
        for (int i = 0; i < owned.length; i++) {
            if (!kept[i]) {
                RefCount.decref(owned[i]);
            }
        }
        return out;
    }

    static PyObject sliceStr(PyStr str, PySlice s) {
        long[] ix = s.indices(str.length());
        if (ix[2] == 1) {
            return PyStr.of(str.substring((int) ix[0], (int) (ix[0] + ix[3])));
        }
        StringBuilder sb = new StringBuilder((int) ix[3]);
        for (int k = 0; k < ix[3]; k++) {
            sb.appendCodePoint(str.codePointAt((int) (ix[0] + k * ix[2])));
        }
        return PyStr.of(sb.toString());
    }

    /** Iterates over a snapshot taken now: tuple items, str characters. */
    static PyIterator snapshotIterator(PyObject o) {
        if (o instanceof PyTuple t) {
            return new ArrayIterator(IteratorTypes.TUPLE, tupleItems(t));
        }
        PyStr s = (PyStr) o;
        PyObject[] items = new PyObject[s.length()];
        for (int i = 0; i < items.length; i++) {
            items[i] = PyStr.ofCodePoint(s.codePointAt(i));
        }
        return new ArrayIterator(IteratorTypes.overStr(s.value), items);
    }

    /** Hands out owned references from an array, releasing the rest if dropped early. */
    static final class ArrayIterator extends PyIterator implements org.gilectomy.refcount.GcTracked {
        private final PyType type;
        private final PyObject[] items;
        private int next;

        ArrayIterator(PyType type, PyObject[] ownedItems) {
            this.type = type;
            this.items = ownedItems;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public PyObject next() {
            if (next >= items.length) {
                return null;
            }
            PyObject r = items[next];
            items[next++] = null;
            return r;
        }

        @Override
        protected void dealloc() {
            clearReferences();
        }

        @Override
        public void traverse(Visitor v) {
            for (int i = next; i < items.length; i++) {
                v.visit(items[i]);
            }
        }

        /** Exhausts the iterator: the items not handed out are released, once. */
        @Override
        public void clearReferences() {
            int from = next;
            next = items.length;
            for (int i = from; i < items.length; i++) {
                PyObject x = items[i];
                items[i] = null;
                RefCount.decref(x);
            }
        }
    }
}
