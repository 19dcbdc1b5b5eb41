package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * The part of the built-in descriptors (classmethod, staticmethod, property) that instances of
 * their Python subclasses use: an attribute dict (null for the built-ins' own instances, which
 * have none), released after the object is freed, and Java equality and hashing that follow an
 * overridden {@code __eq__}/{@code __hash__} (identity otherwise), for such objects as dict keys.
 * The subclass instances themselves are the descriptors' {@code Sub} classes, which implement
 * {@link BuiltinSubclass} over this dict.
 */
abstract class SubclassableDescriptor extends PyObject {
    /** The instance's attributes if it is a subclass instance, else null. */
    final PyDict attributes;

    SubclassableDescriptor(boolean subclassInstance) {
        this.attributes = subclassInstance ? new PyDict() : null;
    }

    @Override
    protected void afterFree() {
        RefCount.xdecref(attributes);
    }

    @Override
    public boolean equals(Object o) {
        return attributes == null ? this == o : BuiltinSubclasses.equals(this, o, x -> this == x);
    }

    @Override
    public int hashCode() {
        return attributes == null ? System.identityHashCode(this)
                : BuiltinSubclasses.hashCode(this, () -> System.identityHashCode(this));
    }
}
