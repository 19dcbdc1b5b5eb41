package org.gilectomy.runtime.parse;

import java.util.Set;

/**
 * Python 3.11's tokenizer, modelled on CPython's Parser/tokenizer.c so that errors come out with
 * the same messages and positions: indentation (tabs to multiples of 8, plus CPython's tab/space
 * consistency check), implicit line joining inside brackets, backslash continuation, comments,
 * names, numbers, strings (scanned here, decoded by the parser) and operators.
 *
 * <p>Tokens are produced on demand: as in CPython, a tokenizer error surfaces only when the parser
 * asks for the token, and once one has occurred every later call throws it again.
 */
final class Tokenizer {
    static final int EOF = -1;

    private static final int TAB_SIZE = 8;
    /** CPython's MAXINDENT and MAXLEVEL. */
    private static final int MAX_INDENT = 100;
    private static final int MAX_LEVEL = 200;

    // "<>" is a token in CPython (Barry-as-FLUFL); the parser then rejects it as invalid syntax.
    private static final Set<String> TWO_CHAR_OPS = Set.of(
            "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
            "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|=");
    private static final Set<String> THREE_CHAR_OPS = Set.of("**=", "//=", ">>=", "<<=");

    /**
     * How an error found while draining the rest of the input after a parser error ranks against
     * it (CPython's _PyPegen_tokenize_full_source_to_check_for_errors): HARD errors (those CPython's
     * tokenizer raises itself) win, an UNCLOSED bracket wins only if it was opened on an earlier line
     * than the parser error, and SOFT errors (indentation, continuation) never do.
     */
    private enum Severity { HARD, SOFT, UNCLOSED }

    private final SourceText src;
    private final NumberLexer numbers = new NumberLexer(this);
    /** Index of the next code point to read. */
    private int cur;

    private boolean atLineStart = true;
    private final int[] indentCols = new int[MAX_INDENT + 1];
    /** Indentation measured with tabs as one column; must order lines the same way indentCols does. */
    private final int[] altIndentCols = new int[MAX_INDENT + 1];
    private int indent;
    /** INDENT (positive) or DEDENT (negative) tokens still to be returned. */
    private int pendingIndents;

    private final int[] openBrackets = new int[MAX_LEVEL];
    private final int[] openBracketLines = new int[MAX_LEVEL];
    private final int[] openBracketCols = new int[MAX_LEVEL];
    private int level;

    private PySyntaxError failure;
    private Severity failureSeverity;

    Tokenizer(SourceText src) {
        this.src = src;
    }

    Token next() throws PySyntaxError {
        if (failure != null) {
            throw failure;
        }
        return scan();
    }

    /**
     * Called after the parser failed with an error found near {@code errorLine}: tokenizes the rest
     * of the input and returns the tokenizer error that CPython would report instead, or null.
     */
    PySyntaxError drain(int errorLine) {
        if (failure == null) {
            try {
                while (next().kind() != TokenKind.ENDMARKER) {
                    // only looking for errors
                }
                return null;
            } catch (PySyntaxError e) {
                // recorded in failure
            }
        }
        boolean overrides = switch (failureSeverity) {
            case HARD -> true;
            case UNCLOSED -> failure.line() < errorLine;
            case SOFT -> false;
        };
        return overrides ? failure : null;
    }

    boolean raised(PySyntaxError e) {
        return e == failure;
    }

    // ------------------------------------------------------------------ reading characters

    int nextc() {
        return cur < src.length() ? src.codePointAt(cur++) : EOF;
    }

    void backup(int c) {
        if (c != EOF) {
            cur--;
        }
    }

    // ------------------------------------------------------------------ errors

    /** A SyntaxError located just before the cursor, as CPython's syntaxerror() reports it. */
    PySyntaxError errorAtCursor(String message) {
        return fail(Severity.HARD, "SyntaxError", message, cur);
    }

