package org.gilectomy.runtime.parse;

/**
 * A compile-time error, reported the way CPython reports it: the Python exception type
 * ({@code SyntaxError}, {@code IndentationError}, {@code TabError}, {@code RecursionError} for
 * nesting too deep to compile, or {@code NotImplementedError} for syntax
 * outside this runtime's subset), the message, the file, and the 1-based line and column.
 */
public final class PySyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pythonType;
    private final String filename;
    private final int line;
    private final int column;
    private final String sourceLine;

    /**
     * @param filename null when the error has no location (the file could not be decoded)
     * @param column 1-based column (CPython's {@code offset}); 0 when unknown
     * @param sourceLine the text of the offending line without its newline, or null
     */
    public PySyntaxError(String pythonType, String message, String filename, int line, int column, String sourceLine) {
        super(message, null, false, false);
        this.pythonType = pythonType;
        this.filename = filename;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    public String pythonType() {
        return pythonType;
    }

    public String filename() {
        return filename;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String sourceLine() {
        return sourceLine;
    }

    /** The report CPython prints on stderr, ending with a newline. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (filename != null) { // an undecodable file has no location: CPython prints the message alone
            sb.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
        }
        if (sourceLine != null) {
            String stripped = sourceLine.stripLeading();
            int removed = sourceLine.length() - stripped.length();
            sb.append("    ").append(stripped.stripTrailing()).append('\n');
            if (column > 0) {
                sb.append("    ").append(" ".repeat(Math.max(0, column - 1 - removed))).append("^\n");
            }
        }
        sb.append(pythonType).append(": ").append(getMessage()).append('\n');
        return sb.toString();
    }
}
