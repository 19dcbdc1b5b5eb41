package org.gilectomy.runtime.parse;

import java.math.BigInteger;
import java.util.List;

/** The values of NUMBER and STRING tokens. */
final class Literals {
    /** CPython refuses to convert longer decimal literals (sys.int_info.default_max_str_digits). */
    private static final int MAX_DECIMAL_DIGITS = 4300;

    private Literals() {
    }

    static Ast.Expr number(ParserState st, Token t) throws PySyntaxError {
        String text = t.text().replace("_", "");
        char last = text.charAt(text.length() - 1);
        if (last == 'j' || last == 'J') {
            return new Ast.ImagLiteral(Double.parseDouble(text.substring(0, text.length() - 1)), t.line(), t.col());
        }
        if (text.length() > 1 && text.charAt(0) == '0' && "xXoObB".indexOf(text.charAt(1)) >= 0) {
            char r = Character.toLowerCase(text.charAt(1));
            int radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
            return new Ast.IntLiteral(new BigInteger(text.substring(2), radix), t.line(), t.col());
        }
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return new Ast.FloatLiteral(Double.parseDouble(text), t.line(), t.col());
        }
        if (text.length() > MAX_DECIMAL_DIGITS) {
            throw st.syntaxError("Exceeds the limit (" + MAX_DECIMAL_DIGITS + " digits) for integer string conversion: value has "
                    + text.length() + " digits; use sys.set_int_max_str_digits() to increase the limit"
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", t);
        }
        return new Ast.IntLiteral(new BigInteger(text), t.line(), t.col());
    }

    /**
     * Adjacent string literals, concatenated. Decoding errors are reported at {@code after}, the
     * token following them, as CPython does.
     */
    static Ast.Expr strings(ParserState st, List<Token> parts, Token after) throws PySyntaxError {
        StringLiteral[] literals = new StringLiteral[parts.size()];
        for (int i = 0; i < literals.length; i++) {
            literals[i] = StringLiteral.of(parts.get(i).text());
            if (literals[i].bytes != literals[0].bytes) {
                throw st.syntaxError("cannot mix bytes and nonbytes literals", after);
            }
        }
        if (literals[0].bytes) {
            return bytes(st, parts, literals, after);
        }
        for (StringLiteral literal : literals) {
            if (literal.formatted) {
                return FStrings.joined(st, parts, literals, after);
            }
        }
        StringBuilder value = new StringBuilder();
        for (StringLiteral literal : literals) {
            try {
                value.append(literal.value());
            } catch (StringLiteral.EscapeError e) {
                throw st.syntaxError("(unicode error) " + e.getMessage(), after);
            }
        }
        Token first = parts.get(0);
        return new Ast.StrLiteral(value.toString(), first.line(), first.col());
    }

    /** Adjacent bytes literals: ASCII characters only, escapes as CPython's bytes literals have them. */
    private static Ast.Expr bytes(ParserState st, List<Token> parts, StringLiteral[] literals, Token after) throws PySyntaxError {
        java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < literals.length; i++) {
            if (!literals[i].isAscii()) {
                throw st.syntaxError("bytes can only contain ASCII literal characters", parts.get(i));
            }
            try {
                value.writeBytes(literals[i].bytesValue());
            } catch (StringLiteral.EscapeError e) {
                throw st.syntaxError("(value error) " + e.getMessage(), after);
            }
        }
        Token first = parts.get(0);
        return new Ast.BytesLiteral(value.toByteArray(), first.line(), first.col());
    }
}
