package org.gilectomy.objects;

/**
 * What the descriptors of built-in types share ({@link PyMethodDescriptor},
 * {@link PyAttributeDescriptor}): the type that defines the attribute and its name, exposed as
 * {@code __objclass__}, {@code __name__} and {@code __qualname__}, and CPython's check that an
 * object it is applied to is an instance of that type.
 */
abstract class BuiltinDescriptor extends PyObject {
    final PyType owner;
    final String name;

    BuiltinDescriptor(PyType owner, String name) {
        super(STATIC_REFS); // kept by its type, which lives for the process
        this.owner = owner;
        this.name = name;
    }

    /** Gives descriptor type {@code t} the attributes every built-in descriptor has; start-up only. */
    static void addCommonAttributes(PyType t) {
        t.addGetter("__name__", o -> PyStr.of(((BuiltinDescriptor) o).name));
        t.addGetter("__qualname__", o -> PyStr.of(((BuiltinDescriptor) o).owner.qualname() + "." + ((BuiltinDescriptor) o).name));
        t.addGetter("__objclass__", o -> {
            PyType owner = ((BuiltinDescriptor) o).owner;
            org.gilectomy.refcount.RefCount.incref(owner);
            return owner;
        });
    }

    /** Raises CPython's TypeError unless {@code instance} is an instance of the defining type. */
    final void check(PyObject instance) {
        if (!instance.type().isSubtypeOf(owner)) {
            throw PyExc.typeError("descriptor '" + name + "' for '" + owner.name() + "' objects doesn't apply to a '"
                    + instance.type().name() + "' object");
        }
    }
}
