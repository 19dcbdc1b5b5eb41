package org.gilectomy.runtime.modules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyByteArray;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * A compiled {@code struct} format: its items (code, count, offset) and total size, with
 * CPython's rules for byte order, sizes and alignment ({@code @} native: Linux x86-64's sizes,
 * each item aligned to its size; {@code = < > !} standard sizes, no alignment), and packing and
 * unpacking with CPython's range checks and messages. Immutable once made.
 */
final class StructFormat {
    static final PyType ERROR = PyType.ofModule("struct", "error", PyExc.EXCEPTION);

    /** One code with its count: a string of {@code count} bytes for s/p, else count values (or pad bytes for x). */
    private record Item(char code, int count, int offset, int size) {
    }

    final String format;
    final int size;
    /** How many values pack takes and unpack gives. */
    final int values;
    private final boolean little;
    private final boolean nativeMode;
    private final List<Item> items;

    StructFormat(String format) {
        this.format = format;
        int i = 0;
        char order = format.isEmpty() ? '@' : format.charAt(0);
        if ("@=<>!".indexOf(order) >= 0) {
            i = 1;
        } else {
            order = '@';
        }
        nativeMode = order == '@';
        little = order == '<' || order == '@' || order == '=';
        List<Item> list = new ArrayList<>();
        long offset = 0;
        int nvalues = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            long count = 1;
            if (c >= '0' && c <= '9') {
                count = 0;
                while (i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                    count = count * 10 + (format.charAt(i++) - '0');
                    if (count > Integer.MAX_VALUE) {
                        throw error("total struct size too long");
                    }
                }
                if (i >= format.length()) {
                    throw error("repeat count given without format specifier");
                }
                c = format.charAt(i);
            }
            i++;
            int itemSize = itemSize(c);
            if (nativeMode && itemSize > 1) {
                offset = (offset + itemSize - 1) / itemSize * itemSize;
            }
            boolean string = c == 's' || c == 'p';
            list.add(new Item(c, (int) count, (int) offset, itemSize));
            offset += itemSize * count;
            if (offset > Integer.MAX_VALUE) {
                throw error("total struct size too long");
            }
            nvalues += c == 'x' ? 0 : string ? 1 : (int) count;
        }
        this.size = (int) offset;
        this.values = nvalues;
        this.items = List.copyOf(list);
    }

    static PyException error(String message) {
        return new PyException(ERROR, message);
    }

    private int itemSize(char c) {
        switch (c) {
            case 'x', 'c', 'b', 'B', '?', 's', 'p':
                return 1;
            case 'h', 'H', 'e':
                return 2;
            case 'i', 'I', 'f':
                return 4;
            case 'l', 'L':
                return nativeMode ? 8 : 4;
            case 'q', 'Q', 'd':
                return 8;
            case 'n', 'N', 'P':
                if (nativeMode) {
                    return 8;
                }
                throw error("bad char in struct format");
            default:
                throw error("bad char in struct format");
        }
    }

    // ---- packing

    /** Packs {@code n} values from {@code a[off..]} into {@code out} at {@code at}. */
    void pack(PyObject[] a, int off, int n, byte[] out, int at) {
        if (n != values) {
            throw error("pack expected " + values + " items for packing (got " + n + ")");
        }
        int v = off;
        for (Item it : items) {
            int pos = at + it.offset;
            switch (it.code) {
                case 'x' -> {
                }
                case 's', 'p' -> packString(it, a[v++], out, pos);
                default -> {
                    for (int k = 0; k < it.count; k++) {
                        packOne(it.code, it.size, a[v++], out, pos + k * it.size);
                    }
                }
            }
        }
    }

    private static void packString(Item it, PyObject o, byte[] out, int pos) {
        byte[] b = o instanceof PyBytes || o instanceof PyByteArray ? BytesLike.content(o) : null;
        if (b == null) {
            throw error("argument for '" + it.code + "' must be a bytes object");
        }
        if (it.code == 's') {
            System.arraycopy(b, 0, out, pos, Math.min(b.length, it.count));
        } else if (it.count > 0) {
            int len = Math.min(b.length, it.count - 1);
            System.arraycopy(b, 0, out, pos + 1, len);
            out[pos] = (byte) Math.min(len, 255);
        }
    }

    private void packOne(char code, int size, PyObject o, byte[] out, int pos) {
        long bits;
        switch (code) {
            case 'c' -> {
                byte[] b = o instanceof PyBytes bytes ? bytes.toByteArray() : null;
                if (b == null || b.length != 1) {
                    throw error("char format requires a bytes object of length 1");
                }
                bits = b[0];
            }
            case '?' -> bits = Ops.isTrue(o) ? 1 : 0;
            case 'e' -> bits = Half.fromDouble(real(o));
            case 'f' -> {
                double d = real(o);
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d) && !nativeMode) {
                    throw new PyException(PyExc.OVERFLOW_ERROR, "float too large to pack with f format");
                }
                bits = Float.floatToRawIntBits(f) & 0xffffffffL;
            }
            case 'd' -> bits = Double.doubleToRawLongBits(real(o));
            default -> bits = integer(code, size, o);
        }
        for (int k = 0; k < size; k++) {
            int shift = 8 * k;
            out[little ? pos + k : pos + size - 1 - k] = (byte) (bits >>> shift);
        }
    }

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** An integer code's value as bits, with CPython's checks and messages. */
    private static long integer(char code, int size, PyObject o) {
        BigInteger v = bigOf(o);
        if (v == null) {
            throw error("required argument is not an integer");
        }
        boolean unsignedWide = (code == 'I' || code == 'L' || code == 'Q' || code == 'N');
        if (code == 'P') {
            if (v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0 || v.compareTo(ULONG_MAX) > 0) {
                throw error("argument out of range");
            }
            return v.longValue();
        }
        if (unsignedWide) {
            if (v.signum() < 0 || v.compareTo(ULONG_MAX) > 0) {
                throw error("argument out of range");
            }
            if (size == 4 && v.bitLength() > 32) {
                throw error("'" + code + "' format requires 0 <= number <= 4294967295");
            }
            return v.longValue();
        }
        if (v.bitLength() > 63) {
            throw error("argument out of range");
        }
        long x = v.longValue();
        boolean signed = Character.isLowerCase(code);
        if (size == 8) {
            return x;
        }
        long min = signed ? -(1L << (8 * size - 1)) : 0;
        long max = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        if (x < min || x > max) {
            String what = size == 1 ? (signed ? "byte" : "ubyte") : size == 2 ? (signed ? "short" : "ushort") : "'" + code + "'";
            throw error(what + " format requires " + min + " <= number <= " + max);
        }
        return x;
    }

    /** An int, a bool or an object with {@code __index__} as a BigInteger; null for anything else. */
    private static BigInteger bigOf(PyObject o) {
        if (o instanceof PyBool b) {
            return BigInteger.valueOf(b.value ? 1 : 0);
        }
        if (o instanceof PyInt i) {
            return i.big != null ? i.big : BigInteger.valueOf(i.value);
        }
        PyObject index = o.type().lookup("__index__");
        if (index == null) {
            return null;
        }
        RefCount.decref(index);
        PyObject method = Ops.getAttr(o, "__index__");
        PyObject r;
        try {
            r = Ops.call(method);
        } finally {
            RefCount.decref(method);
        }
        try {
            if (r instanceof PyInt i) {
                return i.big != null ? i.big : BigInteger.valueOf(i.value);
            }
            throw PyExc.typeError("__index__ returned non-int (type " + r.type().name() + ")");
        } finally {
            RefCount.decref(r);
        }
    }

    private static double real(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value;
        }
        BigInteger v = bigOf(o);
        if (v == null) {
            throw error("required argument is not a float");
        }
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            throw error("required argument is not a float");
        }
        return d;
    }

    // ---- unpacking

    /** The values packed in {@code b} at {@code at}: owned references. */
    PyObject[] unpack(byte[] b, int at) {
        PyObject[] r = new PyObject[values];
        int v = 0;
        for (Item it : items) {
            int pos = at + it.offset;
            switch (it.code) {
                case 'x' -> {
                }
                case 's' -> r[v++] = PyBytes.wrap(java.util.Arrays.copyOfRange(b, pos, pos + it.count));
                case 'p' -> {
                    int len = it.count == 0 ? 0 : Math.min(b[pos] & 0xff, it.count - 1);
                    r[v++] = PyBytes.wrap(len == 0 ? new byte[0] : java.util.Arrays.copyOfRange(b, pos + 1, pos + 1 + len));
                }
                default -> {
                    for (int k = 0; k < it.count; k++) {
                        r[v++] = unpackOne(it.code, it.size, b, pos + k * it.size);
                    }
                }
            }
        }
        return r;
    }

    private PyObject unpackOne(char code, int size, byte[] b, int pos) {
        long bits = 0;
        for (int k = size - 1; k >= 0; k--) {
            bits = bits << 8 | (b[little ? pos + k : pos + size - 1 - k] & 0xff);
        }
        switch (code) {
            case 'c':
                return PyBytes.wrap(new byte[] {(byte) bits});
            case '?':
                return PyBool.of(bits != 0);
            case 'e':
                return PyFloat.of(Half.toDouble((int) bits));
            case 'f':
                return PyFloat.of(Float.intBitsToFloat((int) bits));
            case 'd':
                return PyFloat.of(Double.longBitsToDouble(bits));
            default:
                break;
        }
        if (Character.isLowerCase(code)) {
            int unused = 64 - 8 * size;
            return PyInt.of(bits << unused >> unused); // sign-extended
        }
        if (size == 8 && bits < 0) {
            return PyInt.of(new BigInteger(Long.toUnsignedString(bits)));
        }
        return PyInt.of(bits);
    }
}
