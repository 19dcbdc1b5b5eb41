package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * The special methods ({@code __eq__}, {@code __len__}, {@code __add__} ...) of classes made by
 * class statements, as the abstract operations in {@link Ops} reach them. Ops tries the
 * built-in types first and comes here only for instances of Python classes, so built-in
 * operations pay nothing for this.
 */
public final class Dunders {
    /** {@code NotImplemented}: what a binary special method returns to decline. */
    public static final PyObject NOT_IMPLEMENTED = new Singleton("NotImplementedType", "NotImplemented");

    private static final String[] BINARY_NAMES = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
        "lshift", "rshift", "and", "or", "xor", "matmul"};

    private Dunders() {
    }

    private static final class Singleton extends PyObject {
        private final PyType type;
        private final String repr;

        Singleton(String typeName, String repr) {
            super(STATIC_REFS);
            this.type = new PyType(typeName, null);
            this.repr = repr;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public String toString() {
            return repr;
        }
    }

    /** Whether {@code o}'s class comes from a class statement (so it may define special methods). */
    public static boolean isUserObject(PyObject o) {
        return o instanceof PyInstance || o.type().isHeapType();
    }

    /** {@code type(self).name(self, args...)} as a new reference, or null if the class has no such method. */
    public static PyObject callOrNull(PyObject self, String name, PyObject... args) {
        if (!isUserObject(self)) {
            return null;
        }
        return callMethod(self.type().lookup(name), self, args);
    }

    /**
     * For an instance of a subclass of a built-in type: {@code type(self).name(self, args...)}
     * if a class statement overrides {@code name} ({@link PyType#lookupHeap}), as a new
     * reference; null otherwise (the built-in's own behaviour applies).
     */
    public static PyObject callOverride(PyObject self, String name, PyObject... args) {
        return callMethod(self.type().lookupHeap(name), self, args);
    }

    /** Calls {@code m(self, args...)} and releases {@code m} (owned); null if m is null. */
    private static PyObject callMethod(PyObject m, PyObject self, PyObject[] args) {
        if (m == null) {
            return null;
        }
        try {
            PyObject[] a = new PyObject[args.length + 1];
            a[0] = self;
            System.arraycopy(args, 0, a, 1, args.length);
            return Ops.call(m, a, 0, a.length, null);
        } finally {
            RefCount.decref(m);
        }
    }

    /** Whether the class defines {@code name} (searching its bases). */
    public static boolean has(PyObject self, String name) {
        if (!isUserObject(self)) {
            return false;
        }
        PyObject m = self.type().lookup(name);
        if (m == null) {
            return false;
        }
        RefCount.decref(m);
        return true;
    }

    /** Calls a special method that must exist and whose result is consumed here as a boolean. */
    private static Boolean truth(PyObject r) {
        if (r == null) {
            return null;
        }
        try {
            return r == NOT_IMPLEMENTED ? null : Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** {@code a == b} through {@code __eq__} (either side), else identity. */
    public static boolean eq(PyObject a, PyObject b) {
        Boolean r = eqOrNull(a, b);
        return r != null ? r : a == b;
    }

    /** {@code a == b} through {@code __eq__} (either side); null if neither side answers. */
    public static Boolean eqOrNull(PyObject a, PyObject b) {
        Boolean r = truth(callOrNull(a, "__eq__", b));
        return r != null ? r : truth(callOrNull(b, "__eq__", a));
    }

    /** A rich comparison through {@code __lt__} and friends, reflected if declined; null if neither side has it. */
    public static Boolean compare(CompareOp op, PyObject a, PyObject b) {
        String name;
        String reflected;
        switch (op) {
            case LT -> { name = "__lt__"; reflected = "__gt__"; }
            case LE -> { name = "__le__"; reflected = "__ge__"; }
            case GT -> { name = "__gt__"; reflected = "__lt__"; }
            case GE -> { name = "__ge__"; reflected = "__le__"; }
            case NE -> {
                Boolean ne = truth(callOrNull(a, "__ne__", b));
                if (ne != null) {
                    return ne;
                }
                return has(a, "__eq__") || has(b, "__eq__") ? !eq(a, b) : null;
            }
            default -> { return null; }
        }
        Boolean r = truth(callOrNull(a, name, b));
        if (r == null) {
            r = truth(callOrNull(b, reflected, a));
        }
        return r;
    }

    /**
     * {@code hash(o)} for an object of a Python class: its {@code __hash__} (None: unhashable,
     * as a class defining {@code __eq__} alone gets from {@link Classes#newClass}), or identity.
     * A long-sized result is the hash itself (-1 becomes -2), a bigger int is hashed as ints are.
     */
    public static long hash(PyObject o) {
        PyObject m = o.type().lookup("__hash__");
        if (m == null) {
            return Hashing.ofIdentity(o);
        }
        PyObject h;
        try {
            if (m == PyNone.NONE) {
                throw Hashing.unhashable(o);
            }
            h = Ops.call(m, new PyObject[] {o}, 0, 1, null);
        } finally {
            RefCount.decref(m);
        }
        try {
            if (h instanceof PyInt i && i.big == null) {
                return i.value == -1 ? -2 : i.value;
            }
            if (h instanceof PyInt || h instanceof PyBool) {
                return Hashing.hash(h);
            }
            throw PyExc.typeError("__hash__ method should return an integer");
        } finally {
            RefCount.decref(h);
        }
    }

    /** {@code str(o)} via {@code __str__} or {@code __repr__}; null if the class has neither. */
    public static String str(PyObject o) {
        String s = textOf(o, "__str__");
        return s != null ? s : textOf(o, "__repr__");
    }

    public static String repr(PyObject o) {
        return textOf(o, "__repr__");
    }

    /** For a subclass of a built-in type: its overridden {@code name} ({@code __str__}, {@code __repr__}); null if none. */
    public static String textOverride(PyObject o, String name) {
        return text(callOverride(o, name), name);
    }

    private static String textOf(PyObject o, String name) {
        return text(callOrNull(o, name), name);
    }

    private static String text(PyObject r, String name) {
        if (r == null) {
            return null;
        }
        try {
            if (r instanceof PyStr s) {
                return s.value;
            }
            throw PyExc.typeError(name + " returned non-string (type " + r.type().name() + ")");
        } finally {
            RefCount.decref(r);
        }
    }

    /** Truth via {@code __bool__}, then {@code __len__}; null if neither is defined. */
    public static Boolean bool(PyObject o) {
        return bool(o, false);
    }

    /** {@link #bool}, or with {@code overridesOnly} through overrides in a subclass of a built-in type only. */
    public static Boolean bool(PyObject o, boolean overridesOnly) {
        PyObject r = overridesOnly ? callOverride(o, "__bool__") : callOrNull(o, "__bool__");
        if (r != null) {
            try {
                if (r instanceof PyBool b) {
                    return b.value;
                }
                throw PyExc.typeError("__bool__ should return bool, returned " + r.type().name());
            } finally {
                RefCount.decref(r);
            }
        }
        r = overridesOnly ? callOverride(o, "__len__") : callOrNull(o, "__len__");
        if (r == null) {
            return null;
        }
        try {
            return lenResult(r) != 0;
        } finally {
            RefCount.decref(r);
        }
    }

    /** {@code len(o)} via {@code __len__}; -1 if undefined. */
    public static long len(PyObject o) {
        return lenOf(callOrNull(o, "__len__"));
    }

    /** {@code len(o)} via an overridden {@code __len__} of a subclass of a built-in type; -1 if none. */
    public static long lenOverride(PyObject o) {
        return lenOf(callOverride(o, "__len__"));
    }

    private static long lenOf(PyObject r) {
        if (r == null) {
            return -1;
        }
        try {
            return lenResult(r);
        } finally {
            RefCount.decref(r);
        }
    }

    private static long lenResult(PyObject r) {
        if (!(r instanceof PyInt)) {
            throw PyExc.typeError("'" + r.type().name() + "' object cannot be interpreted as an integer");
        }
        long n = Args.asLong(r);
        if (n < 0) {
            throw PyExc.valueError("__len__() should return >= 0");
        }
        return n;
    }

    /** {@code a op b} via {@code __op__} or the reflected {@code __rop__}; null if neither answers. */
    public static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        String n = BINARY_NAMES[op.ordinal()];
        PyObject r = unlessNotImplemented(callOrNull(a, "__" + n + "__", b));
        return r != null ? r : unlessNotImplemented(callOrNull(b, "__r" + n + "__", a));
    }

    /** {@code a op= b} via {@code __iop__}, as a new reference; null if absent or NotImplemented. */
    static PyObject inPlace(BinaryOp op, PyObject a, PyObject b) {
        return unlessNotImplemented(callOrNull(a, "__i" + BINARY_NAMES[op.ordinal()] + "__", b));
    }

    /** A special method's owned result, or null (released) if it declined with NotImplemented. */
    private static PyObject unlessNotImplemented(PyObject r) {
        if (r == NOT_IMPLEMENTED) {
            RefCount.decref(r);
            return null;
        }
        return r;
    }

    /** An iterator over a Python object with {@code __next__} (what {@code __iter__} returned). */
    public static PyIterator iterator(PyObject owned) {
        return new NextIterator(owned);
    }

    /**
     * Adapts {@code __next__} to {@link PyIterator}: StopIteration becomes the end (null).
     * Owns the iterator object.
     */
    private static final class NextIterator extends PyIterator {
        private final PyObject target;

        NextIterator(PyObject owned) {
            this.target = owned;
        }

        @Override
        public PyObject next() {
            try {
                PyObject r = callOrNull(target, "__next__");
                if (r == null) {
                    throw PyExc.typeError("iter() returned non-iterator of type '" + target.type().name() + "'");
                }
                return r;
            } catch (PyException e) {
                if (e.matches(PyExc.STOP_ITERATION)) {
                    e.release();
                    return null;
                }
                throw e;
            }
        }

        @Override
        protected void dealloc() {
            RefCount.decref(target);
        }
    }

    /**
     * CPython's {@code iterator}: the old sequence protocol, for an object with
     * {@code __getitem__} and no {@code __iter__} ({@code re._parser.SubPattern}): items 0, 1, ...
     * until IndexError or StopIteration. Shared by threads it may repeat an index, as the other
     * iterators may.
     */
    static final class SequenceIterator extends PyIterator {
        static final PyType TYPE = new PyType("iterator", PyIterator.TYPE);
        private PyObject target; // null once exhausted
        private long index;

        SequenceIterator(PyObject borrowed) {
            RefCount.incref(borrowed);
            this.target = borrowed;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject next() {
            PyObject t = target;
            if (t == null) {
                return null;
            }
            PyInt i = PyInt.of(index++);
            try {
                PyObject r = callOrNull(t, "__getitem__", i);
                if (r == null) {
                    throw PyExc.typeError("'" + t.type().name() + "' object is not subscriptable");
                }
                return r;
            } catch (PyException e) {
                if (e.matches(PyExc.INDEX_ERROR) || e.matches(PyExc.STOP_ITERATION)) {
                    e.release();
                    target = null;
                    RefCount.decref(t);
                    return null;
                }
                throw e;
            } finally {
                RefCount.decref(i);
            }
        }

        @Override
        protected void dealloc() {
            RefCount.xdecref(target);
        }
    }
}
