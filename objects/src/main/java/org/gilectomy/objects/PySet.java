package org.gilectomy.objects;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.refcount.RefCount;

/**
 * {@code set} and {@code frozenset}: an open-addressing hash table laid out as CPython 3.11's
 * setobject.c lays it out (same probe sequence, resize points and dummy handling), so a set of
 * ints, floats, bools or tuples of them iterates, prints and pops in CPython's order.
 *
 * <pre>
 * Overview
 *
 * keys[i] / hashes[i], i in [0, mask]: null (unused), DUMMY (deleted, hash -1) or an owned key
 * with its Python hash. fill counts used + dummy slots, used the live keys. Probing: start at
 * hash &amp; mask, look at up to LINEAR_PROBES following slots when they fit below mask, then jump
 * to (i * 5 + 1 + perturb) &amp; mask with perturb = hash shifted right by 5 each round. Adding
 * reuses the last dummy met on the way; the table grows when fill * 5 &gt;= mask * 3.
 *
 * Every operation runs in the set's critical section (free-threaded build), as PyDict's do;
 * a reader increfs what it returns before unlocking; keys released by an operation are
 * decref'd after unlocking. An operation on two sets never holds both locks: it takes a
 * snapshot of the other set (its own lock, then released) and works on that, so two sets
 * updating each other cannot deadlock. Key comparison (Ops.eq) runs in the section, suspended
 * if it calls out to Python (a user __eq__): the stored key is kept alive across it, and a
 * probe whose table was replaced or whose slot changed meanwhile starts again, as CPython's
 * set_lookkey does.
 *
 * Field                       access
 * keys, hashes, mask, fill,   plain, guarded by the object lock
 *   used, finger
 * used                        read racily by len() (an int never tears)
 * </pre>
 */
