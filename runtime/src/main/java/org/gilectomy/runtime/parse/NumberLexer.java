package org.gilectomy.runtime.parse;

/**
 * Scans numeric literals for the {@link Tokenizer}, a transcription of the number part of
 * CPython 3.11's tok_get so that malformed literals give the same errors at the same columns.
 * It only finds where a literal ends; the parser computes its value.
 */
final class NumberLexer {
    private static final String LEADING_ZEROS = "leading zeros in decimal integer literals are not permitted; "
            + "use an 0o prefix for octal integers";

    private final Tokenizer t;

    NumberLexer(Tokenizer t) {
        this.t = t;
    }

    /**
     * Scans a literal whose first digit {@code c}, at index {@code start}, has been read; leaves
     * the tokenizer just after the literal.
     */
    void scan(int start, int c) throws PySyntaxError {
        if (c == '0') {
            zeroPrefixed(start);
            return;
        }
        c = decimalTail();
        if (c == '.') {
            fraction(t.nextc());
        } else {
            exponentAndSuffix(c);
        }
    }

    /** Continues after a decimal point; {@code c} is the character read after it. */
    void fraction(int c) throws PySyntaxError {
        if (Tokenizer.isDigit(c)) {
            c = decimalTail();
        }
        exponentAndSuffix(c);
    }

    private void zeroPrefixed(int start) throws PySyntaxError {
        int c = t.nextc();
        switch (c) {
            case 'x', 'X' -> radixLiteral(16, "hexadecimal");
            case 'o', 'O' -> radixLiteral(8, "octal");
            case 'b', 'B' -> radixLiteral(2, "binary");
            default -> zeroDecimal(start, c);
        }
    }

    /** "0", "00_0", "0.5", "0e1", "0j" are fine; "0777" is an error (old-style octal). */
    private void zeroDecimal(int start, int c) throws PySyntaxError {
        while (true) {
            if (c == '_') {
                c = t.nextc();
                if (!Tokenizer.isDigit(c)) {
                    t.backup(c);
                    throw t.errorAtCursor("invalid decimal literal");
                }
            }
            if (c != '0') {
                break;
            }
            c = t.nextc();
        }
        boolean nonZero = false;
        if (Tokenizer.isDigit(c)) {
            nonZero = true;
            c = decimalTail();
        }
        if (c == '.') {
            fraction(t.nextc());
        } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            exponentAndSuffix(c);
        } else if (nonZero) {
            t.backup(c);
            throw t.errorAt(start, LEADING_ZEROS);
        } else {
            verifyEnd(c, "decimal");
            t.backup(c);
        }
    }

    private void radixLiteral(int radix, String kind) throws PySyntaxError {
        int c = t.nextc();
        do {
            if (c == '_') {
                c = t.nextc();
            }
            if (!isRadixDigit(c, radix)) {
                if (Tokenizer.isDigit(c)) {
                    throw invalidDigit(c, kind);
                }
                t.backup(c);
                throw t.errorAtCursor("invalid " + kind + " literal");
            }
            do {
                c = t.nextc();
            } while (isRadixDigit(c, radix));
        } while (c == '_');
        if (Tokenizer.isDigit(c)) {
            throw invalidDigit(c, kind);
        }
        verifyEnd(c, kind);
        t.backup(c);
    }

    private PySyntaxError invalidDigit(int c, String kind) {
        return t.errorAtCursor("invalid digit '" + (char) c + "' in " + kind + " literal");
    }

    private void exponentAndSuffix(int c) throws PySyntaxError {
        if (c == 'e' || c == 'E') {
            int e = c;
            c = t.nextc();
            if (c == '+' || c == '-') {
                c = t.nextc();
                if (!Tokenizer.isDigit(c)) {
                    t.backup(c);
                    throw t.errorAtCursor("invalid decimal literal");
                }
            } else if (!Tokenizer.isDigit(c)) {
                // Not an exponent after all: "1else" is 1 followed by the keyword.
                t.backup(c);
                verifyEnd(e, "decimal");
                t.backup(e);
                return;
            }
            c = decimalTail();
        }
        if (c == 'j' || c == 'J') {
            c = t.nextc();
            verifyEnd(c, "imaginary");
        } else {
            verifyEnd(c, "decimal");
        }
        t.backup(c);
    }

    /** Reads digits separated by single underscores; returns the first character after them. */
    private int decimalTail() throws PySyntaxError {
        int c;
        while (true) {
            do {
                c = t.nextc();
            } while (Tokenizer.isDigit(c));
            if (c != '_') {
                return c;
            }
            c = t.nextc();
            if (!Tokenizer.isDigit(c)) {
                t.backup(c);
                throw t.errorAtCursor("invalid decimal literal");
            }
        }
    }

    /**
     * CPython's verify_end_of_number: a literal may run straight into one of the keywords that can
     * follow it in valid code ("1if x else 2", deprecated but accepted), but not into any other
     * ASCII name character. {@code c}, the character after the literal, has been read.
     */
    private void verifyEnd(int c, String kind) throws PySyntaxError {
        boolean keyword = switch (c) {
            case 'a' -> lookahead("nd");
            case 'e' -> lookahead("lse");
            case 'f' -> lookahead("or");
            case 'o' -> lookahead("r");
            case 'n' -> lookahead("ot");
            case 'i' -> {
                int c2 = t.nextc();
                t.backup(c2);
                yield c2 == 'f' || c2 == 'n' || c2 == 's';
            }
            default -> false;
        };
        // A non-ASCII character ends the literal: it is then reported as a name or an invalid character.
        if (!keyword && c < 128 && Tokenizer.isIdentifierChar(c)) {
            t.backup(c);
            throw t.errorAtCursor("invalid " + kind + " literal");
        }
    }

    /** Whether the input continues with {@code rest} and then a non-name character; reads nothing. */
    private boolean lookahead(String rest) {
        int matched = 0;
        boolean result;
        while (true) {
            int c = t.nextc();
            if (matched == rest.length()) {
                result = !Tokenizer.isIdentifierChar(c);
            } else if (c == rest.charAt(matched)) {
                matched++;
                continue;
            } else {
                result = false;
            }
            t.backup(c);
            break;
        }
        for (int i = matched; i > 0; i--) {
            t.backup(rest.charAt(i - 1));
        }
        return result;
    }

    private static boolean isRadixDigit(int c, int radix) {
        return switch (radix) {
            case 16 -> Tokenizer.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 8 -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }
}
