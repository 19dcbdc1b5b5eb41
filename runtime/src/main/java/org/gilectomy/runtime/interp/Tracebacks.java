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

    public void registerSource(String filename, String text) {
        sources.put(filename, new SourceLines(text));
    }

    /**
     * "Traceback (most recent call last):" ... "Type: message", newline-terminated; preceded by
     * the exceptions it was raised from or while handling, as CPython chains them.
     */
    public String format(PyException e) {
        StringBuilder sb = new StringBuilder();
        appendChain(sb, e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), new Nesting());
        return sb.toString();
    }

    /**
     * Where the report is inside exception groups (PEP 654): each level indents by two and
     * draws a margin; {@code needClose} says the closing line of the innermost group is owed.
     */
    private static final class Nesting {
        int depth;
        boolean needClose;

        String indent() {
            return " ".repeat(2 * depth);
        }
    }

    /** Appends each line of {@code text} behind the group margin ({@code margin} then a space), if in a group. */
    private static void emit(StringBuilder sb, Nesting n, String text, char margin) {
        if (n.depth == 0) {
            sb.append(text);
            return;
        }
        String prefix = n.indent() + margin + ' ';
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            sb.append(prefix).append(text, from, to);
            from = to;
        }
    }

    private void appendChain(StringBuilder sb, PyException e, java.util.Set<PyException> seen, Nesting n) {
        seen.add(e);
        PyException cause = e.cause();
        PyException context = e.context();
        if (cause != null && !seen.contains(cause)) {
            appendChain(sb, cause, seen, n);
            emit(sb, n, "\nThe above exception was the direct cause of the following exception:\n\n", '|');
        } else if (cause == null && !e.suppressContext() && context != null && !seen.contains(context)) {
            appendChain(sb, context, seen, n);
            emit(sb, n, "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
        }
        org.gilectomy.objects.PyTuple group = e.value().groupBorrowed();
        if (group == null) {
            appendOne(sb, e, n, "Traceback (most recent call last):\n", '|');
        } else if (n.depth > MAX_GROUP_DEPTH) {
            emit(sb, n, "... (max_group_depth is " + MAX_GROUP_DEPTH + ")\n", '|');
        } else {
            appendGroup(sb, e, (org.gilectomy.objects.PyTuple) group.getBorrowed(1), seen, n);
        }
    }

    private static final int MAX_GROUP_DEPTH = 10;
    private static final int MAX_GROUP_WIDTH = 15;

    /** A group as CPython prints one: its own traceback and line, then each exception in a numbered box. */
    private void appendGroup(StringBuilder sb, PyException e, org.gilectomy.objects.PyTuple excs,
                             java.util.Set<PyException> seen, Nesting n) {
        boolean top = n.depth == 0;
        if (top) {
            n.depth++;
        }
        appendOne(sb, e, n, "Exception Group Traceback (most recent call last):\n", top ? '+' : '|');
        int count = excs.size();
        int shown = Math.min(count, MAX_GROUP_WIDTH + 1);
        n.needClose = false;
        for (int i = 0; i < shown; i++) {
            boolean last = i == shown - 1;
            if (last) {
                n.needClose = true; // unless a nested group closes first
            }
            boolean truncated = i >= MAX_GROUP_WIDTH;
            sb.append(n.indent()).append(i == 0 ? "+-" : "  ").append("+---------------- ")
                    .append(truncated ? "..." : String.valueOf(i + 1)).append(" ----------------\n");
            n.depth++;
            if (truncated) {
                int more = count - MAX_GROUP_WIDTH;
                emit(sb, n, "and " + more + " more exception" + (more > 1 ? "s" : "") + "\n", '|');
            } else {
                appendChain(sb, ((org.gilectomy.objects.PyBaseException) excs.getBorrowed(i)).carrier(), seen, n);
            }
            if (last && n.needClose) {
                sb.append(n.indent()).append("+------------------------------------\n");
                n.needClose = false;
            }
            n.depth--;
        }
        if (top) {
            n.depth = 0;
        }
    }

    /** The traceback (under {@code title}, if there is one) and the summary line of one exception. */
    private void appendOne(StringBuilder out, PyException e, Nesting n, String title, char titleMargin) {
        StringBuilder sb = new StringBuilder();
        java.util.List<PyException.TracebackEntry> entries = e.tracebackOutermostFirst();
        if (!entries.isEmpty()) {
            emit(out, n, title, titleMargin);
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
        emit(out, n, sb.toString(), '|');
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