public class PySet extends PyObject implements Container, org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("set", null);
    public static final PyType FROZEN_TYPE = new PyType("frozenset", null);

    static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    /** A deleted slot: keeps probe chains through it intact. */
    private static final PyObject DUMMY = new PyObject(STATIC_REFS) {
        @Override
        public PyType type() {
            return PyType.OBJECT;
        }
    };

    private final boolean frozen;
    private PyObject[] keys = new PyObject[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int mask = MIN_SIZE - 1;
    private int fill;
    private int used;
    /** Where pop() searches next, as CPython's so->finger. */
    private int finger;

    public PySet(boolean frozen) {
        this.frozen = frozen;
    }

    @Override
    public PyType type() {
        return frozen ? FROZEN_TYPE : TYPE;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public int size() {
        return used;
    }

    // ------------------------------------------------------------------ table primitives (lock held)

    private static boolean isLive(PyObject k) {
        return k != null && k != DUMMY;
    }

    private static final int DIFFERENT = 0;
    private static final int SAME = 1;
    private static final int RESTART = 2;

    /** SAME, DIFFERENT, or RESTART when a comparison that called out returned to a changed table. */
    private int sameKey(int slot, PyObject key, long hash) {
        PyObject k = keys[slot];
        if (!isLive(k) || hashes[slot] != hash) {
            return DIFFERENT;
        }
        PyObject[] table = keys;
        boolean same = SectionEq.eq(k, key);
        if (keys != table || keys[slot] != k) {
            return RESTART;
        }
        return same ? SAME : DIFFERENT;
    }

    /** The slot holding {@code key}, or -1. */
    private int lookup(PyObject key, long hash) {
        int r;
        do {
            r = lookupOnce(key, hash);
        } while (r == -RESTART);
        return r;
    }

    /**
     * The slot of a snapshot's table holding {@code key}, or -1: a snapshot never changes, so
     * a comparison that calls out needs no restart (compare {@link #lookup}).
     */
    private static int lookupIn(PyObject[] ks, long[] hs, PyObject key, long hash) {
        int m = ks.length - 1;
        long perturb = hash;
        int i = (int) (hash & m);
        while (true) {
            int probes = (i + LINEAR_PROBES <= m) ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                PyObject k = ks[j];
                if (k == null) {
                    return -1;
                }
                if (isLive(k) && hs[j] == hash && SectionEq.eq(k, key)) {
                    return j;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** lookup(), or -RESTART. */
    private int lookupOnce(PyObject key, long hash) {
        int m = mask;
        long perturb = hash;
        int i = (int) (hash & m);
        while (true) {
            int probes = (i + LINEAR_PROBES <= m) ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (keys[j] == null) {
                    return -1;
                }
                int same = sameKey(j, key, hash);
                if (same != DIFFERENT) {
                    return same == SAME ? j : -RESTART;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** Adds an owned key; returns false (and releases nothing: the caller does) if present. */
    private boolean insertLocked(PyObject key, long hash) {
        int r;
        do {
            r = insertOnce(key, hash);
        } while (r == RESTART);
        return r != SAME;
    }

    /** insertLocked(): SAME if present, DIFFERENT once added, or RESTART. */
    private int insertOnce(PyObject key, long hash) {
        int m = mask;
        long perturb = hash;
        int i = (int) (hash & m);
        int freeSlot = -1;
        while (true) {
            int probes = (i + LINEAR_PROBES <= m) ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (keys[j] == null) {
                    if (freeSlot >= 0) {
                        if (keys[freeSlot] != DUMMY) {
                            return RESTART; // filled by a call-out since the probe passed it
                        }
                        keys[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        used++;
                        return DIFFERENT;
                    }
                    keys[j] = key;
                    hashes[j] = hash;
                    fill++;
                    used++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return DIFFERENT;
                }
                int same = sameKey(j, key, hash);
                if (same != DIFFERENT) {
                    return same;
                }
                if (keys[j] == DUMMY) {
                    freeSlot = j; // the last dummy on the path, as CPython 3.11 (not the first)
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** Places a key known to be absent into a table without dummies. */
    private static void insertClean(PyObject[] ks, long[] hs, int m, PyObject key, long hash) {
        long perturb = hash;
        int i = (int) (hash & m);
        while (true) {
            int probes = (i + LINEAR_PROBES <= m) ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (ks[j] == null) {
                    ks[j] = key;
                    hs[j] = hash;
                    return;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        PyObject[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new PyObject[size];
        hashes = new long[size];
        mask = size - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (isLive(oldKeys[i])) {
                insertClean(keys, hashes, mask, oldKeys[i], oldHashes[i]);
            }
        }
        fill = used;
    }

    /** Removes the key in {@code slot}, returning it (the caller's reference now). */
    private PyObject removeSlot(int slot) {
        PyObject k = keys[slot];
        keys[slot] = DUMMY;
        hashes[slot] = -1;
        used--;
        return k;
    }

    // ------------------------------------------------------------------ snapshots of another set

    /** A copy of a set's table, with new references to its keys. */
    static final class Table {
        final PyObject[] keys;
        final long[] hashes;
        final int fill;
        final int used;

        private Table(PySet s) {
            keys = s.keys.clone();
            hashes = s.hashes.clone();
            fill = s.fill;
            used = s.used;
            for (PyObject k : keys) {
                if (isLive(k)) {
                    RefCount.incref(k);
                }
            }
        }

        void release() {
            for (PyObject k : keys) {
                if (isLive(k)) {
                    RefCount.decref(k);
                }
            }
        }
    }

    Table table() {
        CriticalSection.begin(this);
        try {
            return new Table(this);
        } finally {
            CriticalSection.end();
        }
    }

    // ------------------------------------------------------------------ operations

    public boolean contains(PyObject key) {
        return containsHashed(key, Hashing.hash(key));
    }

    /** {@code add(key)} (key borrowed). */
    public void add(PyObject key) {
        addHashed(key, Hashing.hash(key));
    }

    /** {@code discard(key)}; whether it was present. */
    public boolean discard(PyObject key) {
        return discardHashed(key, Hashing.hash(key));
    }

    /** {@code pop()}: the caller's reference to an arbitrary key, CPython's choice. */
    public PyObject pop() {
        CriticalSection.begin(this);
        try {
            if (used == 0) {
                throw new PyException(PyExc.KEY_ERROR, "'pop from an empty set'");
            }
            int i = finger & mask;
            while (!isLive(keys[i])) {
                i = i + 1 > mask ? 0 : i + 1;
            }
            finger = i + 1;
            return removeSlot(i);
        } finally {
            CriticalSection.end();
        }
    }

    public void clear() {
        PyObject[] old;
        CriticalSection.begin(this);
        try {
            old = keys;
            keys = new PyObject[MIN_SIZE];
            hashes = new long[MIN_SIZE];
            mask = MIN_SIZE - 1;
            fill = 0;
            used = 0;
        } finally {
            CriticalSection.end();
        }
        releaseAll(old);
    }

    private static void releaseAll(PyObject[] ks) {
        for (PyObject k : ks) {
            if (isLive(k)) {
                RefCount.decref(k);
            }
        }
    }

    /** Adds every key of another set, in its table order (CPython's set_merge). */
    public void update(PySet other) {
        if (other == this) {
            return;
        }
        Table t = other.table();
        try {
            merge(t);
        } finally {
            t.release();
        }
    }

    private void merge(Table t) {
        if (t.used == 0) {
            return;
        }
        CriticalSection.begin(this);
        try {
            if ((long) (fill + t.used) * 5 >= (long) mask * 3) {
                resize((used + t.used) * 2);
            }
            int otherMask = t.keys.length - 1;
            if (fill == 0 && mask == otherMask && t.fill == t.used) {
                // Same size, no dummies: the layout is copied as is.
                for (int i = 0; i <= mask; i++) {
                    if (t.keys[i] != null) {
                        RefCount.incref(t.keys[i]);
                        keys[i] = t.keys[i];
                        hashes[i] = t.hashes[i];
                    }
                }
                fill = t.used;
                used = t.used;
                return;
            }
            if (fill == 0) {
                for (int i = 0; i <= otherMask; i++) {
                    if (isLive(t.keys[i])) {
                        RefCount.incref(t.keys[i]);
                        insertClean(keys, hashes, mask, t.keys[i], t.hashes[i]);
                    }
                }
                fill = t.used;
                used = t.used;
                return;
            }
            for (int i = 0; i <= otherMask; i++) {
                PyObject k = t.keys[i];
                if (isLive(k)) {
                    RefCount.incref(k);
                    if (!insertLocked(k, t.hashes[i])) {
                        RefCount.decref(k); // no dealloc: the snapshot still holds it
                    }
                }
            }
        } finally {
            CriticalSection.end();
        }
    }

    /** Adds every item of an iterable (borrowed), one by one as CPython's set_update_internal. */
    public void updateFromIterable(PyObject iterable) {
        if (iterable instanceof PySet s) {
            update(s);
            return;
        }
        PyIterator it = Ops.iter(iterable);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                try {
                    add(x);
                } finally {
                    RefCount.decref(x);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    /** New references to the keys, in iteration (table) order. */
    public PyObject[] snapshot() {
        CriticalSection.begin(this);
        try {
            PyObject[] r = new PyObject[used];
            int n = 0;
            for (PyObject k : keys) {
                if (isLive(k)) {
                    RefCount.incref(k);
                    r[n++] = k;
                }
            }
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /** A new set of this set's kind (or {@code frozen}) with the same keys and table layout. */
    public PySet copy(boolean asFrozen) {
        PySet r = new PySet(asFrozen);
        r.update(this);
        return r;
    }

    // ------------------------------------------------------------------ algebra (CPython's algorithms)

    /** {@code self | other}: a copy of self updated by other. */
    public PySet union(PySet other, boolean asFrozen) {
        PySet r = copy(asFrozen);
        r.update(other);
        return r;
    }

    /** {@code self & other}: the smaller set's keys, in its order, that the larger one holds. */
    public PySet intersection(PySet other, boolean asFrozen) {
        // As CPython: walk the smaller operand (other, on a tie) in its table order.
        PySet walked = other.size() > size() ? this : other;
        PySet probed = walked == this ? other : this;
        PySet r = new PySet(asFrozen);
        Table t = walked.table();
        try {
            for (int i = 0; i < t.keys.length; i++) {
                PyObject k = t.keys[i];
                if (isLive(k) && probed.containsHashed(k, t.hashes[i])) {
                    r.addHashed(k, t.hashes[i]);
                }
            }
        } finally {
            t.release();
        }
        return r;
    }

    private boolean containsHashed(PyObject key, long hash) {
        CriticalSection.begin(this);
        try {
            return lookup(key, hash) >= 0;
        } finally {
            CriticalSection.end();
        }
    }

    private void addHashed(PyObject key, long hash) {
        RefCount.incref(key);
        boolean added;
        CriticalSection.begin(this);
        try {
            added = insertLocked(key, hash);
        } finally {
            CriticalSection.end();
        }
        if (!added) {
            RefCount.decref(key);
        }
    }

    private boolean discardHashed(PyObject key, long hash) {
        PyObject removed = null;
        CriticalSection.begin(this);
        try {
            int slot = lookup(key, hash);
            if (slot >= 0) {
                removed = removeSlot(slot);
            }
        } finally {
            CriticalSection.end();
        }
        if (removed != null) {
            RefCount.decref(removed);
            return true;
        }
        return false;
    }

    /** {@code self - other}. */
    public PySet difference(PySet other, boolean asFrozen) {
        if ((size() >> 2) > other.size()) {
            PySet r = copy(asFrozen);
            r.differenceUpdate(other);
            return r;
        }
        PySet r = new PySet(asFrozen);
        Table t = table();
        try {
            for (int i = 0; i < t.keys.length; i++) {
                PyObject k = t.keys[i];
                if (isLive(k) && !other.containsHashed(k, t.hashes[i])) {
                    r.addHashed(k, t.hashes[i]);
                }
            }
        } finally {
            t.release();
        }
        return r;
    }

    /** Removes every key of {@code other}. */
    public void differenceUpdate(PySet other) {
        removeEach(other, false);
    }

    /**
     * Removes each key of {@code other} (in its table order) that this set holds, and, when
     * {@code addMissing}, adds those it does not hold (symmetric difference).
     */
    private void removeEach(PySet other, boolean addMissing) {
        if (other == this) {
            clear();
            return;
        }
        Table t = other.table();
        try {
            for (int i = 0; i < t.keys.length; i++) {
                PyObject k = t.keys[i];
                if (isLive(k) && !discardHashed(k, t.hashes[i]) && addMissing) {
                    addHashed(k, t.hashes[i]);
                }
            }
        } finally {
            t.release();
        }
    }

    /**
     * Keeps only the keys {@code other} holds, rebuilding the table as CPython does (the
     * smaller side walked, in its table order): one operation under this set's lock, against
     * a snapshot of other, so an add racing it is either kept or filtered, never lost.
     */
    public void intersectionUpdate(PySet other) {
        if (other == this) {
            return;
        }
        Table t = other.table();
        PySet r = new PySet(frozen); // private until its table moves here
        PyObject[] old;
        CriticalSection.begin(this);
        try {
            boolean walkThis = t.used > used;
            PyObject[] walkedKeys = walkThis ? keys : t.keys;
            long[] walkedHashes = walkThis ? hashes : t.hashes;
            for (int i = 0; i < walkedKeys.length; i++) {
                PyObject k = walkedKeys[i];
                if (isLive(k) && (walkThis ? lookupIn(t.keys, t.hashes, k, walkedHashes[i])
                        : lookup(k, walkedHashes[i])) >= 0) {
                    RefCount.incref(k);
                    r.insertLocked(k, walkedHashes[i]);
                }
            }
            old = keys;
            keys = r.keys;
            hashes = r.hashes;
            mask = r.mask;
            fill = r.fill;
            used = r.used;
            r.keys = new PyObject[0];
            r.used = 0;
            r.fill = 0;
        } catch (RuntimeException e) { // a key's __eq__ raised: this set is unchanged
            RefCount.decref(r);
            throw e;
        } finally {
            CriticalSection.end();
            t.release();
        }
        releaseAll(old);
        RefCount.decref(r);
    }

    /** {@code self ^= other}: each key of other is removed if present, else added. */
    public void symmetricDifferenceUpdate(PySet other) {
        removeEach(other, true);
    }

    /** {@code self ^ other}: a copy of other, symmetric-difference-updated by self. */
    public PySet symmetricDifference(PySet other, boolean asFrozen) {
        PySet r = other.copy(asFrozen);
        r.symmetricDifferenceUpdate(this);
        return r;
    }

    /**
     * {@code self |= &= -= ^= other} for a mutable set and another set, changing this set (each
     * through the matching *_update method); false (nothing done) otherwise.
     */
    boolean inPlace(BinaryOp op, PyObject b) {
        if (frozen || !(b instanceof PySet other)) {
            return false;
        }
        switch (op) {
            case OR -> update(other);
            case AND -> intersectionUpdate(other);
            case SUB -> differenceUpdate(other);
            case XOR -> symmetricDifferenceUpdate(other);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether every key of this set is in {@code other}. */
    public boolean isSubset(PySet other) {
        if (size() > other.size()) {
            return false;
        }
        Table t = table();
        try {
            for (int i = 0; i < t.keys.length; i++) {
                if (isLive(t.keys[i]) && !other.containsHashed(t.keys[i], t.hashes[i])) {
                    return false;
                }
            }
            return true;
        } finally {
            t.release();
        }
    }

    public boolean setEquals(PySet other) {
        return size() == other.size() && isSubset(other);
    }

    /** CPython's frozenset hash: order-independent, from the keys' hashes. */
    long frozenHash() {
        long h = 0;
        int n;
        CriticalSection.begin(this);
        try {
            for (int i = 0; i <= mask; i++) {
                if (isLive(keys[i])) {
                    h ^= shuffleBits(hashes[i]);
                }
            }
            n = used;
        } finally {
            CriticalSection.end();
        }
        h ^= ((long) n + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        return h == -1 ? 590923713L : h;
    }

    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    public String repr() {
        PyObject[] items = snapshot();
        StringBuilder sb = new StringBuilder();
        try {
            if (items.length == 0) {
                return frozen ? "frozenset()" : "set()";
            }
            sb.append(frozen ? "frozenset({" : "{");
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(Ops.repr(items[i]));
            }
            return sb.append(frozen ? "})" : "}").toString();
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    @Override
    public long length() {
        return used;
    }

    @Override
    public PyIterator iterator() {
        RefCount.incref(this);
        return new Iter(this);
    }

    /**
     * Iterates live over the table slots, as CPython's setiter: each step, under the lock,
     * goes on from the slot reached; a size change since the iterator was made raises
     * RuntimeError at the next step and every step after (from this thread or another).
     */
    static final class Iter extends OwningIterator<PySet> {
        private int expectedUsed; // -1 once a size change was seen: stays raising
        private int pos;

        Iter(PySet ownedSet) {
            super(ownedSet);
            this.expectedUsed = ownedSet.size();
        }

        @Override
        public PyType type() {
            return IteratorTypes.SET;
        }

        @Override
        public PyObject next() {
            PySet s = source();
            if (s == null) {
                return null;
            }
            PyObject k = null;
            boolean changed;
            CriticalSection.begin(s);
            try {
                changed = s.used != expectedUsed;
                if (changed) {
                    expectedUsed = -1;
                } else {
                    int i = pos;
                    while (i <= s.mask && !isLive(s.keys[i])) {
                        i++;
                    }
                    if (i <= s.mask) {
                        k = s.keys[i];
                        RefCount.incref(k);
                        pos = i + 1;
                    }
                }
            } finally {
                CriticalSection.end();
            }
            if (changed) {
                throw new PyException(PyExc.RUNTIME_ERROR, "Set changed size during iteration");
            }
            if (k == null) {
                finish();
            }
            return k;
        }
    }

    @Override
    public boolean containsItem(PyObject item) {
        return contains(item);
    }

    @Override
    protected void dealloc() {
        PyObject[] old = keys;
        keys = new PyObject[0];
        used = 0;
        fill = 0;
        releaseAll(old);
    }

    @Override
    public int hashCode() {
        if (!frozen) {
            throw Hashing.unhashable(this);
        }
        return Long.hashCode(frozenHash());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof PySet s && setEquals(s));
    }

    @Override
    public String toString() {
        return repr();
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        for (PyObject k : keys) {
            if (isLive(k)) {
                v.visit(k);
            }
        }
    }

    @Override
    public void clearReferences() {
        dealloc();
    }
}
