package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.refcount.RefCount;

/**
 * {@code dict}: insertion-ordered, keyed by Python equality (the built-in value types'
 * Java {@code equals}/{@code hashCode} are Python's {@code ==} and {@code hash}; instances
 * dispatch to {@code __eq__}/{@code __hash__}).
 *
 * <pre>
 * Overview
 *
 * CPython's compact dict. A Table is an open-addressing index (slot -> EMPTY, DUMMY or a
 * position) over an append-only array of Entries in insertion order. An Entry holds the key
 * the dict owns (the first one inserted, as in CPython), its hash, and the value the dict
 * owns, or null once removed; a removed entry stays in place until the next resize, which
 * builds a new Table from the live entries (the same Entry objects) and publishes it whole.
 * A table always keeps a third of its index EMPTY, so every probe ends.
 *
 * Writers hold the dict's critical section (free-threaded build) and, in this order:
 *   bump version (GlobalsCache: "something changed")
 *   store: entry.value = v (release); or new entry: entries[pos] = e, then index[slot] = pos
 *          (release each: a reader that sees the position sees the entry whole)
 *   remove: entry.value = null, then index[slot] = DUMMY (release)
 *   resize: build privately, then table = new Table (release)
 * and decref replaced values and removed keys and values after unlocking (a dealloc must not
 * run under this lock). No operation holds two dict locks.
 * Comparing keys may call out to Python (a user __eq__): Ops suspends the section for the
 * callee, which may change the dict (or another thread may). So the stored key is kept alive
 * (incref) across the comparison, and on return a probe whose table was replaced or whose
 * entry was removed starts again (RESTART, as CPython's lookdict); str and int keys never
 * call out and skip this.
 *
 * Reads, by the build knob ContainerReads.LOCK_FREE:
 *   locked (gilectomy presets; the GIL build, whose lock is empty): lock, probe, incref, unlock.
 *   lock-free (nogil): t = table (acquire); probe; v = entry.value (acquire);
 *                      tryIncref(v); entry.value still v (acquire)? return v
 *                      : decref and retry. Fall back to the locked read when tryIncref
 *                      refuses, after a few retries, or when comparing the keys would not be
 *                      safe without the lock (below).
 *   Why the re-check: between reading v and tryIncref a writer may replace v and free it,
 *   and a float may be reused from its free list as another object; tryIncref refuses a
 *   freed object, and a reused one fails the re-check, because the writer's store is
 *   ordered before its decref, the free and the reuse, and those before the count our
 *   tryIncref read (RefCount's Overview).
 *   Keys are compared lock-free only when that reads nothing a free could change: the same
 *   object, or a str or int against the same type (immutable, never reused; a key removed
 *   meanwhile is still readable, and the value re-check decides). Any other equal-hash pair
 *   (user __eq__, tuple, float keys) is compared under the lock.
 * A miss is linearised at the table load: a lock-free read never returns a removed value
 * (the re-check), and never a value that was not the key's at some instant of the call.
 *
 * Field         access
 * table         written under the lock (setRelease); read under it (plain) or lock-free (getAcquire)
 * Table.index   elements: setRelease under the lock; getAcquire lock-free
 * Table.entries elements: setRelease under the lock; getAcquire lock-free
 * Table.used    plain, under the lock only
 * Entry.value   setRelease under the lock; getAcquire lock-free
 * size          setRelease under the lock; getAcquire for len() in the lock-free build
 * version       setRelease under the lock, before the mutation it announces; getAcquire by
 *               GlobalsCache. Bumped by every mutation, never repeats.
 *
 * Not promised: a consistent view across separate operations. Iteration is live (Iter), one
 * locked step at a time, and raises if the size changes.
 * </pre>
 */
