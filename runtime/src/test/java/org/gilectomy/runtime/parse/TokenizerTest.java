package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** Tokens as "KIND" for layout tokens and "text" for the others, space separated. */
    private static String tokens(String source) throws PySyntaxError {
        Tokenizer tokenizer = new Tokenizer(new SourceText(source, "t.py"));
        List<String> out = new ArrayList<>();
        Token t;
        do {
            t = tokenizer.next();
            out.add(switch (t.kind()) {
                case NEWLINE, INDENT, DEDENT, ENDMARKER -> t.kind().name();
                default -> t.text();
            });
        } while (t.kind() != TokenKind.ENDMARKER);
        return String.join(" ", out);
    }

    private static PySyntaxError error(String source) {
        return assertThrows(PySyntaxError.class, () -> tokens(source));
    }

    private static void assertError(String source, String type, String message, int line, int column) {
        PySyntaxError e = error(source);
        assertEquals(type + ": " + message + " @" + line + ":" + column,
                e.pythonType() + ": " + e.getMessage() + " @" + e.line() + ":" + e.column());
    }

    @Test
    void indentAndDedent() throws PySyntaxError {
        assertEquals("if x : NEWLINE INDENT y NEWLINE INDENT z NEWLINE DEDENT DEDENT w NEWLINE ENDMARKER",
                tokens("if x:\n    y\n        z\nw\n"));
    }

    @Test
    void dedentsAtEndOfFileAndMissingFinalNewline() throws PySyntaxError {
        assertEquals("if x : NEWLINE INDENT if y : NEWLINE INDENT z NEWLINE DEDENT DEDENT ENDMARKER",
                tokens("if x:\n  if y:\n    z"));
    }

    @Test
    void multipleDedentsToAnOuterLevel() throws PySyntaxError {
        assertEquals("a NEWLINE INDENT b NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE ENDMARKER",
                tokens("a\n  b\n    c\nd\n"));
    }

    @Test
    void blankAndCommentLinesDoNotAffectIndentation() throws PySyntaxError {
        assertEquals("if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT ENDMARKER",
                tokens("if x:\n\n    y\n  # comment at another level\n\n    z\n"));
    }

    @Test
    void tabsAdvanceToMultiplesOfEight() throws PySyntaxError {
        assertEquals("if x : NEWLINE INDENT if y : NEWLINE INDENT z NEWLINE DEDENT w NEWLINE DEDENT ENDMARKER",
                tokens("if x:\n\tif y:\n\t        z\n\tw\n"));
        // " \t" and "\t" both reach column 8, but only by counting tabs as eight: CPython calls that inconsistent.
        assertError("if x:\n\ta\n \tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1);
        assertError("if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1);
    }

    @Test
    void bracketsJoinLines() throws PySyntaxError {
        assertEquals("x = ( 1 , 2 ) NEWLINE ENDMARKER", tokens("x = (1,\n        2)\n"));
        assertEquals("x = [ 1 , 2 ] NEWLINE ENDMARKER", tokens("x = [1,\n\n  # comment\n 2]\n"));
    }

    @Test
    void backslashContinuation() throws PySyntaxError {
        assertEquals("x = 1 + 2 NEWLINE ENDMARKER", tokens("x = 1 + \\\n    2\n"));
    }

    @Test
    void emptyAndBlankSources() throws PySyntaxError {
        assertEquals("ENDMARKER", tokens(""));
        assertEquals("ENDMARKER", tokens("\n\n  \n# only a comment"));
    }

    @Test
    void crlfAndCrAreNewlines() throws PySyntaxError {
        assertEquals("a NEWLINE b NEWLINE c NEWLINE ENDMARKER", tokens("a\r\nb\rc"));
    }

    @Test
    void operatorsTakeTheLongestMatch() throws PySyntaxError {
        assertEquals("a **= b //= c >>= d <<= e -> f != g ** h // i ... j . k := l NEWLINE ENDMARKER",
                tokens("a **= b //= c >>= d <<= e -> f != g ** h // i ... j . k := l"));
        assertEquals("x == y <= z >= w << v >> u += t -= s *= r /= q %= p &= o |= n ^= m NEWLINE ENDMARKER",
                tokens("x == y <= z >= w << v >> u += t -= s *= r /= q %= p &= o |= n ^= m"));
    }

    @Test
    void numbers() throws PySyntaxError {
        assertEquals("1_000 0x_Ff 0o17 0b1_0 1e-5 .5 5. 3.14E+2 0 00 1j NEWLINE ENDMARKER",
                tokens("1_000 0x_Ff 0o17 0b1_0 1e-5 .5 5. 3.14E+2 0 00 1j"));
        // A literal may run into a keyword: "1if x else 2".
        assertEquals("1 if x else 2 NEWLINE ENDMARKER", tokens("1if x else 2"));
    }

    @Test
    void stringsWithPrefixesAndQuotes() throws PySyntaxError {
        assertEquals("'a' \"b\" r'\\'' '''c\nd''' u\"e\" Rb'f' name NEWLINE ENDMARKER",
                tokens("'a' \"b\" r'\\'' '''c\nd''' u\"e\" Rb'f' name"));
    }

    @Test
    void commentsBeforeNewline() throws PySyntaxError {
        assertEquals("x NEWLINE ENDMARKER", tokens("x  # comment"));
    }

    @Test
    void tokenPositions() throws PySyntaxError {
        Tokenizer tokenizer = new Tokenizer(new SourceText("if x:\n    é = 'ü' + 1\n", "t.py"));
        List<Token> tokens = new ArrayList<>();
        for (Token t = tokenizer.next(); t.kind() != TokenKind.ENDMARKER; t = tokenizer.next()) {
            tokens.add(t);
        }
        Token plus = tokens.stream().filter(t -> t.isOp("+")).findFirst().orElseThrow();
        assertEquals(2, plus.line());
        assertEquals(12, plus.col()); // code points, not bytes
        Token name = tokens.stream().filter(t -> t.text().equals("é")).findFirst().orElseThrow();
        assertEquals(4, name.col());
    }

    @Test
    void bracketLevelIsRecorded() throws PySyntaxError {
        Tokenizer tokenizer = new Tokenizer(new SourceText("f(a[b])", "t.py"));
        StringBuilder levels = new StringBuilder();
        for (Token t = tokenizer.next(); t.kind() != TokenKind.NEWLINE; t = tokenizer.next()) {
            levels.append(t.level());
        }
        assertEquals("0112210", levels.toString());
    }

    @Test
    void indentationErrors() {
        assertError("if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            deep.append(" ".repeat(i)).append("if x:\n");
        }
        assertError(deep.toString(), "IndentationError", "too many levels of indentation", 101, 1);
    }

    @Test
    void stringErrors() {
        assertError("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5);
        assertError("x = \"\"\"abc\n\ny\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5);
        assertError("x = r'abc\\\ndef\n", "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5);
    }

    @Test
    void bracketErrors() {
        assertError("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5);
        assertError("x = )", "SyntaxError", "unmatched ')'", 1, 5);
        assertError("x = [1,\n2)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 2);
        assertError("x = " + "(".repeat(201), "SyntaxError", "too many nested parentheses", 1, 205);
    }

    @Test
    void characterErrors() {
        assertError("x = €", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5);
        assertError("x = a\u200bb", "SyntaxError", "invalid non-printable character U+200B", 1, 6);
        assertError("x = \u0007", "SyntaxError", "invalid non-printable character U+0007", 1, 5);
        assertError("x = 1 \\ 2", "SyntaxError", "unexpected character after line continuation character", 1, 8);
        assertError("x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8);
    }

    @Test
    void numberErrors() {
        assertError("x = 0777", "SyntaxError",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5);
        assertError("x = 1__0", "SyntaxError", "invalid decimal literal", 1, 6);
        assertError("x = 1e+", "SyntaxError", "invalid decimal literal", 1, 7);
        assertError("x = 0xg", "SyntaxError", "invalid hexadecimal literal", 1, 6);
        assertError("x = 0o19", "SyntaxError", "invalid digit '9' in octal literal", 1, 8);
        assertError("x = 0b", "SyntaxError", "invalid binary literal", 1, 6);
        assertError("x = 12abc", "SyntaxError", "invalid decimal literal", 1, 6);
    }

    @Test
    void anErrorIsSticky() {
        Tokenizer tokenizer = new Tokenizer(new SourceText("x = )\ny = 1\n", "t.py"));
        PySyntaxError first = assertThrows(PySyntaxError.class, () -> {
            while (tokenizer.next().kind() != TokenKind.ENDMARKER) {
                // reading to the error
            }
        });
        assertSame(first, assertThrows(PySyntaxError.class, tokenizer::next));
    }
}
