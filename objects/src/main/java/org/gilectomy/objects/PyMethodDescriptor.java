package org.gilectomy.objects;

import java.util.Set;

/**
 * A built-in type's method read through the class ({@code str.join}, {@code object.__init__},
 * {@code dict.__dict__['fromkeys']}): CPython's {@code method_descriptor},
 * {@code wrapper_descriptor} (a type slot, "slot wrapper") and {@code classmethod_descriptor}.
 *
 * <p>The type's table keeps plain {@link PyBuiltinFunction}s, which method calls on instances
 * use directly; a descriptor is made only when the class is asked for the attribute (a cold
 * path), once per type and name ({@link PyType#methodDescriptor}), so {@code str.join is
 * str.join} as in CPython. Calling it calls the function; reading it through an instance binds
 * it.
 */
public final class PyMethodDescriptor extends BuiltinDescriptor implements CallableObject {
    public static final PyType METHOD = new PyType("method_descriptor", null);
    public static final PyType WRAPPER = new PyType("wrapper_descriptor", null);
    public static final PyType CLASSMETHOD = new PyType("classmethod_descriptor", null);

    /** Names CPython fills from a type slot (its {@code slotdefs}): read through the class, a slot wrapper. */
    private static final Set<String> SLOTS = Set.of("__repr__", "__str__", "__hash__", "__call__", "__getattribute__",
            "__getattr__", "__setattr__", "__delattr__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
            "__iter__", "__next__", "__get__", "__set__", "__delete__", "__init__", "__del__", "__await__", "__aiter__",
            "__anext__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__",
            "__divmod__", "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__",
            "__invert__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__",
            "__rxor__", "__or__", "__ror__", "__int__", "__float__", "__iadd__", "__isub__", "__imul__", "__imod__",
            "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__", "__floordiv__",
            "__rfloordiv__", "__truediv__", "__rtruediv__", "__ifloordiv__", "__itruediv__", "__index__",
            "__matmul__", "__rmatmul__", "__imatmul__", "__len__", "__setitem__", "__delitem__", "__contains__",
            "__getitem__");
    /** CPython's built-in classmethods among the types this runtime has. */
    private static final Set<String> CLASS_METHODS = Set.of("dict.fromkeys", "int.from_bytes", "float.fromhex",
            "bytes.fromhex", "bytearray.fromhex");
    private static final Set<String> CLASS_METHOD_NAMES = Set.of("__class_getitem__", "__subclasshook__", "__init_subclass__");
    /** Not descriptors in CPython: static methods, which read through the class are the function itself. */
    private static final Set<String> STATIC_METHODS = Set.of("str.maketrans", "bytes.maketrans", "bytearray.maketrans",
            "chain.from_iterable"); // this runtime's from_iterable takes no class: read through it, a function as CPython's bound classmethod

    static {
        for (PyType t : new PyType[] {METHOD, WRAPPER, CLASSMETHOD}) {
            addCommonAttributes(t);
        }
    }

    private final PyType kind;
    /** The type's function (immortal, as the type's table keeps it). */
    private final PyBuiltinFunction function;

    private PyMethodDescriptor(PyType kind, PyType owner, String name, PyBuiltinFunction function) {
        super(owner, name);
        this.kind = kind;
        this.function = function;
    }

    /** The descriptor for method {@code name} of built-in type {@code owner}; made once, by {@link PyType#methodDescriptor}. */
    static PyMethodDescriptor make(PyType owner, String name, PyBuiltinFunction function) {
        PyType kind = CLASS_METHODS.contains(owner.name() + "." + name) || CLASS_METHOD_NAMES.contains(name) ? CLASSMETHOD
                : SLOTS.contains(name) ? WRAPPER : METHOD;
        return new PyMethodDescriptor(kind, owner, name, function);
    }

    /** Whether CPython reads this method of a built-in type through the class as the plain function (a static method, {@code __new__}). */
    static boolean isStatic(PyType owner, String name) {
        return name.equals("__new__") || STATIC_METHODS.contains(owner.name() + "." + name);
    }

    /** Whether a method of this name, bound to an instance, is a {@code method-wrapper} (a slot's) rather than a built-in method. */
    static boolean isSlot(String name) {
        return SLOTS.contains(name);
    }

    /** Read through an instance ({@code instance} non-null): the bound method; through the class: itself. */
    PyObject bind(PyObject instance, PyType cls) {
        if (kind == CLASSMETHOD) {
            return new PyBoundMethod(function, cls == null ? owner : cls);
        }
        if (instance == null) {
            org.gilectomy.refcount.RefCount.incref(this);
            return this;
        }
        return new PyBoundMethod(function, instance);
    }

    @Override
    public PyObject call(PyObject[] args, int off, int nargs, PyTuple kwnames) {
        if (kind != CLASSMETHOD) {
            if (nargs == 0) {
                throw PyExc.typeError("unbound method " + owner.qualname() + "." + name + "() needs an argument");
            }
            check(args[off]);
        }
        return function.call(args, off, nargs, kwnames);
    }

    @Override
    public PyType type() {
        return kind;
    }

    @Override
    public String toString() {
        return (kind == WRAPPER ? "<slot wrapper '" : "<method '") + name + "' of '" + owner.name() + "' objects>";
    }
}
