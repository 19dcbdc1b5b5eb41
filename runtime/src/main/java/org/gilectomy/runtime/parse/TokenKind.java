package org.gilectomy.runtime.parse;

/** The token categories of CPython's tokenizer that this front end needs. */
enum TokenKind {
    NAME,
    NUMBER,
    STRING,
    /** Operators, delimiters and any other single punctuation character (the parser rejects unknown ones). */
    OP,
    NEWLINE,
    INDENT,
    DEDENT,
    ENDMARKER
}
