package org.gilectomy.runtime.parse;

import java.util.Locale;

/**
 * Character names for {@code \N{...}} escapes, matched case-insensitively as Python does. Uses
 * Java's name table (Unicode 13 in Java 17, Python 3.11 has 14) plus the names Python derives
 * algorithmically, which Java spells differently. Name aliases such as "LINE FEED" are not known.
 */
final class UnicodeNames {
    private static final String CJK = "CJK UNIFIED IDEOGRAPH-";
    private static final String HANGUL = "HANGUL SYLLABLE ";
    private static final String[] LEADS = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
    private static final String[] VOWELS = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
        "YU", "EU", "YI", "I"};
    private static final String[] TAILS = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS",
        "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    private UnicodeNames() {
    }

    /** The code point named {@code name}, or -1. */
    static int lookup(String name) {
        // Like CPython, the algorithmic names are matched case-sensitively.
        if (name.startsWith(CJK)) {
            return cjkIdeograph(name.substring(CJK.length()));
        }
        if (name.startsWith(HANGUL)) {
            return hangulSyllable(name.substring(HANGUL.length()));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.equals(upper.strip())) {
            return -1; // Java would ignore surrounding spaces, Python does not
        }
        try {
            return Character.codePointOf(upper);
        } catch (IllegalArgumentException notFound) {
            return -1;
        }
    }

    private static int cjkIdeograph(String hex) {
        if (!hex.matches("[0-9A-F]{4,5}")) {
            return -1;
        }
        int c = Integer.parseInt(hex, 16);
        // Java names the unified ideographs after their block, e.g. "CJK UNIFIED IDEOGRAPHS 4E00".
        String javaName = Character.isValidCodePoint(c) ? Character.getName(c) : null;
        return javaName != null && javaName.startsWith("CJK UNIFIED IDEOGRAPHS") ? c : -1;
    }

    /** Hangul syllables are named by their jamo: U+AC00 is "HANGUL SYLLABLE GA". */
    private static int hangulSyllable(String jamo) {
        for (int l = 0; l < LEADS.length; l++) {
            if (!jamo.startsWith(LEADS[l])) {
                continue;
            }
            for (int v = 0; v < VOWELS.length; v++) {
                if (!jamo.startsWith(VOWELS[v], LEADS[l].length())) {
                    continue;
                }
                for (int t = 0; t < TAILS.length; t++) {
                    if (jamo.length() == LEADS[l].length() + VOWELS[v].length() + TAILS[t].length()
                            && jamo.endsWith(TAILS[t])) {
                        return 0xAC00 + (l * VOWELS.length + v) * TAILS.length + t;
                    }
                }
            }
        }
        return -1;
    }
}
