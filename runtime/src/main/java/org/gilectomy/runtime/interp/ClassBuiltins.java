package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Classes;
import org.gilectomy.objects.Descriptors;
import org.gilectomy.objects.Dunders;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInstance;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.types.ContainerMethods;

/**
 * The built-ins of classes and exceptions: {@code object}, {@code type}, {@code isinstance},
 * {@code issubclass}, {@code super}, the exception classes, and the attribute and iterator
 * functions where no other part of the runtime defined them first.
 */
final class ClassBuiltins {
    private ClassBuiltins() {
    }

    static void register(PyDict builtins) {
        for (PyType t : PyExc.ALL) {
            builtins.putName(t.name(), t);
        }
        builtins.putName("EnvironmentError", PyExc.OS_ERROR); // CPython's aliases
        builtins.putName("IOError", PyExc.OS_ERROR);
        builtins.putName("NotImplemented", Dunders.NOT_IMPLEMENTED);
        PyType.OBJECT.constructor = (a, off, n, kw) -> {
            Args.exactly("object", n, 0, kw);
            return new PyInstance(PyType.OBJECT);
        };
        builtins.putName("object", PyType.OBJECT);
        PyType.TYPE.constructor = (a, off, n, kw) -> {
            if (n == 1 && kw == null) {
                PyType t = a[off].type();
                RefCount.incref(t);
                return t;
            }
            if (n == 3) {
                PyType winner = a[off + 1] instanceof PyTuple b ? Classes.metaclassFor(null, typesOf(b)) : PyType.TYPE;
                if (winner != PyType.TYPE) { // a base's metaclass makes the class, as CPython's type_new hands over
                    return Ops.call(winner, a, off, n, kw);
                }
                return newType(PyType.TYPE, a, off, kw);
            }
            throw PyExc.typeError("type() takes 1 or 3 arguments");
        };
        builtins.putName("type", PyType.TYPE);
        registerDescriptors(builtins);
        registerTypeMethods();
        registerSubclassable();
        function(builtins, "isinstance", (a, off, n, kw) -> {
            Args.exactly("isinstance", n, 2, kw);
            return PyBool.of(isInstance(a[off], a[off + 1], "isinstance"));
        });
        function(builtins, "issubclass", (a, off, n, kw) -> {
            Args.exactly("issubclass", n, 2, kw);
            if (!(a[off] instanceof PyType t)) {
                throw PyExc.typeError("issubclass() arg 1 must be a class");
            }
            return PyBool.of(isSubclass(t, a[off + 1]));
        });
        function(builtins, "super", (a, off, n, kw) -> {
            if (n == 0) {
                throw new PyException(PyExc.RUNTIME_ERROR, "super(): no arguments");
            }
            Args.exactly("super", n, 2, kw);
            if (!(a[off] instanceof PyType t)) {
                throw PyExc.typeError("super() argument 1 must be a type, not " + a[off].type().name());
            }
            return new Classes.PySuper(t, a[off + 1]);
        });
        function(builtins, "getattr", (a, off, n, kw) -> {
            Args.between("getattr", n, 2, 3, kw);
            String name = attrName(a[off + 1], "getattr");
            try {
                return Ops.getAttr(a[off], name);
            } catch (PyException e) {
                if (n == 3 && e.matches(PyExc.ATTRIBUTE_ERROR)) {
                    e.release();
                    RefCount.incref(a[off + 2]);
                    return a[off + 2];
                }
                throw e;
            }
        });
        function(builtins, "hasattr", (a, off, n, kw) -> {
            Args.exactly("hasattr", n, 2, kw);
            try {
                RefCount.decref(Ops.getAttr(a[off], attrName(a[off + 1], "hasattr")));
                return PyBool.TRUE;
            } catch (PyException e) {
                if (e.matches(PyExc.ATTRIBUTE_ERROR)) {
                    e.release();
                    return PyBool.FALSE;
                }
                throw e;
            }
        });
        function(builtins, "setattr", (a, off, n, kw) -> {
            Args.exactly("setattr", n, 3, kw);
            Ops.setAttr(a[off], attrName(a[off + 1], "setattr"), a[off + 2]);
            return org.gilectomy.objects.PyNone.newRef();
        });
        function(builtins, "delattr", (a, off, n, kw) -> {
            Args.exactly("delattr", n, 2, kw);
            Ops.delAttr(a[off], attrName(a[off + 1], "delattr"));
            return org.gilectomy.objects.PyNone.newRef();
        });
    }