    /** A SyntaxError located at the code point at {@code index}. */
    PySyntaxError errorAt(int index, String message) {
        int line = src.lineOf(index);
        return fail(Severity.HARD, "SyntaxError", message, line, index - src.lineStart(line) + 1);
    }

    /** Reports at the line holding the character before {@code end}, offset = end - line start. */
    private PySyntaxError fail(Severity severity, String type, String message, int end) {
        int line = src.lineOf(Math.max(0, end - 1));
        return fail(severity, type, message, line, end - src.lineStart(line));
    }

    private PySyntaxError fail(Severity severity, String type, String message, int line, int offset) {
        failure = src.error(type, message, line, offset);
        failureSeverity = severity;
        return failure;
    }

    private PySyntaxError tabError(int line) {
        return fail(Severity.SOFT, "TabError", "inconsistent use of tabs and spaces in indentation", line, 1);
    }

    private PySyntaxError unclosedBracket() {
        int line = openBracketLines[level - 1];
        String message = "'" + Character.toString(openBrackets[level - 1]) + "' was never closed";
        return fail(Severity.UNCLOSED, "SyntaxError", message, line, openBracketCols[level - 1] + 1);
    }

    // ------------------------------------------------------------------ tokens

    private Token token(TokenKind kind, int start, int end) {
        int line = src.lineOf(start);
        String text = end > start ? src.text(start, end) : "";
        return new Token(kind, text, line, start - src.lineStart(line), level);
    }

    /**
     * INDENT, DEDENT and ENDMARKER have no text; CPython locates errors at them by the cursor, one
     * column before where it would report a real token there (see {@link Token}).
     */
    private Token layoutToken(TokenKind kind) {
        int line = src.lineOf(cur);
        return new Token(kind, "", line, cur - src.lineStart(line) - 1, level);
    }

    private Token scan() throws PySyntaxError {
        while (true) {
            boolean blankLine = false;
            if (atLineStart) {
                atLineStart = false;
                blankLine = measureIndentation();
            }
            if (pendingIndents != 0) {
                boolean dedent = pendingIndents < 0;
                pendingIndents += dedent ? 1 : -1;
                return layoutToken(dedent ? TokenKind.DEDENT : TokenKind.INDENT);
            }
            Token t = scanToken(blankLine);
            if (t != null) {
                return t;
            }
        }
    }

    /** Reads a line's indentation, queueing INDENT/DEDENT tokens; returns whether the line is blank. */
    private boolean measureIndentation() throws PySyntaxError {
        int col = 0;
        int altCol = 0;
        // Indentation cannot continue over a backslash: the first one fixes the line's indentation.
        int continuationCol = 0;
        int c;
        while (true) {
            c = nextc();
            if (c == ' ') {
                col++;
                altCol++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altCol++;
            } else if (c == '\f') {
                col = 0;
                altCol = 0;
            } else if (c == '\\') {
                continuationCol = continuationCol != 0 ? continuationCol : col;
                lineContinuation();
            } else {
                break;
            }
        }
        backup(c);
        // Blank and comment-only lines don't affect indentation, nor do lines inside brackets.
        boolean blank = c == '#' || c == '\n';
        if (!blank && level == 0) {
            if (continuationCol != 0) {
                col = continuationCol;
                altCol = continuationCol;
            }
            changeIndentation(col, altCol);
        }
        return blank;
    }

    private void changeIndentation(int col, int altCol) throws PySyntaxError {
        int line = src.lineOf(cur);
        if (col == indentCols[indent]) {
            if (altCol != altIndentCols[indent]) {
                throw tabError(line);
            }
        } else if (col > indentCols[indent]) {
            if (indent + 1 >= MAX_INDENT) {
                throw fail(Severity.SOFT, "IndentationError", "too many levels of indentation", line, 1);
            }
            if (altCol <= altIndentCols[indent]) {
                throw tabError(line);
            }
            pendingIndents++;
            indent++;
            indentCols[indent] = col;
            altIndentCols[indent] = altCol;
        } else {
            while (indent > 0 && col < indentCols[indent]) {
                pendingIndents--;
                indent--;
            }
            if (col != indentCols[indent]) {
                // CPython points past the end of the line here.
                int offset = src.lineEnd(line) - src.lineStart(line) + 1;
                throw fail(Severity.SOFT, "IndentationError",
                        "unindent does not match any outer indentation level", line, offset);
            }
            if (altCol != altIndentCols[indent]) {
                throw tabError(line);
            }
        }
    }

