package org.gilectomy.runtime.parse;

/** What may start and continue a Python name (Unicode's XID classes, through Java's tables): the tokenizer's and {@code str.isidentifier}'s one rule. */
public final class Identifiers {
    private Identifiers() {
    }

    static boolean isXidStart(int c) {
        return Character.isUnicodeIdentifierStart(c) && !Character.isIdentifierIgnorable(c);
    }

    static boolean isXidContinue(int c) {
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    /** {@code str.isidentifier()}: non-empty, a first character that may start a name (or '_'), the rest continuing it. */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        return (first == '_' || isXidStart(first)) && s.codePoints().skip(1).allMatch(c -> c == '_' || isXidContinue(c));
    }
}