public class PyDict extends PyObject implements org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("dict", null);

    private static final boolean LOCK_FREE_READS = ContainerReads.LOCK_FREE;
    /** Lock-free read attempts before a read falls back to the lock. */
    static final int DEFAULT_READ_RETRIES = 4;
    private static final int EMPTY = -1;
    private static final int DUMMY = -2;
    private static final int ABSENT = -1;
    private static final int COMPARE_LOCKED = -2;
    private static final int RESTART = -3;
    private static final int MIN_INDEX = 8;

    private static final VarHandle TABLE;
    private static final VarHandle SIZE;
    private static final VarHandle VERSION;
    private static final VarHandle VALUE;
    private static final VarHandle INDEX = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(Entry[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TABLE = l.findVarHandle(PyDict.class, "table", Table.class);
            SIZE = l.findVarHandle(PyDict.class, "size", int.class);
            VERSION = l.findVarHandle(PyDict.class, "version", long.class);
            VALUE = l.findVarHandle(Entry.class, "value", PyObject.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One key, in insertion order. */
    static final class Entry {
        final PyObject key; // owned by the dict
        final int hash;
        /** Owned by the dict; null once removed. Touched only through the accessors. */
        @SuppressWarnings("unused")
        private PyObject value;

        Entry(PyObject key, int hash, PyObject value) {
            this.key = key;
            this.hash = hash;
            this.value = value;
        }

        PyObject valueAcquire() {
            return (PyObject) VALUE.getAcquire(this);
        }

        void setValueRelease(PyObject v) {
            VALUE.setRelease(this, v);
        }
    }

    /** Index and entries of one capacity; replaced whole on resize. */
    static final class Table {
        final int[] index;     // EMPTY, DUMMY or a position in entries
        final Entry[] entries; // [0, used) appended in insertion order
        int used;              // under the lock

        Table(int indexLength) {
            index = new int[indexLength];
            java.util.Arrays.fill(index, EMPTY);
            entries = new Entry[indexLength * 2 / 3];
        }

        int indexAcquire(int slot) {
            return (int) INDEX.getAcquire(index, slot);
        }

        void setIndexRelease(int slot, int pos) {
            INDEX.setRelease(index, slot, pos);
        }

        Entry entryAcquire(int pos) {
            return (Entry) ENTRIES.getAcquire(entries, pos);
        }

        void setEntryRelease(int pos, Entry e) {
            ENTRIES.setRelease(entries, pos, e);
        }
    }

    /** Touched only through tableAcquire/setTableRelease (plain reads under the lock). */
    private Table table = new Table(MIN_INDEX);
    /** Live entries. Touched only through the size accessors. */
    private int size;
    /** CPython's ma_version. Touched only through versionAcquire/bumpVersionLocked. */
    @SuppressWarnings("unused")
    private long version;

    @Override
    public PyType type() {
        return TYPE;
    }

    private Table tableAcquire() {
        return (Table) TABLE.getAcquire(this);
    }

    private void setTableRelease(Table t) {
        TABLE.setRelease(this, t);
    }

    private int sizeAcquire() {
        return (int) SIZE.getAcquire(this);
    }

    private void setSizeRelease(int n) {
        SIZE.setRelease(this, n);
    }

    /** The mutation count: changes before any value is stored or removed (GlobalsCache). */
    public long versionAcquire() {
        return (long) VERSION.getAcquire(this);
    }

    /** Under the object lock, before the mutation: readers that see its effect see the bump. */
    private void bumpVersionLocked() {
        VERSION.setRelease(this, (long) VERSION.get(this) + 1);
    }

    // ---- probing

    /**
     * The position of {@code key}'s entry in {@code t}, ABSENT, or (lock-free only)
     * COMPARE_LOCKED when an equal-hash key can be compared safely only under the lock, or
     * (locked only) RESTART when a comparison that may have called out to Python (a user
     * {@code __eq__}, run with the section suspended) returned to a changed dict.
     */
    private int find(Table t, PyObject key, int hash, boolean lockFree) {
        int mask = t.index.length - 1;
        int slot = hash & mask;
        for (int perturb = hash; ; perturb >>>= 5, slot = (slot * 5 + perturb + 1) & mask) {
            int pos = t.indexAcquire(slot);
            if (pos == EMPTY) {
                return ABSENT;
            }
            if (pos == DUMMY) {
                continue;
            }
            Entry e = t.entryAcquire(pos);
            if (e.key == key) {
                return pos;
            }
            if (e.hash != hash) {
                continue;
            }
            if (!lockFree) {
                if (comparableLockFree(key, e.key)) {
                    if (key.equals(e.key)) {
                        return pos; // str and int: no call-out
                    }
                    continue;
                }
                boolean same;
                RefCount.incref(e.key); // the callee may remove it: keep it alive, as CPython does
                try {
                    same = e.key.equals(key); // the stored key first, as CPython
                } finally {
                    RefCount.decref(e.key);
                }
                if (table != t || e.valueAcquire() == null) {
                    return RESTART; // resized, cleared or removed meanwhile: probe again
                }
                if (same) {
                    return pos;
                }
            } else if (e.valueAcquire() != null) { // removed: its key may be gone, skip it
                if (!comparableLockFree(key, e.key)) {
                    return COMPARE_LOCKED;
                }
                if (key.equals(e.key)) {
                    return pos;
                }
            }
        }
    }

    /** Under the section: find() in the current table, restarted until no comparison saw it change. */
    private int findLocked(PyObject key, int hash) {
        int pos;
        do {
            pos = find(table, key, hash, false);
        } while (pos == RESTART);
        return pos;
    }

    /** Whether {@code key.equals(stored)} reads only immutable fields of objects never reused. */
    private static boolean comparableLockFree(PyObject key, PyObject stored) {
        Class<?> c = key.getClass();
        return c == stored.getClass() && (c == PyStr.class || c == PyInt.class);
    }

    /** A slot that is EMPTY or DUMMY, for a new entry with {@code hash}. */
    private static int freeSlot(Table t, int hash) {
        int mask = t.index.length - 1;
        int slot = hash & mask;
        for (int perturb = hash; t.index[slot] >= 0; perturb >>>= 5, slot = (slot * 5 + perturb + 1) & mask) {
            // probe on
        }
        return slot;
    }

    /** The slot whose index holds {@code pos} (a live entry with {@code hash}). */
    private static int slotOf(Table t, int hash, int pos) {
        int mask = t.index.length - 1;
        int slot = hash & mask;
        for (int perturb = hash; t.index[slot] != pos; perturb >>>= 5, slot = (slot * 5 + perturb + 1) & mask) {
            // probe on
        }
        return slot;
    }

    // ---- writes (under the lock)

    /** Appends a new entry, resizing first when the entries are full. */
    private void insertLocked(Entry e) {
        Table t = table;
        if (t.used == t.entries.length) {
            t = resizeLocked(t);
        }
        int pos = t.used++;
        t.setEntryRelease(pos, e);
        t.setIndexRelease(freeSlot(t, e.hash), pos);
        setSizeRelease(size + 1);
    }

    /** A new table holding the live entries, with room for as many again; published. */
    private Table resizeLocked(Table old) {
        int indexLength = MIN_INDEX;
        while (indexLength < size * 3) {
            indexLength <<= 1;
        }
        Table t = new Table(indexLength);
        for (int i = 0; i < old.used; i++) {
            Entry e = old.entries[i];
            if (e.valueAcquire() != null) {
                t.entries[t.used] = e;
                t.index[freeSlot(t, e.hash)] = t.used++;
            }
        }
        setTableRelease(t); // release: the new arrays are complete before they are seen
        return t;
    }

    /** Removes the entry at {@code pos}; the caller decrefs the key and the returned value. */
    private PyObject removeLocked(Table t, int pos) {
        bumpVersionLocked();
        Entry e = t.entries[pos];
        PyObject v = e.valueAcquire();
        e.setValueRelease(null);
        t.setIndexRelease(slotOf(t, e.hash, pos), DUMMY);
        setSizeRelease(size - 1);
        return v;
    }

    // ---- reads

    /** A new reference to the value for {@code key}, or null if absent. */
    /**
     * {@code self[key]} for a key that is not there: KeyError, or what a subclass's
     * {@code __missing__} gives ({@code collections.defaultdict}), as CPython's dict_subscript.
     */
    public PyObject missing(PyObject key) {
        throw Ops.keyError(key);
    }

    /** The repr of a subclass that has one of its own ({@code defaultdict(...)}); null for a dict's. */
    public String ownRepr() {
        return null;
    }

    public PyObject get(PyObject key) {
        int hash = key.hashCode();
        if (LOCK_FREE_READS) {
            for (int attempt = 0; attempt < DEFAULT_READ_RETRIES; attempt++) {
                int pos;
                Table t = tableAcquire();
                pos = find(t, key, hash, true);
                if (pos == ABSENT) {
                    return null;
                }
                if (pos == COMPARE_LOCKED) {
                    break;
                }
                Entry e = t.entryAcquire(pos);
                PyObject v = e.valueAcquire();
                if (v == null) {
                    continue; // removed since the probe
                }
                if (!RefCount.tryIncref(v)) {
                    break; // freed, or not try-increfable by this thread now: ask the lock
                }
                if (e.valueAcquire() == v) {
                    return v;
                }
                RefCount.decref(v); // replaced meanwhile: ours may be another object by now
            }
        }
        return getLocked(key, hash);
    }

    /** The locked read: what every read does when reads are not lock-free. */
    private PyObject getLocked(PyObject key, int hash) {
        CriticalSection.begin(this);
        try {
            int pos = findLocked(key, hash);
            Table t = table;
            if (pos < 0) {
                return null;
            }
            PyObject v = t.entries[pos].valueAcquire();
            RefCount.incref(v);
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * CPython's {@code PyDict_GetItem}: a borrowed reference, no lock, no incref; null if
     * absent or if the key is neither the stored object nor a str or int. Safe only while no
     * other thread can remove the value (the GIL build): in the free-threaded build the value
     * may be freed before the caller increfs it, which is what the jcstress negative control
     * (LockFreeReads) shows, and why {@link #get} try-increfs and re-checks.
     */
    public PyObject getBorrowed(PyObject key) {
        Table t = tableAcquire();
        int pos = find(t, key, key.hashCode(), true);
        return pos < 0 ? null : t.entryAcquire(pos).valueAcquire();
    }

    /** Lookup by identifier (globals, module attributes); new reference or null. */
    public PyObject getName(String name) {
        return get(PyStr.internBorrowed(name));
    }

    public void put(PyObject key, PyObject value) {
        int hash = key.hashCode();
        PyObject old = null;
        CriticalSection.begin(this);
        try {
            int pos = findLocked(key, hash);
            Table t = table;
            bumpVersionLocked();
            RefCount.incref(value);
            if (pos >= 0) {
                Entry e = t.entries[pos];
                old = e.valueAcquire();
                e.setValueRelease(value);
            } else {
                RefCount.incref(key);
                insertLocked(new Entry(key, hash, value));
            }
        } finally {
            CriticalSection.end();
        }
        if (old != null) {
            RefCount.decref(old);
        }
    }

    /** Puts every item of {@code other} (a snapshot of it) into this dict: {@code d.update(other)}. */
    public void putAll(PyDict other) {
        for (Map.Entry<PyObject, PyObject> e : other.itemsSnapshot()) {
            put(e.getKey(), e.getValue());
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
    }

    public void putName(String name, PyObject value) {
        put(PyStr.internBorrowed(name), value);
    }

    /** Removes {@code key}; returns whether it was present. */
    public boolean remove(PyObject key) {
        PyObject v = pop(key);
        if (v == null) {
            return false;
        }
        RefCount.decref(v);
        return true;
    }

    public int size() {
        if (LOCK_FREE_READS) {
            return sizeAcquire();
        }
        CriticalSection.begin(this);
        try {
            return size;
        } finally {
            CriticalSection.end();
        }
    }

    public boolean containsKey(PyObject key) {
        int hash = key.hashCode();
        if (LOCK_FREE_READS) {
            Table t = tableAcquire();
            int pos = find(t, key, hash, true);
            if (pos == ABSENT) {
                return false;
            }
            if (pos >= 0 && t.entryAcquire(pos).valueAcquire() != null) {
                return true; // present at that instant
            }
        }
        CriticalSection.begin(this);
        try {
            return findLocked(key, hash) >= 0;
        } finally {
            CriticalSection.end();
        }
    }

    /** New references to keys and values, in insertion order. */
    public List<Map.Entry<PyObject, PyObject>> itemsSnapshot() {
        CriticalSection.begin(this);
        try {
            Table t = table;
            List<Map.Entry<PyObject, PyObject>> r = new ArrayList<>(size);
            for (int i = 0; i < t.used; i++) {
                Entry e = t.entries[i];
                PyObject v = e.valueAcquire();
                if (v != null) {
                    RefCount.incref(e.key);
                    RefCount.incref(v);
                    r.add(Map.entry(e.key, v));
                }
            }
            return r;
        } finally {
            CriticalSection.end();
        }
    }

    /** A new iterator over the keys, values or items (a new reference): see {@link Iter}. */
    public PyIterator iterator(PyDictView.Kind kind) {
        RefCount.incref(this);
        return new Iter(this, kind, size());
    }

    /**
     * Iterates live, as CPython's dictiter: each step reads the current table, under the lock,
     * from the position reached, so it sees values stored meanwhile. A size change since the
     * iterator was made raises RuntimeError at the next step, every step after (from this
     * thread or another); more keys found than the size promised (same size, other keys)
     * raises too and ends the iteration.
     */
    static final class Iter extends OwningIterator<PyDict> {
        private final PyDictView.Kind kind;
        private int expectedSize; // -1 once a size change was seen: stays raising
        private int remaining;
        private int pos;

        Iter(PyDict ownedDict, PyDictView.Kind kind, int size) {
            super(ownedDict);
            this.kind = kind;
            this.expectedSize = size;
            this.remaining = size;
        }

        @Override
        public PyType type() {
            return kind.iteratorType;
        }

        @Override
        public PyObject next() {
            PyDict d = source();
            if (d == null) {
                return null;
            }
            PyObject k = null;
            PyObject v = null;
            String error = null;
            boolean ended = false;
            CriticalSection.begin(d);
            try {
                Table t = d.table;
                int i = pos;
                while (i < t.used && t.entries[i].valueAcquire() == null) {
                    i++;
                }
                if (d.size != expectedSize) {
                    expectedSize = -1;
                    error = "dictionary changed size during iteration";
                } else if (i < t.used && remaining == 0) {
                    error = "dictionary keys changed during iteration";
                    i = t.used; // ends it, as CPython's
                } else if (i < t.used) {
                    k = t.entries[i].key;
                    v = t.entries[i].valueAcquire();
                    RefCount.incref(k);
                    RefCount.incref(v);
                    pos = i + 1;
                    remaining--;
                }
                ended = k == null && expectedSize >= 0;
            } finally {
                CriticalSection.end();
            }
            if (ended) {
                finish();
            }
            if (error != null) {
                throw new PyException(PyExc.RUNTIME_ERROR, error);
            }
            if (k == null) {
                return null;
            }
            switch (kind) {
                case KEYS:
                    RefCount.decref(v);
                    return k;
                case VALUES:
                    RefCount.decref(k);
                    return v;
                default:
                    return PyTuple.steal(new PyObject[] {k, v});
            }
        }
    }

    /**
     * Removes {@code key} and returns the caller's reference to its value, or null if absent
     * ({@code dict.pop}).
     */
    public PyObject pop(PyObject key) {
        int hash = key.hashCode();
        PyObject storedKey;
        PyObject v;
        CriticalSection.begin(this);
        try {
            int pos = findLocked(key, hash);
            Table t = table;
            if (pos < 0) {
                return null;
            }
            storedKey = t.entries[pos].key;
            v = removeLocked(t, pos);
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(storedKey);
        return v;
    }

    /** {@code dict.popitem()}: the last inserted pair, as owned references; null if empty. */
    public Map.Entry<PyObject, PyObject> popLast() {
        CriticalSection.begin(this);
        try {
            Table t = table;
            for (int pos = t.used - 1; pos >= 0; pos--) {
                Entry e = t.entries[pos];
                if (e.valueAcquire() != null) {
                    return Map.entry(e.key, removeLocked(t, pos));
                }
            }
            return null;
        } finally {
            CriticalSection.end();
        }
    }

    /** {@code dict.setdefault(key, dflt)}: a new reference to the value now stored. */
    public PyObject setDefault(PyObject key, PyObject dflt) {
        int hash = key.hashCode();
        CriticalSection.begin(this);
        try {
            int pos = findLocked(key, hash);
            Table t = table;
            PyObject v;
            if (pos >= 0) {
                v = t.entries[pos].valueAcquire();
            } else {
                bumpVersionLocked();
                RefCount.incref(key);
                RefCount.incref(dflt);
                insertLocked(new Entry(key, hash, dflt));
                v = dflt;
            }
            RefCount.incref(v);
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /** {@code dict.clear()}. */
    public void clear() {
        dealloc(); // releases every pair after unlocking, leaving the dict empty and usable
    }

    /** Python's {@code ==} between dicts: the same keys, with equal values. */
    static boolean itemsEqual(PyDict a, PyDict b) {
        if (a == b) {
            return true;
        }
        List<Map.Entry<PyObject, PyObject>> items = a.itemsSnapshot();
        try {
            if (items.size() != b.size()) {
                return false;
            }
            for (Map.Entry<PyObject, PyObject> e : items) {
                PyObject v = b.get(e.getKey());
                if (v == null) {
                    return false;
                }
                boolean same = Ops.sameOrEq(e.getValue(), v);
                RefCount.decref(v);
                if (!same) {
                    return false;
                }
            }
            return true;
        } finally {
            for (Map.Entry<PyObject, PyObject> e : items) {
                RefCount.decref(e.getKey());
                RefCount.decref(e.getValue());
            }
        }
    }

    /** Empties the dict (it stays usable: clear() is this), releasing every pair after unlocking. */
    @Override
    protected void dealloc() {
        List<PyObject> released = new ArrayList<>();
        CriticalSection.begin(this);
        try {
            bumpVersionLocked();
            Table t = table;
            for (int i = 0; i < t.used; i++) {
                Entry e = t.entries[i];
                PyObject v = e.valueAcquire();
                if (v != null) {
                    e.setValueRelease(null); // before the decref: lock-free readers' re-check
                    released.add(e.key);
                    released.add(v);
                }
            }
            setTableRelease(new Table(MIN_INDEX));
            setSizeRelease(0);
        } finally {
            CriticalSection.end();
        }
        for (PyObject o : released) {
            RefCount.decref(o);
        }
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'dict'");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        Table t = table;
        for (int i = 0; i < t.used; i++) {
            Entry e = t.entries[i];
            PyObject value = e == null ? null : e.valueAcquire();
            if (value != null) { // a removed entry owns nothing
                v.visit(e.key);
                v.visit(value);
            }
        }
    }

    @Override
    public void clearReferences() {
        dealloc(); // empties the dict, which stays usable
    }
}
