package org.gilectomy.objects;

/**
 * A built-in object with data attributes ({@code thread.name}, {@code socket.family}), read by
 * {@link Ops#getAttr} before the type's methods are looked up.
 */
public interface DataAttributes {
    /** A new reference to attribute {@code name}, or null if this object has none by that name. */
    PyObject getAttribute(String name);
}
