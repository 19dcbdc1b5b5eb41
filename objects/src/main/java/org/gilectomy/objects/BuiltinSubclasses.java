package org.gilectomy.objects;

import java.util.function.IntSupplier;
import org.gilectomy.refcount.RefCount;

/**
 * The Java classes of instances of Python subclasses of built-in value types, and how they are
 * made ({@code X.__new__(cls, ...)}). Each is the built-in's Java class plus the Python class
 * and an attribute dict, released when the object is freed (in afterFree: a dict's dealloc is
 * also its clear(), so it must not release anything of the subclass's own). Java equality and
 * hashing (how such objects key a dict) follow an overridden {@code __eq__}/{@code __hash__}.
 *
 * <p>Mutable built-ins (list, dict, set) start empty: their {@code __init__} fills them, as in
 * CPython. Immutable ones (tuple, str, int, float, frozenset) are made from the value the
 * built-in's own constructor makes of the arguments.
 */
final class BuiltinSubclasses {
    private BuiltinSubclasses() {
    }

    static void install() {
        newOf(PyList.TYPE, (cls, a, off, n, kw) -> new ListSub(cls));
        newOf(PyDict.TYPE, (cls, a, off, n, kw) -> new DictSub(cls));
        newOf(PySet.TYPE, (cls, a, off, n, kw) -> new SetSub(cls, false));
        newOf(PySet.FROZEN_TYPE, (cls, a, off, n, kw) -> {
            PyObject exact = PySet.FROZEN_TYPE.constructor.call(a, off, n, kw);
            SetSub s = new SetSub(cls, true);
            try {
                for (PyObject x : Ops.collect(exact)) {
                    s.add(x);
                    RefCount.decref(x);
                }
            } finally {
                RefCount.decref(exact);
            }
            return s;
        });
        newOf(PyTuple.TYPE, (cls, a, off, n, kw) -> {
            PyObject[] items = n == 0 ? new PyObject[0] : Ops.collect(exactArg(PyTuple.TYPE, a, off, n, kw));
            return new TupleSub(cls, items);
        });
        newOf(PyStr.TYPE, (cls, a, off, n, kw) -> {
            PyObject exact = PyStr.TYPE.constructor.call(a, off, n, kw);
            String v = ((PyStr) exact).value;
            RefCount.decref(exact);
            return new StrSub(cls, v);
        });
        newOf(PyInt.TYPE, (cls, a, off, n, kw) -> {
            PyObject exact = PyInt.TYPE.constructor.call(a, off, n, kw);
            PyInt i = (PyInt) exact;
            IntSub r = new IntSub(cls, i.value, i.big);
            RefCount.decref(exact);
            return r;
        });
        newOf(PyFloat.TYPE, (cls, a, off, n, kw) -> {
            PyObject exact = PyFloat.TYPE.constructor.call(a, off, n, kw);
            double v = ((PyFloat) exact).value;
            RefCount.decref(exact);
            return new FloatSub(cls, v);
        });
        for (PyType t : new PyType[] {Descriptors.PyFunctionWrapper.STATICMETHOD, Descriptors.PyFunctionWrapper.CLASSMETHOD}) {
            newOf(t, (cls, a, off, n, kw) -> new Descriptors.PyFunctionWrapper.Sub(cls));
        }
        newOf(Descriptors.PyProperty.TYPE, (cls, a, off, n, kw) -> new Descriptors.PyProperty.Sub(cls));
        Descriptors.PyProperty.install();
        PyWeakref.install();
        PyGenericAlias.install();
    }

    /** tuple(arg): the one argument, checked as the built-in's constructor checks it. */
    private static PyObject exactArg(PyType t, PyObject[] a, int off, int n, PyTuple kw) {
        Args.between(t.name(), n, 0, 1, kw);
        return a[off];
    }

    /** Registers how to make instances of subclasses of {@code t}, and {@code t.__new__}. */
    static void newOf(PyType t, PyType.BuiltinNew make) {
        t.builtinNew = make;
        t.addMethod("__new__", (a, off, n, kw) -> {
            if (n == 0) {
                throw PyExc.typeError(t.name() + ".__new__(): not enough arguments");
            }
            if (!(a[off] instanceof PyType cls)) {
                throw PyExc.typeError(t.name() + ".__new__(X): X is not a type object (" + a[off].type().name() + ")");
            }
            if (!cls.isSubtypeOf(t)) {
                throw PyExc.typeError(t.name() + ".__new__(" + cls.name() + "): " + cls.name() + " is not a subtype of " + t.name());
            }
            if (cls == t) {
                return t.constructor.call(a, off + 1, n - 1, kw);
            }
            cls.keepForInstances(); // its instances do not show the collector their class
            return make.make(cls, a, off + 1, n - 1, kw);
        });
    }

    // ------------------------------------------------------------------ equality and hashing

    /** {@code self == o} through an overridden {@code __eq__}, else the built-in's. */
    static boolean equals(PyObject self, Object o, java.util.function.Predicate<Object> builtin) {
        PyObject m = self.type().lookupHeap("__eq__");
        if (m == null || !(o instanceof PyObject other)) {
            RefCount.xdecref(m);
            return builtin.test(o);
        }
        RefCount.decref(m);
        return Dunders.eq(self, other);
    }

    /** The Java hash: an overridden {@code __hash__} (None: unhashable), else the built-in's. */
    static int hashCode(PyObject self, IntSupplier builtin) {
        PyObject m = self.type().lookupHeap("__hash__");
        if (m == null) {
            return builtin.getAsInt();
        }
        RefCount.decref(m);
        return Long.hashCode(Dunders.hash(self));
    }

    // ------------------------------------------------------------------ the instance classes

    static final class ListSub extends PyList implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        ListSub(PyType cls) {
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class DictSub extends PyDict implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        DictSub(PyType cls) {
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class SetSub extends PySet implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        SetSub(PyType cls, boolean frozen) {
            super(frozen);
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class TupleSub extends PyTuple implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        /** Takes over the references in {@code items}. */
        TupleSub(PyType cls, PyObject[] items) {
            super(items);
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class StrSub extends PyStr implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        StrSub(PyType cls, String value) {
            super(value);
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class IntSub extends PyInt implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        IntSub(PyType cls, long value, java.math.BigInteger big) {
            super(value, big);
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }

    static final class FloatSub extends PyFloat implements BuiltinSubclass {
        private final PyType cls;
        private final PyDict attributes = new PyDict();

        FloatSub(PyType cls, double value) {
            super(value);
            this.cls = cls;
        }

        @Override
        public PyType type() {
            return cls;
        }

        @Override
        public PyDict attributesBorrowed() {
            return attributes;
        }

        /** Not PyFloat's: a subclass instance never goes on the float free list. */
        @Override
        protected void afterFree() {
            RefCount.decref(attributes);
        }

        @Override
        public boolean equals(Object o) {
            return BuiltinSubclasses.equals(this, o, super::equals);
        }

        @Override
        public int hashCode() {
            return BuiltinSubclasses.hashCode(this, super::hashCode);
        }
    }
}
