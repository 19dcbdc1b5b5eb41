package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the tokens: lookahead, backtracking for the few speculative parses, and
 * the furthest token looked at, which is where CPython reports a generic "invalid syntax".
 * Positions are absolute token indices; tokens of finished statements are released so that
 * memory stays proportional to the longest statement rather than the file.
 */
final class TokenStream {
    private final Tokenizer tokenizer;
    /** Tokens from absolute index {@code base} on. */
    private final List<Token> tokens = new ArrayList<>();
    private int base;
    private int pos;
    private int furthest;

    TokenStream(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    Token peek() throws PySyntaxError {
        return peek(0);
    }

    /** The token {@code ahead} positions on; ENDMARKER repeats forever at the end. */
    Token peek(int ahead) throws PySyntaxError {
        int i = pos + ahead - base;
        while (tokens.size() <= i) {
            if (!tokens.isEmpty() && last().kind() == TokenKind.ENDMARKER) {
                i = tokens.size() - 1;
                break;
            }
            tokens.add(tokenizer.next());
        }
        furthest = Math.max(furthest, base + i);
        return tokens.get(i);
    }

    Token next() throws PySyntaxError {
        Token t = peek();
        if (t.kind() != TokenKind.ENDMARKER) {
            pos++;
        }
        return t;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    int furthestMark() {
        return furthest;
    }

    /** Forgets what a speculative parse looked at, so it does not move error locations. */
    void restoreFurthest(int mark) {
        furthest = mark;
    }

    /** The furthest token looked at (peek() first, so there is one). */
    Token furthestToken() throws PySyntaxError {
        peek();
        return tokens.get(furthest - base);
    }

    /** A token already read, by absolute index, at or after the last {@link #release()} point less one. */
    Token get(int index) {
        return tokens.get(index - base);
    }

    /** The absolute index of the last token read from the tokenizer (-1 if none). */
    int lastFetchedIndex() {
        return base + tokens.size() - 1;
    }

    /** The last token read from the tokenizer, or null if none was. */
    Token lastFetched() {
        return tokens.isEmpty() ? null : last();
    }

    /**
     * Drops the tokens before the current one but one; called between statements, when no mark
     * into them can be live. Batched so that the cost is amortized constant per token.
     */
    void release() {
        int drop = pos - 1 - base;
        if (drop >= 4096) {
            tokens.subList(0, drop).clear();
            base += drop;
        }
    }

    private Token last() {
        return tokens.get(tokens.size() - 1);
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }
}
