package org.gilectomy.runtime.modules.sre;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.Modules;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.modules.sre.SreChars;
import org.gilectomy.runtime.modules.sre.SreEngine;

/**
 * The {@code _sre} module under CPython 3.11's pure-Python {@code re} package: the constants
 * {@code re/_compiler.py} checks, the case helpers it compiles with, and {@code compile},
 * which wraps the code list in a {@link SrePattern}. The matching itself is
 * {@link SreEngine}'s.
 */
public final class SreModule {
    private SreModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_sre");
        setInt(m, "MAGIC", SreEngine.MAGIC);
        setInt(m, "CODESIZE", SreEngine.CODESIZE);
        setInt(m, "MAXREPEAT", SreEngine.MAXREPEAT);
        setInt(m, "MAXGROUPS", SreEngine.MAXGROUPS);
        PyStr copyright = PyStr.of(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
        m.set("copyright", copyright);
        RefCount.decref(copyright);
        Modules.def(m, "getcodesize", (a, off, n, kw) -> {
            Args.exactly("getcodesize", n, 0, kw);
            return PyInt.of(SreEngine.CODESIZE);
        });
        Modules.def(m, "ascii_iscased", (a, off, n, kw) -> PyBool.of(SreChars.asciiIsCased(character("ascii_iscased", a, off, n, kw))));
        Modules.def(m, "unicode_iscased", (a, off, n, kw) -> PyBool.of(SreChars.unicodeIsCased(character("unicode_iscased", a, off, n, kw))));
        Modules.def(m, "ascii_tolower", (a, off, n, kw) -> PyInt.of(SreChars.lowerAscii(character("ascii_tolower", a, off, n, kw))));
        Modules.def(m, "unicode_tolower", (a, off, n, kw) -> PyInt.of(SreChars.lowerUnicode(character("unicode_tolower", a, off, n, kw))));
        Modules.def(m, "compile", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("compile", a, off, n, kw, 6, "pattern", "flags", "code", "groups", "groupindex", "indexgroup");
            if (!(p[4] instanceof PyDict gi)) {
                throw PyExc.typeError("compile() argument 'groupindex' must be dict, not " + p[4].type().name());
            }
            if (!(p[5] instanceof PyTuple ig)) {
                throw PyExc.typeError("compile() argument 'indexgroup' must be tuple, not " + p[5].type().name());
            }
            return new SrePattern(p[0], Args.asLong(p[1]), codeWords(p[2]), (int) Args.asLong(p[3]), gi, ig);
        });
        return m;
    }

    private static void setInt(PyModule m, String name, long v) {
        PyObject o = PyInt.of(v);
        m.set(name, o);
        RefCount.decref(o);
    }

    /** The one int argument of the case helpers, a code point (CPython takes any C int). */
    private static int character(String fn, PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        Args.exactly(fn, n, 1, kw);
        if (!(a[off] instanceof PyInt) && !(a[off] instanceof PyBool)) {
            throw PyExc.typeError("'" + a[off].type().name() + "' object cannot be interpreted as an integer");
        }
        return (int) Args.asLong(a[off]);
    }

    /** The code list as unsigned 32-bit words, checked as CPython checks it. */
    private static int[] codeWords(PyObject list) {
        if (!(list instanceof org.gilectomy.objects.PyList l)) {
            throw PyExc.typeError("compile() argument 'code' must be list, not " + list.type().name());
        }
        PyObject[] items = l.snapshot();
        try {
            int[] code = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                long v = Args.asLong(items[i]);
                if (v < 0 || v > SreEngine.MAXREPEAT) {
                    throw new org.gilectomy.objects.PyException(PyExc.OVERFLOW_ERROR, "regular expression code size limit exceeded");
                }
                code[i] = (int) v;
            }
            return code;
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    /**
     * A subject string as the engine reads it: a str's code points, or a bytes object's bytes.
     * Made once per call of a Pattern method, never per character.
     */
    static final class Subject {
        final PyObject string;
        final boolean bytes;
        final int[] text;
        private final byte[] raw;

        private Subject(PyObject string, boolean bytes, int[] text, byte[] raw) {
            this.string = string;
            this.bytes = bytes;
            this.text = text;
            this.raw = raw;
        }

        /** The subject of a call of a pattern whose pattern is {@code patternObj} (None: either kind). */
        static Subject of(PyObject string, PyObject patternObj) {
            Subject s;
            if (string instanceof PyStr str) {
                s = new Subject(string, false, str.value.codePoints().toArray(), null);
            } else if (string instanceof PyBytes b) {
                byte[] raw = b.toByteArray();
                int[] text = new int[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    text[i] = raw[i] & 0xff;
                }
                s = new Subject(string, true, text, raw);
            } else {
                throw PyExc.typeError("expected string or bytes-like object, got '" + string.type().name() + "'");
            }
            if (patternObj instanceof PyBytes && !s.bytes) {
                throw PyExc.typeError("cannot use a bytes pattern on a string-like object");
            }
            if (patternObj instanceof PyStr && s.bytes) {
                throw PyExc.typeError("cannot use a string pattern on a bytes-like object");
            }
            return s;
        }

        int length() {
            return text.length;
        }

        /** {@code string[i:j]} as a new reference, of the subject's type. */
        PyObject slice(int i, int j) {
            if (bytes) {
                return PyBytes.wrap(java.util.Arrays.copyOfRange(raw, i, j));
            }
            if (i == 0 && j == text.length && string.type() == PyStr.TYPE) {
                RefCount.incref(string);
                return string;
            }
            return PyStr.of(new String(text, i, j - i));
        }

        /** The empty string of the subject's type. */
        PyObject empty() {
            return slice(0, 0);
        }
    }

    /** Clamps a pos/endpos argument to {@code [0, length]} as CPython does. */
    static int clamp(PyObject o, long dflt, int length) {
        long v = o == null ? dflt : Args.asLong(o);
        return (int) Math.max(0, Math.min(v, length));
    }

    /** Calls {@code re.NAME(args...)}: the template helpers that live in {@code re/__init__.py}. */
    static PyObject callRe(String name, PyObject... args) {
        PyObject re = Interpreter.current().modules.imports.importModule("re", null);
        PyObject f;
        try {
            f = Ops.getAttr(re, name);
        } finally {
            RefCount.decref(re);
        }
        try {
            return Ops.call(f, args, 0, args.length, null);
        } finally {
            RefCount.decref(f);
        }
    }

    /** {@code copy.copy} and {@code copy.deepcopy} of an immutable object give the object itself. */
    static void selfCopies(org.gilectomy.objects.PyType t) {
        t.addMethod("__copy__", (a, off, n, kw) -> {
            Args.exactly("__copy__", n - 1, 0, kw);
            RefCount.incref(a[off]);
            return a[off];
        });
        t.addMethod("__deepcopy__", (a, off, n, kw) -> {
            Args.exactly("__deepcopy__", n - 1, 1, kw);
            RefCount.incref(a[off]);
            return a[off];
        });
    }
}
