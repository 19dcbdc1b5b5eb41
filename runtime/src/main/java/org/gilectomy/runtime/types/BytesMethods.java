package org.gilectomy.runtime.types;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyByteArray;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Params;

/**
 * The constructors and methods of {@code bytes} and {@code bytearray}: one body per method,
 * installed on both types, reading the receiver's content through {@link BytesLike} and
 * answering with the receiver's type, as CPython's shared {@code bytes_methods.c} does.
 */
public final class BytesMethods {
    private BytesMethods() {
    }

    /** A method body over the receiver's content; {@code self} is the receiver, for the result's type. */
    private interface Body {
        PyObject call(PyObject self, byte[] c, PyObject[] args, PyTuple kw);
    }

    public static void install(Builtins b) {
        b.type("bytes", PyBytes.TYPE, (a, off, n, kw) -> PyBytes.wrap(construct("bytes", a, off, n, kw)));
        b.type("bytearray", PyByteArray.TYPE, (a, off, n, kw) -> new PyByteArray(construct("bytearray", a, off, n, kw)));
        for (PyType t : new PyType[] {PyBytes.TYPE, PyByteArray.TYPE}) {
            shared(t);
        }
        mutators();
    }

    /** {@code bytes(x)} / {@code bytearray(x)}: empty, n zero bytes, an encoded str, a copy, or an iterable of ints. */
    private static byte[] construct(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind(fn, a, off, n, kw, 0, "source", "encoding", "errors");
        PyObject src = p[0];
        if (src == null) {
            if (p[1] != null || p[2] != null) {
                throw PyExc.typeError((p[1] != null ? "encoding" : "errors") + " without a string argument");
            }
            return new byte[0];
        }
        if (src instanceof PyStr s) {
            if (p[1] == null) {
                throw PyExc.typeError("string argument without an encoding");
            }
            return PyBytes.encodeToArray(s.value, Params.str(p[1]));
        }
        if (p[1] != null || p[2] != null) {
            throw PyExc.typeError((p[1] != null ? "encoding" : "errors") + " without a string argument");
        }
        if (isIntLike(src)) {
            long count = Args.asLong(src);
            if (count < 0) {
                throw PyExc.valueError("negative count");
            }
            return new byte[(int) count];
        }
        if (BytesLike.contentOrNull(src) == null && !isIterable(src)) {
            throw PyExc.typeError("cannot convert '" + src.type().name() + "' object to " + fn);
        }
        return BytesLike.fromIterable(src);
    }

    private static boolean isIterable(PyObject o) {
        try {
            RefCount.decref(org.gilectomy.objects.Ops.iter(o));
            return true;
        } catch (org.gilectomy.objects.PyException e) {
            e.release();
            return false;
        }
    }

