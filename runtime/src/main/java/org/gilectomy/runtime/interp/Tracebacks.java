package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gilectomy.objects.PyException;
import org.gilectomy.runtime.compile.SourceLines;

/** Formats uncaught exceptions as CPython does, quoting the source line of each frame. */
final class Tracebacks {
    private static final Map<String, SourceLines> SOURCES = new ConcurrentHashMap<>();

    private Tracebacks() {
    }

    static void registerSource(String filename, String text) {
        SOURCES.put(filename, new SourceLines(text));
    }

    /** "Traceback (most recent call last):" ... "Type: message", newline-terminated. */
    static String format(PyException e) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        for (PyException.TracebackEntry t : e.tracebackOutermostFirst()) {
            sb.append("  File \"").append(t.filename()).append("\", line ").append(t.line())
                    .append(", in ").append(t.function()).append('\n');
            SourceLines src = SOURCES.get(t.filename());
            String line = src == null ? null : src.line(t.line());
            if (line != null && !line.isBlank()) {
                sb.append("    ").append(line.strip()).append('\n');
            }
        }
        return sb.append(e.summaryLine()).append('\n').toString();
    }

    /**
     * A failure of the runtime itself (a refcount bug, an internal error): reported in one
     * clear block, never as a bare Java stack trace unless {@code -Dgilectomy.debug=true}.
     */
    static void fatal(PrintStream err, Throwable t) {
        Stdout.flush();
        err.println("Fatal Python error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
        err.println("(an internal error of the gilectomy runtime; run with -Dgilectomy.debug=true for the Java trace)");
        if (Boolean.getBoolean("gilectomy.debug")) {
            t.printStackTrace(err);
        }
        err.flush();
    }
}
