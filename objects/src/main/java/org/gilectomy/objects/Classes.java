package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * Classes made by class statements: creating them, calling them (instance creation and
 * {@code __init__}), attribute access on instances and classes, {@code super()}, and the
 * methods of {@code object} and {@code BaseException} that Python code can reach.
 */
public final class Classes {
    private Classes() {
    }

    static {
        PyType.OBJECT.instanceFactory = PyInstance::new;
        PyType.OBJECT.addMethod("__init__", (a, off, n, kw) -> {
            if (n > 1 || kw != null) {
                throw PyExc.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            return PyNone.newRef();
        });
        PyType.OBJECT.addMethod("__setattr__", (a, off, n, kw) -> {
            Args.exactly("__setattr__", n, 3, kw);
            genericSetAttr(instanceArg(a[off], "__setattr__"), attrKey(a[off + 1]), a[off + 2]);
            return PyNone.newRef();
        });
        PyType.OBJECT.addMethod("__delattr__", (a, off, n, kw) -> {
            Args.exactly("__delattr__", n, 2, kw);
            genericSetAttr(instanceArg(a[off], "__delattr__"), attrKey(a[off + 1]), null);
            return PyNone.newRef();
        });
        PyExc.BASE_EXCEPTION.instanceFactory = PyBaseException::new;
        PyExc.BASE_EXCEPTION.addMethod("__init__", (a, off, n, kw) -> {
            if (kw != null) {
                throw PyExc.typeError(a[off].type().name() + "() takes no keyword arguments");
            }
            if (a[off] instanceof PyBaseException e) {
                PyTuple args = PyTuple.copyOf(a, off + 1, n - 1);
                e.setArgs(args);
                RefCount.decref(args);
            }
            return PyNone.newRef();
        });
        PyExc.BASE_EXCEPTION.addMethod("__str__", (a, off, n, kw) -> PyStr.of(((PyBaseException) a[off]).text()));
        PyExc.BASE_EXCEPTION.addMethod("__repr__", (a, off, n, kw) -> PyStr.of(((PyBaseException) a[off]).reprText()));
        for (PyType t : PyExc.ALL) {
            t.constructor = (a, off, n, kw) -> construct(t, a, off, n, kw);
        }
    }

    private static PyInstance instanceArg(PyObject o, String fn) {
        if (o instanceof PyInstance i) {
            return i;
        }
        throw PyExc.notImplemented("object." + fn + " on a '" + o.type().name() + "' object");
    }

    private static PyStr attrKey(PyObject o) {
        if (o instanceof PyStr s) {
            return PyStr.internBorrowed(s.value);
        }
        throw PyExc.typeError("attribute name must be string, not '" + o.type().name() + "'");
    }

    private static final PyObject OBJECT_INIT = PyType.OBJECT.lookupMethodBorrowed("__init__");

    /** Makes sure the static set-up above has run (object and exception methods, constructors). */
    public static void init() {
    }

    /**
     * The class statement's last step: a new class {@code name} deriving from {@code base},
     * owning {@code namespace} (the caller's reference is taken over).
     */
    public static PyType newClass(String name, PyType base, PyDict namespace, String module) {
        for (PyType t = base; t != PyType.OBJECT; t = t.base()) {
            if (t == null) {
                RefCount.decref(namespace);
                throw PyExc.notImplemented("subclassing the built-in type '" + base.name() + "'");
            }
            if (t.isHeapType() || t.instanceFactory != null) {
                break;
            }
        }
        for (String unsupported : new String[] {"__slots__", "__getattribute__"}) {
            PyObject v = namespace.getName(unsupported);
            if (v != null) {
                RefCount.decref(v);
                RefCount.decref(namespace);
                throw PyExc.notImplemented("a class defining " + unsupported);
            }
        }
        Descriptors.nameProperties(namespace);
        noHashWithoutEq(namespace);
        PyType cls = new PyType(name, base, namespace, module);
        cls.constructor = (a, off, n, kw) -> construct(cls, a, off, n, kw);
        return cls;
    }

    /**
     * A class that defines {@code __eq__} but not {@code __hash__} gets {@code __hash__ = None}
     * (unhashable, and so are its subclasses until one defines {@code __hash__}), as CPython's
     * type creation does: equal objects must hash alike, and identity hashes would not.
     */
    private static void noHashWithoutEq(PyDict namespace) {
        PyStr eq = PyStr.internBorrowed("__eq__");
        PyStr hash = PyStr.internBorrowed("__hash__");
        if (namespace.containsKey(eq) && !namespace.containsKey(hash)) {
            namespace.put(hash, PyNone.NONE);
        }
    }

    /** {@code cls(args)}: a new instance, initialised by {@code __init__}. */
    public static PyObject construct(PyType cls, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        PyInstance self = cls.instanceFactoryInherited().apply(cls);
        try {
            if (self instanceof PyBaseException e) {
                PyTuple t = PyTuple.copyOf(args, off, nargs);
                e.setArgs(t);
                RefCount.decref(t);
            }
            PyObject init = cls.initBorrowed();
            int nkw = kwnames == null ? 0 : kwnames.size();
            if (init == OBJECT_INIT) {
                if (nargs + nkw > 0) {
                    throw PyExc.typeError(cls.name() + "() takes no arguments");
                }
                return self;
            }
            PyObject[] a = new PyObject[nargs + nkw + 1];
            a[0] = self;
            System.arraycopy(args, off, a, 1, nargs + nkw);
            RefCount.incref(init); // held across the call: __init__ may replace itself
            PyObject r;
            try {
                r = Ops.call(init, a, 0, nargs + 1, kwnames);
            } finally {
                RefCount.decref(init);
            }
            if (r != PyNone.NONE) {
                String tn = r.type().name();
                RefCount.decref(r);
                throw PyExc.typeError("__init__() should return None, not '" + tn + "'");
            }
            return self;
        } catch (PyException e) {
            RefCount.decref(self);
            throw e;
        }
    }

    /** {@code isinstance(o, cls)} for one class. */
    public static boolean isInstance(PyObject o, PyType cls) {
        return o.type().isSubtypeOf(cls);
    }

    // ------------------------------------------------------------------ attributes

    /** {@code o.name} for instances of Python classes; new reference. */
    static PyObject instanceAttr(PyInstance o, String name) {
        return instanceAttr(o, PyStr.internBorrowed(name));
    }

    /**
     * {@code o.name}, the general path (the inline caches' misses come here): a data
     * descriptor of the class, else the instance's own attribute, else the class attribute
     * bound to the instance, else {@code __getattr__}. {@code key} is interned.
     */
    static PyObject instanceAttr(PyInstance o, PyStr key) {
        String name = key.value;
        PyType t = o.type();
        PyObject cv = t.lookup(name);
        try {
            if (cv != null && Descriptors.isData(cv)) {
                return Descriptors.bind(cv, o, t);
            }
            PyObject v = o.getOwn(key);
            if (v != null) {
                return v;
            }
            if (o instanceof PyBaseException e) {
                v = exceptionAttr(e, name);
                if (v != null) {
                    return v;
                }
            }
            if (name.equals("__class__")) {
                return newRef(t);
            }
            if (name.equals("__dict__")) {
                return newRef(o.dictBorrowed());
            }
            if (cv != null) {
                return Descriptors.bind(cv, o, t);
            }
        } finally {
            RefCount.xdecref(cv);
        }
        if (Dunders.has(o, "__getattr__")) {
            return Dunders.callOrNull(o, "__getattr__", key);
        }
        throw PyExc.attributeError(o, name);
    }

    private static PyObject exceptionAttr(PyBaseException e, String name) {
        PyException c = e.carrier();
        switch (name) {
            case "args": {
                PyTuple a = e.argsBorrowed();
                RefCount.incref(a);
                return a;
            }
            case "__cause__":
                return c.cause() == null ? PyNone.newRef() : newRef(c.cause().value());
            case "__context__":
                return c.context() == null ? PyNone.newRef() : newRef(c.context().value());
            case "__suppress_context__":
                return PyBool.of(c.suppressContext());
            case "__traceback__":
                return PyNone.newRef();
            default:
                return null;
        }
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    /** {@code C.name} for a class: its own or inherited attribute, through the descriptor protocol. */
    static PyObject typeAttr(PyType t, String name) {
        if (name.equals("__name__")) {
            return PyStr.of(t.name());
        }
        if (name.equals("__base__")) {
            return t.base() == null ? PyNone.newRef() : newRef(t.base());
        }
        if (name.equals("__annotations__") && t.isHeapType()) {
            return ownAnnotations(t);
        }
        PyObject v = t.lookup(name);
        if (v == null) {
            throw new PyException(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'");
        }
        try {
            return Descriptors.bind(v, null, t);
        } finally {
            RefCount.decref(v);
        }
    }

    /**
     * A class's {@code __annotations__}: its own, never a base's; a class that annotates nothing
     * gets an empty dict, stored in its namespace on first use (CPython 3.10+'s type getter).
     */
    private static PyObject ownAnnotations(PyType t) {
        PyObject own = t.dictBorrowed().getName("__annotations__");
        if (own != null) {
            return own;
        }
        PyDict made = new PyDict();
        t.setAttribute(PyStr.internBorrowed("__annotations__"), made);
        return made;
    }

    /** Whether class {@code t} (or a base) defines {@code __setattr__} in Python. */
    static boolean hasCustomSetattr(PyType t) {
        return overrides(t, "__setattr__");
    }

    private static boolean overrides(PyType t, String dunder) {
        PyObject m = t.lookup(dunder);
        RefCount.xdecref(m); // borrowed from here on: the class or object keeps it
        return m != null && m != PyType.OBJECT.lookupMethodBorrowed(dunder);
    }

    static void setAttr(PyObject o, String name, PyObject value) {
        if (o instanceof PyInstance i) {
            setAttr(i, PyStr.internBorrowed(name), value);
        } else if (o instanceof PyType t && t.isHeapType()) {
            t.setAttribute(PyStr.internBorrowed(name), value);
        } else if (o instanceof PyModule m) {
            m.set(name, value);
        } else if (o instanceof PyType t) {
            throw PyExc.typeError("cannot set '" + name + "' attribute of immutable type '" + t.name() + "'");
        } else {
            throw PyExc.attributeError(o, name);
        }
    }

    /** {@code o.name = value} on an instance: {@code __setattr__} if the class defines one. */
    static void setAttr(PyInstance o, PyStr key, PyObject value) {
        if (hasCustomSetattr(o.type())) {
            RefCount.xdecref(Dunders.callOrNull(o, "__setattr__", key, value));
        } else {
            genericSetAttr(o, key, value);
        }
    }

    static void delAttr(PyObject o, String name) {
        PyStr key = PyStr.internBorrowed(name);
        if (o instanceof PyInstance i) {
            if (overrides(i.type(), "__delattr__")) {
                RefCount.xdecref(Dunders.callOrNull(o, "__delattr__", key));
            } else {
                genericSetAttr(i, key, null);
            }
        } else if (o instanceof PyType t && t.isHeapType()) {
            if (!t.removeAttribute(key)) {
                throw new PyException(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'");
            }
        } else {
            throw PyExc.attributeError(o, name);
        }
    }

    /**
     * {@code object.__setattr__} ({@code value} non-null) and {@code object.__delattr__}
     * (null): a data descriptor of the class, else the instance's own attributes.
     */
    static void genericSetAttr(PyInstance o, PyStr key, PyObject value) {
        String name = key.value;
        if (o instanceof PyBaseException e && name.equals("args") && value != null) {
            PyTuple t = value instanceof PyTuple tu ? tu : PyTuple.steal(new PyObject[] {newRef(value)});
            e.setArgs(t);
            if (t != value) {
                RefCount.decref(t);
            }
            return;
        }
        PyObject cv = o.type().lookup(name);
        if (cv != null) {
            try {
                if (Descriptors.setOrDelete(cv, o, value)) {
                    return;
                }
            } finally {
                RefCount.decref(cv);
            }
        }
        if (o.type() == PyType.OBJECT) {
            throw PyExc.attributeError(o, name);
        }
        if (value != null) {
            o.setOwn(key, value);
        } else if (!o.removeOwn(key)) {
            throw PyExc.attributeError(o, name);
        }
    }

    // ------------------------------------------------------------------ super()

    /** {@code super(cls, self)}: attribute lookup that starts after {@code cls} in self's class chain. */
    public static final class PySuper extends PyObject {
        public static final PyType TYPE = new PyType("super", null);

        private final PyType after;
        private final PyObject self; // owned

        public PySuper(PyType after, PyObject self) {
            if (!self.type().isSubtypeOf(after) && !(self instanceof PyType t && t.isSubtypeOf(after))) {
                throw PyExc.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            RefCount.incref(self);
            this.after = after;
            this.self = self;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        PyObject attr(String name) {
            PyObject m = after.base() == null ? PyType.OBJECT.lookup(name) : after.base().lookup(name);
            if (m == null) {
                throw new PyException(PyExc.ATTRIBUTE_ERROR, "'super' object has no attribute '" + name + "'");
            }
            try {
                return self instanceof PyType t && t.isSubtypeOf(after)
                        ? Descriptors.bind(m, null, t) : Descriptors.bind(m, self, self.type());
            } finally {
                RefCount.decref(m);
            }
        }

        @Override
        protected void dealloc() {
            RefCount.decref(self);
        }

        @Override
        public String toString() {
            return "<super: <class '" + after.name() + "'>, <" + self.type().name() + " object>>";
        }
    }
}
