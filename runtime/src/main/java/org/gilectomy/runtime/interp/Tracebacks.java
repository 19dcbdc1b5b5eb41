package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gilectomy.objects.PyException;
import org.gilectomy.runtime.compile.SourceLines;

/**
 * An interpreter's tracebacks: formats uncaught exceptions as CPython does, quoting the source
 * line of each frame from the interpreter's source cache, and reports failures of the runtime.
 */
public final class Tracebacks {
    private final Interpreter interp;
    private final Map<String, SourceLines> sources = new ConcurrentHashMap<>();
    /** Set by fatal(): the program then exits with status 70, whichever thread failed. */
    private volatile boolean fatalReported;

    Tracebacks(Interpreter interp) {
        this.interp = interp;
    }

    boolean fatalReported() {
        return fatalReported;
    }

    void registerSource(String filename, String text) {
        sources.put(filename, new SourceLines(text));
    }

    /**
     * "Traceback (most recent call last):" ... "Type: message", newline-terminated; preceded by
     * the exceptions it was raised from or while handling, as CPython chains them.
     */
    public String format(PyException e) {
        StringBuilder sb = new StringBuilder();
        appendChain(sb, e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return sb.toString();
    }

    private void appendChain(StringBuilder sb, PyException e, java.util.Set<PyException> seen) {
        seen.add(e);
        PyException cause = e.cause();
        PyException context = e.context();
        if (cause != null && !seen.contains(cause)) {
            appendChain(sb, cause, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (cause == null && !e.suppressContext() && context != null && !seen.contains(context)) {
            appendChain(sb, context, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        appendOne(sb, e);
    }

    private void appendOne(StringBuilder sb, PyException e) {
        java.util.List<PyException.TracebackEntry> entries = e.tracebackOutermostFirst();
        if (!entries.isEmpty()) {
            sb.append("Traceback (most recent call last):\n");
        }
        PyException.TracebackEntry previous = null;
        int repeats = 0;
        for (PyException.TracebackEntry t : entries) {
            if (t.equals(previous)) {
                if (++repeats >= REPEAT_LIMIT) {
                    continue; // as CPython: three copies, then a count of the rest
                }
            } else {
                flushRepeats(sb, repeats);
                repeats = 0;
            }
            previous = t;
            sb.append("  File \"").append(t.filename()).append("\", line ").append(t.line())
                    .append(", in ").append(t.function()).append('\n');
            SourceLines src = sources.get(t.filename());
            String line = src == null ? null : src.line(t.line());
            if (line != null && !line.isBlank()) {
                sb.append("    ").append(line.strip()).append('\n');
            }
        }
        flushRepeats(sb, repeats);
        String summary;
        try {
            summary = e.summaryLine();
        } catch (PyException failed) {
            failed.release();
            summary = e.type().qualifiedName() + ": <exception str() failed>";
        }
        sb.append(summary).append('\n');
        if (e.note() != null) {
            sb.append(e.note()).append('\n');
        }
    }

    private static final int REPEAT_LIMIT = 3;

    private static void flushRepeats(StringBuilder sb, int repeats) {
        int hidden = repeats - (REPEAT_LIMIT - 1);
        if (hidden > 0) {
            sb.append("  [Previous line repeated ").append(hidden).append(" more time")
                    .append(hidden == 1 ? "" : "s").append("]\n");
        }
    }

    /**
     * A failure of the runtime itself (a refcount bug, an internal error): reported in one
     * clear block, never as a bare Java stack trace unless {@code -Dgilectomy.debug=true}.
     */
    public void fatal(Throwable t) {
        fatalReported = true;
        interp.stdout.flush();
        PrintStream err = interp.err;
        if (t instanceof org.gilectomy.refcount.UseAfterFreeError u) {
            err.println("Fatal Python error: use after free: " + u.getMessage());
            err.println(Boolean.getBoolean("gilectomy.allow-unsafe") // BuildConfig.ALLOW_UNSAFE_PROPERTY
                    ? "(expected of this unsafe build, run with --allow-unsafe: its reference counts race)"
                    : "(a reference-count bug in the gilectomy runtime; run with -Dgilectomy.debug=true for the Java trace)");
        } else {
            err.println("Fatal Python error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            err.println("(an internal error of the gilectomy runtime; run with -Dgilectomy.debug=true for the Java trace)");
        }
        if (org.gilectomy.locks.Build.flag("debug")) {
            t.printStackTrace(err);
        }
        err.flush();
    }
}
