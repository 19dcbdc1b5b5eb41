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
     * {@code f} itself, or {@code f} bound to the class. Owns f. Instances of Python subclasses
     * ({@code abc.abstractclassmethod}) are {@link Sub}s: made empty by {@code __new__}, given
     * their function by {@code __init__} (as CPython's, whose {@code __new__} takes no part).
     */
    public static class PyFunctionWrapper extends SubclassableDescriptor {
        public static final PyType STATICMETHOD = new PyType("staticmethod", null);
        public static final PyType CLASSMETHOD = new PyType("classmethod", null);
        private static final java.lang.invoke.VarHandle FUNCTION;

        static {
            try {
                FUNCTION = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyFunctionWrapper.class, "function", PyObject.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final PyType kind;
        private final boolean bindsClass;
        /** Replaced only by {@code __init__} (through FUNCTION: a re-initialisation releases the old one once). */
        volatile PyObject function;

        /** {@code kind}: STATICMETHOD or CLASSMETHOD, or a Python subclass of one. */
        public PyFunctionWrapper(PyType kind, PyObject function) {
            this(kind, function, false);
        }

        private PyFunctionWrapper(PyType kind, PyObject function, boolean subclassInstance) {
            super(subclassInstance);
            RefCount.incref(function);
            this.kind = kind;
            this.bindsClass = kind.isSubtypeOf(CLASSMETHOD);
            this.function = function;
        }

        boolean bindsClass() {
            return bindsClass;
        }

        /**
         * {@code classmethod.__init__(self, f)}: the function, replacing any earlier one; a
         * subclass instance also takes f's name, module and docs into its own attributes (the
         * subset of functools.wraps CPython's {@code __init__} applies).
         */
        public void init(PyObject f) {
            RefCount.incref(f);
            RefCount.decref((PyObject) FUNCTION.getAndSet(this, f));
            if (this instanceof Sub s) {
                for (String attr : new String[] {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
                    PyObject v = Ops.attrOrNull(f, attr);
                    if (v != null) {
                        s.attributesBorrowed().put(PyStr.internBorrowed(attr), v);
                        RefCount.decref(v);
                    }
                }
            }
        }

        /** {@code __func__}: a new reference. */
        public PyObject functionRef() {
            PyObject f = function;
            RefCount.incref(f);
            return f;
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
            return "<" + (bindsClass ? "classmethod" : "staticmethod") + "(" + Ops.repr(function) + ")>"; // a subclass's too, as CPython's
        }

        /** An instance of a Python subclass of staticmethod or classmethod. */
        static final class Sub extends PyFunctionWrapper implements BuiltinSubclass {
            Sub(PyType cls) {
                super(cls, PyNone.NONE, true);
            }

            @Override
            public PyDict attributesBorrowed() {
                return attributes;
            }
        }
    }

    /**
     * {@code property(fget, fset, fdel, doc)}: a data descriptor calling its accessors. Owns
     * them (each None when absent). {@code name} is the attribute it was defined as in a class
     * body (CPython's {@code __set_name__}), for error messages; null when unknown. Instances of
     * Python subclasses are {@link Sub}s (made empty by {@code __new__}, filled by {@code __init__}).
     * {@code __init__} may run again on a live property: it and the copy ({@link #with}) hold the
     * object's monitor, so each sees the four accessors of one initialisation; calls through the
     * descriptor read one volatile field each and never lock.
     */
    public static class PyProperty extends SubclassableDescriptor {
        public static final PyType TYPE = new PyType("property", null);
        private final PyType cls;
        private volatile PyObject fget;
        private volatile PyObject fset;
        private volatile PyObject fdel;
        private volatile PyObject doc;
        private volatile boolean docFromGetter; // doc is fget's: a copy with a new getter takes the new getter's
        private volatile String name; // set once, when the class is made

        /** Takes its own references. */
        public PyProperty(PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
            this(TYPE, false);
            init(fget, fset, fdel, doc);
        }

        private PyProperty(PyType cls, boolean subclassInstance) {
            super(subclassInstance);
            this.cls = cls;
            this.fget = PyNone.NONE;
            this.fset = PyNone.NONE;
            this.fdel = PyNone.NONE;
            this.doc = PyNone.NONE;
        }

        private static PyObject own(PyObject o) {
            PyObject v = o == null ? PyNone.NONE : o;
            RefCount.incref(v);
            return v;
        }

        /**
         * {@code property.__init__}: the accessors (null or None: absent), and the doc, the
         * getter's {@code __doc__} when none is given (a subclass instance stores it as its own
         * {@code __doc__} attribute, as CPython's, since the subclass's class attribute would hide it).
         */
        public synchronized void init(PyObject get, PyObject set, PyObject del, PyObject d) {
            PyObject[] old = {fget, fset, fdel, doc};
            boolean fromGetter = false;
            if ((d == null || d == PyNone.NONE) && get != null && get != PyNone.NONE) {
                d = Ops.attrOrNull(get, "__doc__");
                fromGetter = d != null;
            } else {
                d = own(d);
            }
            fget = own(get);
            fset = own(set);
            fdel = own(del);
            doc = d == null ? own(null) : d;
            docFromGetter = fromGetter;
            if (this instanceof Sub s) {
                s.attributesBorrowed().put(PyStr.internBorrowed("__doc__"), doc);
            }
            for (PyObject o : old) {
                RefCount.decref(o);
            }
        }

        /**
         * {@code prop.getter(f)} and the like: a copy with one accessor replaced (which = 0 get, 1
         * set, 2 delete), made by calling the property's class (a subclass's {@code __init__} runs).
         */
        public PyObject with(int which, PyObject f) {
            PyObject[] a;
            synchronized (this) {
                PyObject d = docFromGetter && (which != 0 || f != PyNone.NONE) ? PyNone.NONE : doc;
                a = new PyObject[] {which == 0 ? f : fget, which == 1 ? f : fset, which == 2 ? f : fdel, d};
                for (PyObject o : a) {
                    RefCount.incref(o);
                }
            }
            try {
                PyObject made = cls == TYPE ? new PyProperty(a[0], a[1], a[2], a[3]) : Ops.call(cls, a);
                if (made instanceof PyProperty p) {
                    p.name = name;
                }
                return made;
            } finally {
                for (PyObject o : a) {
                    RefCount.decref(o);
                }
            }
        }

        @Override
        public PyType type() {
            return cls;
        }

        /** {@code __set_name__(owner, name)}: names the property in its error messages. */
        public void setName(String n) {
            name = n;
        }

        /**
         * The attributes of the three built-in descriptor types: their {@code __get__} (and
         * property's {@code __set__}, {@code __delete__}), which a subclass reaches through
         * {@code super()}; property's {@code fget}, {@code fset}, {@code fdel}, {@code __doc__};
         * the wrappers' {@code __func__}; everyone's {@code __isabstractmethod__}.
         */
        static void install() {
            for (PyType t : new PyType[] {TYPE, PyFunctionWrapper.STATICMETHOD, PyFunctionWrapper.CLASSMETHOD}) {
                t.addMethod("__get__", (a, off, n, kw) -> {
                    Args.between("__get__", n - 1, 1, 2, kw);
                    PyObject instance = a[off + 1] == PyNone.NONE ? null : a[off + 1];
                    PyObject owner = n > 2 && a[off + 2] != PyNone.NONE ? a[off + 2] : instance == null ? null : instance.type();
                    if (instance == null && owner == null) {
                        throw PyExc.typeError("__get__(None, None) is invalid");
                    }
                    if (!(owner instanceof PyType ot)) {
                        throw PyExc.notImplemented("__get__ with an owner that is not a class");
                    }
                    return bindBuiltin(a[off], instance, ot);
                });
            }
            TYPE.addMethod("__set__", (a, off, n, kw) -> {
                Args.exactly("__set__", n - 1, 2, kw);
                ((PyProperty) a[off]).set(a[off + 1], a[off + 2]);
                return PyNone.newRef();
            });
            TYPE.addMethod("__delete__", (a, off, n, kw) -> {
                Args.exactly("__delete__", n - 1, 1, kw);
                ((PyProperty) a[off]).delete(a[off + 1]);
                return PyNone.newRef();
            });
            TYPE.addGetter("fget", o -> own(((PyProperty) o).fget));
            TYPE.addGetter("fset", o -> own(((PyProperty) o).fset));
            TYPE.addGetter("fdel", o -> own(((PyProperty) o).fdel));
            TYPE.addGetter("__doc__", o -> own(((PyProperty) o).doc));
            TYPE.addGetter("__isabstractmethod__", o -> {
                PyProperty p = (PyProperty) o;
                return PyBool.of(isAbstract(p.fget) || isAbstract(p.fset) || isAbstract(p.fdel));
            });
            for (PyType t : new PyType[] {PyFunctionWrapper.STATICMETHOD, PyFunctionWrapper.CLASSMETHOD}) {
                t.addGetter("__func__", o -> ((PyFunctionWrapper) o).functionRef());
                t.addGetter("__wrapped__", o -> ((PyFunctionWrapper) o).functionRef());
                t.addGetter("__isabstractmethod__", o -> PyBool.of(isAbstract(((PyFunctionWrapper) o).function)));
            }
        }

        /** Whether {@code f.__isabstractmethod__} is true (absent: false), as CPython's descriptors ask. */
        private static boolean isAbstract(PyObject f) {
            PyObject v = f == PyNone.NONE ? null : Ops.attrOrNull(f, "__isabstractmethod__");
            if (v == null) {
                return false;
            }
            try {
                return Ops.isTrue(v);
            } finally {
                RefCount.decref(v);
            }
        }

        PyException missing(PyObject instance, String what) {
            String prop = name == null ? "property" : "property '" + name + "'";
            return new PyException(PyExc.ATTRIBUTE_ERROR, prop + " of '" + instance.type().name() + "' object has no " + what);
        }

        PyObject get(PyObject instance) {
            PyObject f = fget;
            if (f == PyNone.NONE) {
                throw missing(instance, "getter");
            }
            return Ops.call(f, instance);
        }

        void set(PyObject instance, PyObject value) {
            PyObject f = fset;
            if (f == PyNone.NONE) {
                throw missing(instance, "setter");
            }
            RefCount.decref(Ops.call(f, instance, value));
        }

        void delete(PyObject instance) {
            PyObject f = fdel;
            if (f == PyNone.NONE) {
                throw missing(instance, "deleter");
            }
            RefCount.decref(Ops.call(f, instance));
        }

        @Override
        protected void dealloc() {
            RefCount.decref(fget);
            RefCount.decref(fset);
            RefCount.decref(fdel);
            RefCount.decref(doc);
        }

        /** An instance of a Python subclass of property. */
        static final class Sub extends PyProperty implements BuiltinSubclass {
            Sub(PyType cls) {
                super(cls, true);
            }

            @Override
            public PyDict attributesBorrowed() {
                return attributes;
            }
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
                || pythonDescriptor(v) && (Dunders.has(v, "__set__") || Dunders.has(v, "__delete__"));
    }

    /**
     * Whether {@code v}'s descriptor methods are looked up in its class: an instance of a class
     * statement's class, or of a Python subclass of a built-in descriptor defining one of them.
     */
    private static boolean pythonDescriptor(PyObject v) {
        if (v instanceof PyInstance) {
            return true;
        }
        if (!(v instanceof BuiltinSubclass)) {
            return false;
        }
        for (String m : new String[] {"__get__", "__set__", "__delete__"}) {
            PyObject f = v.type().lookupHeap(m);
            if (f != null) {
                RefCount.decref(f);
                return true;
            }
        }
        return false;
    }

    /**
     * Class attribute {@code v} (borrowed) read through {@code instance} (null when read
     * through the class itself) of class {@code owner}: a new reference to what the read
     * yields.
     */
    static PyObject bind(PyObject v, PyObject instance, PyType owner) {
        if (v instanceof BuiltinSubclass && pythonDescriptor(v) && Dunders.has(v, "__get__")) {
            return Dunders.callOrNull(v, "__get__", instance == null ? PyNone.NONE : instance, owner);
        }
        return bindBuiltin(v, instance, owner);
    }

    /** {@link #bind} as the built-in descriptors do it, whatever a Python subclass overrides. */
    private static PyObject bindBuiltin(PyObject v, PyObject instance, PyType owner) {
        if (v instanceof PyFunction || v instanceof PyBuiltinFunction) {
            return instance == null ? newRef(v) : new PyBoundMethod(v, instance);
        }
        if (v instanceof PyMethodDescriptor d) { // str.upper stored in a class
            return d.bind(instance, owner);
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
        if (v instanceof PyProperty p && !pythonDescriptor(v)) {
            if (value == null) {
                p.delete(instance);
            } else {
                p.set(instance, value);
            }
            return true;
        }
        if (pythonDescriptor(v)) {
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

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }
}
