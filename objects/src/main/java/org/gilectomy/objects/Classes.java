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
        PyType.OBJECT.addMethod("__getattribute__", (a, off, n, kw) -> {
            Args.exactly("__getattribute__", n, 2, kw);
            PyObject o = instanceArg(a[off], "__getattribute__");
            PyStr key = attrKey(a[off + 1]);
            PyObject v = genericGetAttr(o, key);
            if (v == null) {
                throw PyExc.attributeError(o, key.value);
            }
            return v;
        });
        PyType.OBJECT.addMethod("__delattr__", (a, off, n, kw) -> {
            Args.exactly("__delattr__", n, 2, kw);
            genericSetAttr(instanceArg(a[off], "__delattr__"), attrKey(a[off + 1]), null);
            return PyNone.newRef();
        });
        PyType.OBJECT.addMethod("__new__", (a, off, n, kw) -> {
            if (n == 0 || !(a[off] instanceof PyType cls)) {
                throw PyExc.typeError("object.__new__(X): X is not a type object ("
                        + (n == 0 ? "nothing" : a[off].type().name()) + ")");
            }
            if (n > 1 || kw != null) {
                if (cls.newBorrowed() != Classes.OBJECT_NEW) {
                    throw PyExc.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
                }
                if (cls.initBorrowed() == Classes.OBJECT_INIT) {
                    throw PyExc.typeError(cls.name() + "() takes no arguments");
                }
            }
            PyType builtin = cls.builtinBase();
            if (builtin.builtinNew != null) {
                throw PyExc.typeError("object.__new__(" + cls.name() + ") is not safe, use " + builtin.name() + ".__new__()");
            }
            return cls.instanceFactoryInherited().apply(cls);
        });
        PyType.OBJECT.addAttribute("__init_subclass__", new Descriptors.PyFunctionWrapper(Descriptors.PyFunctionWrapper.CLASSMETHOD,
                new PyBuiltinFunction("object.__init_subclass__", (a, off, n, kw) -> {
                    if (kw != null) {
                        throw PyExc.typeError(((PyType) a[off]).name() + ".__init_subclass__() takes no keyword arguments");
                    }
                    Args.exactly("__init_subclass__", n - 1, 0, null);
                    return PyNone.newRef();
                })));
        // object.__subclasshook__(subclass): NotImplemented, so that abc's checks fall back to the registry and the MRO
        PyType.OBJECT.addAttribute("__subclasshook__", new Descriptors.PyFunctionWrapper(Descriptors.PyFunctionWrapper.CLASSMETHOD,
                new PyBuiltinFunction("object.__subclasshook__", (a, off, n, kw) -> newRef(Dunders.NOT_IMPLEMENTED))));
        BuiltinSubclasses.install();
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
        PyExc.BASE_EXCEPTION.addMethod("with_traceback", (a, off, n, kw) -> {
            Args.exactly("with_traceback", n - 1, 1, kw);
            ((PyBaseException) a[off]).carrier().setTraceback(a[off + 1]);
            return newRef(a[off]);
        });
        PyExc.BASE_EXCEPTION.addMethod("__str__", (a, off, n, kw) -> PyStr.of(((PyBaseException) a[off]).text()));
        PyExc.BASE_EXCEPTION.addMethod("__repr__", (a, off, n, kw) -> PyStr.of(((PyBaseException) a[off]).reprText()));
        ExceptionGroups.install();
        SyntaxErrors.install();
        for (PyType t : PyExc.ALL) {
            t.constructor = (a, off, n, kw) -> construct(t, a, off, n, kw);
        }
    }

    private static PyObject instanceArg(PyObject o, String fn) {
        if (o instanceof PyInstance || o instanceof BuiltinSubclass) {
            return o;
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
    private static final PyObject OBJECT_NEW = PyType.OBJECT.lookupMethodBorrowed("__new__");

    /** Makes sure the static set-up above has run (object and exception methods, constructors). */
    public static void init() {
    }

    /**
     * The class statement's last step: a new class {@code name} deriving from {@code base},
     * owning {@code namespace} (the caller's reference is taken over).
     */
    public static PyType newClass(String name, PyType base, PyDict namespace, String module) {
        return newClass(name, new PyType[] {base}, namespace, module);
    }

    /** {@link #newClass(String, PyType, PyDict, String)} with any number of bases (none: object). */
    public static PyType newClass(String name, PyType[] bases, PyDict namespace, String module) {
        return newClass(name, bases, namespace, module, null, 0, null);
    }

    /**
     * The class statement's last step with class keyword arguments ({@code kwValues[kwOff..]}
     * named by {@code kwNames}, null if none) passed to {@code __init_subclass__}: makes the class,
     * gives each namespace value with {@code __set_name__} its name, then runs the nearest
     * base's {@code __init_subclass__}, as CPython's type.__new__ does.
     */
    public static PyType newClass(String name, PyType[] bases, PyDict namespace, String module,
            PyObject[] kwValues, int kwOff, PyTuple kwNames) {
        return newClass(PyType.TYPE, name, bases, namespace, module, kwValues, kwOff, kwNames);
    }

    /** {@link #newClass(String, PyType[], PyDict, String, PyObject[], int, PyTuple)} whose metaclass is {@code meta}. */
    public static PyType newClass(PyType meta, String name, PyType[] bases, PyDict namespace, String module,
            PyObject[] kwValues, int kwOff, PyTuple kwNames) {
        PyType cls = makeClass(meta, name, bases, namespace, module);
        try {
            for (java.util.Map.Entry<PyObject, PyObject> e : namespace.itemsSnapshot()) {
                try {
                    PyObject v = e.getValue();
                    if (v.type() == Descriptors.PyProperty.TYPE && e.getKey() instanceof PyStr k) {
                        ((Descriptors.PyProperty) v).setName(k.value); // property's own __set_name__, without the call
                    } else if (Dunders.has(v, "__set_name__")) {
                        RefCount.decref(Dunders.callOrNull(v, "__set_name__", cls, e.getKey()));
                    }
                } finally {
                    RefCount.decref(e.getKey());
                    RefCount.decref(e.getValue());
                }
            }
            PyObject init = cls.lookupAfter(cls, "__init_subclass__");
            if (init != null) {
                PyObject f = Descriptors.bind(init, null, cls);
                RefCount.decref(init);
                try {
                    int nkw = kwNames == null ? 0 : kwNames.size();
                    PyObject[] a = new PyObject[nkw];
                    if (nkw > 0) {
                        System.arraycopy(kwValues, kwOff, a, 0, nkw);
                    }
                    RefCount.decref(Ops.call(f, a, 0, 0, kwNames));
                } finally {
                    RefCount.decref(f);
                }
            }
        } catch (RuntimeException | Error e) {
            RefCount.decref(cls); // the statement failed: the class is garbage, the collector's (it holds itself)
            throw e;
        }
        return cls;
    }

    /** Makes the class object: checks, the namespace's implicit static and class methods, {@code __hash__}. */
    private static PyType makeClass(PyType meta, String name, PyType[] bases, PyDict namespace, String module) {
        try {
            checkBases(bases);
        } catch (PyException e) {
            RefCount.decref(namespace);
            throw e;
        }
        if (bases.length == 0) {
            bases = new PyType[] {PyType.OBJECT};
        }
        PyObject del = namespace.getName("__del__");
        if (del != null) {
            RefCount.decref(del);
            for (PyType b : bases) {
                if (b.builtinBase().builtinNew != null) { // its instances are not PyInstances: never finalized
                    RefCount.decref(namespace);
                    throw PyExc.notImplemented("__del__ in a subclass of the built-in type '" + b.builtinBase().name() + "'");
                }
            }
            PyType.finalizerDefined();
        }
        java.util.List<PyStr> slotted;
        boolean[] namesDict = {false}; // __slots__ names __dict__: instances have one besides their slots
        try {
            slotted = slotNames(namespace, namesDict);
        } catch (PyException e) {
            RefCount.decref(namespace);
            throw e;
        }
        implicitWrapper(namespace, "__new__", Descriptors.PyFunctionWrapper.STATICMETHOD);
        implicitWrapper(namespace, "__init_subclass__", Descriptors.PyFunctionWrapper.CLASSMETHOD);
        implicitWrapper(namespace, "__class_getitem__", Descriptors.PyFunctionWrapper.CLASSMETHOD);
        noHashWithoutEq(namespace);
        try {
            Mro.of(null, bases); // its TypeError before the class exists: a made class is registered (tracked, counted)
        } catch (PyException e) {
            RefCount.decref(namespace);
            throw e;
        }
        PyType cls = new PyType(name, bases, namespace, module);
        PyObject q = namespace.pop(PyStr.internBorrowed("__qualname__"));
        if (q != null) {
            cls.setQualname(Ops.str(q));
            RefCount.decref(q);
        }
        cls.setMetatype(meta);
        cls.setCustomGetattribute(overrides(cls, "__getattribute__"));
        if (slotted != null) {
            for (PyStr key : slotted) {
                PyObject m = new Descriptors.SlotMember(key, cls);
                namespace.put(key, m);
                RefCount.decref(m);
            }
        }
        cls.markSlots(slotted != null && !namesDict[0], slotted != null && !slotted.isEmpty());
        PyObject metaCall = meta.isHeapType() ? meta.lookupHeap("__call__") : null;
        if (metaCall != null) { // the metaclass's __call__ makes the instances (it may call type.__call__)
            RefCount.decref(metaCall); // the metaclass keeps it; looked up again per call (it may change)
            cls.constructor = (a, off, n, kw) -> callWithSelf(meta.lookup("__call__"), cls, a, off, n, kw);
        } else {
            cls.constructor = (a, off, n, kw) -> construct(cls, a, off, n, kw);
        }
        return cls;
    }

    /**
     * The names in {@code __slots__} of a class body (each becomes a member descriptor in the
     * namespace once the class exists); ValueError if the body also binds one, as CPython's;
     * null if the body defines no {@code __slots__}. {@code namesDict[0]} is set when they name
     * {@code __dict__}.
     */
    private static java.util.List<PyStr> slotNames(PyDict namespace, boolean[] namesDict) {
        PyObject slots = namespace.getName("__slots__");
        if (slots == null) {
            return null;
        }
        PyObject[] names;
        try {
            names = slots instanceof PyStr ? new PyObject[] {newRef(slots)} : Ops.collect(slots);
        } finally {
            RefCount.decref(slots);
        }
        java.util.List<PyStr> keys = new java.util.ArrayList<>();
        try {
            for (PyObject n : names) {
                if (!(n instanceof PyStr s)) {
                    throw PyExc.typeError("__slots__ items must be strings, not '" + n.type().name() + "'");
                }
                if (s.value.equals("__dict__")) {
                    namesDict[0] = true;
                    continue;
                }
                if (s.value.equals("__weakref__")) {
                    continue;
                }
                PyStr key = PyStr.internBorrowed(s.value);
                if (namespace.containsKey(key)) {
                    throw PyExc.valueError("'" + s.value + "' in __slots__ conflicts with class variable");
                }
                keys.add(key);
            }
        } finally {
            for (PyObject n : names) {
                RefCount.decref(n);
            }
        }
        return keys;
    }

    /** A plain function {@code name} in a class body becomes a static or class method, as CPython makes it. */
    private static void implicitWrapper(PyDict namespace, String name, PyType kind) {
        PyStr key = PyStr.internBorrowed(name);
        PyObject f = namespace.get(key);
        if (f != null) {
            if (f instanceof PyFunction) {
                PyObject w = new Descriptors.PyFunctionWrapper(kind, f);
                namespace.put(key, w);
                RefCount.decref(w);
            }
            RefCount.decref(f);
        }
    }

    /** Whether instances of {@code t} have a {@code __del__} (their class's or a base's). */
    static boolean hasFinalizer(PyType t) {
        PyObject m = t.lookupHeap("__del__");
        RefCount.xdecref(m);
        return m != null;
    }

    /**
     * Calls {@code o.__del__()}; an exception it raises is reported as CPython reports one
     * that cannot propagate ("Exception ignored in: ..." on stderr) and dropped.
     */
    static void runFinalizer(PyObject o) {
        PyObject m = o.type().lookupHeap("__del__");
        if (m == null) {
            return; // deleted from the class since the free path looked
        }
        try {
            PyObject f = Descriptors.bind(m, o, o.type());
            try {
                RefCount.decref(Ops.call(f));
            } finally {
                RefCount.decref(f);
            }
        } catch (PyException e) {
            Unraisable.report(Ops.repr(m), e);
        } finally {
            RefCount.decref(m);
        }
    }

    /** {@code t[key]} for a class: its {@code __class_getitem__}. */
    static PyObject classGetItem(PyType t, PyObject key) {
        PyType meta = t.heapMetatype();
        if (meta != null) { // the metaclass's __getitem__ comes first (Color["RED"]), as type(t)'s slot does in CPython
            PyObject r = Dunders.callOverride(t, "__getitem__", key);
            if (r != null) {
                return r;
            }
        }
        PyObject m = t.lookup("__class_getitem__");
        if (m == null) {
            if (PyGenericAlias.isGeneric(t)) {
                return new PyGenericAlias(t, key); // list[int], dict[str, int], type[C]
            }
            throw PyExc.typeError("type '" + t.name() + "' is not subscriptable");
        }
        PyObject f;
        try {
            f = Descriptors.bind(m, null, t);
        } finally {
            RefCount.decref(m);
        }
        try {
            return Ops.call(f, key);
        } finally {
            RefCount.decref(f);
        }
    }

    /**
     * TypeError as CPython's for bases that cannot be subclassed, repeat, or need two instance
     * layouts; NotImplementedError for built-in types this runtime cannot subclass yet.
     */
    private static void checkBases(PyType[] bases) {
        PyType layout = null; // the built-in base that fixes the instances' Java class, if any
        for (int i = 0; i < bases.length; i++) {
            PyType base = bases[i];
            if (base == PyBool.TYPE || base == PyRange.TYPE || base == PySlice.TYPE || base == PyNone.TYPE
                    || base == PyFunction.TYPE) { // final in CPython too
                throw PyExc.typeError("type '" + base.name() + "' is not an acceptable base type");
            }
            for (int j = 0; j < i; j++) {
                if (bases[j] == base) {
                    throw PyExc.typeError("duplicate base class " + base.name());
                }
            }
            PyType builtin = base.builtinBase();
            if (builtin != PyType.OBJECT && builtin != PyType.TYPE && !base.isHeapType()
                    && builtin.instanceFactoryInherited() == PyType.OBJECT.instanceFactory && builtin.builtinNew == null) {
                throw PyExc.notImplemented("subclassing the built-in type '" + base.name() + "'");
            }
            PyType solid = builtin.builtinNew != null ? builtin
                    : base.instanceFactoryInherited() != PyType.OBJECT.instanceFactory ? factoryOwner(base) : null;
            if (solid != null) {
                if (layout != null && !layout.isSubtypeOf(solid) && !solid.isSubtypeOf(layout)) {
                    throw PyExc.typeError("multiple bases have instance lay-out conflict");
                }
                if (layout == null || solid.isSubtypeOf(layout)) {
                    layout = solid;
                }
            }
        }
    }

    /** The built-in type in {@code t}'s order whose instance factory makes its instances. */
    private static PyType factoryOwner(PyType t) {
        for (PyType s : t.mroList()) {
            if (s.instanceFactory != null) {
                return s;
            }
        }
        return PyType.OBJECT;
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
        PyObject newFunction = cls.newBorrowed();
        PyObject self;
        if (newFunction == OBJECT_NEW) {
            self = cls.instanceFactoryInherited().apply(cls);
            if (self instanceof PyBaseException e) {
                PyTuple t = PyTuple.copyOf(args, off, nargs);
                e.setArgs(t);
                RefCount.decref(t);
            }
        } else {
            self = callNew(newFunction, cls, args, off, nargs, kwnames);
            if (!self.type().isSubtypeOf(cls)) {
                return self; // as CPython: __init__ runs only on an instance of the class called
            }
        }
        try {
            PyObject init = cls.initBorrowed();
            int nkw = kwnames == null ? 0 : kwnames.size();
            if (init == OBJECT_INIT) {
                if (nargs + nkw > 0 && newFunction == OBJECT_NEW) {
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

    /** {@code cls.__new__(cls, args...)}: a static method (unwrapped) or a built-in's {@code __new__}. */
    private static PyObject callNew(PyObject newFunction, PyType cls, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        PyObject f = newFunction instanceof Descriptors.PyFunctionWrapper w && !w.bindsClass() ? w.function : newFunction;
        RefCount.incref(f); // held across the call, as __init__ is
        return callWithSelf(f, cls, args, off, nargs, kwnames);
    }

    /** {@code f(self, args...)}, releasing {@code f} (owned). */
    private static PyObject callWithSelf(PyObject f, PyObject self, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        PyObject[] a = new PyObject[nargs + nkw + 1];
        a[0] = self;
        System.arraycopy(args, off, a, 1, nargs + nkw);
        try {
            return Ops.call(f, a, 0, nargs + 1, kwnames);
        } finally {
            RefCount.decref(f);
        }
    }

    /** The metaclass a class statement with these bases and explicit metaclass (or null) uses: the most derived one. */
    public static PyType metaclassFor(PyType explicit, PyType[] bases) {
        PyType winner = explicit != null ? explicit : PyType.TYPE;
        for (PyType b : bases) {
            PyType m = b.type();
            if (winner.isSubtypeOf(m)) {
                continue;
            }
            if (m.isSubtypeOf(winner)) {
                winner = m;
                continue;
            }
            throw PyExc.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass"
                    + " of the metaclasses of all its bases");
        }
        return winner;
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

    // An instance's own attributes: a PyInstance's (shapes), or a BuiltinSubclass's dict.

    static PyObject ownGet(PyObject o, PyStr key) {
        return o instanceof PyInstance i ? i.getOwn(key) : ((BuiltinSubclass) o).attributesBorrowed().get(key);
    }

    private static PyDict ownDict(PyObject o) {
        return o instanceof PyInstance i ? i.dictBorrowed() : ((BuiltinSubclass) o).attributesBorrowed();
    }

    static void ownSet(PyObject o, PyStr key, PyObject value) {
        if (o instanceof PyInstance i) {
            i.setOwn(key, value);
        } else {
            ((BuiltinSubclass) o).attributesBorrowed().put(key, value);
        }
    }

    static boolean ownRemove(PyObject o, PyStr key) {
        return o instanceof PyInstance i ? i.removeOwn(key) : ((BuiltinSubclass) o).attributesBorrowed().remove(key);
    }

    /**
     * {@code o.name}, the general path (the inline caches' misses come here): a data
     * descriptor of the class, else the instance's own attribute, else the class attribute
     * bound to the instance, else {@code __getattr__}. {@code key} is interned.
     */
    static PyObject instanceAttr(PyObject o, PyStr key) {
        if (!o.type().customGetattribute()) {
            PyObject v = genericGetAttr(o, key);
            return v != null ? v : getattrFallback(o, key);
        }
        try {
            return Dunders.callOrNull(o, "__getattribute__", key);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR) || !Dunders.has(o, "__getattr__")) {
                throw e;
            }
            e.release();
            return Dunders.callOrNull(o, "__getattr__", key);
        }
    }

    /** {@code __getattr__(o, key)} if the class has one, else CPython's AttributeError. */
    private static PyObject getattrFallback(PyObject o, PyStr key) {
        if (Dunders.has(o, "__getattr__")) {
            return Dunders.callOrNull(o, "__getattr__", key);
        }
        throw PyExc.attributeError(o, key.value);
    }

    /**
     * {@code object.__getattribute__(o, key)}: a data descriptor of the class, else the
     * instance's own attribute, else the class attribute bound to the instance; null if none.
     */
    static PyObject genericGetAttr(PyObject o, PyStr key) {
        String name = key.value;
        PyType t = o.type();
        PyObject cv = t.lookup(name);
        try {
            if (cv != null && Descriptors.isData(cv)) {
                return Descriptors.bind(cv, o, t);
            }
            PyObject v = ownGet(o, key);
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
                if (t.slotsOnly()) {
                    throw PyExc.attributeError(o, name);
                }
                if (t.hasSlotMembers()) {
                    throw PyExc.notImplemented("__dict__ of an instance that also has __slots__ values");
                }
                return newRef(ownDict(o));
            }
            if (cv != null) {
                return Descriptors.bind(cv, o, t);
            }
        } finally {
            RefCount.xdecref(cv);
        }
        java.util.function.UnaryOperator<PyObject> getter = o instanceof BuiltinSubclass ? t.lookupGetter(name) : null;
        if (getter != null) {
            return getter.apply(o); // (3).real and the like, on an int subclass
        }
        return PyMethodWrapper.forObjectSlot(o, name); // no class attribute of that name (cv was null)
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
                return c.tracebackObject();
            default:
                return ExceptionGroups.attribute(e, name);
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
        switch (name) {
            case "__base__":
                return t.base() == null ? PyNone.newRef() : newRef(t.base());
            case "__mro__":
                return typeTuple(t.mroList());
            case "__bases__":
                return typeTuple(t.basesList());
            case "__qualname__":
                return PyStr.of(t.qualname());
            case "__module__":
                if (!t.isHeapType()) {
                    return PyStr.of(t.fullName().equals(t.name()) ? "builtins" : t.fullName().substring(0, t.fullName().length() - t.name().length() - 1));
                }
                break;
            case "__dict__":
                return MappingProxy.of(t);
            case "mro":
                return new PyBoundMethod(MRO_METHOD, t);
            case "__subclasses__":
                return new PyBoundMethod(SUBCLASSES_METHOD, t);
            default:
                break;
        }
        PyType meta = t.heapMetatype();
        PyObject mv = meta == null ? null : meta.lookup(name);
        if (mv != null && Descriptors.isData(mv)) { // a metaclass's property wins over the class's own
            try {
                return Descriptors.bind(mv, t, meta);
            } finally {
                RefCount.decref(mv);
            }
        }
        if (name.equals("__annotations__") && t.isHeapType()) {
            return ownAnnotations(t);
        }
        PyObject v = t.lookup(name);
        if (v == null && mv != null) {
            try {
                return Descriptors.bind(mv, t, meta); // a metaclass's method, bound to the class
            } finally {
                RefCount.decref(mv);
            }
        }
        RefCount.xdecref(mv);
        if (v == null) {
            PyAttributeDescriptor ad = t.attributeDescriptor(name);
            if (ad != null) {
                return ad.bind(null);
            }
            PyMethodDescriptor slot = ObjectSlots.lookup(t, name);
            if (slot != null) {
                return slot.bind(null, t);
            }
            throw new PyException(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'");
        }
        try {
            PyMethodDescriptor d = t.methodDescriptor(name, v);
            return d != null ? d.bind(null, t) : Descriptors.bind(v, null, t);
        } finally {
            RefCount.decref(v);
        }
    }

    private static final PyObject MRO_METHOD = new PyBuiltinFunction("type.mro", (a, off, n, kw) -> {
        Args.exactly("mro", n - 1, 0, kw);
        return PyList.steal(((PyType) a[off]).mroList().stream().map(Classes::newRef).toArray(PyObject[]::new), ((PyType) a[off]).mroList().size());
    });

    private static final PyObject SUBCLASSES_METHOD = new PyBuiltinFunction("type.__subclasses__", (a, off, n, kw) -> {
        Args.exactly(((PyType) a[off]).qualname() + ".__subclasses__", n - 1, 0, kw);
        java.util.List<PyType> subs = ((PyType) a[off]).subclassesList();
        return PyList.steal(subs.stream().map(Classes::newRef).toArray(PyObject[]::new), subs.size());
    });

    private static PyTuple typeTuple(java.util.List<PyType> types) {
        PyObject[] items = new PyObject[types.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = newRef(types.get(i));
        }
        return PyTuple.steal(items);
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
        if (o instanceof PyInstance || o instanceof BuiltinSubclass) {
            setAttr(o, PyStr.internBorrowed(name), value);
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
    static void setAttr(PyObject o, PyStr key, PyObject value) {
        if (hasCustomSetattr(o.type())) {
            RefCount.xdecref(Dunders.callOrNull(o, "__setattr__", key, value));
        } else {
            genericSetAttr(o, key, value);
        }
    }

    static void delAttr(PyObject o, String name) {
        PyStr key = PyStr.internBorrowed(name);
        if (o instanceof PyInstance || o instanceof BuiltinSubclass) {
            if (overrides(o.type(), "__delattr__")) {
                RefCount.xdecref(Dunders.callOrNull(o, "__delattr__", key));
            } else {
                genericSetAttr(o, key, null);
            }
        } else if (o instanceof PyType t && t.isHeapType()) {
            if (!t.removeAttribute(key)) {
                throw new PyException(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'");
            }
        } else if (o instanceof PyModule m && m.dictBorrowed() != null) { // del pkg.sub: the namespace's entry
            PyObject old = m.dictBorrowed().pop(key);
            if (old == null) {
                throw PyExc.attributeError(o, name);
            }
            RefCount.decref(old);
        } else {
            throw PyExc.attributeError(o, name);
        }
    }

    /**
     * {@code object.__setattr__} ({@code value} non-null) and {@code object.__delattr__}
     * (null): a data descriptor of the class, else the instance's own attributes.
     */
    static void genericSetAttr(PyObject o, PyStr key, PyObject value) {
        String name = key.value;
        if (o instanceof PyBaseException e && name.equals("__traceback__")) {
            if (value == null) {
                throw PyExc.typeError("__traceback__ may not be deleted");
            }
            e.carrier().setTraceback(value);
            return;
        }
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
        if (o.type().slotsOnly()) {
            throw PyExc.attributeError(o, name); // not a slot: instances of the class have no __dict__
        }
        if (value != null) {
            ownSet(o, key, value);
        } else if (!ownRemove(o, key)) {
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
            PyType start = self instanceof PyType t && t.isSubtypeOf(after) ? t : self.type();
            PyObject m = start.lookupAfter(after, name);
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
