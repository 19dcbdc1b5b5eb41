package org.gilectomy.objects;

import java.util.concurrent.ConcurrentHashMap;

/** {@code str}: immutable, backed by a Java String (UTF-16; indexing is by char for now). */
public final class PyStr extends PyObject {
    public static final PyType TYPE = new PyType("str", null);

    static final ConcurrentHashMap<String, PyStr> INTERNED = new ConcurrentHashMap<>();
    static final PyStr[] LATIN1 = new PyStr[256];

    static {
        for (int c = 0; c < LATIN1.length; c++) {
            LATIN1[c] = new PyStr(String.valueOf((char) c), STATIC_REFS);
        }
    }

    public final String value;

    private PyStr(String value) {
        this.value = value;
    }

    private PyStr(String value, int refs) {
        super(refs);
        this.value = value;
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
     * CPython's printable characters ({@code str.isprintable}, and what {@code repr} leaves
     * unescaped): all but the "Other" and "Separator" categories, except the space.
     */
    public static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** CPython's {@code repr(str)}: single quotes unless the text has one and no double quote. */
    public static String repr(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isPrintable(c)) {
                sb.appendCodePoint(c);
            } else {
                sb.append(c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            }
        }
        return sb.append(quote).toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
