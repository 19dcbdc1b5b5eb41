package org.gilectomy.runtime.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBuiltinFunction;
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
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** The {@code builtins} namespace and the methods of the built-in types. */
final class Builtins {
    static final Builtins INSTANCE = new Builtins();

    final PyDict dict = new PyDict();

    private Builtins() {
        function("print", Builtins::print);
        function("len", (a, off, n, kw) -> {
            Args.exactly("len", n, 1, kw);
            return PyInt.of(Ops.len(a[off]));
        });
        function("repr", (a, off, n, kw) -> {
            Args.exactly("repr", n, 1, kw);
            return PyStr.of(Ops.repr(a[off]));
        });
        function("abs", (a, off, n, kw) -> {
            Args.exactly("abs", n, 1, kw);
            PyObject x = a[off];
            return Ops.compare(CompareOp.LT, x, PyInt.of(0)) ? Ops.negative(x) : Ops.positive(x);
        });
        function("format", org.gilectomy.objects.Formatting::builtin);
        function("sum", Builtins::sum);
        function("min", (a, off, n, kw) -> extreme("min", CompareOp.LT, a, off, n, kw));
        function("max", (a, off, n, kw) -> extreme("max", CompareOp.GT, a, off, n, kw));
        function("sorted", (a, off, n, kw) -> {
            Args.exactly("sorted", n, 1, null);
            PyList l = newList(collect(a[off]));
            sortList(l, a, off + n, kw);
            return l;
        });
        type("int", PyInt.TYPE, Builtins::newInt);
        type("float", PyFloat.TYPE, Builtins::newFloat);
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
            Args.exactly("dict", n, 0, kw);
            return new PyDict();
        });
        type("range", PyRange.TYPE, Builtins::range);
        listMethods();
        dictMethods();
        strMethods();
        for (PyType t : new PyType[] {PyExc.EXCEPTION, PyExc.ZERO_DIVISION_ERROR, PyExc.TYPE_ERROR,
            PyExc.VALUE_ERROR, PyExc.INDEX_ERROR, PyExc.KEY_ERROR, PyExc.NAME_ERROR,
            PyExc.RUNTIME_ERROR, PyExc.ATTRIBUTE_ERROR}) {
            dict.putName(t.name(), t);
        }
    }

    private void function(String name, PyBuiltinFunction.Body body) {
        dict.putName(name, new PyBuiltinFunction(name, body));
    }

    private void type(String name, PyType t, PyBuiltinFunction.Body constructor) {
        t.constructor = constructor;
        dict.putName(name, t);
    }

    /** Owned references to every item of an iterable, in an exact-length array. */
    static PyObject[] collect(PyObject iterable) {
        if (iterable instanceof PyList l) {
            return l.snapshot();
        }
        List<PyObject> items = new ArrayList<>();
        PyIterator it = Ops.iter(iterable);
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

    private static PyList newList(PyObject[] ownedItems) {
        return PyList.steal(ownedItems, ownedItems.length);
    }

    private static PyObject print(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] opts = Keywords.get("print", a, off + n, kw, "sep", "end", "flush", "file");
        if (opts[3] != null) {
            throw PyExc.notImplemented("print(file=...)");
        }
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
        Stdout.write(sb.toString(), opts[2] != null && Ops.isTrue(opts[2]));
        return PyNone.newRef();
    }

    private static String textOption(String name, PyObject v) {
        if (v instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError(name + " must be None or a string, not " + v.type().name());
    }

    private static PyObject sum(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("sum", n, 1, 2, kw);
        PyObject total = n == 2 ? a[off + 1] : PyInt.of(0);
        if (n == 2) {
            if (total instanceof PyStr) {
                throw PyExc.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            RefCount.incref(total);
        }
        PyIterator it = Ops.iter(a[off]);
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
        Args.noKeywords(fn, kw);
        PyObject[] items;
        if (n == 1) {
            items = collect(a[off]);
            if (items.length == 0) {
                throw PyExc.valueError(fn + "() arg is an empty sequence");
            }
        } else if (n == 0) {
            throw PyExc.typeError(fn + " expected at least 1 argument, got 0");
        } else {
            items = new PyObject[n];
            for (int i = 0; i < n; i++) {
                items[i] = a[off + i];
                RefCount.incref(items[i]);
            }
        }
        PyObject best = items[0];
        try {
            for (int i = 1; i < items.length; i++) {
                if (Ops.compare(better, items[i], best)) {
                    best = items[i];
                }
            }
            RefCount.incref(best);
            return best;
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    private static PyObject newInt(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("int", n, 0, 2, kw);
        if (n == 0) {
            return PyInt.of(0);
        }
        PyObject x = a[off];
        if (x instanceof PyInt i) {
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
        if (x instanceof PyStr s) {
            int base = n == 2 ? (int) Args.asLong(a[off + 1]) : 10;
            String t = s.value.strip().replace("_", "");
            try {
                if (t.isEmpty() || s.value.strip().startsWith("_") || s.value.contains("__")) {
                    throw new NumberFormatException();
                }
                return PyInt.of(new BigInteger(t.startsWith("+") ? t.substring(1) : t, base));
            } catch (NumberFormatException e) {
                throw PyExc.valueError("invalid literal for int() with base " + base + ": " + PyStr.repr(s.value));
            }
        }
        throw PyExc.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + x.type().name() + "'");
    }

    private static PyObject newFloat(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("float", n, 0, 1, kw);
        if (n == 0) {
            return PyFloat.of(0.0);
        }
        PyObject x = a[off];
        if (x instanceof PyFloat f) {
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
        long start = n == 1 ? 0 : Args.asLong(a[off]);
        long stop = Args.asLong(a[off + (n == 1 ? 0 : 1)]);
        long step = n == 3 ? Args.asLong(a[off + 2]) : 1;
        return new PyRange(start, stop, step);
    }

    private static void sortList(PyList l, PyObject[] a, int kwOff, PyTuple kw) {
        PyObject[] opts = Keywords.get("sort", a, kwOff, kw, "key", "reverse");
        PyObject key = opts[0] == PyNone.NONE ? null : opts[0];
        boolean reverse = opts[1] != null && Ops.isTrue(opts[1]);
        if (key == null) {
            l.sort(Ops::sortOrder, reverse);
            return;
        }
        // Decorate: compute each key once, outside the list's lock, then sort the pairs.
        PyObject[] items = l.snapshot();
        PyObject[] keys = new PyObject[items.length];
        try {
            for (int i = 0; i < items.length; i++) {
                keys[i] = Ops.call(key, items[i]);
            }
            Integer[] order = new Integer[items.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Comparator<Integer> byKey = (x, y) -> Ops.sortOrder(keys[x], keys[y]);
            if (reverse) {
                java.util.Collections.reverse(java.util.Arrays.asList(order));
            }
            java.util.Arrays.sort(order, byKey);
            if (reverse) {
                java.util.Collections.reverse(java.util.Arrays.asList(order));
            }
            for (int i = 0; i < order.length; i++) {
                l.setItem(i, items[order[i]]);
            }
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
            for (PyObject k : keys) {
                RefCount.xdecref(k);
            }
        }
    }

    private static void listMethods() {
        PyType t = PyList.TYPE;
        t.addMethod("append", (a, off, n, kw) -> {
            Args.exactly("list.append", n - 1, 1, kw);
            ((PyList) a[off]).append(a[off + 1]);
            return PyNone.newRef();
        });
        t.addMethod("extend", (a, off, n, kw) -> {
            Args.exactly("list.extend", n - 1, 1, kw);
            PyList self = (PyList) a[off];
            if (a[off + 1] instanceof PyList other) {
                self.extend(other);
            } else {
                self.extend(collect(a[off + 1]));
            }
            return PyNone.newRef();
        });
        t.addMethod("pop", (a, off, n, kw) -> {
            Args.between("pop", n - 1, 0, 1, kw);
            return ((PyList) a[off]).pop(n == 2 ? Args.asLong(a[off + 1]) : -1);
        });
        t.addMethod("sort", (a, off, n, kw) -> {
            if (n != 1) {
                throw PyExc.typeError("sort() takes no positional arguments");
            }
            sortList((PyList) a[off], a, off + n, kw);
            return PyNone.newRef();
        });
    }

    private static void dictMethods() {
        PyType t = PyDict.TYPE;
        t.addMethod("get", (a, off, n, kw) -> {
            Args.between("get", n - 1, 1, 2, kw);
            PyObject v = ((PyDict) a[off]).get(a[off + 1]);
            if (v != null) {
                return v;
            }
            PyObject dflt = n == 3 ? a[off + 2] : PyNone.NONE;
            RefCount.incref(dflt);
            return dflt;
        });
        t.addMethod("keys", (a, off, n, kw) -> {
            Args.exactly("dict.keys", n - 1, 0, kw);
            return newList(collect(a[off]));
        });
    }

    private static void strMethods() {
        PyType t = PyStr.TYPE;
        t.addMethod("join", (a, off, n, kw) -> {
            Args.exactly("str.join", n - 1, 1, kw);
            PyObject[] items = collect(a[off + 1]);
            try {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < items.length; i++) {
                    if (!(items[i] instanceof PyStr s)) {
                        throw PyExc.typeError("sequence item " + i + ": expected str instance, "
                                + items[i].type().name() + " found");
                    }
                    if (i > 0) {
                        sb.append(((PyStr) a[off]).value);
                    }
                    sb.append(s.value);
                }
                return PyStr.of(sb.toString());
            } finally {
                for (PyObject o : items) {
                    RefCount.decref(o);
                }
            }
        });
        t.addMethod("format", org.gilectomy.objects.StrFormat::method);
        t.addMethod("upper", (a, off, n, kw) -> PyStr.of(((PyStr) a[off]).value.toUpperCase(java.util.Locale.ROOT)));
        t.addMethod("lower", (a, off, n, kw) -> PyStr.of(((PyStr) a[off]).value.toLowerCase(java.util.Locale.ROOT)));
    }
}
