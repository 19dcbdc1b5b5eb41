package org.gilectomy.objects;

import java.util.List;
import java.util.Map;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.refcount.RefCount;

/**
 * The abstract object operations (CPython's abstract.c and object.c): what the eval loop
 * and the built-ins call. Arguments are borrowed; returned objects are new references.
 */
public final class Ops {
    /** How Python code is called from Java; installed by the runtime at start-up. */
    public interface Invoker {
        PyObject call(PyFunction f, PyObject[] args, int off, int nargs, PyTuple kwnames);
    }

    private static volatile Invoker invoker;

    private Ops() {
    }

    public static void installInvoker(Invoker i) {
        invoker = i;
    }

    // ------------------------------------------------------------------ calls

    /** Calls {@code callable(*args[off..off+nargs), **kw)}. */
    public static PyObject call(PyObject callable, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        if (callable instanceof PyBuiltinFunction b) {
            return b.call(args, off, nargs, kwnames);
        }
        if (callable instanceof PyFunction f) {
            return callPython(f, args, off, nargs, kwnames);
        }
        if (callable instanceof PyBoundMethod m) {
            PyObject[] a = new PyObject[nargs + 1 + (kwnames == null ? 0 : kwnames.size())];
            a[0] = m.self;
            System.arraycopy(args, off, a, 1, a.length - 1);
            return call(m.function, a, 0, nargs + 1, kwnames);
        }
        if (callable instanceof PyType t && t.constructor != null) {
            return t.constructor.call(args, off, nargs, kwnames);
        }
        if (callable instanceof CallableObject c) {
            return c.call(args, off, nargs, kwnames);
        }
        if (callable instanceof PyInstance) {
            PyObject m = callable.type().lookup("__call__");
            if (m != null) {
                try {
                    PyObject[] a = new PyObject[nargs + 1 + (kwnames == null ? 0 : kwnames.size())];
                    a[0] = callable;
                    System.arraycopy(args, off, a, 1, a.length - 1);
                    return call(m, a, 0, nargs + 1, kwnames);
                } finally {
                    RefCount.decref(m);
                }
            }
        }
        throw PyExc.typeError("'" + callable.type().name() + "' object is not callable");
    }

    /**
     * Every call from Java into Python code (a special method, a key function, a callback)
     * passes here (the eval loop calls functions directly): the callee runs with the caller's
     * critical sections suspended, as CPython releases them before it could block, so Python
     * code never runs holding a container's lock. Type code re-validates after it returns.
     */
    private static PyObject callPython(PyFunction f, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        boolean calledOut = CriticalSection.beginCallOut();
        try {
            return invoker.call(f, args, off, nargs, kwnames);
        } finally {
            if (calledOut) {
                CriticalSection.endCallOut();
            }
        }
    }

    /** {@code callable(o)}. */
    public static boolean isCallable(PyObject o) {
        return o instanceof PyBuiltinFunction || o instanceof PyFunction || o instanceof PyBoundMethod
                || (o instanceof PyType t && t.constructor != null) || o instanceof CallableObject
                || Dunders.has(o, "__call__");
    }

    public static PyObject call(PyObject callable, PyObject... args) {
        return call(callable, args, 0, args.length, null);
    }

    // ------------------------------------------------------------------ truth, str, repr

