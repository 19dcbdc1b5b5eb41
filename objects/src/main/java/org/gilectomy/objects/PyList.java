package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.LockOrdered;
import org.gilectomy.refcount.RefCount;

/**
 * {@code list}.
 *
 * <pre>
 * Overview
 *
 * items[0 .. size) hold owned references; the array may be longer (spare capacity).
 * Every write of items/size happens in the list's critical section (free-threaded build; in
 * the GIL build it is a no-op and the GIL serialises). A comparison made in it may call out
 * to Python with the section suspended (index, count, remove, sort): code after one re-reads
 * items and size. Decrefs of replaced or removed items happen after unlocking: a dealloc
 * may run arbitrary code and must not run under this list's lock.
 * Reads, by the build knob ContainerReads.LOCK_FREE (see PyDict for the argument):
 *   locked:    lock, read, incref, unlock (a writer cannot free the item in between).
 *   lock-free (getItem, iteration's next; len() never locks):
 *              a = items (acquire); n = size (acquire); check the index against n (and
 *              a.length: the pair may be torn by a racing resize or clear); r = a[i] (acquire);
 *              tryIncref(r); items still a and a[i] still r (acquire)? return r : decref, retry.
 *              Out of range, a null slot, a refusal or too many retries: the locked read
 *              decides (and raises IndexError or ends the iteration).
 *   Writers store a new item (release) before the size that exposes it (release), publish
 *   a grown array (release) only once it is filled, and never write an array they have
 *   replaced. Moves of items already in the list (shifts, sort, reverse) are plain copies
 *   after a release fence; a lock-free reader may see any slot old or new, never torn.
 * The one operation on two lists, extending one by another, holds both through a two-object
 * critical section, which locks them in lock-order-id order: a.extend(b) racing b.extend(a)
 * cannot deadlock.
 *
 * Field         access
 * items         written under the lock (setItemsRelease); read plain under it, getAcquire lock-free
 * items[i]      new items stored under the lock with setItemRelease; moves plain after a
 *               releaseFence; read plain under the lock, getAcquire lock-free
 * size          written under the lock (setSizeRelease); read plain under it, getAcquire
 *               by len() and lock-free readers
 * lockOrderId   0 until first needed, then set once by CAS (LockOrdered.idOf)
 *
 * Not promised: a consistent snapshot across two separate operations.
 * </pre>
 */
