package org.gilectomy.objects;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The key layout of instances of one class ("hidden class", CPython 3.11's shared keys):
 * which attribute names an instance has, each at a fixed index of its values array. Every
 * class has an empty root shape; adding an attribute moves an instance to the child shape for
 * that name, created once and shared by every instance that adds the same names in the same
 * order. A shape belongs to exactly one class, so a shape identity check in an inline cache also
 * checks the class.
 *
 * <pre>
 * Overview
 *
 * Shapes are immutable once published (keys, type, parent are final), so any thread may read
 * one without a lock. Keys are interned PyStr objects (PyStr.internBorrowed, code.nameObjects)
 * compared by identity. The only mutable part is the transition table, a ConcurrentHashMap
 * (two threads adding the same name at once get the same child: computeIfAbsent).
 *
 * Field         access
 * keys, type    final
 * transitions   ConcurrentHashMap, lazily created under this shape's monitor (rare)
 *
 * Beyond MAX_KEYS names an instance leaves shapes for a dict (PyInstance's dict mode), so a
 * program that invents attribute names at run time cannot grow the tree without bound.
 * </pre>
 */
public final class Shape {
    /** Beyond this many attributes an instance stores them in a dict. */
    public static final int MAX_KEYS = 32;

    final PyType type;
    private final PyStr[] keys;
    private volatile ConcurrentHashMap<PyStr, Shape> transitions;

    private Shape(PyType type, PyStr[] keys) {
        this.type = type;
        this.keys = keys;
    }

    /** The root shape of a new class: no attributes. */
    static Shape root(PyType type) {
        return new Shape(type, new PyStr[0]);
    }

    /** How many attributes an instance of this shape has. */
    public int size() {
        return keys.length;
    }

    /** The name at {@code index}, borrowed (interned). */
    PyStr keyAt(int index) {
        return keys[index];
    }

    /** The index of the interned name {@code key}, or -1. */
    public int indexOf(PyStr key) {
        PyStr[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** The shape with {@code key} appended (shared); null when that would exceed MAX_KEYS. */
    Shape with(PyStr key) {
        if (keys.length >= MAX_KEYS) {
            return null;
        }
        ConcurrentHashMap<PyStr, Shape> t = transitions;
        if (t == null) {
            synchronized (this) {
                t = transitions;
                if (t == null) {
                    t = new ConcurrentHashMap<>(4);
                    transitions = t;
                }
            }
        }
        Shape s = t.get(key);
        return s != null ? s : t.computeIfAbsent(key, k -> {
            PyStr[] nk = java.util.Arrays.copyOf(keys, keys.length + 1);
            nk[keys.length] = k;
            return new Shape(type, nk);
        });
    }
}
