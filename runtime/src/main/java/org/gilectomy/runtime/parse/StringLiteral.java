package org.gilectomy.runtime.parse;

/**
 * One STRING token taken apart (prefix, quotes, body) and its escape sequences decoded the way
 * CPython's unicode-escape codec does, including the codec's error messages.
 */
final class StringLiteral {

    /** A malformed escape; the message is what CPython puts after "(unicode error) ". */
    static final class EscapeError extends Exception {
        private static final long serialVersionUID = 1L;

        EscapeError(String message) {
            super(message, null, false, false);
        }
    }

    final boolean raw;
    final boolean bytes;
    final boolean formatted;
    private final String body;

    private StringLiteral(boolean raw, boolean bytes, boolean formatted, String body) {
        this.raw = raw;
        this.bytes = bytes;
        this.formatted = formatted;
        this.body = body;
    }

    /** Splits a token's text; the tokenizer guarantees a valid prefix and matching quotes. */
    static StringLiteral of(String tokenText) {
        int p = 0;
        boolean raw = false;
        boolean bytes = false;
        boolean formatted = false;
        while (tokenText.charAt(p) != '\'' && tokenText.charAt(p) != '"') {
            switch (Character.toLowerCase(tokenText.charAt(p))) {
                case 'r' -> raw = true;
                case 'b' -> bytes = true;
                case 'f' -> formatted = true;
                default -> {
                    // 'u' changes nothing in Python 3
                }
            }
            p++;
        }
        char quote = tokenText.charAt(p);
        boolean triple = tokenText.length() - p >= 6 && tokenText.charAt(p + 1) == quote && tokenText.charAt(p + 2) == quote;
        int q = triple ? 3 : 1;
        return new StringLiteral(raw, bytes, formatted, tokenText.substring(p + q, tokenText.length() - q));
    }

    String value() throws EscapeError {
        return raw || body.indexOf('\\') < 0 ? body : new Decoder(body).decode();
    }

    boolean isAscii() {
        return body.chars().allMatch(c -> c < 128);
    }

    /**
     * A bytes literal's bytes (ASCII body, checked before): the escapes of str literals except
     * the named and 16- and 32-bit character escapes, which bytes do not have (they stay as
     * written); an octal escape keeps its low eight bits.
     */
    byte[] bytesValue() throws EscapeError {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || raw || i + 1 == body.length()) {
                out.write(c);
                continue;
            }
            int start = i;
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> {
                    // backslash-newline: line continuation inside the literal
                }
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int n = 0; n < 2 && i + 1 < body.length() && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7'; n++) {
                        value = value * 8 + body.charAt(++i) - '0';
                    }
                    out.write(value & 0xff);
                }
                case 'x' -> {
                    int hi = i + 1 < body.length() ? Character.digit(body.charAt(i + 1), 16) : -1;
                    int lo = i + 2 < body.length() ? Character.digit(body.charAt(i + 2), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new EscapeError("invalid \\x escape at position " + start);
                    }
                    out.write(hi * 16 + lo);
                    i += 2;
                }
                default -> {
                    out.write('\\');
                    out.write(e);
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * CPython first rewrites every non-ASCII character of the literal as a 10-byte \UXXXXXXXX
     * escape (and a backslash before one as a 6-byte escape for U+005C) and then runs the codec
     * over that buffer, so error positions are offsets in the rewritten buffer; {@code pos}
     * tracks them.
     */
    private static final class Decoder {
        private final String s;
        private final StringBuilder out;
        private int i;
        private int pos;

        Decoder(String s) {
            this.s = s;
            this.out = new StringBuilder(s.length());
        }

        String decode() throws EscapeError {
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (c == '\\') {
                    escape();
                } else {
                    out.appendCodePoint(c);
                    advance(c);
                }
            }
            return out.toString();
        }

        private void advance(int c) {
            i += Character.charCount(c);
            pos += c < 128 ? 1 : 10;
        }

        private void escape() throws EscapeError {
            int start = pos;
            advance('\\');
            if (i >= s.length() || s.codePointAt(i) >= 128) {
                // Rewritten as an escape for U+005C: the backslash stays, the character follows as itself.
                out.append('\\');
                pos += 5;
                return;
            }
            char e = s.charAt(i);
            advance(e);
            switch (e) {
                case '\n' -> {
                    // backslash-newline: line continuation inside the literal
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(e - '0');
                case 'x' -> hex(start, 2, "truncated \\xXX escape");
                case 'u' -> hex(start, 4, "truncated \\uXXXX escape");
                case 'U' -> hex(start, 8, "truncated \\UXXXXXXXX escape");
                case 'N' -> named(start);
                default -> out.append('\\').append(e); // unknown escape: kept (CPython warns)
            }
        }

        private void octal(int value) {
            for (int n = 0; n < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; n++) {
                value = value * 8 + (s.charAt(i) - '0');
                advance(s.charAt(i));
            }
            out.appendCodePoint(value);
        }

        private void hex(int start, int digits, String message) throws EscapeError {
            int value = 0;
            for (int n = 0; n < digits; n++) {
                int d = i < s.length() && s.charAt(i) < 128 ? Character.digit(s.charAt(i), 16) : -1;
                if (d < 0) {
                    throw error(start, message);
                }
                value = value * 16 + d;
                advance(s.charAt(i));
            }
            if (value > Character.MAX_CODE_POINT || value < 0) {
                throw error(start, "illegal Unicode character");
            }
            out.appendCodePoint(value);
        }

        private void named(int start) throws EscapeError {
            String malformed = "malformed \\N character escape";
            if (i >= s.length() || s.charAt(i) != '{') {
                throw error(start, malformed);
            }
            advance('{');
            int nameStart = i;
            while (i < s.length() && s.charAt(i) != '}') {
                advance(s.codePointAt(i));
            }
            if (i >= s.length() || i == nameStart) {
                throw error(start, malformed);
            }
            String name = s.substring(nameStart, i);
            advance('}');
            int c = UnicodeNames.lookup(name);
            if (c < 0) {
                throw error(start, "unknown Unicode character name");
            }
            out.appendCodePoint(c);
        }

        /** The codec's message for bytes start..pos-1 (pos: where decoding stopped). */
        private EscapeError error(int start, String reason) {
            int end = pos - 1;
            String where = end == start
                    ? "can't decode byte 0x5c in position " + start
                    : "can't decode bytes in position " + start + "-" + end;
            return new EscapeError("'unicodeescape' codec " + where + ": " + reason);
        }
    }
}
