package org.gilectomy.objects;

/**
 * How a {@link PyStr}'s Java text maps to Python's code points. Python indexes a str by code
 * point; Java stores UTF-16, where a character outside the Basic Multilingual Plane takes two
 * chars. Almost every string has no surrogate at all ({@link #BMP}), and then a char index is a
 * code point index and every operation keeps Java's speed. A string with surrogates gets its
 * code points decoded once into an array, so indexing and slicing it stay O(1) as in CPython.
 *
 * <p>A str computes its index lazily and publishes it through a plain field: the computation is
 * deterministic, so racing threads store equal values, and the array is reached through a final
 * field, so a thread that sees the index sees the array filled.
 */
final class CodePointIndex {
    /** No surrogates: char indices are code point indices. */
    static final CodePointIndex BMP = new CodePointIndex(null);

    /** The code points, for a string with surrogates; null for {@link #BMP}. */
    final int[] codePoints;

    private CodePointIndex(int[] codePoints) {
        this.codePoints = codePoints;
    }

    static CodePointIndex of(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return new CodePointIndex(s.codePoints().toArray());
            }
        }
        return BMP;
    }

    /**
     * Python's order of two strings: by code point. UTF-16 order differs from it where a
     * surrogate pair (a code point above U+FFFF) meets a char in U+E000..FFFF, so the first
     * differing position is compared as whole code points.
     */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
