package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * The descriptor protocol as attribute access uses it: what a class attribute becomes when
 * read through an instance or the class ({@link #bind}), whether it overrides the instance's
 * own attributes ({@link #isData}), and the built-in descriptors {@code staticmethod},
 * {@code classmethod} and {@code property}. User classes with {@code __get__}/{@code __set__}/
 * {@code __delete__} are descriptors too.
 */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * {@code staticmethod(f)} and {@code classmethod(f)}: read through a class or instance,
     * {@code f} itself, or {@code f} bound to the class. Owns f.
     */
    public static final class PyFunctionWrapper extends PyObject {
        public static final PyType STATICMETHOD = new PyType("staticmethod", null);
        public static final PyType CLASSMETHOD = new PyType("classmethod", null);
        private final PyType kind;
        final PyObject function;

        /** {@code kind}: STATICMETHOD or CLASSMETHOD. */
        public PyFunctionWrapper(PyType kind, PyObject function) {
            RefCount.incref(function);
            this.kind = kind;
            this.function = function;
        }

        boolean bindsClass() {
            return kind == CLASSMETHOD;
        }

        @Override
        public PyType type() {
            return kind;
        }

        @Override
        protected void dealloc() {
            RefCount.decref(function);
        }

        @Override
        public String toString() {
            return "<" + kind.name() + "(" + Ops.repr(function) + ")>";
        }
    }

    /**
     * {@code property(fget, fset, fdel, doc)}: a data descriptor calling its accessors. Owns
     * them (each None when absent). {@code name} is the attribute it was defined as in a class
     * body (CPython's {@code __set_name__}), for error messages; null when unknown.
     */
    public static final class PyProperty extends PyObject implements DataAttributes {
        public static final PyType TYPE = new PyType("property", null);
        final PyObject fget;
        final PyObject fset;
        final PyObject fdel;
        final PyObject doc;
        private volatile String name; // set once, when the class is made

        /** Takes its own references. */
        public PyProperty(PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
            this.fget = own(fget);
            this.fset = own(fset);
            this.fdel = own(fdel);
            this.doc = own(doc);
        }

        private static PyObject own(PyObject o) {
            PyObject v = o == null ? PyNone.NONE : o;
            RefCount.incref(v);
            return v;
        }

        /** A copy with one accessor replaced ({@code prop.setter(f)}): which = 0 get, 1 set, 2 delete. */
        public PyProperty with(int which, PyObject f) {
            PyProperty p = new PyProperty(which == 0 ? f : fget, which == 1 ? f : fset, which == 2 ? f : fdel, doc);
            p.name = name;
            return p;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        void nameIfUnset(String n) {
            if (name == null) {
                name = n;
            }
        }

        @Override
        public PyObject getAttribute(String attr) {
            PyObject v = switch (attr) {
                case "fget" -> fget;
                case "fset" -> fset;
                case "fdel" -> fdel;
                case "__doc__" -> doc;
                default -> null;
            };
            if (v != null) {
                RefCount.incref(v);
            }
            return v;
        }

        PyException missing(PyObject instance, String what) {
            String prop = name == null ? "property" : "property '" + name + "'";
            return new PyException(PyExc.ATTRIBUTE_ERROR, prop + " of '" + instance.type().name() + "' object has no " + what);
        }

        PyObject get(PyObject instance) {
            if (fget == PyNone.NONE) {
                throw missing(instance, "getter");
            }
            return Ops.call(fget, instance);
        }

        void set(PyObject instance, PyObject value) {
            if (fset == PyNone.NONE) {
                throw missing(instance, "setter");
            }
            RefCount.decref(Ops.call(fset, instance, value));
        }

        void delete(PyObject instance) {
            if (fdel == PyNone.NONE) {
                throw missing(instance, "deleter");
            }
            RefCount.decref(Ops.call(fdel, instance));
        }

        @Override
        protected void dealloc() {
            RefCount.decref(fget);
            RefCount.decref(fset);
            RefCount.decref(fdel);
            RefCount.decref(doc);
        }
    }

    /**
     * A name in a class's {@code __slots__} (CPython's member descriptor): reads and writes the
     * instance's attribute of that name, stored with its other attributes (the class then
     * refuses any name not in a slot: {@link PyType#slotsOnly}).
     */
    public static final class SlotMember extends PyObject {
        public static final PyType TYPE = new PyType("member_descriptor", null);
        private final PyStr key;
        private final PyType owner;

        SlotMember(PyStr key, PyType owner) {
            this.key = key;
            this.owner = owner;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        PyObject get(PyObject instance) {
            PyObject v = Classes.ownGet(instance, key);
            if (v == null) {
                throw PyExc.attributeError(instance, key.value);
            }
            return v;
        }

        void set(PyObject instance, PyObject value) {
            if (value != null) {
                Classes.ownSet(instance, key, value);
            } else if (!Classes.ownRemove(instance, key)) {
                throw new PyException(PyExc.ATTRIBUTE_ERROR, key.value);
            }
        }

        @Override
        public String toString() {
            return "<member '" + key.value + "' of '" + owner.name() + "' objects>";
        }
    }

    /**
     * Whether class attribute {@code v} takes precedence over an instance's own attribute of
     * the same name (a data descriptor: property, or a class with {@code __set__} or
     * {@code __delete__}).
     */
    static boolean isData(PyObject v) {
        return v instanceof PyProperty || v instanceof SlotMember
                || v instanceof PyInstance && (Dunders.has(v, "__set__") || Dunders.has(v, "__delete__"));
    }

    /**
     * Class attribute {@code v} (borrowed) read through {@code instance} (null when read
     * through the class itself) of class {@code owner}: a new reference to what the read
     * yields.
     */
    static PyObject bind(PyObject v, PyObject instance, PyType owner) {
        if (v instanceof PyFunction || v instanceof PyBuiltinFunction) {
            return instance == null ? newRef(v) : new PyBoundMethod(v, instance);
        }
        if (v instanceof PyFunctionWrapper w) {
            return w.bindsClass() ? new PyBoundMethod(w.function, owner) : newRef(w.function);
        }
        if (v instanceof PyProperty p) {
            return instance == null ? newRef(p) : p.get(instance);
        }
        if (v instanceof SlotMember m) {
            return instance == null || !instance.type().isSubtypeOf(m.owner) ? newRef(m) : m.get(instance);
        }
        if (v instanceof PyInstance && Dunders.has(v, "__get__")) {
            PyObject r = Dunders.callOrNull(v, "__get__", instance == null ? PyNone.NONE : instance, owner);
            if (r != null) {
                return r;
            }
        }
        return newRef(v);
    }

    /**
     * {@code instance.name = value} (value null: {@code del}) through data descriptor
     * {@code v}; false if {@code v} is not one (the caller stores into the instance).
     */
    static boolean setOrDelete(PyObject v, PyObject instance, PyObject value) {
        if (v instanceof SlotMember m) {
            m.set(instance, value);
            return true;
        }
        if (v instanceof PyProperty p) {
            if (value == null) {
                p.delete(instance);
            } else {
                p.set(instance, value);
            }
            return true;
        }
        if (v instanceof PyInstance) {
            String dunder = value == null ? "__delete__" : "__set__";
            if (Dunders.has(v, dunder)) {
                PyObject r = value == null ? Dunders.callOrNull(v, dunder, instance) : Dunders.callOrNull(v, dunder, instance, value);
                RefCount.xdecref(r);
                return true;
            }
            if (Dunders.has(v, value == null ? "__set__" : "__delete__")) {
                throw new PyException(PyExc.ATTRIBUTE_ERROR, dunder);
            }
        }
        return false;
    }

    /** Gives properties defined in a class body their names (CPython's {@code __set_name__}). */
    static void nameProperties(PyDict namespace) {
        for (java.util.Map.Entry<PyObject, PyObject> e : namespace.itemsSnapshot()) {
            if (e.getValue() instanceof PyProperty p && e.getKey() instanceof PyStr k) {
                p.nameIfUnset(k.value);
            }
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }
}
