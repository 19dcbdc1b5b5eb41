package org.gilectomy.objects;

import java.util.Map;
import org.gilectomy.refcount.RefCount;

/**
 * {@code object}'s comparison, hash and text slots as read through a class: {@code object.__ne__},
 * {@code MutableMapping.__ne__}, {@code ref.__hash__} (the standard library copies them into
 * other classes: {@code __ne__ = Mapping.__ne__}). They are not in object's method table, which
 * {@link PyType#lookup} falls back on for every operator: kept apart, they are found only by an
 * attribute read that found nothing else, and an operator on an object that has none of them
 * still takes the runtime's direct path. Each behaves as CPython's slot does when called.
 */
final class ObjectSlots {
    private ObjectSlots() {
    }

    private static final Map<String, PyBuiltinFunction> SLOTS = Map.ofEntries(
            Map.entry("__eq__", compare("__eq__", (self, other) -> self == other ? PyBool.of(true) : notImplemented())),
            Map.entry("__ne__", compare("__ne__", ObjectSlots::notEqual)),
            Map.entry("__lt__", compare("__lt__", (self, other) -> notImplemented())),
            Map.entry("__le__", compare("__le__", (self, other) -> notImplemented())),
            Map.entry("__gt__", compare("__gt__", (self, other) -> notImplemented())),
            Map.entry("__ge__", compare("__ge__", (self, other) -> notImplemented())),
            Map.entry("__hash__", unary("__hash__", self -> PyInt.of(Hashing.hashBuiltin(self)))),
            Map.entry("__repr__", unary("__repr__", self -> PyStr.of(self.defaultRepr()))),
            Map.entry("__str__", unary("__str__", self -> PyStr.of(Ops.repr(self)))),
            Map.entry("__format__", compare("__format__", ObjectSlots::format)),
            Map.entry("__reduce_ex__", compare("__reduce_ex__", (self, protocol) -> {
                throw PyExc.notImplemented("pickling (object.__reduce_ex__)");
            })));

    /** The slot wrapper {@code t.name} when {@code t} defines nothing of that name; else null. */
    static PyMethodDescriptor lookup(PyType t, String name) {
        PyBuiltinFunction f = SLOTS.get(name);
        return f == null ? null : PyType.OBJECT.slotDescriptor(name, f);
    }

    /** A slot of one argument besides self (the comparisons, __format__, __reduce_ex__). */
    private static PyBuiltinFunction compare(String name, java.util.function.BinaryOperator<PyObject> body) {
        return new PyBuiltinFunction("object." + name, (a, off, n, kw) -> {
            Args.exactly(name, n - 1, 1, kw);
            return body.apply(a[off], a[off + 1]);
        });
    }

    private static PyBuiltinFunction unary(String name, java.util.function.UnaryOperator<PyObject> body) {
        return new PyBuiltinFunction("object." + name, (a, off, n, kw) -> {
            Args.exactly(name, n - 1, 0, kw);
            return body.apply(a[off]);
        });
    }

    /** CPython's object.__format__: str(self) for an empty spec, a TypeError for any other. */
    private static PyObject format(PyObject self, PyObject spec) {
        if (!(spec instanceof PyStr s)) {
            throw PyExc.typeError("__format__() argument must be str, not " + spec.type().name());
        }
        if (!s.value.isEmpty()) {
            throw PyExc.typeError("unsupported format string passed to " + self.type().name() + ".__format__");
        }
        return PyStr.of(Ops.str(self));
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