    /** The next token on the current line, or null if the line ended without producing one. */
    private Token scanToken(boolean blankLine) throws PySyntaxError {
        while (true) {
            int c;
            do {
                c = nextc();
            } while (c == ' ' || c == '\t' || c == '\f');
            int start = c == EOF ? cur : cur - 1;
            if (c == '#') {
                // The NEWLINE after a comment is located at the comment, as in CPython.
                while (c != EOF && c != '\n') {
                    c = nextc();
                }
            }
            if (c == EOF) {
                if (level > 0) {
                    throw unclosedBracket();
                }
                return layoutToken(TokenKind.ENDMARKER);
            }
            if (isIdentifierStart(c)) {
                return nameOrString(start, c);
            }
            if (c == '\n') {
                atLineStart = true;
                return blankLine || level > 0 ? null : token(TokenKind.NEWLINE, start, start);
            }
            if (c == '.') {
                return dotOrNumber(start);
            }
            if (isDigit(c)) {
                numbers.scan(start, c);
                return token(TokenKind.NUMBER, start, cur);
            }
            if (c == '\'' || c == '"') {
                return string(start, c);
            }
            if (c == '\\') {
                lineContinuation();
                continue;
            }
            return operator(start, c);
        }
    }

    private void lineContinuation() throws PySyntaxError {
        int c = nextc();
        if (c != '\n') {
            throw fail(Severity.SOFT, "SyntaxError", "unexpected character after line continuation character", cur);
        }
        c = nextc();
        if (c == EOF) {
            if (level > 0) {
                throw unclosedBracket();
            }
            throw fail(Severity.SOFT, "SyntaxError", "unexpected EOF while parsing", cur);
        }
        backup(c);
    }

    private Token nameOrString(int start, int c) throws PySyntaxError {
        // The legal string prefixes: any order of r with one of b or f, or u alone.
        boolean b = false;
        boolean r = false;
        boolean u = false;
        boolean f = false;
        while (true) {
            if (!(b || u || f) && (c == 'b' || c == 'B')) {
                b = true;
            } else if (!(b || u || r || f) && (c == 'u' || c == 'U')) {
                u = true;
            } else if (!(r || u) && (c == 'r' || c == 'R')) {
                r = true;
            } else if (!(f || b || u) && (c == 'f' || c == 'F')) {
                f = true;
            } else {
                break;
            }
            c = nextc();
            if (c == '"' || c == '\'') {
                return string(start, c);
            }
        }
        boolean nonAscii = false;
        while (isIdentifierChar(c)) {
            nonAscii |= c >= 128;
            c = nextc();
        }
        backup(c);
        if (nonAscii) {
            verifyIdentifier(start);
        }
        return token(TokenKind.NAME, start, cur);
    }

    /** Every code point >= 128 is scanned as part of a name; this rejects those that can't be. */
    private void verifyIdentifier(int start) throws PySyntaxError {
        for (int i = start; i < cur; i++) {
            int c = src.codePointAt(i);
            boolean ok = i == start ? c == '_' || isXidStart(c) : isXidContinue(c);
            if (!ok) {
                cur = i + 1;
                String hex = String.format("%04X", c);
                throw errorAtCursor(isPrintable(c)
                        ? "invalid character '" + Character.toString(c) + "' (U+" + hex + ")"
                        : "invalid non-printable character U+" + hex);
            }
        }
    }

