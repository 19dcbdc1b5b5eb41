package org.gilectomy.runtime.parse;

import java.text.Normalizer;
import java.util.Set;

/**
 * One token. {@code line} is 1-based and {@code col} 0-based, both in code points. For INDENT,
 * DEDENT and ENDMARKER the column is one less than the offset CPython reports when an error
 * points at them, so that {@link #offset()} gives CPython's value for every kind of token.
 * {@code level} is the bracket nesting depth after this token (an opening bracket counts itself,
 * a closing one does not), as in CPython's Token.level.
 *
 * @param text the source text of the token (empty for NEWLINE, INDENT, DEDENT and ENDMARKER)
 */
record Token(TokenKind kind, String text, int line, int col, int level) {
    private static final Set<String> OPERAND_KEYWORDS = Set.of("None", "True", "False", "await");
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("None", "True", "False", "await", "not", "lambda", "yield");
    private static final Set<String> OPERAND_OPENERS = Set.of("(", "[", "{", "-", "+", "~", "...");

    /** The 1-based column CPython reports for errors located at this token. */
    int offset() {
        return col + 1;
    }

    boolean isOp(String op) {
        return kind == TokenKind.OP && text.equals(op);
    }

    boolean isKeyword(String keyword) {
        return kind == TokenKind.NAME && text.equals(keyword);
    }

    /** A NAME that is not a reserved word, i.e. usable as an identifier. */
    boolean isName() {
        return kind == TokenKind.NAME && !Keywords.isKeyword(text);
    }

    /** Whether an expression (including unsupported kinds, like lambda or *x) can start here. */
    boolean startsExpression() {
        return starts(EXPRESSION_KEYWORDS) || isOp("*");
    }

    /**
     * Whether an operand of a binary or comparison operator can start here. Like CPython's PEG
     * parser, the expression parser ends an expression before an operator not followed by one,
     * which only changes which diagnosis an error gets (e.g. "expected 'else'" for
     * {@code a if b % else c}).
     */
    boolean startsOperand() {
        return starts(OPERAND_KEYWORDS);
    }

    /** Whether an operand of and/or can start here. */
    boolean startsOperandOrNot() {
        return startsOperand() || isKeyword("not");
    }

    private boolean starts(Set<String> keywords) {
        return switch (kind) {
            case NUMBER, STRING -> true;
            case NAME -> !Keywords.isKeyword(text) || keywords.contains(text);
            case OP -> OPERAND_OPENERS.contains(text);
            default -> false;
        };
    }

    /** The identifier this NAME denotes: CPython NFKC-normalizes non-ASCII identifiers. */
    String identifier() {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }
}
