package org.gilectomy.runtime.types;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** {@code str.maketrans} (a static method, as in CPython) and {@code str.translate}, with CPython's errors. */
final class StrTranslate {
    private StrTranslate() {
    }

    static void install(PyType t) {
        t.addMethod("maketrans", (a, off, n, kw) -> {
            Args.between("maketrans", n, 1, 3, kw);
            return n == 1 ? fromDict(a[off]) : fromStrings(a, off, n);
        });
        t.addMethod("translate", (a, off, n, kw) -> {
            Args.exactly("translate", n - 1, 1, kw);
            return translate(((PyStr) a[off]).value, a[off + 1]);
        });
    }

    private static PyDict fromDict(PyObject x) {
        if (!(x instanceof PyDict d)) {
            throw PyExc.typeError("if you give only one argument to maketrans it must be a dict");
        }
        PyDict r = new PyDict();
        try {
            for (PyObject k : Ops.collect(d)) {
                try {
                    PyObject v = d.get(k);
                    PyObject key = k instanceof PyStr s ? ordinal(s) : k;
                    if (!(key instanceof PyInt)) {
                        RefCount.xdecref(v);
                        throw PyExc.typeError("keys in translate table must be strings or integers");
                    }
                    r.put(key, v);
                    RefCount.decref(v);
                    if (key != k) {
                        RefCount.decref(key);
                    }
                } finally {
                    RefCount.decref(k);
                }
            }
        } catch (PyException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    private static PyInt ordinal(PyStr s) {
        if (s.value.codePointCount(0, s.value.length()) != 1) {
            throw PyExc.valueError("string keys in translate table must be of length 1");
        }
        return PyInt.of(s.value.codePointAt(0));
    }

    private static PyDict fromStrings(PyObject[] a, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (!(a[off + i] instanceof PyStr)) {
                throw PyExc.typeError("maketrans() argument " + (i + 1) + " must be str, not " + a[off + i].type().name());
            }
        }
        int[] from = ((PyStr) a[off]).value.codePoints().toArray();
        int[] to = ((PyStr) a[off + 1]).value.codePoints().toArray();
        if (from.length != to.length) {
            throw PyExc.valueError("the first two maketrans arguments must have equal length");
        }
        PyDict r = new PyDict();
        for (int i = 0; i < from.length; i++) {
            put(r, from[i], PyInt.of(to[i]));
        }
        if (n == 3) {
            ((PyStr) a[off + 2]).value.codePoints().forEach(c -> put(r, c, PyNone.newRef()));
        }
        return r;
    }

    /** {@code r[key] = value}, releasing the value (owned). */
    private static void put(PyDict r, int key, PyObject value) {
        PyInt k = PyInt.of(key);
        r.put(k, value);
        RefCount.decref(k);
        RefCount.decref(value);
    }

    /** Each character looked up in the table: kept on a LookupError, dropped for None, replaced by an int's character or a str. */
    private static PyStr translate(String s, PyObject table) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            PyInt key = PyInt.of(c);
            PyObject v;
            try {
                v = Ops.getItem(table, key);
            } catch (PyException e) {
                if (!e.matches(PyExc.LOOKUP_ERROR)) {
                    throw e;
                }
                e.release();
                sb.appendCodePoint(c);
                continue;
            } finally {
                RefCount.decref(key);
            }
            try {
                if (v instanceof PyInt m) {
                    if (m.big != null || m.value < 0 || m.value > 0x10FFFF) {
                        throw PyExc.valueError("character mapping must be in range(0x110000)");
                    }
                    sb.appendCodePoint((int) m.value);
                } else if (v instanceof PyStr m) {
                    sb.append(m.value);
                } else if (v != PyNone.NONE) {
                    throw PyExc.typeError("character mapping must return integer, None or str");
                }
            } finally {
                RefCount.decref(v);
            }
        }
        return PyStr.of(sb.toString());
    }
}
