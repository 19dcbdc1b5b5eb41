package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the tokens: lookahead, backtracking for the few speculative parses, and
 * the furthest token looked at, which is where CPython reports a generic "invalid syntax".
 */
final class TokenStream {
    private final Tokenizer tokenizer;
    private final List<Token> tokens = new ArrayList<>();
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
        int i = pos + ahead;
        while (tokens.size() <= i) {
            if (!tokens.isEmpty() && last().kind() == TokenKind.ENDMARKER) {
                i = tokens.size() - 1;
                break;
            }
            tokens.add(tokenizer.next());
        }
        furthest = Math.max(furthest, i);
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
        return tokens.get(furthest);
    }

    /** A token already read, by absolute index. */
    Token get(int index) {
        return tokens.get(index);
    }

    /** The last token read from the tokenizer, or null if none was. */
    Token lastFetched() {
        return tokens.isEmpty() ? null : last();
    }

    private Token last() {
        return tokens.get(tokens.size() - 1);
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }
}
