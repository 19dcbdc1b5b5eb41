package org.gilectomy.objects;

/**
 * An instance of a Python class deriving from a built-in value type ({@code class L(list)},
 * {@code class P(tuple)}, {@code class N(int)} ...). It is an object of the built-in's Java
 * class, so every operation that takes the built-in takes it too, carrying its class and an
 * attribute dict besides. Operations check for overridden special methods
 * ({@link Dunders#callOverride}) on this slow path only: exact built-in objects never pass here.
 */
public interface BuiltinSubclass {
    /** The instance's attributes ({@code __dict__}), borrowed. */
    PyDict attributesBorrowed();
}
