package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python exception in flight. It is a Java exception without a Java stack trace (filling
 * one is the costliest part of a throw and the user never sees it); the Python traceback is
 * collected instead, one entry per frame it unwinds.
 */
public final class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One line of a Python traceback. */
    public record TracebackEntry(String filename, int line, String function) {
    }

    private final transient PyType type;
    private final transient List<TracebackEntry> traceback = new ArrayList<>();

    private final transient PyObject arg; // the exception's argument where it matters (SystemExit); borrowed-forever

    public PyException(PyType type, String message) {
        this(type, message, null);
    }

    /** With the argument the program raised it with, e.g. {@code sys.exit(3)}'s 3. */
    public PyException(PyType type, String message, PyObject arg) {
        super(message, null, false, false);
        this.type = type;
        this.arg = arg;
    }

    /** The argument given at raise time, or null. */
    public PyObject arg() {
        return arg;
    }

    public PyType type() {
        return type;
    }

    /** Whether this exception matches {@code except t:}. */
    public boolean matches(PyType t) {
        return type.isSubtypeOf(t);
    }

    /** Called as the exception leaves a frame, innermost first. */
    public void addTraceback(String filename, int line, String function) {
        traceback.add(new TracebackEntry(filename, line, function));
    }

    /** Entries outermost first, as printed. */
    public List<TracebackEntry> tracebackOutermostFirst() {
        List<TracebackEntry> r = new ArrayList<>(traceback);
        java.util.Collections.reverse(r);
        return r;
    }

    /** The last line of a report: {@code ZeroDivisionError: division by zero}. */
    public String summaryLine() {
        String m = getMessage();
        return (m == null || m.isEmpty()) ? type.name() : type.name() + ": " + m;
    }
}