    /** {@code staticmethod}, {@code classmethod} and {@code property} with its getter/setter/deleter. */
    private static void registerDescriptors(PyDict builtins) {
        for (PyType kind : new PyType[] {Descriptors.PyFunctionWrapper.STATICMETHOD, Descriptors.PyFunctionWrapper.CLASSMETHOD}) {
            kind.constructor = (a, off, n, kw) -> {
                oneArgument(kind.name(), n, kw);
                return new Descriptors.PyFunctionWrapper(kind, a[off]);
            };
            kind.addMethod("__init__", (a, off, n, kw) -> {
                oneArgument(kind.name(), n - 1, kw);
                ((Descriptors.PyFunctionWrapper) a[off]).init(a[off + 1]);
                return PyNone.newRef();
            });
            builtins.putName(kind.name(), kind);
        }
        Descriptors.PyProperty.TYPE.constructor = (a, off, n, kw) -> {
            PyObject[] p = propertyArguments(a, off, n, kw);
            return new Descriptors.PyProperty(p[0], p[1], p[2], p[3]);
        };
        Descriptors.PyProperty.TYPE.addMethod("__init__", (a, off, n, kw) -> {
            PyObject[] p = propertyArguments(a, off + 1, n - 1, kw);
            ((Descriptors.PyProperty) a[off]).init(p[0], p[1], p[2], p[3]);
            return PyNone.newRef();
        });
        Descriptors.PyProperty.TYPE.addMethod("__set_name__", (a, off, n, kw) -> {
            if (n - 1 != 2 || kw != null) {
                throw PyExc.typeError("__set_name__() takes 2 positional arguments but " + (n - 1) + " were given");
            }
            ((Descriptors.PyProperty) a[off]).setName(Ops.str(a[off + 2]));
            return PyNone.newRef();
        });
        String[] accessors = {"getter", "setter", "deleter"};
        for (int i = 0; i < accessors.length; i++) {
            int which = i;
            Descriptors.PyProperty.TYPE.addMethod(accessors[i], (a, off, n, kw) -> {
                Args.exactly(accessors[which], n - 1, 1, kw);
                return ((Descriptors.PyProperty) a[off]).with(which, a[off + 1]);
            });
        }
        builtins.putName("property", Descriptors.PyProperty.TYPE);
    }

    /** property()'s arguments {@code fget, fset, fdel, doc} (each null when not given), by position or name. */
    private static PyObject[] propertyArguments(PyObject[] a, int off, int n, PyTuple kw) {
        if (n > 4) {
            throw PyExc.typeError("property() takes at most 4 arguments (" + n + " given)");
        }
        PyObject[] named = Keywords.get("property", a, off + n, kw, "fget", "fset", "fdel", "doc");
        PyObject[] p = new PyObject[4];
        for (int i = 0; i < 4; i++) {
            if (i < n && named[i] != null) {
                throw PyExc.typeError("argument for property() given by name ('" + new String[] {"fget", "fset", "fdel", "doc"}[i]
                        + "') and position (" + (i + 1) + ")");
            }
            p[i] = i < n ? a[off + i] : named[i];
        }
        return p;
    }