public class PyList extends PyObject implements LockOrdered, org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("list", null);
    private static final PyObject[] EMPTY = new PyObject[0];
    private static final boolean LOCK_FREE_READS = ContainerReads.LOCK_FREE;
    private static final VarHandle LOCK_ORDER_ID;
    private static final VarHandle ITEMS;
    private static final VarHandle SIZE;
    private static final VarHandle ITEM = MethodHandles.arrayElementVarHandle(PyObject[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            LOCK_ORDER_ID = l.findVarHandle(PyList.class, "lockOrderId", long.class);
            ITEMS = l.findVarHandle(PyList.class, "items", PyObject[].class);
            SIZE = l.findVarHandle(PyList.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PyObject[] items;
    private int size;
    @SuppressWarnings("unused") // through LOCK_ORDER_ID only
    private long lockOrderId;

    public PyList() {
        this.items = EMPTY;
    }

    /** A new list that takes over the references in {@code steal[0 .. n)}. */
    public static PyList steal(PyObject[] steal, int n) {
        PyList l = new PyList();
        l.items = steal;
        l.size = n;
        return l;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public long lockOrderId() {
        return LockOrdered.idOf(this, LOCK_ORDER_ID);
    }

    public int size() {
        return sizeAcquire();
    }

    private PyObject[] itemsAcquire() {
        return (PyObject[]) ITEMS.getAcquire(this);
    }

    private void setItemsRelease(PyObject[] a) {
        ITEMS.setRelease(this, a);
    }

    private int sizeAcquire() {
        return (int) SIZE.getAcquire(this);
    }

    private void setSizeRelease(int n) {
        SIZE.setRelease(this, n);
    }

    private static PyObject itemAcquire(PyObject[] a, int i) {
        return (PyObject) ITEM.getAcquire(a, i);
    }

    private static void setItemRelease(PyObject[] a, int i, PyObject v) {
        ITEM.setRelease(a, i, v);
    }

    /** Under the lock: room for {@code more} items, the grown copy published (release) once filled. */
    private void ensureCapacityLocked(int more) {
        if (size + more > items.length) {
            setItemsRelease(Arrays.copyOf(items, Math.max(8, size + more + (size >> 1))));
        }
    }

    /**
     * The lock-free read of item {@code i} (negative counts from the end): a new reference, or
     * null when the locked read must decide (out of range, a racing writer, a refusal).
     */
    private PyObject itemLockFree(long i) {
        for (int attempt = 0; attempt < PyDict.DEFAULT_READ_RETRIES; attempt++) {
            PyObject[] a = itemsAcquire();
            int n = sizeAcquire();
            long k = i < 0 ? i + n : i;
            if (k < 0 || k >= n || k >= a.length) {
                return null;
            }
            PyObject r = itemAcquire(a, (int) k);
            if (r == null) {
                continue;
            }
            if (!RefCount.tryIncref(r)) {
                return null;
            }
            if (itemsAcquire() == a && itemAcquire(a, (int) k) == r) {
                return r;
            }
            RefCount.decref(r); // moved or removed meanwhile: ours may be another object by now
        }
        return null;
    }

    public void append(PyObject v) {
        RefCount.incref(v);
        CriticalSection.begin(this);
        try {
            ensureCapacityLocked(1);
            setItemRelease(items, size, v);
            setSizeRelease(size + 1);
        } finally {
            CriticalSection.end();
        }
    }

    /** A new reference to item {@code i} (negative counts from the end). */
    public PyObject getItem(long i) {
        if (LOCK_FREE_READS) {
            PyObject r = itemLockFree(i);
            if (r != null) {
                return r;
            }
        }
        CriticalSection.begin(this);
        try {
            int j = index(i);
            PyObject r = items[j];
            RefCount.incref(r);
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * CPython's {@code PyList_GET_ITEM}: a borrowed reference to item {@code i} (which must be
     * in range), no lock, no incref. Safe only while no other thread can remove it (the GIL
     * build); in the free-threaded build the item may be freed before the caller increfs it,
     * which the jcstress negative control (LockFreeReads) shows, and why {@link #getItem}
     * try-increfs and re-checks.
     */
    public PyObject getItemBorrowed(int i) {
        return itemAcquire(itemsAcquire(), i);
    }

    public void setItem(long i, PyObject v) {
        RefCount.incref(v);
        PyObject old;
        CriticalSection.begin(this);
        try {
            int j;
            try {
                j = index(i);
            } catch (PyException e) {
                e.release();
                RefCount.decref(v);
                throw new PyException(PyExc.INDEX_ERROR, "list assignment index out of range");
            }
            old = items[j];
            setItemRelease(items, j, v);
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(old);
    }

    private int index(long i) {
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw PyExc.indexError("list index out of range");
        }
        return (int) j;
    }

    /** New references to all items, in an exact-length array: a snapshot. */
    public PyObject[] snapshot() {
        CriticalSection.begin(this);
        try {
            PyObject[] r = Arrays.copyOf(items, size);
            for (PyObject o : r) {
                RefCount.incref(o);
            }
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /** Appends the given items, taking over their references. */
    public void extend(PyObject[] ownedItems) {
        CriticalSection.begin(this);
        try {
            appendAllLocked(ownedItems, ownedItems.length);
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * {@code self.extend(other)} for two lists, atomically: both are held (a two-object critical
     * section) while the items are copied, as CPython 3.13's list_extend does.
     */
    public void extend(PyList other) {
        if (other == this) {
            extend(snapshot());
            return;
        }
        CriticalSection.begin2(this, other);
        try {
            int n = other.size;
            for (int i = 0; i < n; i++) {
                RefCount.incref(other.items[i]);
            }
            appendAllLocked(other.items, n);
        } finally {
            CriticalSection.end();
        }
    }

    /** {@code self.extend(iterable)}: a list atomically, anything else collected first, then appended at once. */
    public void extendFrom(PyObject iterable) {
        if (iterable instanceof PyList other) {
            extend(other);
            return;
        }
        extend(Ops.collect(iterable));
    }

    /**
     * {@code self += b} (any iterable) or {@code self *= n}, changing this list; false (nothing
     * done) for another operator or a non-int count, which {@link Ops#inPlace} leaves to the
     * binary operator's errors.
     */
    boolean inPlace(BinaryOp op, PyObject b) {
        if (op == BinaryOp.ADD) {
            extendFrom(b);
            return true;
        }
        if (op == BinaryOp.MUL && Numbers.isIntLike(b)) {
            long n = Args.asLong(b);
            if (n <= 0) {
                clear();
            } else {
                repeat(n);
            }
            return true;
        }
        return false;
    }

    /** {@code self *= n} for n &gt; 0: the items n times over, as one locked operation. */
    private void repeat(long n) {
        CriticalSection.begin(this);
        try {
            int m = size;
            if (n * (long) m > Integer.MAX_VALUE - 16) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "repeated list is too long");
            }
            int total = (int) (n * m);
            ensureCapacityLocked(total - m);
            PyObject[] a = items;
            for (int k = m; k < total; k++) {
                PyObject v = a[k % m];
                RefCount.incref(v);
                setItemRelease(a, k, v);
            }
            setSizeRelease(total);
        } finally {
            CriticalSection.end();
        }
    }

    private void appendAllLocked(PyObject[] src, int n) {
        ensureCapacityLocked(n);
        PyObject[] a = items;
        for (int i = 0; i < n; i++) {
            setItemRelease(a, size + i, src[i]);
        }
        setSizeRelease(size + n);
    }

    /**
     * {@code l[s] = items} ({@code owned}: references the list takes over, a snapshot of the
     * right-hand side) or, with {@code owned} null, {@code del l[s]}. A step of 1 replaces the
     * range by any number of items; an extended slice takes exactly as many as it selects.
     * The new contents go into a fresh array, published once filled (lock-free readers of the
     * old one re-check and retry); removed items are released after unlocking.
     */
    public void setSlice(PySlice s, PyObject[] owned) {
        PyObject[] dropped;
        CriticalSection.begin(this);
        try {
            long[] ix = s.indices(size);
            int start = (int) ix[0];
            int step = (int) ix[2];
            int n = (int) ix[3];
            if (owned != null && step != 1 && owned.length != n) {
                for (PyObject o : owned) {
                    RefCount.decref(o);
                }
                throw PyExc.valueError("attempt to assign sequence of size " + owned.length + " to extended slice of size " + n);
            }
            dropped = new PyObject[n];
            boolean[] selected = new boolean[size];
            for (int k = 0; k < n; k++) {
                int i = start + k * step;
                dropped[k] = items[i];
                selected[i] = true;
            }
            int added = owned == null ? 0 : owned.length;
            int newSize = size - n + added;
            PyObject[] next;
            if (owned != null && step != 1) {
                next = Arrays.copyOf(items, Math.max(8, size));
                for (int k = 0; k < n; k++) {
                    next[start + k * step] = owned[k];
                }
            } else {
                next = new PyObject[Math.max(8, newSize)];
                int j = 0;
                for (int i = 0; i <= size; i++) {
                    if (owned != null && i == start) {
                        System.arraycopy(owned, 0, next, j, added);
                        j += added;
                    }
                    if (i < size && !selected[i]) {
                        next[j++] = items[i];
                    }
                }
            }
            setItemsRelease(next); // items stored above are published by this release
            setSizeRelease(newSize);
        } finally {
            CriticalSection.end();
        }
        for (PyObject o : dropped) {
            RefCount.decref(o);
        }
    }

    /** Removes and returns (as the caller's reference) item {@code i}. */
    public PyObject pop(long i) {
        CriticalSection.begin(this);
        try {
            if (size == 0) {
                throw PyExc.indexError("pop from empty list");
            }
            long k = i < 0 ? i + size : i;
            if (k < 0 || k >= size) {
                throw PyExc.indexError("pop index out of range");
            }
            int j = (int) k;
            PyObject r = items[j];
            VarHandle.releaseFence();
            System.arraycopy(items, j + 1, items, j, size - j - 1);
            setSizeRelease(size - 1);
            items[size] = null;
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /** {@code list.insert(i, v)}: i clamped to [0, len] as in CPython. */
    public void insert(long i, PyObject v) {
        RefCount.incref(v);
        CriticalSection.begin(this);
        try {
            long k = i < 0 ? Math.max(0, i + size) : Math.min(i, size);
            ensureCapacityLocked(1);
            VarHandle.releaseFence();
            System.arraycopy(items, (int) k, items, (int) k + 1, size - (int) k);
            setItemRelease(items, (int) k, v);
            setSizeRelease(size + 1);
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * The first index in [start, stop) whose item equals {@code v}, or -1. The comparison runs
     * in the critical section (as CPython 3.13's does), suspended if it calls out: the list may
     * shrink meanwhile, so the bound is checked again on every step.
     */
    public long indexOf(PyObject v, long start, long stop) {
        CriticalSection.begin(this);
        try {
            long s = start < 0 ? Math.max(0, start + size) : start;
            long e = stop < 0 ? Math.max(0, stop + size) : Math.min(stop, size);
            for (long i = s; i < e && i < size; i++) {
                PyObject x = items[(int) i];
                if (SectionEq.eq(x, v)) {
                    return i;
                }
            }
            return -1;
        } finally {
            CriticalSection.end();
        }
    }

    /** How many items equal {@code v}. */
    public long count(PyObject v) {
        CriticalSection.begin(this);
        try {
            long c = 0;
            for (int i = 0; i < size; i++) {
                if (SectionEq.eq(items[i], v)) {
                    c++;
                }
            }
            return c;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * Removes the first item equal to {@code v}; whether there was one. As CPython: what is
     * removed is what is at that index once the comparison (which may call out) returns.
     */
    public boolean remove(PyObject v) {
        PyObject removed = null;
        boolean found = false;
        CriticalSection.begin(this);
        try {
            for (int i = 0; i < size; i++) {
                if (SectionEq.eq(items[i], v)) {
                    found = true;
                    if (i >= size) {
                        break; // shrunk meanwhile: nothing left there to remove
                    }
                    removed = items[i];
                    VarHandle.releaseFence();
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    setSizeRelease(size - 1);
                    items[size] = null;
                    break;
                }
            }
        } finally {
            CriticalSection.end();
        }
        if (removed != null) {
            RefCount.decref(removed);
        }
        return found;
    }

    public void reverse() {
        CriticalSection.begin(this);
        try {
            VarHandle.releaseFence();
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                PyObject t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        } finally {
            CriticalSection.end();
        }
    }

    public void clear() {
        PyObject[] old;
        int n;
        CriticalSection.begin(this);
        try {
            old = items;
            n = size;
            setItemsRelease(EMPTY); // the old array is never written again: readers' re-check fails
            setSizeRelease(0);
        } finally {
            CriticalSection.end();
        }
        for (int i = 0; i < n; i++) {
            RefCount.decref(old[i]);
        }
    }

    /**
     * Takes the items out for {@link ListSort}: the caller's references, the list left empty
     * (with no room: anything added grows it, which is how the sort sees a change) while
     * Python code (keys, comparisons) runs.
     */
    PyObject[] takeForSort() {
        CriticalSection.begin(this);
        try {
            PyObject[] taken = Arrays.copyOf(items, size);
            setItemsRelease(EMPTY); // the old array is never written again: readers' re-check fails
            setSizeRelease(0);
            return taken;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * Puts the taken items back (their references move here); whatever the list was given
     * meanwhile is released. Whether it was changed meanwhile: given room for items (clearing
     * the empty list changes nothing, as in CPython).
     */
    boolean restoreAfterSort(PyObject[] owned) {
        PyObject[] dropped;
        int n;
        CriticalSection.begin(this);
        try {
            dropped = items;
            n = size;
            setItemsRelease(owned);
            setSizeRelease(owned.length);
        } finally {
            CriticalSection.end();
        }
        for (int i = 0; i < n; i++) {
            RefCount.decref(dropped[i]);
        }
        return dropped.length != 0;
    }

    public PyIterator iterator() {
        RefCount.incref(this);
        return new Iter(this);
    }

    @Override
    protected void dealloc() {
        PyObject[] old = items;
        int n = size;
        setItemsRelease(EMPTY);
        setSizeRelease(0);
        for (int i = n - 1; i >= 0; i--) { // last first, as CPython's (the order __del__ methods see)
            RefCount.decref(old[i]);
        }
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'list'");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** Iterates by index, so appends during iteration are seen (as in CPython). */

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        PyObject[] a = items;
        for (int i = 0, n = size; i < n; i++) {
            v.visit(a[i]);
        }
    }

    @Override
    public void clearReferences() {
        dealloc();
    }

    static final class Iter extends PyIterator implements org.gilectomy.refcount.GcTracked {
        private PyList list; // owned; released at the end
        private int index;

        Iter(PyList list) {
            this.list = list;
        }

        @Override
        public PyType type() {
            return IteratorTypes.LIST;
        }

        @Override
        public PyObject next() {
            PyList l = list;
            if (l == null) {
                return null;
            }
            if (LOCK_FREE_READS) {
                PyObject r = l.itemLockFree(index);
                if (r != null) {
                    index++;
                    return r;
                }
            }
            CriticalSection.begin(l);
            try {
                if (index < l.size) {
                    PyObject r = l.items[index++];
                    RefCount.incref(r);
                    return r;
                }
            } finally {
                CriticalSection.end();
            }
            list = null;
            RefCount.decref(l);
            return null;
        }

        @Override
        protected void dealloc() {
            if (list != null) {
                PyList l = list;
                list = null;
                RefCount.decref(l);
            }
        }

        @Override
        public void traverse(Visitor v) {
            v.visit(list);
        }

        @Override
        public void clearReferences() {
            dealloc();
        }
    }
}
