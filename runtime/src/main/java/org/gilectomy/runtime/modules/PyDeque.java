package org.gilectomy.runtime.modules;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Container;
import org.gilectomy.objects.IndexedSequence;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * {@code collections.deque}: a ring buffer of owned references, optionally bounded.
 *
 * <pre>
 * Overview
 *
 * Every operation, reads included, runs in a critical section on the deque, as CPython 3.13t's
 * deque (free-threaded build); under the GIL build the sections fold away. Items leave the
 * buffer inside the section and are released after it (a release may free an object, and
 * freeing must not run under the deque's section).
 *
 * Comparisons of items (count, remove, index, in, ==) call Python code, so they run on a
 * snapshot taken in the section, with no section held; state, bumped by every mutation, tells
 * whether the deque changed meanwhile: then RuntimeError "deque mutated during iteration", as
 * CPython. Iterators check the same counter at each step.
 *
 * Field    access
 * items    guarded by the section (the array and its slots)
 * head     guarded by the section
 * size     guarded by the section
 * state    guarded by the section
 * maxlen   final (-1: unbounded)
 * </pre>
 */
final class PyDeque extends PyObject implements Container, IndexedSequence, org.gilectomy.refcount.GcTracked {
    static final PyType TYPE = PyType.ofModule("collections", "deque", PyType.OBJECT);
    static final PyType ITER = PyType.ofModule("_collections", "_deque_iterator", PyType.OBJECT);
    static final PyType REVERSE_ITER = PyType.ofModule("_collections", "_deque_reverse_iterator", PyType.OBJECT);

    private PyObject[] items = new PyObject[8];
    private int head;
    private int size;
    private long state;
    final long maxlen;

    PyDeque(long maxlen) {
        this.maxlen = maxlen;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    // ---------------------------------------------------------------- the ring, in the section

    private int slot(long i) {
        return (int) ((head + i) & (items.length - 1));
    }

    private void grow() {
        PyObject[] bigger = new PyObject[items.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = items[slot(i)];
        }
        items = bigger;
        head = 0;
    }

    private void addLast(PyObject owned) {
        if (size == items.length) {
            grow();
        }
        items[slot(size)] = owned;
        size++;
    }

    private void addFirst(PyObject owned) {
        if (size == items.length) {
            grow();
        }
        head = slot(items.length - 1);
        items[head] = owned;
        size++;
    }

    private PyObject removeFirst() {
        PyObject x = items[head];
        items[head] = null;
        head = slot(1);
        size--;
        return x;
    }

    private PyObject removeLast() {
        int s = slot(size - 1);
        PyObject x = items[s];
        items[s] = null;
        size--;
        return x;
    }

    /** Removes the item at {@code i}, shifting the shorter side; returns it (owned). */
    private PyObject removeAt(int i) {
        PyObject x = items[slot(i)];
        if (i < size / 2) {
            for (int k = i; k > 0; k--) {
                items[slot(k)] = items[slot(k - 1)];
            }
            items[head] = null;
            head = slot(1);
        } else {
            for (int k = i; k < size - 1; k++) {
                items[slot(k)] = items[slot(k + 1)];
            }
            items[slot(size - 1)] = null;
        }
        size--;
        return x;
    }

    private void insertAt(int i, PyObject owned) {
        addLast(owned);
        for (int k = size - 1; k > i; k--) {
            items[slot(k)] = items[slot(k - 1)];
        }
        items[slot(i)] = owned;
    }

    private PyObject[] snapshotLocked() {
        PyObject[] r = new PyObject[size];
        for (int i = 0; i < size; i++) {
            r[i] = items[slot(i)];
            RefCount.incref(r[i]);
        }
        return r;
    }

    // ---------------------------------------------------------------- operations

    /** append (right) or appendleft of borrowed items: a bounded deque drops from the other end. */
    void add(PyObject[] borrowed, boolean left) {
        for (PyObject x : borrowed) {
            RefCount.incref(x);
        }
        List<PyObject> dropped = new ArrayList<>(0);
        CriticalSection.begin(this);
        try {
            for (PyObject x : borrowed) {
                if (maxlen == 0) {
                    dropped.add(x);
                    continue;
                }
                if (size == maxlen) {
                    dropped.add(left ? removeLast() : removeFirst());
                }
                if (left) {
                    addFirst(x);
                } else {
                    addLast(x);
                }
            }
            state++;
        } finally {
            CriticalSection.end();
        }
        dropped.forEach(RefCount::decref);
    }

    /** pop or popleft: an owned reference. */
    PyObject pop(boolean left) {
        CriticalSection.begin(this);
        try {
            if (size == 0) {
                throw PyExc.indexError("pop from an empty deque");
            }
            state++;
            return left ? removeFirst() : removeLast();
        } finally {
            CriticalSection.end();
        }
    }

    void rotate(long n) {
        CriticalSection.begin(this);
        try {
            if (size > 1) {
                long k = Math.floorMod(n, (long) size); // right by k = left by size - k
                for (long i = 0; i < k; i++) {
                    addFirst(removeLast());
                }
            }
            state++;
        } finally {
            CriticalSection.end();
        }
    }

    void clear() {
        PyObject[] gone;
        CriticalSection.begin(this);
        try {
            gone = new PyObject[size];
            for (int i = 0; i < gone.length; i++) {
                gone[i] = removeFirst();
            }
            state++;
        } finally {
            CriticalSection.end();
        }
        for (PyObject x : gone) {
            RefCount.decref(x);
        }
    }

    void reverse() {
        CriticalSection.begin(this);
        try {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                PyObject t = items[slot(i)];
                items[slot(i)] = items[slot(j)];
                items[slot(j)] = t;
            }
            state++;
        } finally {
            CriticalSection.end();
        }
    }

    void insert(long index, PyObject x) {
        RefCount.incref(x);
        CriticalSection.begin(this);
        try {
            if (size == maxlen) {
                RefCount.decref(x); // still ours: no one else has seen it
                throw PyExc.indexError("deque already at its maximum size");
            }
            long i = index < 0 ? Math.max(0, index + size) : Math.min(index, size);
            insertAt((int) i, x);
            state++;
        } finally {
            CriticalSection.end();
        }
    }

    /** A copy with the same maxlen. */
    PyDeque copy() {
        PyDeque c = new PyDeque(maxlen);
        PyObject[] all = snapshot();
        for (PyObject x : all) {
            c.addLast(x); // takes the snapshot's reference; c is not shared yet
        }
        return c;
    }

    /** The snapshot and the state it was taken at. */
    private record Snap(PyObject[] items, long state) {
        void release() {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
    }

    private Snap snap() {
        CriticalSection.begin(this);
        try {
            return new Snap(snapshotLocked(), state);
        } finally {
            CriticalSection.end();
        }
    }

    private void checkUnchanged(long seen) {
        CriticalSection.begin(this);
        try {
            if (state != seen) {
                throw new PyException(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
            }
        } finally {
            CriticalSection.end();
        }
    }

    /** The index of the first item equal to {@code x} in {@code [start, stop)}, or -1; RuntimeError if the deque changed. */
    long find(PyObject x, long start, long stop) {
        Snap s = snap();
        try {
            for (long i = Math.max(0, start); i < Math.min(stop, s.items.length); i++) {
                boolean eq = Ops.sameOrEq(s.items[(int) i], x);
                checkUnchanged(s.state);
                if (eq) {
                    return i;
                }
            }
            return -1;
        } finally {
            s.release();
        }
    }

    long count(PyObject x) {
        Snap s = snap();
        try {
            long n = 0;
            for (PyObject item : s.items) {
                if (Ops.sameOrEq(item, x)) {
                    n++;
                }
                checkUnchanged(s.state);
            }
            return n;
        } finally {
            s.release();
        }
    }

    void remove(PyObject x) {
        Snap s = snap();
        PyObject gone;
        try {
            long i = -1;
            for (int k = 0; k < s.items.length && i < 0; k++) {
                if (Ops.sameOrEq(s.items[k], x)) {
                    i = k;
                }
                checkUnchanged(s.state);
            }
            if (i < 0) {
                throw PyExc.valueError(Ops.repr(x) + " is not in deque");
            }
            CriticalSection.begin(this);
            try {
                if (state != s.state) {
                    throw new PyException(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
                }
                gone = removeAt((int) i);
                state++;
            } finally {
                CriticalSection.end();
            }
        } finally {
            s.release();
        }
        RefCount.decref(gone);
    }

    long size() {
        CriticalSection.begin(this);
        try {
            return size;
        } finally {
            CriticalSection.end();
        }
    }

    // ---------------------------------------------------------------- the protocols

    @Override
    public long length() {
        return size();
    }

    @Override
    public boolean containsItem(PyObject item) {
        return find(item, 0, Long.MAX_VALUE) >= 0;
    }

    @Override
    public PyObject[] snapshot() {
        return snap().items;
    }

    private static long index(PyObject key) {
        if (key instanceof PyInt || key instanceof PyBool) {
            return Args.asIndex(key);
        }
        throw PyExc.typeError("sequence index must be integer, not '" + key.type().name() + "'");
    }

    /** The ring position of index {@code key}, in the section; IndexError if out of range. */
    private int position(long i) {
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw PyExc.indexError("deque index out of range");
        }
        return slot(j);
    }

    @Override
    public PyObject getItem(PyObject key) {
        long i = index(key);
        CriticalSection.begin(this);
        try {
            PyObject x = items[position(i)];
            RefCount.incref(x);
            return x;
        } finally {
            CriticalSection.end();
        }
    }

    @Override
    public void setItem(PyObject key, PyObject value) {
        long i = index(key);
        PyObject old;
        RefCount.incref(value);
        CriticalSection.begin(this);
        try {
            int p;
            try {
                p = position(i);
            } catch (PyException e) {
                RefCount.decref(value);
                throw e;
            }
            old = items[p];
            items[p] = value;
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(old);
    }

    @Override
    public void delItem(PyObject key) {
        long i = index(key);
        PyObject gone;
        CriticalSection.begin(this);
        try {
            long j = i < 0 ? i + size : i;
            position(i);
            gone = removeAt((int) j);
            state++;
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(gone);
    }

    @Override
    public PyIterator iterator() {
        return new Iter(this, false);
    }

    @Override
    public PyIterator reversedIterator() {
        return new Iter(this, true);
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'collections.deque'");
    }

    @Override
    public boolean equals(Object o) {
        return this == o; // == of deques goes through Ops (IndexedSequence), item by item
    }

    @Override
    public String toString() {
        PyObject[] all = snapshot();
        StringBuilder sb = new StringBuilder("deque([");
        try {
            for (int i = 0; i < all.length; i++) {
                sb.append(i > 0 ? ", " : "").append(Ops.repr(all[i]));
            }
        } finally {
            for (PyObject x : all) {
                RefCount.decref(x);
            }
        }
        sb.append(']');
        if (maxlen >= 0) {
            sb.append(", maxlen=").append(maxlen);
        }
        return sb.append(')').toString();
    }

    @Override
    protected void dealloc() {
        for (int i = 0; i < size; i++) { // no one else holds the deque any more: no section
            RefCount.decref(items[slot(i)]);
        }
        items = null;
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        for (int i = 0; i < size; i++) {
            v.visit(items[slot(i)]);
        }
    }

    @Override
    public void clearReferences() {
        clear();
    }

    /**
     * The deque's iterator (forwards or backwards): one step at a time in the deque's section;
     * RuntimeError once the deque changed since the iterator was made.
     */
    static final class Iter extends org.gilectomy.objects.OwningIterator<PyDeque> {
        private final boolean reverse;
        private final long state;
        private long next;

        Iter(PyDeque d, boolean reverse) {
            super(d);
            RefCount.incref(d);
            this.reverse = reverse;
            CriticalSection.begin(d);
            try {
                this.state = d.state;
            } finally {
                CriticalSection.end();
            }
        }

        @Override
        public PyType type() {
            return reverse ? REVERSE_ITER : ITER;
        }

        @Override
        public PyObject next() {
            PyDeque d = source();
            if (d == null) {
                return null;
            }
            PyObject x = null;
            CriticalSection.begin(d);
            try {
                if (d.state != state) {
                    throw new PyException(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
                }
                if (next < d.size) {
                    x = d.items[d.slot(reverse ? d.size - 1 - next : next)];
                    RefCount.incref(x);
                    next++;
                }
            } finally {
                CriticalSection.end();
            }
            if (x == null) {
                finish();
            }
            return x;
        }
    }
}
