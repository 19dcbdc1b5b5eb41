package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCount;

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

    /** The exception object; made on first need for exceptions raised from Java. Owned (one reference, never released). */
    private transient volatile PyBaseException value;
    /** {@code __cause__} ({@code raise ... from c}) and {@code __context__} (raised while handling). */
    private transient volatile PyException cause;
    private transient volatile PyException context;
    private volatile boolean suppressContext;
    /**
     * Set by a bare {@code raise} or a re-raise after a handler declined: the frame that throws
     * it already has its traceback entry, so the eval loop must not add another.
     */
    private boolean reraised;

    public PyException(PyType type, String message) {
        this(type, message, null);
    }

    /** With the argument the program raised it with, e.g. {@code sys.exit(3)}'s 3. */
    public PyException(PyType type, String message, PyObject arg) {
        super(message, null, false, false);
        this.type = type;
        this.arg = arg;
    }

    /** Carries an exception object raised by Python code ({@code raise ValueError("x")}). */
    public PyException(PyBaseException value) {
        super(null, null, false, false);
        this.type = value.type();
        this.arg = null;
        RefCount.incref(value);
        this.value = value;
    }

    /** The argument given at raise time, or null. */
    public PyObject arg() {
        PyBaseException v = value;
        if (arg == null && v != null && v.argsBorrowed().size() > 0) {
            return v.argsBorrowed().getBorrowed(0);
        }
        return arg;
    }

    /** The exception object, borrowed (the carrier keeps it alive). */
    public PyBaseException value() {
        PyBaseException v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    String m = super.getMessage();
                    if (arg == null && m != null && !m.isEmpty()) {
                        v = new PyBaseException(type, m);
                        PyTuple a = PyTuple.steal(new PyObject[] {PyStr.of(m)});
                        v.setArgs(a);
                        RefCount.decref(a);
                    } else {
                        v = (PyBaseException) type.instanceFactoryInherited().apply(type);
                        if (arg != null) {
                            RefCount.incref(arg);
                            PyTuple a = PyTuple.steal(new PyObject[] {arg});
                            v.setArgs(a);
                            RefCount.decref(a);
                        }
                    }
                    v.bindCarrier(this);
                    value = v;
                }
            }
        }
        return v;
    }

    @Override
    public String getMessage() {
        PyBaseException v = value;
        String m = super.getMessage();
        return m == null && v != null ? Ops.str(v) : m;
    }

    public PyException cause() {
        return cause;
    }

    public PyException context() {
        return context;
    }

    public boolean suppressContext() {
        return suppressContext;
    }

    /** {@code raise self from c}: c null for {@code from None}. */
    public void setCause(PyException c) {
        cause = c;
        suppressContext = true;
    }

    /** Records the exception being handled when this one was raised, unless that makes a cycle. */
    public void setContextIfAbsent(PyException handled) {
        if (context != null || handled == null) {
            return;
        }
        for (PyException c = handled; c != null; c = c.context) {
            if (c == this) {
                return;
            }
        }
        context = handled;
    }

    /** Marks a re-raise: the next frame to see it must not add a traceback entry (it has one). */
    public void markReraised() {
        reraised = true;
    }

    /** Whether this is a re-raise still inside the frame that re-raised it; clears the mark. */
    public boolean takeReraised() {
        boolean r = reraised;
        reraised = false;
        return r;
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
        return (m == null || m.isEmpty()) ? type.qualifiedName() : type.qualifiedName() + ": " + m;
    }
}
