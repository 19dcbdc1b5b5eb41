package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCount;

/**
 * {@code list[int]}, {@code dict[str, int]}, ...: PEP 585's {@code types.GenericAlias}, made by
 * subscripting a built-in container type or by calling {@code GenericAlias(origin, args)} (the
 * standard library's {@code __class_getitem__ = classmethod(GenericAlias)}). It records its
 * parts ({@code __origin__}, {@code __args__}, {@code __parameters__}), prints and compares by
 * them, and is called, subclassed ({@code _collections_abc._CallableGenericAlias}) and used as a
 * base ({@code __mro_entries__}) as CPython's is. Any other attribute is its origin's, as in
 * CPython. Substituting its parameters ({@code list[T][int]}) is not supported.
 */
public class PyGenericAlias extends PyObject implements DataAttributes, CallableObject {
    public static final PyType TYPE = PyType.ofModule("types", "GenericAlias", null);

    /** The names CPython reads from the alias itself; every other name is read from the origin. */
    private static final java.util.Set<String> OWN = java.util.Set.of("__class__", "__origin__", "__args__",
            "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
            "__reduce__", "__copy__", "__deepcopy__");

    private final PyType cls;
    private final PyObject origin;
    private final PyTuple args;
    /** The instance's attributes if it is a subclass instance, else null. */
    final PyDict attributes;

    /** {@code origin[key]}: a tuple key gives the arguments, anything else is the one argument. */
    PyGenericAlias(PyType origin, PyObject key) {
        this(TYPE, origin, key);
    }

    private PyGenericAlias(PyType cls, PyObject origin, PyObject key) {
        this.cls = cls;
        this.attributes = cls == TYPE ? null : new PyDict();
        RefCount.incref(origin);
        this.origin = origin;
        if (key instanceof PyTuple t) {
            RefCount.incref(t);
            this.args = t;
        } else {
            RefCount.incref(key);
            this.args = PyTuple.steal(new PyObject[] {key});
        }
    }

    /** The built-in types that can be subscripted so. */
    static boolean isGeneric(PyType t) {
        return t == PyList.TYPE || t == PyDict.TYPE || t == PyTuple.TYPE || t == PySet.TYPE
                || t == PySet.FROZEN_TYPE || t == PyType.TYPE;
    }

    /** Start-up: the constructor, {@code __new__} for subclasses, the attributes and methods. */
    static void install() {
        TYPE.constructor = (a, off, n, kw) -> make(TYPE, a, off, n, kw);
        BuiltinSubclasses.newOf(TYPE, PyGenericAlias::make);
        TYPE.addGetter("__origin__", o -> newRef(((PyGenericAlias) o).origin));
        TYPE.addGetter("__args__", o -> newRef(((PyGenericAlias) o).args));
        TYPE.addGetter("__parameters__", o -> ((PyGenericAlias) o).parameters());
        TYPE.addGetter("__unpacked__", o -> PyBool.of(false));
        TYPE.addMethod("__mro_entries__", (a, off, n, kw) -> {
            Args.exactly("__mro_entries__", n - 1, 1, kw);
            return PyTuple.steal(new PyObject[] {newRef(((PyGenericAlias) a[off]).origin)});
        });
        TYPE.addMethod("__repr__", (a, off, n, kw) -> {
            Args.exactly("__repr__", n - 1, 0, kw);
            return PyStr.of(((PyGenericAlias) a[off]).toString());
        });
        TYPE.addMethod("__getitem__", (a, off, n, kw) -> {
            throw PyExc.notImplemented("substituting the parameters of a types.GenericAlias ("
                    + Ops.repr(a[off]) + "[...])");
        });
    }

    private static PyObject make(PyType cls, PyObject[] a, int off, int n, PyTuple kw) {
        Args.noKeywords("GenericAlias", kw);
        if (n != 2) {
            throw PyExc.typeError("GenericAlias expected 2 arguments, got " + n);
        }
        return cls == TYPE ? new PyGenericAlias(cls, a[off], a[off + 1]) : new Sub(cls, a[off], a[off + 1]);
    }

