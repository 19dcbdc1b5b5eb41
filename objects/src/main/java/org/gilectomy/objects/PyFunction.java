package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * A Python function: code, the globals it was defined in, and optionally its default values
 * (a tuple for the last positional parameters, a dict for keyword-only ones) and its closure
 * (a tuple of cells, one per free variable of the code); all owned. Attributes a program sets
 * on it ({@code wrapper.calls = 0}, as decorators do) live in a dict made on the first write.
 *
 * <pre>
 * Overview
 *
 * attributes: null until the first setattr; then set once, by a CAS from null (the loser frees
 * its dict), and never replaced; released at dealloc. The dict itself is a PyDict and so takes
 * its own Py_LOCK for every read and write.
 *
 * Field       access
 * attributes  getAcquire (ATTRIBUTES) / compareAndSet (ATTRIBUTES); plain in dealloc (no other owner left)
 * code        plain reads (every call) / setRelease (CODE) when __code__ is assigned (types.coroutine
 *             does, once, before the function is called); a call racing the assignment runs either
 * </pre>
 */
public final class PyFunction extends PyObject implements DataAttributes, org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("function", null);

    static { // what CPython's function type declares as members and as getsets (read through the class: descriptors)
        TYPE.declareAttributes(true, "__closure__", "__doc__", "__globals__", "__module__");
        TYPE.declareAttributes(false, "__code__", "__defaults__", "__kwdefaults__", "__annotations__", "__dict__",
                "__name__", "__qualname__");
    }

    /** Replaced only by assigning {@code __code__}, with the same number of free variables. */
    public PyCode code;
    public final PyDict globals;
    public final PyTuple defaults;   // null when none
    public final PyDict kwDefaults;  // null when none
    public final PyTuple closure;    // null when the code has no free variables
    @SuppressWarnings("unused") // through ATTRIBUTES only
    private volatile PyDict attributes; // null until an attribute is set
    private static final java.lang.invoke.VarHandle ATTRIBUTES;
    private static final java.lang.invoke.VarHandle CODE;

    static {
        try {
            ATTRIBUTES = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyFunction.class, "attributes", PyDict.class);
            CODE = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyFunction.class, "code", PyCode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Takes its own references to {@code code} and {@code globals}. */
    public PyFunction(PyCode code, PyDict globals) {
        this(code, globals, null, null, null);
    }

    /**
     * Takes its own references to {@code code} and {@code globals}, and takes over (steals)
     * those to {@code defaults}, {@code kwDefaults} and {@code closure}, each possibly null.
     */
    public PyFunction(PyCode code, PyDict globals, PyTuple defaults, PyDict kwDefaults, PyTuple closure) {
        RefCount.incref(code);
        RefCount.incref(globals);
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
    }

    public String name() {
        return code.name;
    }

    /** An attribute set on the function, else {@code __name__}, {@code __qualname__}, {@code __dict__}. */
    @Override
    public PyObject getAttribute(String attr) {
        PyDict d = attributesGetAcquire();
        PyObject v = d == null ? null : d.getName(attr);
        if (v != null) {
            return v;
        }
        return switch (attr) {
            case "__name__" -> PyStr.of(code.name);
            case "__qualname__" -> PyStr.of(code.qualname);
            case "__closure__" -> {
                PyObject c = closure != null ? closure : PyNone.NONE;
                RefCount.incref(c);
                yield c;
            }
            case "__code__" -> {
                RefCount.incref(code);
                yield code;
            }
            case "__globals__" -> {
                RefCount.incref(globals);
                yield globals;
            }
            case "__defaults__" -> {
                PyObject dv = defaults != null ? defaults : PyNone.NONE;
                RefCount.incref(dv);
                yield dv;
            }
            case "__kwdefaults__" -> {
                PyObject kv = kwDefaults != null ? kwDefaults : PyNone.NONE;
                RefCount.incref(kv);
                yield kv;
            }
            case "__doc__" -> code.doc == null ? PyNone.newRef() : PyStr.of(code.doc);
            case "__module__" -> {
                PyObject m = globals.getName("__name__");
                yield m == null ? PyNone.newRef() : m;
            }
            case "__dict__" -> {
                PyDict own = attributesMadeIfAbsent();
                RefCount.incref(own);
                yield own;
            }
            case "__annotations__" -> { // none given: an empty dict, made once and kept, as CPython's
                PyDict made = new PyDict();
                attributesMadeIfAbsent().putName(attr, made);
                yield made;
            }
            default -> null;
        };
    }

    @Override
    public boolean setAttribute(String attr, PyObject value) {
        if (attr.equals("__code__")) {
            setCode(value);
            return true;
        }
        if (attr.equals("__defaults__") || attr.equals("__kwdefaults__") || attr.equals("__globals__")
                || attr.equals("__closure__")) {
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, "assigning a function's " + attr + " is not supported by this runtime");
        }
        attributesMadeIfAbsent().putName(attr, value);
        return true;
    }

    @Override
    public boolean deleteAttribute(String attr) {
        PyDict d = attributesGetAcquire();
        if (d == null || !d.remove(PyStr.internBorrowed(attr))) {
            throw PyExc.attributeError(this, attr);
        }
        return true;
    }

    /** {@code f.__code__ = value}, with CPython's checks. */
    private void setCode(PyObject value) {
        if (!(value instanceof PyCode c)) {
            throw PyExc.typeError("__code__ must be set to a code object");
        }
        if (c.freeCount != code.freeCount) {
            throw PyExc.valueError(code.name + "() requires a code object with " + code.freeCount
                    + " free vars, not " + c.freeCount);
        }
        PyCode old = code;
        RefCount.incref(c);
        CODE.setRelease(this, c);
        RefCount.decref(old);
    }

    /** The attribute dict or null; pairs with the CAS that publishes it. */
    private PyDict attributesGetAcquire() {
        return (PyDict) ATTRIBUTES.getAcquire(this);
    }

    private PyDict attributesMadeIfAbsent() {
        PyDict d = attributesGetAcquire();
        if (d != null) {
            return d;
        }
        PyDict made = new PyDict();
        if (ATTRIBUTES.compareAndSet(this, (PyDict) null, made)) {
            return made;
        }
        RefCount.decref(made); // another thread published its dict first
        return attributesGetAcquire();
    }

    @Override
    protected void dealloc() {
        RefCount.decref(code);
        RefCount.decref(globals);
        if (defaults != null) {
            RefCount.decref(defaults);
        }
        if (kwDefaults != null) {
            RefCount.decref(kwDefaults);
        }
        if (closure != null) {
            RefCount.decref(closure);
        }
        PyDict d = attributesGetAcquire();
        if (d != null) {
            RefCount.decref(d);
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<function " + code.qualname + " at " + address(this) + ">";
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /** The code object is the process's (never freed), so it is not visited. */
    @Override
    public void traverse(Visitor v) {
        v.visit(globals);
        v.visit(defaults);
        v.visit(kwDefaults);
        v.visit(closure);
        v.visit(attributesGetAcquire());
    }

    /** The attributes dict only: the other fields are final, and the cells and dicts they hold are cleared themselves. */
    @Override
    public void clearReferences() {
        RefCount.xdecref((PyDict) ATTRIBUTES.getAndSet(this, (PyDict) null));
    }
}
