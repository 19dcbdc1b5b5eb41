package org.gilectomy.objects;

/**
 * A built-in object with data attributes ({@code thread.name}, {@code socket.family}), read by
 * {@link Ops#getAttr} before the type's methods are looked up; written and deleted through
 * {@link Ops#setAttr}/{@link Ops#delAttr} if it says so ({@code threading.local}).
 */
public interface DataAttributes {
    /** A new reference to attribute {@code name}, or null if this object has none by that name. */
    PyObject getAttribute(String name);

    /** {@code o.name = value} ({@code value} borrowed): whether this object took it (else the usual rules apply). */
    default boolean setAttribute(String name, PyObject value) {
        return false;
    }

    /** {@code del o.name}: whether this object handled it (else the usual rules apply). */
    default boolean deleteAttribute(String name) {
        return false;
    }
}