    private Token string(int start, int quote) throws PySyntaxError {
        int quoteSize = 1;
        int endQuoteSize = 0;
        int c = nextc();
        if (c == quote) {
            c = nextc();
            if (c == quote) {
                quoteSize = 3;
            } else {
                endQuoteSize = 1; // empty string
            }
        }
        if (c != quote) {
            backup(c);
        }
        while (endQuoteSize != quoteSize) {
            c = nextc();
            if (c == EOF || (quoteSize == 1 && c == '\n')) {
                int detectedAt = src.lineOf(Math.max(0, cur - 1));
                String message = (quoteSize == 3 ? "unterminated triple-quoted string literal" : "unterminated string literal")
                        + " (detected at line " + detectedAt + ")";
                throw errorAt(start, message); // CPython points at the string's start
            }
            if (c == quote) {
                endQuoteSize++;
            } else {
                endQuoteSize = 0;
                if (c == '\\') {
                    nextc(); // whatever follows a backslash, even a newline, is part of the string
                }
            }
        }
        return token(TokenKind.STRING, start, cur);
    }

    private Token dotOrNumber(int start) throws PySyntaxError {
        int c = nextc();
        if (isDigit(c)) {
            numbers.fraction(c);
            return token(TokenKind.NUMBER, start, cur);
        }
        if (c == '.') {
            int c2 = nextc();
            if (c2 == '.') {
                return token(TokenKind.OP, start, cur);
            }
            backup(c2);
        }
        backup(c);
        return token(TokenKind.OP, start, cur);
    }

    private Token operator(int start, int c) throws PySyntaxError {
        int c2 = nextc();
        if (c < 128 && c2 >= 0 && c2 < 128) {
            String two = "" + (char) c + (char) c2;
            if (TWO_CHAR_OPS.contains(two)) {
                int c3 = nextc();
                if (!(c3 >= 0 && c3 < 128 && THREE_CHAR_OPS.contains(two + (char) c3))) {
                    backup(c3);
                }
                return token(TokenKind.OP, start, cur);
            }
        }
        backup(c2);
        switch (c) {
            case '(', '[', '{' -> openBracket(start, c);
            case ')', ']', '}' -> closeBracket(c);
            default -> {
                if (!isPrintable(c)) {
                    throw errorAtCursor(String.format("invalid non-printable character U+%04X", c));
                }
            }
        }
        // Unknown punctuation such as '$' or '?' becomes an OP that no grammar rule accepts.
        return token(TokenKind.OP, start, cur);
    }

    private void openBracket(int start, int c) throws PySyntaxError {
        if (level >= MAX_LEVEL) {
            throw errorAtCursor("too many nested parentheses");
        }
        int line = src.lineOf(start);
        openBrackets[level] = c;
        openBracketLines[level] = line;
        openBracketCols[level] = start - src.lineStart(line);
        level++;
    }

    private void closeBracket(int c) throws PySyntaxError {
        String closing = Character.toString(c);
        if (level == 0) {
            throw errorAtCursor("unmatched '" + closing + "'");
        }
        level--;
        int opening = openBrackets[level];
        if (opening != matchingOpen(c)) {
            String message = "closing parenthesis '" + closing + "' does not match opening parenthesis '"
                    + Character.toString(opening) + "'";
            if (openBracketLines[level] != src.lineOf(cur - 1)) {
                message += " on line " + openBracketLines[level];
            }
            throw errorAtCursor(message);
        }
    }

    private static int matchingOpen(int close) {
        return close == ')' ? '(' : close == ']' ? '[' : '{';
    }

    // ------------------------------------------------------------------ character classes

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** CPython's is_potential_identifier_start: any non-ASCII code point may start a name. */
    static boolean isIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }

    static boolean isIdentifierChar(int c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isXidStart(int c) {
        return Identifiers.isXidStart(c);
    }

    private static boolean isXidContinue(int c) {
        return Identifiers.isXidContinue(c);
    }

    /** Python's str.isprintable() for one code point. */
    static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
