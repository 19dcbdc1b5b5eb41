package org.gilectomy.objects;

import java.util.Arrays;

/**
 * What {@code bytes} and {@code bytearray} share: their content as a {@code byte[]}, indexing
 * and slicing, {@code +}, {@code *}, ordering, {@code in}, iteration and repr. A bytearray is
 * read through a snapshot taken under its lock; a bytes object's array is never changed.
 */
public final class BytesLike {
    private BytesLike() {
    }

    /** The content of a bytes or bytearray (not to be changed by the caller), or null for anything else. */
    public static byte[] contentOrNull(PyObject o) {
        if (o instanceof PyBytes b) {
            return b.content();
        }
        if (o instanceof PyByteArray b) {
            return b.snapshot();
        }
        return null;
    }

    /** The content of a bytes-like argument, with CPython's TypeError for anything else. */
    public static byte[] content(PyObject o) {
        byte[] c = contentOrNull(o);
        if (c == null) {
            throw PyExc.typeError("a bytes-like object is required, not '" + o.type().name() + "'");
        }
        return c;
    }

    /** A new object of the same type as {@code like} (bytes or bytearray) owning {@code content}. */
    public static PyObject sameKind(PyObject like, byte[] content) {
        return like instanceof PyByteArray ? new PyByteArray(content) : PyBytes.wrap(content);
    }

    /** {@code o[key]} for a bytes or bytearray: an int for an index, the same type for a slice. */
    static PyObject getItem(PyObject o, PyObject key) {
        if (key instanceof PySlice s) {
            byte[] c = contentOrNull(o);
            long[] ix = s.indices(c.length);
            byte[] out = new byte[(int) ix[3]];
            for (int k = 0; k < out.length; k++) {
                out[k] = c[(int) (ix[0] + k * ix[2])];
            }
            return sameKind(o, out);
        }
        if (!(key instanceof PyInt || key instanceof PyBool)) {
            throw PyExc.typeError((o instanceof PyByteArray ? "bytearray" : "byte")
                    + " indices must be integers or slices, not " + key.type().name());
        }
        long i = Args.asIndex(key);
        if (o instanceof PyByteArray b) {
            return PyInt.of(b.get(i));
        }
        byte[] c = ((PyBytes) o).content();
        long j = i < 0 ? i + c.length : i;
        if (j < 0 || j >= c.length) {
            throw PyExc.indexError("index out of range");
        }
        return PyInt.of(c[(int) j] & 0xff);
    }

    /** A byte value from an int-like object, with CPython's errors. */
    public static int byteValue(PyObject v) {
        long x = Args.asLong(v);
        if (x < 0 || x > 255) {
            throw PyExc.valueError("byte must be in range(0, 256)");
        }
        return (int) x;
    }

    /**
     * The bytes an iterable of ints (or a bytes-like object) stands for, as {@code bytes(x)}
     * and slice assignment read them.
     */
    public static byte[] fromIterable(PyObject iterable) {
        byte[] c = contentOrNull(iterable);
        if (c != null) {
            return c.clone();
        }
        PyObject[] items = Ops.collect(iterable);
        try {
            byte[] out = new byte[items.length];
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof PyInt || items[i] instanceof PyBool)) {
                    throw PyExc.typeError("'" + items[i].type().name() + "' object cannot be interpreted as an integer");
                }
                long x = Args.asLong(items[i]);
                if (x < 0 || x > 255) {
                    throw PyExc.valueError("bytes must be in range(0, 256)");
                }
                out[i] = (byte) x;
            }
            return out;
        } finally {
            for (PyObject x : items) {
                org.gilectomy.refcount.RefCount.decref(x);
            }
        }
    }

    /** {@code ba[key] = value}, or {@code del ba[key]} when {@code value} is null. */
    static void setItem(PyByteArray ba, PyObject key, PyObject value) {
        if (key instanceof PySlice s) {
            if (value != null && (value instanceof PyStr || Numbers.isIntLike(value))) {
                throw PyExc.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            }
            ba.setSlice(s, value == null ? null : fromIterable(value));
            return;
        }
        if (!(key instanceof PyInt || key instanceof PyBool)) {
            throw PyExc.typeError("bytearray indices must be integers or slices, not " + key.type().name());
        }
        long i = Args.asIndex(key);
        if (value == null) {
            ba.removeAt(i, false);
        } else {
            ba.set(i, byteValue(value));
        }
    }

    /** {@code ba += b} and {@code ba *= n} in place; false when not applicable. */
    static boolean inPlace(PyByteArray ba, BinaryOp op, PyObject b) {
        if (op == BinaryOp.ADD) {
            byte[] y = contentOrNull(b);
            if (y == null) {
                throw PyExc.typeError("can't concat " + b.type().name() + " to bytearray");
            }
            ba.extend(y);
            return true;
        }
        if (op == BinaryOp.MUL && Numbers.isIntLike(b)) {
            long n = Args.asLong(b);
            ba.update(c -> repeat(c, n));
            return true;
        }
        return false;
    }

    /** {@code +} and {@code *} with a bytes-like left (or right, for {@code n * b}) operand; null when not applicable. */
    static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        byte[] x = contentOrNull(a);
        if (op == BinaryOp.ADD && x != null) {
            byte[] y = contentOrNull(b);
            if (y == null) {
                throw PyExc.typeError("can't concat " + b.type().name() + " to " + a.type().name());
            }
            byte[] all = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, all, x.length, y.length);
            return sameKind(a, all);
        }
        if (op == BinaryOp.MUL) {
            if (x != null && Numbers.isIntLike(b)) {
                return sameKind(a, repeat(x, Args.asLong(b)));
            }
            byte[] y = contentOrNull(b);
            if (y != null && Numbers.isIntLike(a)) {
                return sameKind(b, repeat(y, Args.asLong(a)));
            }
        }
        return null;
    }

    /** {@code content * n}. */
    public static byte[] repeat(byte[] content, long n) {
        long total = Math.max(0, n) * content.length;
        if (total > Integer.MAX_VALUE - 16) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "repeated bytes are too long");
        }
        byte[] out = new byte[(int) total];
        for (int i = 0; i < out.length; i += content.length) {
            System.arraycopy(content, 0, out, i, content.length);
        }
        return out;
    }

    /** Three-way order of two bytes-like objects (unsigned bytes, shorter first), or 3 when one is not bytes-like. */
    static int order(PyObject a, PyObject b) {
        byte[] x = contentOrNull(a);
        byte[] y = x == null ? null : contentOrNull(b);
        return y == null ? 3 : Integer.signum(Arrays.compareUnsigned(x, y));
    }

    /** An iterator over the bytes as ints. */
    static PyIterator iterator(PyType type, byte[] content) {
        PyObject[] items = new PyObject[content.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = PyInt.of(content[i] & 0xff);
        }
        return new Sequences.ArrayIterator(type, items);
    }

    /** {@code item in content}: a byte value or a bytes-like substring. */
    static boolean contains(byte[] content, PyObject item) {
        byte[] sub = contentOrNull(item);
        if (sub != null) {
            return indexOf(content, sub, 0, content.length) >= 0;
        }
        int v = byteValue(item);
        for (byte x : content) {
            if ((x & 0xff) == v) {
                return true;
            }
        }
        return false;
    }

    /** The first index in {@code [from, to)} where {@code needle} starts, or -1. */
    public static int indexOf(byte[] hay, byte[] needle, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** CPython's repr of bytes: b'...', hex escapes outside printable ASCII. */
    public static String repr(byte[] value) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : value) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte x : value) {
            int c = x & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }
}
