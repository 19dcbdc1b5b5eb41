package org.gilectomy.objects;

import java.util.Map;
import org.gilectomy.refcount.RefCount;

/**
 * {@code object}'s comparison and hash slots as read through a class: {@code object.__ne__},
 * {@code MutableMapping.__ne__}, {@code ref.__hash__} (the standard library copies them into
 * other classes: {@code __ne__ = Mapping.__ne__}). They are not in object's method table, which
 * {@link PyType#lookup} falls back on for every operator: kept apart, they are found only by an
 * attribute read that found nothing else, and an operator on an object that has none of them
 * still takes the runtime's direct path. Each behaves as CPython's slot does when called.
 */
final class ObjectSlots {
    private ObjectSlots() {
    }

    private static final Map<String, PyBuiltinFunction> SLOTS = Map.of(
            "__eq__", compare("__eq__", (self, other) -> self == other ? PyBool.of(true) : notImplemented()),
            "__ne__", compare("__ne__", ObjectSlots::notEqual),
            "__lt__", compare("__lt__", (self, other) -> notImplemented()),
            "__le__", compare("__le__", (self, other) -> notImplemented()),
            "__gt__", compare("__gt__", (self, other) -> notImplemented()),
            "__ge__", compare("__ge__", (self, other) -> notImplemented()),
            "__hash__", new PyBuiltinFunction("object.__hash__", (a, off, n, kw) -> {
                Args.exactly("__hash__", n - 1, 0, kw);
                return PyInt.of(Hashing.hashBuiltin(a[off]));
            }));

    /** The slot wrapper {@code t.name} when {@code t} defines nothing of that name; else null. */
    static PyMethodDescriptor lookup(PyType t, String name) {
        PyBuiltinFunction f = SLOTS.get(name);
        return f == null ? null : PyType.OBJECT.slotDescriptor(name, f);
    }

    private static PyBuiltinFunction compare(String name, java.util.function.BinaryOperator<PyObject> body) {
        return new PyBuiltinFunction("object." + name, (a, off, n, kw) -> {
            Args.exactly(name, n - 1, 1, kw);
            return body.apply(a[off], a[off + 1]);
        });
    }

    private static PyObject notImplemented() {
        RefCount.incref(Dunders.NOT_IMPLEMENTED);
        return Dunders.NOT_IMPLEMENTED;
    }

    /** CPython's object.__ne__: the negation of the class's {@code __eq__}, unless that gave NotImplemented. */
    private static PyObject notEqual(PyObject self, PyObject other) {
        PyObject eq = self.type().lookup("__eq__");
        if (eq == null) {
            return self == other ? PyBool.of(false) : notImplemented();
        }
        PyObject r;
        try {
            r = Ops.call(eq, self, other);
        } finally {
            RefCount.decref(eq);
        }
        if (r == Dunders.NOT_IMPLEMENTED) {
            return r;
        }
        try {
            return PyBool.of(!Ops.isTrue(r));
        } finally {
            RefCount.decref(r);
        }
    }
}
