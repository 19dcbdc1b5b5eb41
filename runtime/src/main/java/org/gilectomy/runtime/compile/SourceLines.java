package org.gilectomy.runtime.compile;

/** The lines of a source file, for error reports that quote the offending line. */
public final class SourceLines {
    private final String[] lines;

    public SourceLines(String source) {
        this.lines = source.split("\r\n|\r|\n", -1);
    }

    /** Line {@code n} (1-based) without its newline, or null past the end. */
    public String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : null;
    }
}
