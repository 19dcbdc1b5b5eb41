package org.gilectomy.runtime.parse;

import java.util.Arrays;

/**
 * The source being parsed, as code points with newlines normalized the way CPython does for
 * {@code compile()} of a string: {@code \r\n} and {@code \r} become {@code \n}, and a missing final
 * newline is added. Columns everywhere in this package count code points, which is what CPython
 * reports in SyntaxError offsets.
 */
final class SourceText {
    private final String filename;
    private final int[] codePoints;
    /** Index of the first code point of each line; line N (1-based) starts at lineStarts[N - 1]. */
    private final int[] lineStarts;
    /** Line looked up last (0-based); tokens are mostly looked up in order, so this makes lineOf O(1). */
    private int hint;

    SourceText(String source, String filename) {
        this.filename = filename;
        this.codePoints = normalize(source);
        int lines = 1;
        for (int i = 0; i + 1 < codePoints.length; i++) {
            if (codePoints[i] == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i + 1 < codePoints.length; i++) {
            if (codePoints[i] == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    private static int[] normalize(String source) {
        int[] raw = source.codePoints().toArray();
        int[] out = new int[raw.length + 1];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            int c = raw[i];
            if (c == '\r') {
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    continue;
                }
                c = '\n';
            }
            out[n++] = c;
        }
        if (n > 0 && out[n - 1] != '\n') {
            out[n++] = '\n';
        }
        return Arrays.copyOf(out, n);
    }

    int length() {
        return codePoints.length;
    }

    int codePointAt(int index) {
        return codePoints[index];
    }

    String filename() {
        return filename;
    }

    /** The 1-based line holding {@code index}; the end of the text belongs to the last line. */
    int lineOf(int index) {
        int n = lineStarts.length;
        for (int l = hint; l <= hint + 1 && l < n; l++) {
            if (index >= lineStarts[l] && (l + 1 == n || index < lineStarts[l + 1])) {
                hint = l;
                return l + 1;
            }
        }
        int found = Arrays.binarySearch(lineStarts, index);
        int l = found >= 0 ? found : Math.max(0, -found - 2);
        hint = l;
        return l + 1;
    }

    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Index just past the last character of {@code line}, newline excluded. */
    int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : codePoints.length;
        return end > lineStart(line) && codePoints[end - 1] == '\n' ? end - 1 : end;
    }

    /** The text of a line without its newline, or null when there is no such line. */
    String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return null;
        }
        return text(lineStart(line), lineEnd(line));
    }

    String text(int start, int end) {
        return new String(codePoints, start, end - start);
    }

    PySyntaxError error(String pythonType, String message, int line, int offset) {
        return new PySyntaxError(pythonType, message, filename, line, offset, lineText(line));
    }
}
