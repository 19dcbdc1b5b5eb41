package org.gilectomy.runtime.interp;

import java.math.BigInteger;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyRange;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.types.BytesMethods;
import org.gilectomy.runtime.types.ContainerMethods;
import org.gilectomy.runtime.types.NumberAttributes;
import org.gilectomy.runtime.types.NumberBytes;
import org.gilectomy.runtime.types.StrMethods;
import org.gilectomy.runtime.types.ValueAttributes;

/** The {@code builtins} namespace and the methods of the built-in types. */
public final class Builtins {
    public static final Builtins INSTANCE = new Builtins();

    public final PyDict dict = new PyDict();
    /** The {@code builtins} module: this namespace (shared by every interpreter of the process). */
    public final org.gilectomy.objects.PyModule module;

    private Builtins() {
        function("print", Builtins::print);
        function("input", Stdin::input);
        function("len", (a, off, n, kw) -> {
            Args.exactly("len", n, 1, kw);
            return PyInt.of(Ops.len(a[off]));
        });
        function("repr", (a, off, n, kw) -> {
            Args.exactly("repr", n, 1, kw);
            return PyStr.of(Ops.repr(a[off]));
        });
        function("ascii", (a, off, n, kw) -> {
            Args.exactly("ascii", n, 1, kw);
            return PyStr.of(org.gilectomy.objects.Formatting.ascii(Ops.repr(a[off])));
        });
        function("format", org.gilectomy.objects.Formatting::builtin);
        function("sum", Builtins::sum);
        function("open", org.gilectomy.runtime.modules.IoModule::open);
        function("min", (a, off, n, kw) -> extreme("min", CompareOp.LT, a, off, n, kw));
        function("max", (a, off, n, kw) -> extreme("max", CompareOp.GT, a, off, n, kw));
        function("sorted", (a, off, n, kw) -> {
            Args.exactly("sorted", n, 1, null);
            PyList l = newList(collect(a[off]));
            try {
                ContainerMethods.sortList(l, a, off + n, kw); // CPython names sort() in sorted()'s errors too
            } catch (PyException e) {
                RefCount.decref(l);
                throw e;
            }
            return l;
        });
        type("int", PyInt.TYPE, Builtins::newInt);
        type("float", PyFloat.TYPE, Builtins::newFloat);
        type("complex", org.gilectomy.objects.PyComplex.TYPE, ComplexBuiltins::newComplex);
        type("str", PyStr.TYPE, (a, off, n, kw) -> {
            Args.between("str", n, 0, 1, kw);
            return n == 0 ? PyStr.of("") : PyStr.of(Ops.str(a[off]));
        });
        type("bool", PyBool.TYPE, (a, off, n, kw) -> {
            Args.between("bool", n, 0, 1, kw);
            return PyBool.of(n == 1 && Ops.isTrue(a[off]));
        });
        type("list", PyList.TYPE, (a, off, n, kw) -> {
            Args.between("list", n, 0, 1, kw);
            return n == 0 ? new PyList() : newList(collect(a[off]));
        });
        type("tuple", PyTuple.TYPE, (a, off, n, kw) -> {
            Args.between("tuple", n, 0, 1, kw);
            return n == 0 ? PyTuple.steal(new PyObject[0]) : PyTuple.steal(collect(a[off]));
        });
        type("dict", PyDict.TYPE, (a, off, n, kw) -> {
            if (n > 1) {
                throw PyExc.typeError("dict expected at most 1 argument, got " + n);
            }
            PyDict d = new PyDict();
            try {
                if (n == 1) {
                    ContainerMethods.update(d, a[off]);
                }
                for (int k = 0; kw != null && k < kw.size(); k++) {
                    d.put(kw.getBorrowed(k), a[off + n + k]);
                }
            } catch (PyException e) {
                RefCount.decref(d);
                throw e;
            }
            return d;
        });
        type("set", PySet.TYPE, (a, off, n, kw) -> newSet("set", a, off, n, kw, false));
        type("frozenset", PySet.FROZEN_TYPE, (a, off, n, kw) -> newSet("frozenset", a, off, n, kw, true));
        BytesMethods.install(this);
        dict.putName("Ellipsis", org.gilectomy.objects.PyEllipsis.ELLIPSIS);
        dict.putName("__debug__", PyBool.TRUE); // no -O: assertions run
        type("slice", org.gilectomy.objects.PySlice.TYPE, ValueAttributes::newSlice);
        type("range", PyRange.TYPE, Builtins::range);
        // the name exists (the standard library registers it with its ABCs); its objects do not yet
        type("memoryview", new PyType("memoryview", null), (a, off, n, kw) -> {
            throw PyExc.notImplemented("memoryview objects");
        });
        StrMethods.install();
        ContainerMethods.install();
        IterBuiltins.install(this);
        NumberBuiltins.install(this);
        NumberAttributes.install();
        NumberBytes.install();
        ValueAttributes.install();
        ClassBuiltins.register(dict); // lang-a: classes, exceptions, super, isinstance
        NamespaceBuiltins.install(this);
        module = new org.gilectomy.objects.PyModule("builtins", dict);
    }

