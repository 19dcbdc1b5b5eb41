package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * Inline caches for attribute access on instances of classes made by class statements
 * ({@code LOAD_ATTR}, {@code STORE_ATTR}, {@code LOAD_METHOD}), one per name of a code object
 * ({@link PyCode#attrCaches}, indexed like {@link PyCode#names}).
 *
 * <pre>
 * Overview
 *
 * An entry says what reading (or writing) the name does on an instance of one shape, while
 * that shape's class has one version:
 *   SLOT    the instance's own attribute at values[index]; store allowed only if storeOk
 *           (the class defines no __setattr__)
 *   ADD     (stores only) the name is new: the instance moves from shape to next, the value
 *           goes to values[index]
 *   METHOD  a function of the class (borrowed in value), the instance not shadowing it
 *   VALUE   a class attribute that is no descriptor, or a staticmethod's function (borrowed)
 * Shapes belong to one class, so (shape, version) pins down the class and everything its
 * namespace and its bases' say about the name, and the shape says whether the instance has
 * it. A miss runs the general path (Classes) and makes a new entry from what it found.
 *
 * Entries are immutable (final fields) and stored into the array with plain writes: a racing
 * reader sees null, an old entry or a complete new one (final-field semantics), and any of
 * them is either valid or fails its checks. No allocation and no lock on a hit, except the
 * instance's Py_LOCK around a SLOT's value in free-threaded builds (see PyInstance). The
 * borrowed class attributes stay alive while an entry may hold them: PyType retires what it
 * displaces instead of releasing it.
 * </pre>
 */
public final class AttrCache {
    static final int SLOT = 0;
    static final int ADD = 1;
    static final int METHOD = 2;
    static final int VALUE = 3;

    final Shape shape;
    final PyType type;    // shape.type, one load nearer
    final int version;
    final int kind;
    final int index;
    final PyObject value; // borrowed: METHOD, VALUE
    final Shape next;     // ADD
    final boolean storeOk;

    private AttrCache(Shape shape, int version, int kind, int index, PyObject value, Shape next, boolean storeOk) {
        this.shape = shape;
        this.type = shape.type;
        this.version = version;
        this.kind = kind;
        this.index = index;
        this.value = value;
        this.next = next;
        this.storeOk = storeOk;
    }

    /** A new, empty cache array for a code object with {@code names} names. */
    public static AttrCache[] forNames(int names) {
        return new AttrCache[names];
    }

    /** {@code o.name} (the code's name {@code nameIndex}) for any object: a new reference. */
    public static PyObject load(PyCode code, int nameIndex, PyObject o) {
        return o instanceof PyInstance pi ? load(code, nameIndex, pi) : Ops.getAttr(o, code.names[nameIndex]);
    }

    /** {@code o.name} (the code's name {@code nameIndex}): a new reference. */
    public static PyObject load(PyCode code, int nameIndex, PyInstance o) {
        AttrCache e = code.attrCaches[nameIndex];
        if (e != null && e.version == e.type.versionAcquire()) {
            Shape s = e.shape;
            switch (e.kind) {
                case SLOT: {
                    PyObject v = o.getIfShape(s, e.index);
                    if (v != null) {
                        return v;
                    }
                    break;
                }
                case METHOD:
                    if (o.shapeAcquire() == s) {
                        return new PyBoundMethod(e.value, o);
                    }
                    break;
                case VALUE:
                    if (o.shapeAcquire() == s) {
                        RefCount.incref(e.value);
                        return e.value;
                    }
                    break;
                default:
                    break;
            }
        }
        PyStr key = code.nameObjects[nameIndex];
        fill(code, nameIndex, o, key);
        return Classes.instanceAttr(o, key);
    }

    /**
     * {@code o.name(...)}: a frame's reference (RefCount.increfStack: none written for a
     * deferred function) to the class's function {@code name} if that is what the instance
     * would bind it to; null otherwise (the caller binds through load).
     */
    public static PyObject method(PyCode code, int nameIndex, PyInstance o) {
        AttrCache e = code.attrCaches[nameIndex];
        if (e == null || e.kind != METHOD || o.shapeAcquire() != e.shape || e.version != e.type.versionAcquire()) {
            e = fill(code, nameIndex, o, code.nameObjects[nameIndex]);
            if (e == null || e.kind != METHOD) {
                return null;
            }
        }
        RefCount.increfStack(e.value);
        return e.value;
    }

    /** {@code o.name = v}; v borrowed. */
    public static void store(PyCode code, int nameIndex, PyInstance o, PyObject v) {
        AttrCache e = code.attrCaches[nameIndex];
        if (e != null && e.storeOk && e.version == e.type.versionAcquire()) {
            boolean done = e.kind == SLOT ? o.setIfShape(null, e.shape, e.index, v)
                    : e.kind == ADD && o.setIfShape(e.shape, e.next, e.index, v);
            if (done) {
                return;
            }
        }
        PyStr key = code.nameObjects[nameIndex];
        Shape before = o.shapeAcquire();
        int version = o.type().versionAcquire();
        Classes.setAttr(o, key, v);
        Shape after = o.shapeAcquire();
        if (before == null || after == null || !storable(o.type(), key)) {
            return;
        }
        int i = after.indexOf(key);
        if (i < 0) {
            return; // stored elsewhere (an exception's args)
        }
        if (before == after) {
            code.attrCaches[nameIndex] = new AttrCache(after, version, SLOT, i, null, null, true);
        } else if (i == before.size() && after.size() == i + 1) {
            code.attrCaches[nameIndex] = new AttrCache(before, version, ADD, i, null, after, true);
        }
    }

    /** Whether a plain store into the instance is what {@code o.key = v} does on class {@code t}. */
    private static boolean storable(PyType t, PyStr key) {
        if (Classes.hasCustomSetattr(t)) {
            return false;
        }
        PyObject cv = t.lookup(key.value);
        if (cv == null) {
            return true;
        }
        boolean data = Descriptors.isData(cv);
        RefCount.decref(cv);
        return !data;
    }

    /**
     * Makes (and stores) the entry for reading {@code key} on {@code o}; null when the read
     * is not cacheable (dict mode, data or user descriptors, special names, exceptions).
     */
    private static AttrCache fill(PyCode code, int nameIndex, PyInstance o, PyStr key) {
        PyType t = o.type();
        int version = t.versionAcquire(); // before the lookups: a change after it invalidates the entry
        Shape s = o.shapeAcquire();
        if (s == null || o instanceof PyBaseException || key.value.equals("__class__") || key.value.equals("__dict__")
                || t.customGetattribute()) {
            return null;
        }
        PyObject cv = t.lookup(key.value);
        AttrCache e = null;
        try {
            int i = s.indexOf(key);
            if (cv != null && (Descriptors.isData(cv) || cv instanceof PyInstance)) {
                return null; // descriptors of user classes, and properties, take the general path
            }
            if (i >= 0) {
                e = new AttrCache(s, version, SLOT, i, null, null, !Classes.hasCustomSetattr(t));
            } else if (cv instanceof PyFunction || cv instanceof PyBuiltinFunction) {
                e = new AttrCache(s, version, METHOD, -1, cv, null, false);
            } else if (cv instanceof Descriptors.PyFunctionWrapper w) {
                if (!w.bindsClass() && !(w instanceof BuiltinSubclass)) { // a subclass may re-init or override __get__
                    e = new AttrCache(s, version, VALUE, -1, w.function, null, false);
                }
            } else if (cv != null) {
                e = new AttrCache(s, version, VALUE, -1, cv, null, false);
            }
        } finally {
            RefCount.xdecref(cv); // stays alive: the namespace or the class's retired list holds it
        }
        if (e != null) {
            code.attrCaches[nameIndex] = e;
        }
        return e;
    }
}