    /**
     * What Python subclasses of the built-in containers reach through {@code super()} or the
     * type: {@code __init__} (a subclass instance starts empty, as CPython's), the item
     * assignment methods, and {@code __repr__}, each doing the built-in's own work (never an
     * override: that would recurse into the subclass).
     */
    private static void registerSubclassable() {
        PyList.TYPE.addMethod("__init__", (a, off, n, kw) -> {
            Args.between("list", n - 1, 0, 1, kw);
            PyList l = (PyList) a[off];
            PyObject[] items = n == 2 ? Ops.collect(a[off + 1]) : new PyObject[0];
            l.clear();
            l.extend(items);
            return PyNone.newRef();
        });
        PyDict.TYPE.addMethod("__init__", (a, off, n, kw) -> {
            if (n > 2) {
                throw PyExc.typeError("dict expected at most 1 argument, got " + (n - 1));
            }
            PyDict d = (PyDict) a[off];
            if (n == 2) {
                ContainerMethods.update(d, a[off + 1]);
            }
            for (int k = 0; kw != null && k < kw.size(); k++) {
                d.put(kw.getBorrowed(k), a[off + n + k]);
            }
            return PyNone.newRef();
        });
        PySet.TYPE.addMethod("__init__", (a, off, n, kw) -> {
            Args.between("set", n - 1, 0, 1, kw);
            PySet s = (PySet) a[off];
            PyObject[] items = n == 2 ? Ops.collect(a[off + 1]) : new PyObject[0];
            s.clear();
            for (PyObject x : items) {
                try {
                    s.add(x);
                } finally {
                    RefCount.decref(x);
                }
            }
            return PyNone.newRef();
        });
        for (PyType t : new PyType[] {PyList.TYPE, PyDict.TYPE}) {
            t.addMethod("__setitem__", (a, off, n, kw) -> {
                Args.exactly(t.name() + ".__setitem__", n - 1, 2, kw);
                Ops.setItemBuiltin(a[off], a[off + 1], a[off + 2]);
                return PyNone.newRef();
            });
            t.addMethod("__delitem__", (a, off, n, kw) -> {
                Args.exactly(t.name() + ".__delitem__", n - 1, 1, kw);
                Ops.delItemBuiltin(a[off], a[off + 1]);
                return PyNone.newRef();
            });
        }
        for (PyType t : new PyType[] {PyList.TYPE, PyDict.TYPE, PySet.TYPE, PySet.FROZEN_TYPE, PyTuple.TYPE, PyStr.TYPE,
            PyInt.TYPE, PyFloat.TYPE}) {
            t.addMethod("__repr__", (a, off, n, kw) -> {
                Args.exactly(t.name() + ".__repr__", n - 1, 0, kw);
                return PyStr.of(Ops.reprBuiltin(a[off]));
            });
        }
    }

    /** {@code type.__new__}, {@code type.__init__} and {@code type.__call__}, for metaclasses and super() in them. */
    private static void registerTypeMethods() {
        PyType.TYPE.addMethod("__new__", (a, off, n, kw) -> {
            if (n != 4 || !(a[off] instanceof PyType meta) || !meta.isSubtypeOf(PyType.TYPE)) {
                throw PyExc.typeError("type.__new__() takes exactly 3 arguments after the metaclass");
            }
            return newType(meta, a, off + 1, kw);
        });
        PyType.TYPE.addMethod("__init__", (a, off, n, kw) -> {
            if (n != 2 && n != 4) {
                throw PyExc.typeError("type.__init__() takes 1 or 3 arguments");
            }
            return PyNone.newRef();
        });
        PyType.TYPE.addMethod("__call__", (a, off, n, kw) -> {
            if (n == 0 || !(a[off] instanceof PyType cls)) {
                throw PyExc.typeError("descriptor '__call__' requires a 'type' object");
            }
            return cls.isHeapType() ? Classes.construct(cls, a, off + 1, n - 1, kw) : Ops.call(cls, a, off + 1, n - 1, kw);
        });
    }