    void function(String name, PyBuiltinFunction.Body body) {
        dict.putName(name, new PyBuiltinFunction(name, body));
    }

    public void type(String name, PyType t, PyBuiltinFunction.Body constructor) {
        t.constructor = constructor;
        dict.putName(name, t);
    }

    /** Owned references to every item of an iterable, in an exact-length array. */
    public static PyObject[] collect(PyObject iterable) {
        return Ops.collect(iterable);
    }

    private static PyList newList(PyObject[] ownedItems) {
        return PyList.steal(ownedItems, ownedItems.length);
    }

    private static PyObject print(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] opts = Keywords.get("print", a, off + n, kw, "sep", "end", "flush", "file");
        PyObject file = opts[3] == null || opts[3] == PyNone.NONE ? null : opts[3];
        String sep = opts[0] == null || opts[0] == PyNone.NONE ? " " : textOption("sep", opts[0]);
        String end = opts[1] == null || opts[1] == PyNone.NONE ? "\n" : textOption("end", opts[1]);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Ops.str(a[off + i]));
        }
        sb.append(end);
        boolean flush = opts[2] != null && Ops.isTrue(opts[2]);
        if (file == null) {
            Interpreter.current().stdout.write(sb.toString(), flush);
        } else {
            StdStreams.write(file, sb.toString(), flush);
        }
        return PyNone.newRef();
    }

    private static String textOption(String name, PyObject v) {
        if (v instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError(name + " must be None or a string, not " + v.type().name());
    }

    private static PyObject sum(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("sum", a, off, n, kw, 1, "iterable", "start");
        boolean hasStart = p[1] != null;
        PyObject total = hasStart ? p[1] : PyInt.of(0);
        if (hasStart) {
            if (total instanceof PyStr) {
                throw PyExc.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            RefCount.incref(total);
        }
        PyIterator it = Ops.iter(p[0]);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                PyObject next;
                try {
                    next = Ops.binary(BinaryOp.ADD, total, x);
                } finally {
                    RefCount.decref(x);
                }
                RefCount.decref(total);
                total = next;
            }
        } catch (PyException e) {
            RefCount.decref(total);
            throw e;
        } finally {
            RefCount.decref(it);
        }
        return total;
    }

    private static PyObject extreme(String fn, CompareOp better, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] opts = Keywords.get(fn, a, off + n, kw, "key", "default");
        PyObject key = opts[0] == PyNone.NONE ? null : opts[0];
        PyObject[] items;
        if (n == 1) {
            items = collect(a[off]);
            if (items.length == 0) {
                if (opts[1] != null) {
                    RefCount.incref(opts[1]);
                    return opts[1];
                }
                throw PyExc.valueError(fn + "() arg is an empty sequence");
            }
        } else if (n == 0) {
            throw PyExc.typeError(fn + " expected at least 1 argument, got 0");
        } else {
            if (opts[1] != null) {
                throw PyExc.typeError("Cannot specify a default for " + fn + "() with multiple positional arguments");
            }
            items = new PyObject[n];
            for (int i = 0; i < n; i++) {
                items[i] = a[off + i];
                RefCount.incref(items[i]);
            }
        }
        PyObject best = items[0];
        PyObject bestKey = null;
        try {
            bestKey = key == null ? null : Ops.call(key, best);
            for (int i = 1; i < items.length; i++) {
                if (key == null) {
                    if (Ops.compare(better, items[i], best)) {
                        best = items[i];
                    }
                    continue;
                }
                PyObject k = Ops.call(key, items[i]);
                if (Ops.compare(better, k, bestKey)) {
                    best = items[i];
                    RefCount.decref(bestKey);
                    bestKey = k;
                } else {
                    RefCount.decref(k);
                }
            }
            RefCount.incref(best);
            return best;
        } finally {
            RefCount.xdecref(bestKey);
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    private static PyObject newSet(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean frozen) {
        Args.noKeywords(fn, kw);
        if (n > 1) {
            throw PyExc.typeError(fn + " expected at most 1 argument, got " + n);
        }
        if (frozen && n == 1 && a[off] instanceof PySet s && s.isFrozen()) {
            RefCount.incref(s);
            return s;
        }
        PySet r = new PySet(frozen);
        if (n == 1) {
            try {
                r.updateFromIterable(a[off]);
            } catch (PyException e) {
                RefCount.decref(r);
                throw e;
            }
        }
        return r;
    }

    private static PyObject newInt(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("int", n, 0, 2, kw);
        if (n == 0) {
            return PyInt.of(0);
        }
        PyObject x = a[off];
        if (x instanceof PyInt i) {
            if (i.getClass() != PyInt.class) { // an int subclass's instance: int() makes an exact int
                return i.isBig() ? PyInt.of(i.big) : PyInt.of(i.value);
            }
            RefCount.incref(i);
            return i;
        }
        if (x instanceof PyBool b) {
            return PyInt.of(b.value ? 1 : 0);
        }
        if (x instanceof PyFloat f) {
            if (Double.isNaN(f.value)) {
                throw PyExc.valueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(f.value)) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "cannot convert float infinity to integer");
            }
            return PyInt.of(new java.math.BigDecimal(f.value).toBigInteger());
        }
        if (n == 2 && !(x instanceof PyStr)) {
            throw PyExc.typeError("int() can't convert non-string with explicit base");
        }
        if (x instanceof PyStr s) {
            long base = n == 2 ? Args.asLong(a[off + 1]) : 10;
            if (base != 0 && (base < 2 || base > 36)) {
                throw PyExc.valueError("int() base must be >= 2 and <= 36, or 0");
            }
            PyObject r = parseInt(s.value, (int) base);
            if (r == null) {
                throw PyExc.valueError("invalid literal for int() with base " + base + ": " + PyStr.repr(s.value));
            }
            return r;
        }
        throw PyExc.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + x.type().name() + "'");
    }

    /** Python's int(text, base) syntax: sign, optional 0x/0o/0b prefix, single underscores; null if invalid. */
    private static PyObject parseInt(String text, int base) {
        String t = text.strip();
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        int prefixBase = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
        boolean prefixed = false;
        if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
            t = t.substring(2);
            base = prefixBase;
            prefixed = true;
            if (t.startsWith("_")) {
                t = t.substring(1);
            }
        } else if (base == 0) {
            if (lower.length() > 1 && lower.replace("_", "").chars().anyMatch(c -> c != '0') && lower.startsWith("0")) {
                return null; // "010" is not a base-0 literal
            }
            base = 10;
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return null;
        }
        t = t.replace("_", "");
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), base) < 0 || t.charAt(i) > 127) {
                return null;
            }
        }
        if (Integer.bitCount(base) != 1) {
            PyInt.checkParsedDigits(t.length());
        }
        BigInteger v = new BigInteger(t, base);
        return PyInt.of(negative ? v.negate() : v);
    }

    private static PyObject newFloat(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("float", n, 0, 1, kw);
        if (n == 0) {
            return PyFloat.of(0.0);
        }
        PyObject x = a[off];
        if (x instanceof PyFloat f) {
            if (f.getClass() != PyFloat.class) { // a float subclass's instance: float() makes an exact float
                return PyFloat.of(f.value);
            }
            RefCount.incref(f);
            return f;
        }
        if (x instanceof PyInt || x instanceof PyBool) {
            return Ops.binary(BinaryOp.TRUEDIV, x, PyInt.of(1));
        }
        if (x instanceof PyStr s) {
            String t = s.value.strip().toLowerCase(java.util.Locale.ROOT);
            switch (t) {
                case "nan", "+nan", "-nan":
                    return PyFloat.of(Double.NaN);
                case "inf", "+inf", "infinity", "+infinity":
                    return PyFloat.of(Double.POSITIVE_INFINITY);
                case "-inf", "-infinity":
                    return PyFloat.of(Double.NEGATIVE_INFINITY);
                default:
                    break;
            }
            try {
                if (t.endsWith("d") || t.endsWith("f") || t.startsWith("0x")) {
                    throw new NumberFormatException();
                }
                return PyFloat.of(Double.parseDouble(t.replace("_", "")));
            } catch (NumberFormatException e) {
                throw PyExc.valueError("could not convert string to float: " + PyStr.repr(s.value));
            }
        }
        throw PyExc.typeError("float() argument must be a string or a real number, not '" + x.type().name() + "'");
    }

    private static PyObject range(PyObject[] a, int off, int n, PyTuple kw) {
        Args.noKeywords("range", kw);
        if (n < 1 || n > 3) {
            throw PyExc.typeError(n == 0 ? "range expected at least 1 argument, got 0"
                    : "range expected at most 3 arguments, got " + n);
        }
        if (smallInt(a[off]) && (n == 1 || smallInt(a[off + 1])) && (n < 3 || smallInt(a[off + 2]))) {
            long first = ((PyInt) a[off]).value; // the common case: no BigInteger
            return n == 1 ? PyRange.of(0, first, 1)
                    : PyRange.of(first, ((PyInt) a[off + 1]).value, n == 3 ? ((PyInt) a[off + 2]).value : 1);
        }
        java.math.BigInteger start = n == 1 ? java.math.BigInteger.ZERO : rangeArg(a[off]);
        java.math.BigInteger stop = rangeArg(a[off + (n == 1 ? 0 : 1)]);
        java.math.BigInteger step = n == 3 ? rangeArg(a[off + 2]) : java.math.BigInteger.ONE;
        return PyRange.of(start, stop, step);
    }

    private static boolean smallInt(PyObject o) {
        return o instanceof PyInt i && i.big == null;
    }

    private static java.math.BigInteger rangeArg(PyObject o) {
        java.math.BigInteger v = PyRange.indexValue(o);
        if (v == null) {
            throw PyExc.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
        }
        return v;
    }
}