    /** {@code alias(...)}: the origin called, the result told its alias in {@code __orig_class__} when it can be. */
    @Override
    public PyObject call(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject r = Ops.call(origin, a, off, n, kw);
        try {
            Ops.setAttr(r, "__orig_class__", this);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR) && !e.matches(PyExc.TYPE_ERROR)) {
                RefCount.decref(r);
                throw e;
            }
            e.release();
        }
        return r;
    }

    /**
     * The type variables among the arguments, each once, in order: an argument with
     * {@code __typing_subst__} (a TypeVar), else those of an argument's own {@code __parameters__}.
     */
    private PyTuple parameters() {
        List<PyObject> found = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                PyObject arg = args.getBorrowed(i);
                if (arg instanceof PyType) {
                    continue;
                }
                PyObject subst = Ops.attrOrNull(arg, "__typing_subst__");
                if (subst != null) {
                    RefCount.decref(subst);
                    addOnce(found, arg);
                    continue;
                }
                PyObject params = Ops.attrOrNull(arg, "__parameters__");
                if (params instanceof PyTuple t) {
                    for (int j = 0; j < t.size(); j++) {
                        addOnce(found, t.getBorrowed(j));
                    }
                }
                RefCount.xdecref(params);
            }
        } catch (PyException e) {
            found.forEach(RefCount::decref);
            throw e;
        }
        return PyTuple.steal(found.toArray(new PyObject[0]));
    }

    private static void addOnce(List<PyObject> found, PyObject o) {
        for (PyObject f : found) {
            if (f == o) {
                return;
            }
        }
        found.add(newRef(o));
    }

    private static <T extends PyObject> T newRef(T o) {
        RefCount.incref(o);
        return o;
    }

    /** Every name but CPython's own list is the origin's ({@code list[int].append} is {@code list.append}). */
    @Override
    public PyObject getAttribute(String name) {
        return OWN.contains(name) ? null : Ops.getAttr(origin, name);
    }

    @Override
    public PyType type() {
        return cls;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(reprItem(origin)).append('[');
        if (args.size() == 0) {
            sb.append("()");
        }
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(reprItem(args.getBorrowed(i)));
        }
        return sb.append(']').toString();
    }

    /** CPython's ga_repr_item: {@code ...}, an alias as its repr, a class as module.qualname (builtins bare). */
    private static String reprItem(PyObject a) {
        if (a == PyEllipsis.ELLIPSIS) {
            return "...";
        }
        if (a instanceof PyType t && !t.isHeapType()) {
            return t.fullName();
        }
        if (hasAttr(a, "__origin__") && hasAttr(a, "__args__")) {
            return Ops.repr(a);
        }
        PyObject qualname = Ops.attrOrNull(a, "__qualname__");
        PyObject module = qualname == null ? null : Ops.attrOrNull(a, "__module__");
        try {
            if (qualname instanceof PyStr q && module instanceof PyStr m) {
                return m.value.equals("builtins") ? q.value : m.value + "." + q.value;
            }
            return Ops.repr(a);
        } finally {
            RefCount.xdecref(qualname);
            RefCount.xdecref(module);
        }
    }

    private static boolean hasAttr(PyObject o, String name) {
        PyObject v = Ops.attrOrNull(o, name);
        RefCount.xdecref(v);
        return v != null;
    }

    @Override
    public boolean equals(Object o) {
        if (attributes != null) {
            return BuiltinSubclasses.equals(this, o, this::aliasEquals);
        }
        return aliasEquals(o);
    }

    private boolean aliasEquals(Object o) {
        return o instanceof PyGenericAlias g && Ops.eq(origin, g.origin) && Ops.eq(args, g.args);
    }

    @Override
    public int hashCode() {
        if (attributes != null) {
            return BuiltinSubclasses.hashCode(this, () -> origin.hashCode() ^ args.hashCode());
        }
        return origin.hashCode() ^ args.hashCode();
    }

    @Override
    protected void dealloc() {
        RefCount.decref(origin);
        RefCount.decref(args);
    }

    @Override
    protected void afterFree() {
        RefCount.xdecref(attributes);
    }

    /** An instance of a Python subclass ({@code _collections_abc._CallableGenericAlias}). */
    static final class Sub extends PyGenericAlias implements BuiltinSubclass {
        Sub(PyType cls, PyObject origin, PyObject key) {
            super(cls, origin, key);
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }
    }
}
