package org.gilectomy.objects;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal immutable {@code bytes}: made by {@code b'...'} literals, {@code str.encode()} and
 * sockets, turned back into text by {@code decode()}; compared, hashed, measured and printed as
 * CPython does.
 */
public final class PyBytes extends PyObject implements Container {
    public static final PyType TYPE = new PyType("bytes", null);

    private final byte[] value;

    private PyBytes(byte[] value) {
        this.value = value;
    }

    /** A new bytes object owning {@code data} (the caller must not change it afterwards). */
    public static PyBytes wrap(byte[] data) {
        return new PyBytes(data);
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return value.clone();
    }

    /** The charset of a codec name this runtime supports; LookupError for any other. */
    public static Charset charset(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (e) {
            case "utf-8", "utf8":
                return java.nio.charset.StandardCharsets.UTF_8;
            case "ascii", "us-ascii":
                return java.nio.charset.StandardCharsets.US_ASCII;
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1":
                return java.nio.charset.StandardCharsets.ISO_8859_1;
            default:
                throw new PyException(PyExc.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
    }

    /** {@code s.encode(encoding)} with the strict error handler. */
    public static PyBytes encode(String s, String encoding) {
        Charset cs = charset(encoding);
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(s));
            return new PyBytes(Arrays.copyOf(b.array(), b.limit()));
        } catch (CharacterCodingException e) {
            throw unencodable(s, cs);
        }
    }

    /**
     * CPython's error for the first run of code points of {@code s} that {@code cs} cannot
     * encode: one is named, a longer run is given as a range of positions.
     */
    private static PyException unencodable(String s, Charset cs) {
        String name = cs == java.nio.charset.StandardCharsets.US_ASCII ? "ascii"
                : cs == java.nio.charset.StandardCharsets.ISO_8859_1 ? "latin-1" : "utf-8";
        int limit = name.equals("ascii") ? 0x80 : name.equals("latin-1") ? 0x100 : Integer.MAX_VALUE;
        int[] cps = s.codePoints().toArray();
        int first = 0;
        while (first < cps.length && encodable(cps[first], limit)) {
            first++;
        }
        int end = first;
        while (end < cps.length && !encodable(cps[end], limit)) {
            end++;
        }
        String what = end - first == 1 ? "character '" + PyStr.escape(cps[first]) + "' in position " + first
                : "characters in position " + first + "-" + (end - 1);
        String reason = limit == Integer.MAX_VALUE ? "surrogates not allowed" : "ordinal not in range(" + limit + ")";
        return new PyException(PyExc.UNICODE_ENCODE_ERROR, "'" + name + "' codec can't encode " + what + ": " + reason);
    }

    private static boolean encodable(int c, int limit) {
        return c < limit && Character.getType(c) != Character.SURROGATE;
    }

    /** {@code b.decode(encoding)} with the strict error handler. */
    public String decode(String encoding) {
        Charset cs = charset(encoding);
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return dec.decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            int at = 0;
            while (at < value.length && value[at] >= 0) {
                at++;
            }
            String name = cs == java.nio.charset.StandardCharsets.US_ASCII ? "ascii" : "utf-8";
            throw new PyException(PyExc.UNICODE_DECODE_ERROR, "'" + name + "' codec can't decode byte 0x"
                    + String.format("%02x", value[Math.min(at, value.length - 1)] & 0xff) + " in position " + at
                    + (name.equals("ascii") ? ": ordinal not in range(128)" : ": invalid start byte"));
        }
    }

    @Override
    public long length() {
        return value.length;
    }

    /** Iterating bytes gives ints, as in Python 3. */
    @Override
    public PyIterator iterator() {
        PyObject[] items = new PyObject[value.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = PyInt.of(value[i] & 0xff);
        }
        return new Sequences.ArrayIterator(IteratorTypes.BYTES, items);
    }

    @Override
    public boolean containsItem(PyObject item) {
        if (item instanceof PyBytes b) {
            return indexOf(value, b.value) >= 0;
        }
        long v = Args.asLong(item);
        if (v < 0 || v > 255) {
            throw PyExc.valueError("byte must be in range(0, 256)");
        }
        for (byte x : value) {
            if ((x & 0xff) == v) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** CPython's repr: b'...', hex escapes outside printable ASCII. */
    @Override
    public String toString() {
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
