package org.gilectomy.runtime.parse;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What the statement and expression parsers share: the tokens, error construction, and the
 * errors CPython only reports after parsing succeeded (from its symbol-table and compiler passes,
 * e.g. "'return' outside function"), which are held back until the whole file has parsed.
 */
final class ParserState {
    final TokenStream tokens;
    private final SourceText source;
    private PySyntaxError symtableError;
    private PySyntaxError compileError;
    /** Parser errors that take precedence over tokenizer errors later in the file. */
    private final Set<PySyntaxError> keptOverTokenizer = Collections.newSetFromMap(new IdentityHashMap<>());

    ParserState(SourceText source, TokenStream tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    SourceText source() {
        return source;
    }

    PySyntaxError syntaxError(String message, Token at) {
        return source.error("SyntaxError", message, at.line(), at.offset());
    }

    PySyntaxError syntaxError(String message, Ast.Node at) {
        return source.error("SyntaxError", message, at.line(), at.col() + 1);
    }

    /** A SyntaxError at a 1-based column. */
    PySyntaxError syntaxErrorAt(String message, int line, int offset) {
        return source.error("SyntaxError", message, line, offset);
    }

    PySyntaxError indentationError(String message, Token at) {
        return source.error("IndentationError", message, at.line(), at.offset());
    }

    /** A construct that is valid Python but outside the subset this runtime implements. */
    PySyntaxError notSupported(String feature, Token at) {
        return source.error("NotImplementedError", feature + " is not supported by this runtime", at.line(), at.offset());
    }

    /** The catch-all "invalid syntax", as opposed to a diagnosis of a particular mistake. */
    static boolean isGeneric(PySyntaxError e) {
        return e.pythonType().equals("SyntaxError") && e.getMessage().equals("invalid syntax");
    }

    PySyntaxError notSupported(String feature, Ast.Node at) {
        return source.error("NotImplementedError", feature + " is not supported by this runtime", at.line(), at.col() + 1);
    }

    /** Marks an error as one that a tokenizer error further on must not replace (as CPython's "unexpected indent"). */
    PySyntaxError keepOverTokenizer(PySyntaxError e) {
        keptOverTokenizer.add(e);
        return e;
    }

    boolean isKeptOverTokenizer(PySyntaxError e) {
        return keptOverTokenizer.contains(e);
    }

    void deferSymtableError(String message, Token at) {
        if (symtableError == null) {
            symtableError = syntaxError(message, at);
        }
    }

    void deferCompileError(String message, Token at) {
        if (compileError == null) {
            compileError = syntaxError(message, at);
        }
    }

    void deferCompileError(String message, Ast.Node at) {
        if (compileError == null) {
            compileError = syntaxError(message, at);
        }
    }

    /** CPython's symbol table runs before its compiler, so its errors win. */
    void throwDeferred() throws PySyntaxError {
        if (symtableError != null) {
            throw symtableError;
        }
        if (compileError != null) {
            throw compileError;
        }
    }
}
