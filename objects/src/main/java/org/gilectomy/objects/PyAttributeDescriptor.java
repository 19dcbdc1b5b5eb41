package org.gilectomy.objects;

/**
 * A built-in type's data attribute read through the class ({@code FunctionType.__code__},
 * {@code FunctionType.__globals__}): CPython's {@code getset_descriptor} (an attribute computed
 * by a getter) or {@code member_descriptor} (a field of the C struct), as that type declares it.
 * Reading it through an instance reads the instance's attribute; assigning through it assigns
 * the instance's. Made on the first read through the class and kept by the type
 * ({@link PyType#attributeDescriptor}), so reading it twice gives one object.
 */
public final class PyAttributeDescriptor extends BuiltinDescriptor {
    public static final PyType GETSET = new PyType("getset_descriptor", null);
    public static final PyType MEMBER = new PyType("member_descriptor", null);

    static {
        for (PyType t : new PyType[] {GETSET, MEMBER}) {
            addCommonAttributes(t);
            t.addMethod("__get__", (a, off, n, kw) -> {
                Args.between("__get__", n - 1, 1, 2, kw);
                PyObject instance = a[off + 1];
                return ((PyAttributeDescriptor) a[off]).bind(instance == PyNone.NONE ? null : instance);
            });
            t.addMethod("__set__", (a, off, n, kw) -> {
                Args.exactly("__set__", n - 1, 2, kw);
                PyAttributeDescriptor d = (PyAttributeDescriptor) a[off];
                d.check(a[off + 1]);
                Ops.setAttr(a[off + 1], d.name, a[off + 2]);
                return PyNone.newRef();
            });
        }
    }

    private final PyType kind;

    PyAttributeDescriptor(boolean member, PyType owner, String name) {
        super(owner, name);
        this.kind = member ? MEMBER : GETSET;
    }

    /** Through an instance: the instance's attribute; through the class (null): itself. */
    PyObject bind(PyObject instance) {
        if (instance == null) {
            org.gilectomy.refcount.RefCount.incref(this);
            return this;
        }
        check(instance);
        return Ops.getAttr(instance, name);
    }

    @Override
    public PyType type() {
        return kind;
    }

    @Override
    public String toString() {
        return (kind == MEMBER ? "<member '" : "<attribute '") + name + "' of '" + owner.name() + "' objects>";
    }
}