    private static void method(PyType t, String name, int required, String[] params, Body body) {
        String fn = name;
        t.addMethod(name, (a, off, n, kw) -> {
            PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, required, params);
            return body.call(a[off], BytesLike.content(a[off]), p, kw);
        });
    }

    private static final String[] NONE = {};

    private static void shared(PyType t) {
        method(t, "decode", 0, new String[] {"encoding", "errors"}, (self, c, p, kw) ->
                PyStr.of(PyBytes.decode(c, p[0] == null ? "utf-8" : Params.str(p[0]))));
        method(t, "hex", 0, new String[] {"sep", "bytes_per_sep"}, (self, c, p, kw) -> PyStr.of(hex(c, p[0], p[1])));
        // fromhex is a class method: reached as bytes.fromhex, the type is then not an argument.
        t.addMethod("fromhex", (a, off, n, kw) -> {
            int skip = n > 0 && (a[off] == PyBytes.TYPE || a[off] == PyByteArray.TYPE
                    || BytesLike.contentOrNull(a[off]) != null) ? 1 : 0;
            Args.exactly("fromhex", n - skip, 1, kw);
            if (!(a[off + skip] instanceof PyStr s)) {
                throw PyExc.typeError("fromhex() argument must be str, not " + a[off + skip].type().name());
            }
            byte[] c = fromHex(s.value);
            return t == PyByteArray.TYPE ? new PyByteArray(c) : PyBytes.wrap(c);
        });
        method(t, "count", 1, new String[] {"sub", "start", "end"}, (self, c, p, kw) -> {
            byte[] sub = needle(p[0]);
            int[] r = range(c, p[1], p[2]);
            if (sub.length == 0) {
                return PyInt.of(Math.max(0, r[1] - r[0] + 1));
            }
            long count = 0;
            for (int i = r[0]; (i = BytesLike.indexOf(c, sub, i, r[1])) >= 0; i += sub.length) {
                count++;
            }
            return PyInt.of(count);
        });
        method(t, "find", 1, new String[] {"sub", "start", "end"}, (self, c, p, kw) -> PyInt.of(find(c, p, false)));
        method(t, "rfind", 1, new String[] {"sub", "start", "end"}, (self, c, p, kw) -> PyInt.of(find(c, p, true)));
        method(t, "index", 1, new String[] {"sub", "start", "end"}, (self, c, p, kw) -> PyInt.of(found(find(c, p, false))));
        method(t, "rindex", 1, new String[] {"sub", "start", "end"}, (self, c, p, kw) -> PyInt.of(found(find(c, p, true))));
        method(t, "startswith", 1, new String[] {"prefix", "start", "end"}, (self, c, p, kw) -> affix(c, p, "startswith", false));
        method(t, "endswith", 1, new String[] {"suffix", "start", "end"}, (self, c, p, kw) -> affix(c, p, "endswith", true));
        method(t, "join", 1, new String[] {"iterable_of_bytes"}, (self, c, p, kw) -> join(self, c, p[0]));
        method(t, "split", 0, new String[] {"sep", "maxsplit"}, (self, c, p, kw) -> split(self, c, p));
        method(t, "strip", 0, new String[] {"bytes"}, (self, c, p, kw) -> strip(self, c, p[0], true, true));
        method(t, "lstrip", 0, new String[] {"bytes"}, (self, c, p, kw) -> strip(self, c, p[0], true, false));
        method(t, "rstrip", 0, new String[] {"bytes"}, (self, c, p, kw) -> strip(self, c, p[0], false, true));
        method(t, "upper", 0, NONE, (self, c, p, kw) -> map(self, c, x -> x >= 'a' && x <= 'z' ? x - 32 : x));
        method(t, "lower", 0, NONE, (self, c, p, kw) -> map(self, c, x -> x >= 'A' && x <= 'Z' ? x + 32 : x));
        method(t, "replace", 2, new String[] {"old", "new", "count"}, (self, c, p, kw) -> replace(self, c, p));
        method(t, "isdigit", 0, NONE, (self, c, p, kw) -> all(c, x -> x >= '0' && x <= '9'));
        method(t, "isalpha", 0, NONE, (self, c, p, kw) -> all(c, x -> x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z'));
        method(t, "isspace", 0, NONE, (self, c, p, kw) -> all(c, BytesMethods::isSpace));
    }

    private static void mutators() {
        PyType t = PyByteArray.TYPE;
        method(t, "append", 1, new String[] {"item"}, (self, c, p, kw) -> {
            ((PyByteArray) self).extend(new byte[] {(byte) BytesLike.byteValue(p[0])});
            return PyNone.newRef();
        });
        method(t, "extend", 1, new String[] {"iterable_of_ints"}, (self, c, p, kw) -> {
            if (p[0] instanceof PyStr) {
                throw PyExc.typeError("expected iterable of integers; got: 'str'");
            }
            ((PyByteArray) self).extend(BytesLike.fromIterable(p[0]));
            return PyNone.newRef();
        });
        method(t, "insert", 2, new String[] {"index", "item"}, (self, c, p, kw) -> {
            ((PyByteArray) self).insert(Args.asLong(p[0]), new byte[] {(byte) BytesLike.byteValue(p[1])});
            return PyNone.newRef();
        });
        method(t, "pop", 0, new String[] {"index"}, (self, c, p, kw) ->
                PyInt.of(((PyByteArray) self).removeAt(Params.optLong(p[0], -1), true)));
        method(t, "remove", 1, new String[] {"value"}, (self, c, p, kw) -> {
            int v = BytesLike.byteValue(p[0]);
            boolean[] found = {false};
            ((PyByteArray) self).update(old -> {
                for (int i = 0; i < old.length; i++) {
                    if ((old[i] & 0xff) == v) {
                        found[0] = true;
                        byte[] next = new byte[old.length - 1];
                        System.arraycopy(old, 0, next, 0, i);
                        System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                        return next;
                    }
                }
                return old;
            });
            if (!found[0]) {
                throw PyExc.valueError("value not found in bytearray");
            }
            return PyNone.newRef();
        });
        method(t, "clear", 0, NONE, (self, c, p, kw) -> {
            ((PyByteArray) self).update(old -> new byte[0]);
            return PyNone.newRef();
        });
        method(t, "reverse", 0, NONE, (self, c, p, kw) -> {
            ((PyByteArray) self).update(old -> {
                for (int i = 0, j = old.length - 1; i < j; i++, j--) {
                    byte x = old[i];
                    old[i] = old[j];
                    old[j] = x;
                }
                return old;
            });
            return PyNone.newRef();
        });
        method(t, "copy", 0, NONE, (self, c, p, kw) -> new PyByteArray(c));
    }

    private static boolean isIntLike(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool;
    }

    private static boolean isSpace(int x) {
        return x == ' ' || x == '\t' || x == '\n' || x == '\r' || x == 0x0b || x == 0x0c;
    }

    private static PyObject all(byte[] c, java.util.function.IntPredicate p) {
        for (byte x : c) {
            if (!p.test(x & 0xff)) {
                return PyBool.of(false);
            }
        }
        return PyBool.of(c.length > 0);
    }

    private static PyObject map(PyObject self, byte[] c, IntUnaryOperator f) {
        byte[] out = new byte[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = (byte) f.applyAsInt(c[i] & 0xff);
        }
        return BytesLike.sameKind(self, out);
    }

    /** A bytes-like argument, or a single byte given as an int (count, find, index, in). */
    private static byte[] needle(PyObject o) {
        if (isIntLike(o)) {
            return new byte[] {(byte) BytesLike.byteValue(o)};
        }
        byte[] c = BytesLike.contentOrNull(o);
        if (c == null) {
            throw PyExc.typeError("argument should be integer or bytes-like object, not '" + o.type().name() + "'");
        }
        return c;
    }

    /** [start, end) of an optional start/end pair, adjusted as slice bounds (a start past the end stays there). */
    private static int[] range(byte[] c, PyObject start, PyObject end) {
        long n = c.length;
        long s = Params.optLong(start, 0);
        long e = Params.optLong(end, n);
        s = s < 0 ? Math.max(0, s + n) : Math.min(s, n + 1);
        e = e < 0 ? Math.max(0, e + n) : Math.min(e, n);
        return new int[] {(int) s, (int) e};
    }

    private static long find(byte[] c, PyObject[] p, boolean last) {
        byte[] sub = needle(p[0]);
        int[] r = range(c, p[1], p[2]);
        long at = -1;
        for (int i = r[0]; i + sub.length <= r[1]; i++) {
            if (BytesLike.indexOf(c, sub, i, i + sub.length) == i) {
                at = i;
                if (!last) {
                    break;
                }
            }
        }
        return at;
    }

    private static long found(long i) {
        if (i < 0) {
            throw PyExc.valueError("subsection not found");
        }
        return i;
    }

    private static PyObject affix(byte[] c, PyObject[] p, String fn, boolean atEnd) {
        int[] r = range(c, p[1], p[2]);
        PyObject[] options = p[0] instanceof PyTuple t ? Builtins.collect(t) : new PyObject[] {p[0]};
        try {
            for (PyObject o : options) {
                byte[] x = BytesLike.contentOrNull(o);
                if (x == null) {
                    throw PyExc.typeError(fn + " first arg must be bytes or a tuple of bytes, not " + o.type().name());
                }
                int at = atEnd ? r[1] - x.length : r[0];
                if (r[0] <= c.length && r[1] - r[0] >= x.length && BytesLike.indexOf(c, x, at, at + x.length) == at) {
                    return PyBool.of(true);
                }
            }
            return PyBool.of(false);
        } finally {
            if (p[0] instanceof PyTuple) {
                for (PyObject o : options) {
                    RefCount.decref(o);
                }
            }
        }
    }

    private static PyObject join(PyObject self, byte[] sep, PyObject iterable) {
        PyObject[] parts = Builtins.collect(iterable);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < parts.length; i++) {
                byte[] x = BytesLike.contentOrNull(parts[i]);
                if (x == null) {
                    throw PyExc.typeError("sequence item " + i + ": expected a bytes-like object, "
                            + parts[i].type().name() + " found");
                }
                if (i > 0) {
                    out.writeBytes(sep);
                }
                out.writeBytes(x);
            }
            return BytesLike.sameKind(self, out.toByteArray());
        } finally {
            for (PyObject o : parts) {
                RefCount.decref(o);
            }
        }
    }

    private static PyObject split(PyObject self, byte[] c, PyObject[] p) {
        long max = Params.optLong(p[1], -1);
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        List<byte[]> parts = new ArrayList<>();
        if (p[0] == null || p[0] == PyNone.NONE) {
            int i = 0;
            while (true) {
                while (i < c.length && isSpace(c[i])) {
                    i++;
                }
                if (i == c.length) {
                    break;
                }
                if (max-- == 0) {
                    int end = c.length;
                    while (isSpace(c[end - 1])) {
                        end--;
                    }
                    parts.add(Arrays.copyOfRange(c, i, end));
                    break;
                }
                int j = i;
                while (j < c.length && !isSpace(c[j])) {
                    j++;
                }
                parts.add(Arrays.copyOfRange(c, i, j));
                i = j;
            }
        } else {
            byte[] sep = BytesLike.content(p[0]);
            if (sep.length == 0) {
                throw PyExc.valueError("empty separator");
            }
            int start = 0;
            for (int i; max > 0 && (i = BytesLike.indexOf(c, sep, start, c.length)) >= 0; max--) {
                parts.add(Arrays.copyOfRange(c, start, i));
                start = i + sep.length;
            }
            parts.add(Arrays.copyOfRange(c, start, c.length));
        }
        PyList l = new PyList();
        for (byte[] part : parts) {
            PyObject x = BytesLike.sameKind(self, part);
            l.append(x);
            RefCount.decref(x);
        }
        return l;
    }

    private static PyObject strip(PyObject self, byte[] c, PyObject chars, boolean left, boolean right) {
        byte[] set = chars == null || chars == PyNone.NONE ? null : BytesLike.content(chars);
        int i = 0;
        int j = c.length;
        while (left && i < j && stripped(c[i], set)) {
            i++;
        }
        while (right && j > i && stripped(c[j - 1], set)) {
            j--;
        }
        return BytesLike.sameKind(self, Arrays.copyOfRange(c, i, j));
    }

    private static boolean stripped(byte x, byte[] set) {
        if (set == null) {
            return isSpace(x);
        }
        for (byte y : set) {
            if (x == y) {
                return true;
            }
        }
        return false;
    }

    private static PyObject replace(PyObject self, byte[] c, PyObject[] p) {
        byte[] old = BytesLike.content(p[0]);
        byte[] rep = BytesLike.content(p[1]);
        long max = Params.optLong(p[2], -1);
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i <= c.length) {
            int at = max > 0 ? BytesLike.indexOf(c, old, i, c.length) : -1;
            if (at < 0) {
                out.write(c, i, c.length - i);
                break;
            }
            out.write(c, i, at - i);
            out.writeBytes(rep);
            max--;
            if (old.length == 0) { // an empty pattern matches before every byte and at the end
                if (at < c.length) {
                    out.write(c[at]);
                }
                i = at + 1;
            } else {
                i = at + old.length;
            }
        }
        return BytesLike.sameKind(self, out.toByteArray());
    }

    private static String hex(byte[] c, PyObject sepArg, PyObject perArg) {
        String sep = null;
        if (sepArg != null && sepArg != PyNone.NONE) {
            sep = sepArg instanceof PyStr s ? s.value : new String(BytesLike.content(sepArg), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (sep.length() != 1) {
                throw PyExc.valueError("sep must be length 1.");
            }
        }
        long per = Params.optLong(perArg, 1);
        StringBuilder sb = new StringBuilder();
        long group = Math.max(1, Math.abs(per));
        for (int i = 0; i < c.length; i++) {
            // a positive bytes_per_sep counts its groups from the right, a negative one from the left
            long counted = per < 0 ? i : c.length - i;
            if (sep != null && i > 0 && counted % group == 0) {
                sb.append(sep);
            }
            sb.append(Character.forDigit((c[i] >> 4) & 0xf, 16)).append(Character.forDigit(c[i] & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] fromHex(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0x0b || ch == 0x0c) {
                i++;
                continue;
            }
            int hi = Character.digit(ch, 16);
            int lo = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            if (hi < 0 || ch > 0x7f || lo < 0 || s.charAt(i + 1) > 0x7f) {
                int at = hi < 0 || ch > 0x7f ? i : i + 1;
                throw PyExc.valueError("non-hexadecimal number found in fromhex() arg at position " + at);
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toByteArray();
    }
}
