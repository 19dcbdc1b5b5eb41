package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * F-strings as Python 3.11 reads them: the tokenizer delivers an f-string as one STRING token;
 * this splits its body into literal text ({@code {{} and {@code }}} doubled, escapes decoded
 * unless raw) and replacement fields {@code {expression[=][!conversion][:spec]}}, where the spec
 * may itself hold fields one level deep. Each expression is parsed on its own as
 * {@code (expression)}, placed on its source line so runtime errors name the right line.
 */
final class FStrings {
    private final ParserState st;
    private final Token token;
    private final String body;
    private final int bodyStart; // index of body in the token's text
    private final boolean raw;
    private final Token after;
    private final List<Ast.Expr> values;
    private final StringBuilder literal;
    private int i;

    private FStrings(ParserState st, Token token, String body, int bodyStart, boolean raw, Token after,
                     List<Ast.Expr> values, StringBuilder literal) {
        this.st = st;
        this.token = token;
        this.body = body;
        this.bodyStart = bodyStart;
        this.raw = raw;
        this.after = after;
        this.values = values;
        this.literal = literal;
    }

    /** Adjacent literals, at least one of them formatted, as one JoinedStr. */
    static Ast.Expr joined(ParserState st, List<Token> parts, StringLiteral[] literals, Token after) throws PySyntaxError {
        List<Ast.Expr> values = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int k = 0; k < literals.length; k++) {
            Token part = parts.get(k);
            if (!literals[k].formatted) {
                literal.append(decode(st, literals[k], after));
                continue;
            }
            String text = part.text();
            int q = 0;
            while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
                q++;
            }
            boolean triple = text.length() - q >= 6 && text.charAt(q + 1) == text.charAt(q) && text.charAt(q + 2) == text.charAt(q);
            int quotes = triple ? 3 : 1;
            String body = text.substring(q + quotes, text.length() - quotes);
            FStrings f = new FStrings(st, part, body, q + quotes, literals[k].raw, after, values, literal);
            f.fields(false);
        }
        flush(values, literal, parts.get(0));
        Token first = parts.get(0);
        return new Ast.JoinedStr(values, first.line(), first.col());
    }

    private static String decode(ParserState st, StringLiteral literal, Token after) throws PySyntaxError {
        try {
            return literal.value();
        } catch (StringLiteral.EscapeError e) {
            throw st.syntaxError("(unicode error) " + e.getMessage(), after);
        }
    }

    private static void flush(List<Ast.Expr> values, StringBuilder literal, Token at) {
        if (literal.length() > 0) {
            values.add(new Ast.StrLiteral(literal.toString(), at.line(), at.col()));
            literal.setLength(0);
        }
    }

    /**
     * Literal text and fields up to the end of the body, or, in a format spec
     * ({@code inSpec}), up to the '}' that closes the enclosing field.
     */
    private void fields(boolean inSpec) throws PySyntaxError {
        StringBuilder pending = new StringBuilder();
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\' && !raw && i + 2 < body.length() && body.charAt(i + 1) == 'N' && body.charAt(i + 2) == '{') {
                int close = body.indexOf('}', i);
                int end = close < 0 ? body.length() : close + 1;
                pending.append(body, i, end);
                i = end;
            } else if (c == '{') {
                if (!inSpec && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                    pending.append('{');
                    i += 2;
                    continue;
                }
                literal.append(decodeText(pending));
                pending.setLength(0);
                i++;
                field(inSpec);
            } else if (c == '}') {
                if (inSpec) {
                    break;
                }
                if (i + 1 < body.length() && body.charAt(i + 1) == '}') {
                    pending.append('}');
                    i += 2;
                    continue;
                }
                throw error("f-string: single '}' is not allowed");
            } else {
                pending.append(c);
                i++;
            }
        }
        literal.append(decodeText(pending));
    }

    private String decodeText(StringBuilder pending) throws PySyntaxError {
        if (pending.length() == 0) {
            return "";
        }
        // The literal's own decoder; triple quotes so that any quote inside is plain text.
        return decode(st, StringLiteral.of((raw ? "r" : "") + "\"\"\"" + pending + "\"\"\""), after);
    }

    /** After a field's '{': expression, '=', conversion, spec, '}'. */
    private void field(boolean nested) throws PySyntaxError {
        int exprStart = i;
        int depth = 0;
        char quote = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                throw error("f-string expression part cannot include a backslash");
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (c == '#') {
                throw error("f-string expression part cannot include '#'");
            } else if (depth == 0 && (c == '}' || c == ':')) {
                break;
            } else if (depth == 0 && c == '!' && !(i + 1 < body.length() && body.charAt(i + 1) == '=')) {
                break;
            } else if (depth == 0 && c == '=' && isDebugEquals()) {
                break;
            }
            i++;
        }
        String exprText = body.substring(exprStart, i);
        if (exprText.isBlank()) {
            throw error("f-string: empty expression not allowed");
        }
        if (i >= body.length()) {
            throw error("f-string: expecting '}'");
        }
        Ast.Expr value = parseExpression(exprText, exprStart);
        int conversion = 0;
        boolean debug = false;
        if (body.charAt(i) == '=') {
            debug = true;
            i++;
            literal.append(exprText).append('=');
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                literal.append(body.charAt(i));
                i++;
            }
        }
        flush(values, literal, token);
        if (i < body.length() && body.charAt(i) == '!') {
            i++;
            char conv = i < body.length() ? body.charAt(i) : 0;
            if (conv != 's' && conv != 'r' && conv != 'a') {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            i++;
            if (i >= body.length() || (body.charAt(i) != ':' && body.charAt(i) != '}')) {
                throw error("f-string: expecting '}'");
            }
            conversion = conv;
        }
        Ast.Expr spec = null;
        if (i < body.length() && body.charAt(i) == ':') {
            if (nested) {
                throw error("f-string: expressions nested too deeply");
            }
            i++;
            List<Ast.Expr> specValues = new ArrayList<>();
            StringBuilder specLiteral = new StringBuilder();
            FStrings inner = new FStrings(st, token, body, bodyStart, raw, after, specValues, specLiteral);
            inner.i = i;
            inner.fields(true);
            flush(specValues, specLiteral, token);
            i = inner.i;
            spec = new Ast.JoinedStr(specValues, value.line(), value.col());
        }
        if (i >= body.length() || body.charAt(i) != '}') {
            throw error("f-string: expecting '}'");
        }
        i++;
        if (debug && conversion == 0 && spec == null) {
            conversion = 'r';
        }
        values.add(new Ast.FormattedValue(value, conversion, spec, value.line(), value.col()));
    }

    /** An '=' that ends the expression ({@code f"{x=}"}), not part of ==, !=, <=, >=. */
    private boolean isDebugEquals() {
        char next = i + 1 < body.length() ? body.charAt(i + 1) : 0;
        char prev = i > 0 ? body.charAt(i - 1) : 0;
        return next != '=' && prev != '=' && prev != '!' && prev != '<' && prev != '>';
    }

    /** Parses {@code (text)} placed on the line where the expression starts. */
    private Ast.Expr parseExpression(String text, int at) throws PySyntaxError {
        int line = token.line() + (int) token.text().substring(0, bodyStart + at).chars().filter(ch -> ch == '\n').count();
        String source = "\n".repeat(line - 1) + "(" + text.replace('\n', ' ') + ")";
        SourceText src = new SourceText(source, st.source().filename());
        TokenStream tokens = new TokenStream(new Tokenizer(src));
        ParserState sub = new ParserState(src, tokens);
        Ast.Expr e = new ExprParser(sub).starExpressions();
        if (tokens.peek().kind() != TokenKind.NEWLINE && tokens.peek().kind() != TokenKind.ENDMARKER) {
            throw error("f-string: expecting '}'");
        }
        sub.throwDeferred();
        return e;
    }

    private PySyntaxError error(String message) {
        return st.syntaxError(message, after);
    }
}
