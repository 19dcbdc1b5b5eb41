package org.gilectomy.objects;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code str}: immutable, backed by a Java String. Python indexes by code point, Java by UTF-16
 * char: {@link #length()}, {@link #codePointAt} and the other index methods here speak code
 * points, through a {@link CodePointIndex} computed on first use (a string without surrogates,
 * nearly every one, keeps char indexing). A lone surrogate is kept as one code point, but two
 * lone ones that meet (a high one followed by a low one) read as a pair: CPython keeps them apart.
 */
public class PyStr extends PyObject {
    public static final PyType TYPE = new PyType("str", null);

    static final ConcurrentHashMap<String, PyStr> INTERNED = new ConcurrentHashMap<>();
    static final PyStr[] LATIN1 = new PyStr[256];

    static {
        for (int c = 0; c < LATIN1.length; c++) {
            LATIN1[c] = new PyStr(String.valueOf((char) c), STATIC_REFS);
        }
    }

    public final String value;

    /** Computed on first use; see {@link CodePointIndex} for why a plain field is enough. */
    private CodePointIndex index;

    PyStr(String value) {
        this.value = value;
        plainFreeIfExactly(PyStr.class); // a str owns nothing (its index is plain Java memory)
    }

    private PyStr(String value, int refs) {
        super(refs);
        this.value = value;
    }

    /** A new reference to the one-code-point string {@code cp} (Latin-1 ones are shared). */
    public static PyStr ofCodePoint(int cp) {
        if (cp < 256) {
            PyStr r = LATIN1[cp];
            org.gilectomy.refcount.RefCount.incref(r);
            return r;
        }
        return new PyStr(Character.toString(cp));
    }

    /** A new reference to a fresh string (one-character strings are shared). */
    public static PyStr of(String s) {
        if (s.length() == 1 && s.charAt(0) < 256) {
            PyStr r = LATIN1[s.charAt(0)];
            org.gilectomy.refcount.RefCount.incref(r);
            return r;
        }
        return new PyStr(s);
    }

    /**
     * The interned string for {@code s}: identifiers and constants. Interned strings live for
     * the whole process. Returns a borrowed reference.
     */
    public static PyStr internBorrowed(String s) {
        PyStr r = INTERNED.get(s);
        return r != null ? r : INTERNED.computeIfAbsent(s, k -> {
            PyStr fresh = new PyStr(k, STATIC_REFS);
            org.gilectomy.refcount.RefCount.makeImmortal(fresh); // no other thread has it yet
            return fresh;
        });
    }

    private CodePointIndex index() {
        CodePointIndex ix = index;
        if (ix == null) {
            ix = CodePointIndex.of(value);
            index = ix;
        }
        return ix;
    }

    /** True if the text has no surrogate: char indices are code point indices. */
    public boolean isBmp() {
        return index() == CodePointIndex.BMP;
    }

    /** {@code len(s)}: the number of code points. */
    public int length() {
        CodePointIndex ix = index();
        return ix == CodePointIndex.BMP ? value.length() : ix.codePoints.length;
    }

    /** The code point at code point index {@code i} (0 <= i < length()). */
    public int codePointAt(int i) {
        CodePointIndex ix = index();
        return ix == CodePointIndex.BMP ? value.charAt(i) : ix.codePoints[i];
    }

    /** The text of code points {@code [start, end)}. */
    public String substring(int start, int end) {
        return isBmp() ? value.substring(start, end) : value.substring(charIndex(start), charIndex(end));
    }

    /** The char index in {@link #value} where code point {@code i} (0 <= i <= length()) starts. */
    public int charIndex(int i) {
        return isBmp() ? i : value.offsetByCodePoints(0, i);
    }

    /** The code point index of char index {@code c} in {@link #value}. */
    public int codePointIndex(int c) {
        return isBmp() ? c : value.codePointCount(0, c);
    }

    /** Python's {@code <}-style order: by code point, which UTF-16 order is not. */
    public static int compare(PyStr a, PyStr b) {
        if (a.isBmp() && b.isBmp()) {
            return a.value.compareTo(b.value);
        }
        return CodePointIndex.compare(a.value, b.value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyStr other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * CPython's {@code repr(str)}: single quotes unless the text has one and no double quote;
     * code points that are not printable (control, format, surrogate, private-use, unassigned,
     * separators but the space) escaped in the shortest of the x, u and U escape forms.
     * Printability comes from Java's Unicode tables, which may be a version behind CPython's.
     */
    public static String repr(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c >= 0x20 && c < 0x7f || isPrintable(c)) {
                sb.appendCodePoint(c);
            } else {
                sb.append(escape(c));
            }
        }
        return sb.append(quote).toString();
    }

    /** The backslash escape of a code point in the shortest of the x, u and U forms. */
    public static String escape(int c) {
        return c < 0x100 ? String.format("\\x%02x", c)
                : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }

    /** Python's {@code str.isprintable()} for one code point. */
    public static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
