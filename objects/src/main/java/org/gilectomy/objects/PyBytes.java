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
 * The immutable {@code bytes}: made by {@code b'...'} literals, {@code bytes(...)},
 * {@code str.encode()} and sockets, turned back into text by {@code decode()}; compared, hashed,
 * measured and printed as CPython does (what it shares with bytearray is in {@link BytesLike}).
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
        return new PyBytes(encodeToArray(s, encoding));
    }

    /** The bytes of {@code s.encode(encoding)}, with the strict error handler. */
    public static byte[] encodeToArray(String s, String encoding) {
        Charset cs = charset(encoding);
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(s));
            return Arrays.copyOf(b.array(), b.limit());
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
        return decode(value, encoding);
    }

    /** Decodes {@code value} (bytes or a bytearray's snapshot) with the strict error handler. */
    public static String decode(byte[] value, String encoding) {
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
        return BytesLike.iterator(IteratorTypes.BYTES, value);
    }

    @Override
    public boolean containsItem(PyObject item) {
        return BytesLike.contains(value, item);
    }

    /** The content itself, never to be changed: for BytesLike. */
    byte[] content() {
        return value;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b ? Arrays.equals(value, b.value) : o instanceof PyByteArray a && a.equals(this);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return BytesLike.repr(value);
    }
}