    /**
     * {@code type(name, bases, ns)} and {@code type.__new__(meta, name, bases, ns, **kw)}
     * ({@code a[off..off+3)}, keyword values after them): a class as a class statement would
     * make it, from a copy of ns.
     */
    private static PyObject newType(PyType meta, PyObject[] a, int off, PyTuple kw) {
        PyObject name = a[off];
        PyObject bases = a[off + 1];
        PyObject ns = a[off + 2];
        if (!(name instanceof PyStr n)) {
            throw PyExc.typeError("type.__new__() argument 1 must be str, not " + name.type().name());
        }
        if (!(bases instanceof PyTuple b)) {
            throw PyExc.typeError("type.__new__() argument 2 must be tuple, not " + bases.type().name());
        }
        if (!(ns instanceof PyDict d)) {
            throw PyExc.typeError("type.__new__() argument 3 must be dict, not " + ns.type().name());
        }
        PyType[] types = new PyType[b.size()];
        for (int i = 0; i < types.length; i++) {
            if (!(b.getBorrowed(i) instanceof PyType t)) {
                throw PyExc.typeError("bases must be types");
            }
            types[i] = t;
        }
        PyDict namespace = new PyDict();
        namespace.putAll(d);
        String module = "__main__";
        PyObject m = namespace.getName("__module__");
        if (m == null) {
            PyStr main = PyStr.of(module); // the calling module's name: this runtime runs __main__ only
            namespace.putName("__module__", main);
            RefCount.decref(main);
        } else {
            module = m instanceof PyStr s ? s.value : module;
            RefCount.decref(m);
        }
        if (!namespace.containsKey(PyStr.internBorrowed("__qualname__"))) {
            namespace.putName("__qualname__", n);
        }
        return Classes.newClass(meta, n.value, types, namespace, module, a, off + 3, kw);
    }

    /** The classes among {@code bases} (the others are left to newType's check). */
    private static PyType[] typesOf(PyTuple bases) {
        java.util.List<PyType> types = new java.util.ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            if (bases.getBorrowed(i) instanceof PyType t) {
                types.add(t);
            }
        }
        return types.toArray(new PyType[0]);
    }

    private static void oneArgument(String fn, int n, PyTuple kw) {
        if (kw != null) {
            throw PyExc.typeError(fn + "() takes no keyword arguments");
        }
        if (n != 1) {
            throw PyExc.typeError(fn + " expected 1 argument, got " + n);
        }
    }

    private static String attrName(PyObject o, String fn) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError("attribute name must be string, not '" + o.type().name() + "'");
    }

    static boolean isInstance(PyObject o, PyObject cls, String fn) {
        if (cls instanceof org.gilectomy.objects.PyUnionType u) {
            return isInstance(o, u.args(), fn);
        }
        if (cls instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) {
                if (isInstance(o, t.getBorrowed(i), fn)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType type)) {
            throw PyExc.typeError(fn + "() arg 2 must be a type, a tuple of types, or a union");
        }
        PyType meta = type.heapMetatype();
        if (meta != null && o.type() != type) {
            PyObject r = Dunders.callOverride(type, "__instancecheck__", o);
            if (r != null) {
                try {
                    return Ops.isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            }
        }
        return Classes.isInstance(o, type);
    }

    private static boolean isSubclass(PyType t, PyObject cls) {
        if (cls instanceof org.gilectomy.objects.PyUnionType u) {
            return isSubclass(t, u.args());
        }
        if (cls instanceof PyTuple tu) {
            for (int i = 0; i < tu.size(); i++) {
                if (isSubclass(t, tu.getBorrowed(i))) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType type)) {
            throw PyExc.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        if (type.heapMetatype() != null) {
            PyObject r = Dunders.callOverride(type, "__subclasscheck__", t);
            if (r != null) {
                try {
                    return Ops.isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            }
        }
        return t.isSubtypeOf(type);
    }

    private static void function(PyDict builtins, String name, PyBuiltinFunction.Body body) {
        builtins.putName(name, new PyBuiltinFunction(name, body));
    }
}
