package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.refcount.RefCount;

/**
 * {@code dict}: insertion-ordered, keyed by Python equality (the built-in value types'
 * Java {@code equals}/{@code hashCode} are Python's {@code ==} and {@code hash}).
 *
 * <pre>
 * Overview
 *
 * map: key -> Slot(key, value). The slot keeps the key object the dict owns (the first one
 * inserted, as in CPython), so removal can release exactly that reference. Slots hold owned
 * references to key and value. Every access takes the dict's ObjectLock (free-threaded
 * build); a lookup increfs the value before unlocking. Replaced values and removed keys are
 * decref'd after unlocking (a dealloc must not run under this lock). No operation holds two
 * dict locks.
 *
 * Field        access
 * map          guarded by the object lock
 * Slot.value   guarded by the object lock
 * version      written under the object lock (setRelease), before the mutation it announces;
 *              read without it (getAcquire) by GlobalsCache. Bumped by every mutation, never
 *              repeats: equal versions mean nothing was stored or removed in between.
 *
 * Not promised: a consistent view across separate operations; iteration works on a snapshot.
 * </pre>
 */
public final class PyDict extends PyObject {
    public static final PyType TYPE = new PyType("dict", null);

    private static final class Slot {
        final PyObject key;
        PyObject value;

        Slot(PyObject key, PyObject value) {
            this.key = key;
            this.value = value;
        }
    }

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(PyDict.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LinkedHashMap<PyObject, Slot> map = new LinkedHashMap<>();
    /** CPython's ma_version: touched only through versionAcquire/bumpVersionLocked. */
    @SuppressWarnings("unused")
    private long version;

    /** The mutation count: changes before any value is stored or removed (GlobalsCache). */
    public long versionAcquire() {
        return (long) VERSION.getAcquire(this);
    }

    /** Under the object lock, before the mutation: readers that see its effect see the bump. */
    private void bumpVersionLocked() {
        VERSION.setRelease(this, (long) VERSION.get(this) + 1);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** A new reference to the value for {@code key}, or null if absent. */
    public PyObject get(PyObject key) {
        ObjectLock.lock(this);
        try {
            Slot s = map.get(key);
            if (s == null) {
                return null;
            }
            RefCount.incref(s.value);
            return s.value;
        } finally {
            ObjectLock.unlock(this);
        }
    }

    /** Lookup by identifier (globals, module attributes); new reference or null. */
    public PyObject getName(String name) {
        return get(PyStr.internBorrowed(name));
    }

    public void put(PyObject key, PyObject value) {
        RefCount.incref(value);
        PyObject old = null;
        ObjectLock.lock(this);
        try {
            bumpVersionLocked();
            Slot s = map.get(key);
            if (s != null) {
                old = s.value;
                s.value = value;
            } else {
                RefCount.incref(key);
                map.put(key, new Slot(key, value));
            }
        } finally {
            ObjectLock.unlock(this);
        }
        if (old != null) {
            RefCount.decref(old);
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
        ObjectLock.lock(this);
        try {
            return map.size();
        } finally {
            ObjectLock.unlock(this);
        }
    }

    public boolean containsKey(PyObject key) {
        ObjectLock.lock(this);
        try {
            return map.containsKey(key);
        } finally {
            ObjectLock.unlock(this);
        }
    }

    /** New references to keys and values, in insertion order. */
    public List<Map.Entry<PyObject, PyObject>> itemsSnapshot() {
        ObjectLock.lock(this);
        try {
            List<Map.Entry<PyObject, PyObject>> r = new ArrayList<>(map.size());
            for (Slot s : map.values()) {
                RefCount.incref(s.key);
                RefCount.incref(s.value);
                r.add(Map.entry(s.key, s.value));
            }
            return r;
        } finally {
            ObjectLock.unlock(this);
        }
    }

    /**
     * Removes {@code key} and returns the caller's reference to its value, or null if absent
     * ({@code dict.pop}).
     */
    public PyObject pop(PyObject key) {
        Slot s;
        ObjectLock.lock(this);
        try {
            bumpVersionLocked();
            s = map.remove(key);
        } finally {
            ObjectLock.unlock(this);
        }
        if (s == null) {
            return null;
        }
        RefCount.decref(s.key);
        return s.value;
    }

    /** {@code dict.popitem()}: the last inserted pair, as owned references; null if empty. */
    public Map.Entry<PyObject, PyObject> popLast() {
        ObjectLock.lock(this);
        try {
            Slot last = null;
            for (Slot s : map.values()) {
                last = s; // LinkedHashMap has no O(1) last entry on Java 17
            }
            if (last == null) {
                return null;
            }
            bumpVersionLocked();
            map.remove(last.key);
            return Map.entry(last.key, last.value);
        } finally {
            ObjectLock.unlock(this);
        }
    }

    /** {@code dict.setdefault(key, dflt)}: a new reference to the value now stored. */
    public PyObject setDefault(PyObject key, PyObject dflt) {
        ObjectLock.lock(this);
        try {
            Slot s = map.get(key);
            if (s == null) {
                bumpVersionLocked();
                RefCount.incref(key);
                RefCount.incref(dflt);
                s = new Slot(key, dflt);
                map.put(key, s);
            }
            RefCount.incref(s.value);
            return s.value;
        } finally {
            ObjectLock.unlock(this);
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
                boolean same = Ops.eq(e.getValue(), v);
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

    @Override
    protected void dealloc() {
        List<Slot> slots;
        ObjectLock.lock(this);
        try {
            bumpVersionLocked();
            slots = new ArrayList<>(map.values());
            map.clear();
        } finally {
            ObjectLock.unlock(this);
        }
        for (Slot s : slots) {
            RefCount.decref(s.key);
            RefCount.decref(s.value);
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
}