    public static boolean isTrue(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            Boolean b = Dunders.bool(o, true);
            if (b != null) {
                return b;
            }
        }
        if (o instanceof PyBool b) {
            return b.value;
        }
        if (o == PyNone.NONE) {
            return false;
        }
        if (o instanceof PyInt i) {
            return i.big != null || i.value != 0;
        }
        if (o instanceof PyFloat f) {
            return f.value != 0;
        }
        if (o instanceof PyComplex c) {
            return c.real != 0 || c.imag != 0;
        }
        if (o instanceof PyStr s) {
            return !s.value.isEmpty();
        }
        if (o instanceof PyList l) {
            return l.size() != 0;
        }
        if (o instanceof PyTuple t) {
            return t.size() != 0;
        }
        if (o instanceof PyDict d) {
            return d.size() != 0;
        }
        if (o instanceof PyRange r) {
            return !r.isEmpty();
        }
        if (o instanceof Container c) {
            return c.length() != 0;
        }
        if (o instanceof PyInstance) {
            Boolean b = Dunders.bool(o);
            return b == null || b;
        }
        return true;
    }

    /** {@code str(o)} as a Java string. */
    public static String str(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            String s = Dunders.textOverride(o, "__str__");
            if (s != null) {
                return s;
            }
        }
        if (o instanceof PyStr s) {
            return s.value;
        }
        if (o instanceof PyWeakref w && w.isProxy()) {
            return w.proxyStr();
        }
        if (o instanceof PyInstance) {
            String s = Dunders.str(o);
            if (s != null) {
                return s;
            }
        }
        return repr(o);
    }

    /** {@code repr(o)} as a Java string. */
    public static String repr(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            String s = Dunders.textOverride(o, "__repr__");
            if (s != null) {
                return s;
            }
        }
        return reprBuiltin(o);
    }

    /** {@code repr(o)} as the built-in type of {@code o} makes it (what its {@code __repr__} returns). */
    public static String reprBuiltin(PyObject o) {
        if (o instanceof PyStr s) {
            return PyStr.repr(s.value);
        }
        if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex) { // nothing nested: no guard needed
            return o.toString();
        }
        String marker = o instanceof PyList ? "[...]" : o instanceof PyDict ? "{...}" : o instanceof PyTuple ? "(...)"
                : o instanceof PySet ? o.type().name() + "(...)" : o instanceof PyDictView ? "..."
                : o instanceof IndexedSequence ? "[...]" : null;
        return ReprGuard.nested(o, marker, Ops::nestedRepr);
    }

    /** {@code repr(o)} of an object that may hold others (guarded by {@link ReprGuard}). */
    private static String nestedRepr(PyObject o) {
        if (o instanceof PyList l) {
            return sequenceRepr(l.snapshot(), "[", "]", false);
        }
        if (o instanceof PyTuple t) {
            PyObject[] items = new PyObject[t.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = t.getBorrowed(i);
                RefCount.incref(items[i]);
            }
            return sequenceRepr(items, "(", ")", items.length == 1);
        }
        if (o instanceof PyDict d) {
            String own = d.ownRepr();
            return own != null ? own : dictRepr(d);
        }
        if (o instanceof PySet s) {
            return s.repr();
        }
        if (o instanceof PyInstance) {
            String s = Dunders.repr(o);
            if (s != null) {
                return s;
            }
        }
        return o.toString();
    }

    /** The repr of a dict's items, {@code {k: v, ...}} (a dict subclass's own repr wraps it). */
    public static String dictRepr(PyDict d) {
        List<Map.Entry<PyObject, PyObject>> entries = d.itemsSnapshot();
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<PyObject, PyObject> e = entries.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        }
        for (Map.Entry<PyObject, PyObject> e : entries) {
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
        return sb.append('}').toString();
    }

    private static String sequenceRepr(PyObject[] owned, String open, String close, boolean trailingComma) {
        StringBuilder sb = new StringBuilder(open);
        try {
            for (int i = 0; i < owned.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(owned[i]));
            }
        } finally {
            for (PyObject item : owned) {
                RefCount.decref(item);
            }
        }
        if (trailingComma) {
            sb.append(',');
        }
        return sb.append(close).toString();
    }

    // ------------------------------------------------------------------ arithmetic

    public static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        PyObject r = binaryOrNull(op, a, b);
        if (r == null) {
            throw unsupported(op, op.symbol, a, b);
        }
        return r;
    }

    /**
     * {@code a op= b} as a new reference: a mutable left operand changes in place and is the
     * result (list {@code += *=}, set {@code |= &= -= ^=}, a class's {@code __iadd__} and
     * friends); anything else gets {@code a op b}. A built-in container's in-place method
     * runs as one operation under the object's lock, as its other mutators do.
     */
    public static PyObject inPlace(BinaryOp op, PyObject a, PyObject b) {
        boolean done = false;
        if (a instanceof BuiltinSubclass) {
            PyObject r = Dunders.inPlace(op, a, b);
            if (r != null) {
                return r;
            }
        }
        if (a instanceof PyList l) {
            done = l.inPlace(op, b);
        } else if (a instanceof PySet s) {
            done = s.inPlace(op, b);
        } else if (a instanceof PyByteArray ba) {
            done = BytesLike.inPlace(ba, op, b);
        } else if (a instanceof BinaryOperand x) {
            done = x.inPlace(op, b);
        } else if (a instanceof PyDict d && op == BinaryOp.OR) { // PEP 584: d |= x is d.update(x)
            DictUpdate.update(d, b);
            done = true;
        } else if (Dunders.isUserObject(a)) {
            PyObject r = Dunders.inPlace(op, a, b);
            if (r != null) {
                return r;
            }
        }
        if (done) {
            RefCount.incref(a);
            return a;
        }
        PyObject r = binaryOrNull(op, a, b);
        if (r == null) {
            throw unsupported(op, op.symbol + "=", a, b);
        }
        return r;
    }

    private static PyException unsupported(BinaryOp op, String symbol, PyObject a, PyObject b) {
        boolean aSeq = a instanceof PyStr || a instanceof PyList || a instanceof PyTuple;
        if (op == BinaryOp.MUL && (aSeq || b instanceof PyStr || b instanceof PyList || b instanceof PyTuple)) {
            return PyExc.typeError("can't multiply sequence by non-int of type '" + (aSeq ? b : a).type().name() + "'");
        }
        return PyExc.typeError("unsupported operand type(s) for " + symbol + ": '"
                + a.type().name() + "' and '" + b.type().name() + "'");
    }

    /** {@code a op b} as a new reference, or null when neither operand supports it. */
    private static PyObject binaryOrNull(BinaryOp op, PyObject a, PyObject b) {
        if (a instanceof BuiltinSubclass || b instanceof BuiltinSubclass) {
            PyObject r = Dunders.binary(op, a, b); // only overrides: built-in types have no __add__ entries
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.MOD && a instanceof PyStr s) {
            return PercentFormat.format(s.value, b);
        }
        PyObject r = Numbers.binary(op, a, b);
        if (r != null) {
            return r;
        }
        r = BytesLike.binary(op, a, b);
        if (r != null) {
            return r;
        }
        r = Sequences.binary(op, a, b);
        if (r != null) {
            return r;
        }
        r = SetOps.binary(op, a, b);
        if (r != null) {
            return r;
        }
        if (op == BinaryOp.OR && a instanceof PyDict x && b instanceof PyDict y) {
            PyDict union = new PyDict(); // PEP 584: a copy of x updated by y
            union.putAll(x);
            union.putAll(y);
            return union;
        }
        if (a instanceof BinaryOperand x && (r = x.binary(op, b, false)) != null
                || b instanceof BinaryOperand y && (r = y.binary(op, a, true)) != null) {
            return r;
        }
        r = Dunders.binary(op, a, b);
        if (r == null && op == BinaryOp.OR) {
            r = PyUnionType.orOrNull(a, b); // int | str
        }
        return r;
    }

    public static PyObject negative(PyObject a) {
        return unary('-', "-", a);
    }

    public static PyObject positive(PyObject a) {
        return unary('+', "+", a);
    }

    public static PyObject invert(PyObject a) {
        return unary('~', "~", a);
    }

    /**
     * {@code type(a).dunder(a)} when a class statement defines it (for a subclass of a built-in
     * type, only one the class statement itself defines): a new reference, else null.
     */
    public static PyObject unaryDunderOrNull(PyObject a, String dunder) {
        return a instanceof PyInstance ? Dunders.callOrNull(a, dunder)
                : a.type().isHeapType() ? Dunders.callOverride(a, dunder) : null;
    }

    /**
     * A unary operator: a class statement's {@code __neg__}/{@code __pos__}/{@code __invert__}
     * first (for a subclass of a built-in type, only one the class statement defines), else the
     * built-in numbers'.
     */
    private static PyObject unary(char op, String symbol, PyObject a) {
        PyObject r = unaryDunderOrNull(a, op == '-' ? "__neg__" : op == '+' ? "__pos__" : "__invert__");
        if (r == null) {
            r = Numbers.unary(op, a);
        }
        if (r == null) {
            throw PyExc.typeError("bad operand type for unary " + symbol + ": '" + a.type().name() + "'");
        }
        return r;
    }

    // ------------------------------------------------------------------ comparison

    /** Python {@code a == b}. */
    public static boolean eq(PyObject a, PyObject b) {
        if (a == b && !Dunders.isUserObject(a)) { // a class's __eq__ decides even for the same object
            return !(a instanceof PyFloat f && Double.isNaN(f.value));
        }
        if (a instanceof BuiltinSubclass || b instanceof BuiltinSubclass) {
            Boolean r = Dunders.eqOrNull(a, b); // only overrides: built-in types have no __eq__ entries
            if (r != null) {
                return r;
            }
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return Numbers.compare(a, b) == 0;
        }
        if (a instanceof PyComplex || b instanceof PyComplex) {
            Boolean r = PyComplex.equal(a, b);
            if (r != null) {
                return r;
            }
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return sequencesEqual(x.snapshot(), y.snapshot());
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return tuplesEqual(x, y);
        }
        if (a instanceof PyDict x && b instanceof PyDict y) {
            return PyDict.itemsEqual(x, y);
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            return Dunders.eq(a, b);
        }
        if (a instanceof IndexedSequence x && b instanceof IndexedSequence y && a.type() == b.type()) {
            return sequencesEqual(x.snapshot(), y.snapshot());
        }
        if (a instanceof PyDict || a instanceof PyList) {
            return false;
        }
        return a.equals(b);
    }

    /**
     * Whether two items of containers are equal for the containers' comparisons, membership,
     * count, index and remove: the same object, else {@code ==} (CPython's
     * PyObject_RichCompareBool), so {@code nan in [nan]} for the one nan object.
     */
    public static boolean sameOrEq(PyObject a, PyObject b) {
        return a == b || eq(a, b);
    }

    /** Tuples are immutable: their items are read borrowed while the caller holds the tuples. */
    private static boolean tuplesEqual(PyTuple x, PyTuple y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!sameOrEq(x.getBorrowed(i), y.getBorrowed(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sequencesEqual(PyObject[] x, PyObject[] y) {
        try {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!sameOrEq(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        } finally {
            for (PyObject o : x) {
                RefCount.decref(o);
            }
            for (PyObject o : y) {
                RefCount.decref(o);
            }
        }
    }

    /** Python's rich comparison {@code a op b} as a boolean. */
    public static boolean compare(CompareOp op, PyObject a, PyObject b) {
        switch (op) {
            case EQ:
                return eq(a, b);
            case NE:
                return !eq(a, b);
            case IS:
                return a == b;
            case IS_NOT:
                return a != b;
            case IN:
                return contains(b, a);
            case NOT_IN:
                return !contains(b, a);
            default:
                break;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return SetOps.order(op, x, y);
        }
        if (a instanceof PyInstance || b instanceof PyInstance || a instanceof BuiltinSubclass || b instanceof BuiltinSubclass) {
            Boolean r = Dunders.compare(op, a, b);
            if (r != null) {
                return r;
            }
        }
        int c = order(op, a, b);
        switch (op) {
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0 && c != 2;
            default:
                return c >= 0 && c != 2;
        }
    }

    /** A three-way order for {@code <}-style operators; 2 means unordered (NaN). */
    private static int order(CompareOp op, PyObject a, PyObject b) {
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            int c = Numbers.compare(a, b);
            return (c == 2 && (op == CompareOp.LT || op == CompareOp.LE)) ? 2 : c;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return Integer.signum(PyStr.compare(x, y));
        }
        int bytesOrder = BytesLike.order(a, b);
        if (bytesOrder != 3) {
            return bytesOrder;
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return sequenceOrder(op, x.snapshot(), y.snapshot());
        }
        if (a instanceof IndexedSequence x && b instanceof IndexedSequence y && a.type() == b.type()) {
            return sequenceOrder(op, x.snapshot(), y.snapshot());
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            PyObject[] xs = new PyObject[x.size()];
            PyObject[] ys = new PyObject[y.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = x.getItem(i);
            }
            for (int i = 0; i < ys.length; i++) {
                ys[i] = y.getItem(i);
            }
            return sequenceOrder(op, xs, ys);
        }
        throw PyExc.typeError("'" + op.symbol + "' not supported between instances of '"
                + a.type().name() + "' and '" + b.type().name() + "'");
    }

    private static int sequenceOrder(CompareOp op, PyObject[] x, PyObject[] y) {
        try {
            int n = Math.min(x.length, y.length);
            for (int i = 0; i < n; i++) {
                if (!sameOrEq(x[i], y[i])) {
                    return order(op, x[i], y[i]);
                }
            }
            return Integer.compare(x.length, y.length);
        } finally {
            for (PyObject o : x) {
                RefCount.decref(o);
            }
            for (PyObject o : y) {
                RefCount.decref(o);
            }
        }
    }

    /** The order {@code list.sort()} and {@code sorted()} use: Python's {@code <}. */
    public static int sortOrder(PyObject a, PyObject b) {
        if (compare(CompareOp.LT, a, b)) {
            return -1;
        }
        return compare(CompareOp.LT, b, a) ? 1 : 0;
    }

    // ------------------------------------------------------------------ containers

    public static long len(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            long n = Dunders.lenOverride(o);
            if (n >= 0) {
                return n;
            }
        }
        return lenBuiltin(o);
    }

    /** {@code len(o)} as the built-in type of {@code o} answers it (what its {@code __len__} returns). */
    public static long lenBuiltin(PyObject o) {
        if (o instanceof PyList l) {
            return l.size();
        }
        if (o instanceof PyStr s) {
            return s.length();
        }
        if (o instanceof PyTuple t) {
            return t.size();
        }
        if (o instanceof PyDict d) {
            return d.size();
        }
        if (o instanceof PyRange r) {
            return r.length();
        }
        if (o instanceof Container c) {
            return c.length();
        }
        long n = Dunders.len(o);
        if (n >= 0) {
            return n;
        }
        throw PyExc.typeError("object of type '" + o.type().name() + "' has no len()");
    }

    public static PyObject getItem(PyObject o, PyObject key) {
        if (o instanceof BuiltinSubclass) {
            PyObject r = Dunders.callOverride(o, "__getitem__", key);
            if (r != null) {
                return r;
            }
        }
        return getItemBuiltin(o, key);
    }

    /** {@code o[key]} as the built-in type of {@code o} answers it (a dict subclass's {@code __missing__} included). */
    public static PyObject getItemBuiltin(PyObject o, PyObject key) {
        if (o instanceof PyList l) {
            if (key instanceof PySlice s) {
                return Sequences.sliceList(l, s);
            }
            return l.getItem(indexArg(o, key));
        }
        if (o instanceof PyTuple t) {
            if (key instanceof PySlice s) {
                return Sequences.sliceTuple(t, s);
            }
            return t.getItem(indexArg(o, key));
        }
        if (o instanceof PyDict d) {
            PyObject v = d.get(key);
            if (v == null) {
                PyObject m = o instanceof BuiltinSubclass ? Dunders.callOverride(o, "__missing__", key) : null;
                return m != null ? m : d.missing(key);
            }
            return v;
        }
        if (o instanceof PyStr s) {
            if (key instanceof PySlice sl) {
                return Sequences.sliceStr(s, sl);
            }
            long i = indexArg(o, key);
            int len = s.length();
            long j = i < 0 ? i + len : i;
            if (j < 0 || j >= len) {
                throw PyExc.indexError("string index out of range");
            }
            return PyStr.ofCodePoint(s.codePointAt((int) j));
        }
        if (o instanceof PyBytes || o instanceof PyByteArray) {
            return BytesLike.getItem(o, key);
        }
        if (o instanceof PyRange r) {
            return r.getItem(key);
        }
        if (o instanceof IndexedSequence q) {
            return q.getItem(key);
        }
        if (o instanceof MappingProxy p) {
            return p.getItem(key);
        }
        if (o instanceof PyType t) {
            PyObject r = Classes.classGetItem(t, key);
            if (r != null) {
                return r;
            }
        }
        PyObject r = Dunders.callOrNull(o, "__getitem__", key);
        if (r != null) {
            return r;
        }
        PyObject builtin = o.type().lookupMethodBorrowed("__getitem__"); // a built-in type's (re.Match)
        if (builtin != null) {
            return call(builtin, new PyObject[] {o, key}, 0, 2, null);
        }
        throw PyExc.typeError("'" + o.type().name() + "' object is not subscriptable");
    }

    private static long indexArg(PyObject container, PyObject key) {
        if (key instanceof PyInt || key instanceof PyBool) {
            return Args.asIndex(key);
        }
        throw PyExc.typeError(container.type().name() + " indices must be integers or slices, not " + key.type().name());
    }

    public static void setItem(PyObject o, PyObject key, PyObject value) {
        if (o instanceof BuiltinSubclass) {
            PyObject r = Dunders.callOverride(o, "__setitem__", key, value);
            if (r != null) {
                RefCount.decref(r);
                return;
            }
        }
        setItemBuiltin(o, key, value);
    }

    /** {@code o[key] = value} as the built-in type of {@code o} does it. */
    public static void setItemBuiltin(PyObject o, PyObject key, PyObject value) {
        if (o instanceof PyList l) {
            if (key instanceof PySlice s) {
                PyObject[] items;
                try {
                    items = collect(value); // first, as CPython: l[:] = l assigns a copy
                } catch (PyException e) {
                    if (!e.matches(PyExc.TYPE_ERROR) || e.getMessage() == null || !e.getMessage().endsWith("is not iterable")) {
                        throw e;
                    }
                    e.release();
                    throw PyExc.typeError(s.isExtended() ? "must assign iterable to extended slice" : "can only assign an iterable");
                }
                l.setSlice(s, items);
                return;
            }
            if (!(key instanceof PyInt || key instanceof PyBool)) {
                throw PyExc.typeError("list indices must be integers or slices, not " + key.type().name());
            }
            l.setItem(Args.asIndex(key), value);
            return;
        }
        if (o instanceof PyDict d) {
            key.hashCode(); // unhashable keys raise TypeError before any change
            d.put(key, value);
            return;
        }
        if (o instanceof IndexedSequence q) {
            q.setItem(key, value);
            return;
        }
        if (o instanceof PyByteArray ba) {
            BytesLike.setItem(ba, key, value);
            return;
        }
        PyObject r = Dunders.callOrNull(o, "__setitem__", key, value);
        if (r != null) {
            RefCount.decref(r);
            return;
        }
        throw PyExc.typeError("'" + o.type().name() + "' object does not support item assignment");
    }

    /** {@code del o[key]}. */
    public static void delItem(PyObject o, PyObject key) {
        if (o instanceof BuiltinSubclass) {
            PyObject r = Dunders.callOverride(o, "__delitem__", key);
            if (r != null) {
                RefCount.decref(r);
                return;
            }
        }
        delItemBuiltin(o, key);
    }

    /** {@code del o[key]} as the built-in type of {@code o} does it. */
    public static void delItemBuiltin(PyObject o, PyObject key) {
        if (o instanceof PyList l) {
            if (key instanceof PySlice s) {
                l.setSlice(s, null);
                return;
            }
            if (!(key instanceof PyInt || key instanceof PyBool)) {
                throw PyExc.typeError("list indices must be integers or slices, not " + key.type().name());
            }
            long index = Args.asIndex(key);
            PyObject v;
            try {
                v = l.pop(index);
            } catch (PyException e) {
                e.release();
                throw PyExc.indexError("list assignment index out of range");
            }
            RefCount.decref(v);
            return;
        }
        if (o instanceof PyDict d) {
            key.hashCode();
            if (!d.remove(key)) {
                throw keyError(key);
            }
            return;
        }
        if (o instanceof IndexedSequence q) {
            q.delItem(key);
            return;
        }
        if (o instanceof PyByteArray ba) {
            BytesLike.setItem(ba, key, null);
            return;
        }
        PyObject r = Dunders.callOrNull(o, "__delitem__", key);
        if (r != null) {
            RefCount.decref(r);
            return;
        }
        throw PyExc.typeError("'" + o.type().name() + "' object does not support item deletion");
    }

    public static boolean contains(PyObject container, PyObject item) {
        if (container instanceof BuiltinSubclass) {
            PyObject r = Dunders.callOverride(container, "__contains__", item);
            if (r != null) {
                try {
                    return isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            }
        }
        return containsBuiltin(container, item);
    }

    /** {@code item in container} as the built-in type of {@code container} answers it. */
    public static boolean containsBuiltin(PyObject container, PyObject item) {
        if (container instanceof PyRange r && (item instanceof PyInt || item instanceof PyBool)) {
            return r.containsInt(item);
        }
        if (container instanceof PyDict d) {
            return d.containsKey(item);
        }
        if (container instanceof Container c) {
            return c.containsItem(item);
        }
        if (container instanceof PyStr s) {
            if (!(item instanceof PyStr sub)) {
                throw PyExc.typeError("'in <string>' requires string as left operand, not " + item.type().name());
            }
            return s.value.contains(sub.value);
        }
        if (container instanceof PyInstance) {
            PyObject r = Dunders.callOrNull(container, "__contains__", item);
            if (r != null) {
                try {
                    return isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            }
        }
        PyIterator it = iter(container);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                boolean found = sameOrEq(x, item);
                RefCount.decref(x);
                if (found) {
                    return true;
                }
            }
            return false;
        } finally {
            RefCount.decref(it);
        }
    }

    /** Owned references to every item of an iterable, in an exact-length array. */
    public static PyObject[] collect(PyObject iterable) {
        if (iterable.getClass() == PyList.class) { // exact: a subclass may override __iter__
            return ((PyList) iterable).snapshot();
        }
        java.util.ArrayList<PyObject> items = new java.util.ArrayList<>();
        PyIterator it = iter(iterable);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                items.add(x);
            }
        } catch (PyException e) {
            items.forEach(RefCount::decref);
            throw e;
        } finally {
            RefCount.decref(it);
        }
        return items.toArray(new PyObject[0]);
    }

    public static PyIterator iter(PyObject o) {
        if (o instanceof BuiltinSubclass) {
            PyObject r = Dunders.callOverride(o, "__iter__");
            if (r != null) {
                return iterResult(r);
            }
        }
        return iterBuiltin(o);
    }

    /** {@code iter(o)} as the built-in type of {@code o} makes it (what its {@code __iter__} returns). */
    public static PyIterator iterBuiltin(PyObject o) {
        if (o instanceof PyRange r) {
            return r.iterator();
        }
        if (o instanceof PyList l) {
            return l.iterator();
        }
        if (o instanceof PyIterator i) {
            RefCount.incref(i);
            return i;
        }
        if (o instanceof Container c) {
            return c.iterator();
        }
        if (o instanceof PyDict d) {
            return d.iterator(PyDictView.Kind.KEYS);
        }
        if (o instanceof PyTuple || o instanceof PyStr) {
            return Sequences.snapshotIterator(o);
        }
        PyObject m = Dunders.isUserObject(o) ? o.type().lookup("__iter__") : null;
        RefCount.xdecref(m);
        if (m == PyNone.NONE) { // `__iter__ = None`: not iterable, and no fall-back to __getitem__
            throw PyExc.typeError("'" + o.type().name() + "' object is not iterable");
        }
        PyObject r = Dunders.callOrNull(o, "__iter__");
        if (r != null) {
            return iterResult(r);
        }
        if (Dunders.has(o, "__getitem__")) {
            return new Dunders.SequenceIterator(o);
        }
        throw PyExc.typeError("'" + o.type().name() + "' object is not iterable");
    }

    /** What an {@code __iter__} returned (owned) as an iterator. */
    private static PyIterator iterResult(PyObject r) {
        if (r instanceof PyIterator i) {
            return i;
        }
        if (!Dunders.has(r, "__next__")) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw PyExc.typeError("iter() returned non-iterator of type '" + tn + "'");
        }
        return Dunders.iterator(r);
    }

    // ------------------------------------------------------------------ attributes

    public static PyObject getAttr(PyObject o, String name) {
        if (o instanceof PyInstance i) {
            return Classes.instanceAttr(i, name);
        }
        if (o instanceof PyType t) {
            return Classes.typeAttr(t, name);
        }
        if (o instanceof Classes.PySuper s) {
            return s.attr(name);
        }
        if (o instanceof PyModule m) {
            if (name.equals("__dict__")) {
                PyDict d = m.dictBorrowed();
                RefCount.incref(d);
                return d;
            }
            PyObject v = m.dictBorrowed().getName(name);
            return v != null ? v : moduleAttrFallback(m, name);
        }
        if (o instanceof BuiltinSubclass) {
            return Classes.instanceAttr(o, PyStr.internBorrowed(name));
        }
        if (o instanceof DataAttributes d) {
            PyObject v = d.getAttribute(name);
            if (v != null) {
                return v;
            }
        }
        PyObject v = builtinTypeAttrOrNull(o, name);
        if (v != null) {
            return v;
        }
        throw PyExc.attributeError(o, name);
    }

    /** A built-in type's getter or method for {@code o}: a new reference, or null when it has none. */
    private static PyObject builtinTypeAttrOrNull(PyObject o, String name) {
        java.util.function.UnaryOperator<PyObject> getter = o.type().lookupGetter(name);
        if (getter != null) {
            return getter.apply(o);
        }
        if (name.equals("__new__")) { // a static method: through an instance as through its class (None.__new__)
            return Classes.typeAttr(o.type(), name);
        }
        PyObject method = o.type().lookupMethodBorrowed(name);
        return method == null ? null : new PyBoundMethod(method, o);
    }

    /**
     * A module attribute not in its namespace: the module type's own ({@code __dict__},
     * {@code __class__}, its methods), then the module's {@code __getattr__} (PEP 562).
     */
    private static PyObject moduleAttrFallback(PyModule m, String name) {
        PyObject v = builtinTypeAttrOrNull(m, name);
        if (v != null) {
            return v;
        }
        PyObject hook = m.dictBorrowed().getName("__getattr__");
        if (hook != null) {
            PyStr key = PyStr.of(name);
            try {
                return call(hook, key);
            } finally {
                RefCount.decref(key);
                RefCount.decref(hook);
            }
        }
        throw new PyException(PyExc.ATTRIBUTE_ERROR, "module '" + m.name() + "' has no attribute '" + name + "'")
                .withNote(CPythonNames.attributeNote(m.name(), name));
    }

    /** {@code getattr(o, name, None)} without the None: a new reference, or null on AttributeError only. */
    public static PyObject attrOrNull(PyObject o, String name) {
        try {
            return getAttr(o, name);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return null;
        }
    }

    /** {@code o.name = value}. */
    public static void setAttr(PyObject o, String name, PyObject value) {
        if (o instanceof DataAttributes d && d.setAttribute(name, value)) {
            return;
        }
        Classes.setAttr(o, name, value);
    }

    /** {@code del o.name}. */
    public static void delAttr(PyObject o, String name) {
        if (o instanceof DataAttributes d && d.deleteAttribute(name)) {
            return;
        }
        Classes.delAttr(o, name);
    }

    /** {@code next(it)}: the next item as a new reference, or null when exhausted. */
    public static PyObject next(PyObject it) {
        if (it instanceof PyIterator i) {
            return i.next();
        }
        if (Dunders.has(it, "__next__")) {
            try {
                return Dunders.callOrNull(it, "__next__");
            } catch (PyException e) {
                if (e.matches(PyExc.STOP_ITERATION)) {
                    e.release();
                    return null;
                }
                throw e;
            }
        }
        throw PyExc.typeError("'" + it.type().name() + "' object is not an iterator");
    }

    /** KeyError(key): the exception keeps a reference to the key for its args. */
    public static PyException keyError(PyObject key) {
        String r = repr(key);
        RefCount.incref(key); // owned by the exception from here on
        return new PyException(PyExc.KEY_ERROR, r, key);
    }
}
