package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCount;

/**
 * A Python exception in flight. It is a Java exception without a Java stack trace (filling
 * one is the costliest part of a throw and the user never sees it); the Python traceback is
 * collected instead, one entry per frame it unwinds.
 *
 * <p>Ownership: the exception object is held, each with a counted reference, by exactly the
 * places that keep it: this carrier while it propagates (one "flight" per throw: taken at the
 * raise, handed to the {@code except} handler's stack slot by {@link #takeValue}, or dropped by
 * {@link #release} where Java code swallows the exception or the top level has printed it),
 * the handler's slot, {@code ThreadState.handled}, an {@code as} name, and the cause and
 * context links of other exceptions (owned by the exception object, released at its dealloc).
 * The object's link to its carrier is Java-only, so an exception nobody holds is freed.
 */
public final class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One line of a Python traceback. */
    public record TracebackEntry(String filename, int line, String function) {
    }

    private final transient PyType type;
    /**
     * {@code __traceback__}: the outermost entry, owned, or null; one entry is pushed per frame
     * the exception leaves (by the thread it propagates in), and the program may replace the
     * chain ({@code with_traceback}, {@code __traceback__ = ...}), so it changes through TRACEBACK.
     */
    private transient volatile PyTraceback traceback;

    /** The argument it was raised with from Java (SystemExit's code), or null; owned, released with the links. */
    private transient volatile PyObject arg;

    /**
     * The exception object; made on first need for exceptions raised from Java. The carrier
     * owns {@link #flights} references to it: one per throw not yet caught or released. An
     * exception raised from Java starts with one flight, owning the object once it is made.
     */
    private transient volatile PyBaseException value;
    /** References to {@link #value} this carrier owns; changed through FLIGHTS only. */
    private volatile int flights;
    private static final java.lang.invoke.VarHandle FLIGHTS;
    private static final java.lang.invoke.VarHandle CAUSE;
    private static final java.lang.invoke.VarHandle CONTEXT;
    private static final java.lang.invoke.VarHandle ARG;
    private static final java.lang.invoke.VarHandle TRACEBACK;
    /**
     * {@code __cause__} ({@code raise ... from c}) and {@code __context__} (raised while
     * handling): owned references to the linked exception objects, released with the exception
     * object ({@link #releaseLinks}), or by {@link #release} when no object was ever made.
     */
    private transient volatile PyBaseException cause;
    private transient volatile PyBaseException context;
    private volatile boolean suppressContext;
    /** A PEP 678 note the runtime attached (see CPythonNames), printed after the exception; or null. */
    private volatile String note;
    /**
     * Set by a bare {@code raise} or a re-raise after a handler declined: the frame that throws
     * it already has its traceback entry, so the eval loop must not add another.
     */
    private boolean reraised;

    static {
        try {
            java.lang.invoke.MethodHandles.Lookup l = java.lang.invoke.MethodHandles.lookup();
            FLIGHTS = l.findVarHandle(PyException.class, "flights", int.class);
            CAUSE = l.findVarHandle(PyException.class, "cause", PyBaseException.class);
            CONTEXT = l.findVarHandle(PyException.class, "context", PyBaseException.class);
            ARG = l.findVarHandle(PyException.class, "arg", PyObject.class);
            TRACEBACK = l.findVarHandle(PyException.class, "traceback", PyTraceback.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public PyException(PyType type, String message) {
        this(type, message, null);
    }

    /** With the argument the program raised it with, e.g. {@code sys.exit(3)}'s 3 (a reference this takes over). */
    public PyException(PyType type, String message, PyObject arg) {
        super(message, null, false, false);
        this.type = type;
        type.keepForInstances(); // a class this carrier holds uncounted, until it makes the object
        this.arg = arg;
        this.flights = 1; // owns the object made on first need
    }

    /** The carrier of an exception object made by Python code; owns nothing until {@link #raiseStealing}. */
    PyException(PyBaseException value) {
        super(null, null, false, false);
        this.type = value.type();
        this.arg = null;
        this.value = value;
    }

    /** Before a throw of this carrier: it takes over one reference to its object from the caller. */
    public PyException raiseStealing() {
        FLIGHTS.getAndAdd(this, 1);
        return this;
    }

    /** Before a throw of this carrier (bare {@code raise}): it takes a reference of its own. */
    public PyException raiseNew() {
        RefCount.incref(value());
        return raiseStealing();
    }

    /**
     * Where the exception stops propagating and its object is kept (an {@code except} handler):
     * a new reference to the object, the flight's own when there is one.
     */
    public PyBaseException takeValue() {
        PyBaseException v = value();
        if (!dropFlight()) {
            RefCount.incref(v);
        }
        return v;
    }

    /**
     * Where the exception stops propagating and is dropped (Java code that catches and
     * continues, the top level after printing): releases the flight's reference, if any.
     */
    public void release() {
        if (dropFlight()) {
            PyBaseException v = value;
            if (v != null) {
                RefCount.decref(v);
            } else {
                releaseLinks(); // no object ever owned them
            }
        }
    }

    private boolean dropFlight() {
        int f;
        do {
            f = flights;
            if (f == 0) {
                return false;
            }
        } while (!FLIGHTS.compareAndSet(this, f, f - 1));
        return true;
    }

    /** Releases the cause and context links and the argument (the exception object's dealloc). */
    void releaseLinks() {
        RefCount.xdecref((PyObject) ARG.getAndSet(this, (PyObject) null));
        RefCount.xdecref((PyObject) CAUSE.getAndSet(this, (PyBaseException) null));
        RefCount.xdecref((PyObject) CONTEXT.getAndSet(this, (PyBaseException) null));
        RefCount.xdecref((PyObject) TRACEBACK.getAndSet(this, (PyTraceback) null));
    }

    /** Visits the references {@link #releaseLinks} releases (the exception object's, for the cycle collector). */
    void traverseLinks(org.gilectomy.refcount.GcTracked.Visitor v) {
        v.visit(arg);
        v.visit(cause);
        v.visit(context);
        v.visit(traceback);
    }

    /** The argument given at raise time, or null; borrowed. */
    public PyObject arg() {
        PyObject arg = this.arg;
        PyBaseException v = value;
        if (arg == null && v != null && v.argsBorrowed().size() > 0) {
            return v.argsBorrowed().getBorrowed(0);
        }
        return arg;
    }

    /**
     * The exception object, borrowed: kept alive by the flight while the exception propagates,
     * by whoever took it ({@link #takeValue}) after. An object made here is the flight's.
     */
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
        PyBaseException c = cause;
        return c == null ? null : c.carrier();
    }

    public PyException context() {
        PyBaseException c = context;
        return c == null ? null : c.carrier();
    }

    public boolean suppressContext() {
        return suppressContext;
    }

    /** {@code raise self from c}: c (a reference this takes over) null for {@code from None}. */
    public void setCauseStealing(PyBaseException c) {
        RefCount.xdecref((PyObject) CAUSE.getAndSet(this, c));
        suppressContext = true;
    }

    /** Records the exception being handled (borrowed) when this one was raised, unless that makes a cycle. */
    public void setContextIfAbsent(PyBaseException handled) {
        if (context != null || handled == null) {
            return;
        }
        for (PyBaseException c = handled; c != null; c = c.carrier().context) {
            if (c.carrier() == this) {
                return;
            }
        }
        RefCount.incref(handled);
        if (!CONTEXT.compareAndSet(this, (PyBaseException) null, handled)) {
            RefCount.decref(handled);
        }
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

    /**
     * Called as the exception leaves (or is caught in) a frame, innermost first: a new entry for
     * {@code frame} (a frame object, borrowed) in front of the chain.
     */
    public void addTraceback(PyObject frame, PyCode code, int line, int lasti) {
        PyTraceback head;
        PyTraceback added;
        do {
            head = traceback;
            added = new PyTraceback(frame, code, line, lasti, head);
        } while (!TRACEBACK.compareAndSet(this, head, added) && abandon(added));
    }

    /** A lost race of addTraceback: the entry made drops its frame and is discarded (its next was not taken over). */
    private static boolean abandon(PyTraceback t) {
        t.detachNextUncounted();
        RefCount.decref(t);
        return true;
    }

    /** {@code __traceback__}: a new reference to the outermost entry, or None. */
    public PyObject tracebackObject() {
        PyTraceback t = traceback;
        if (t == null) {
            return PyNone.newRef();
        }
        RefCount.incref(t);
        return t;
    }

    /** {@code e.__traceback__ = tb} and {@code e.with_traceback(tb)}: tb a traceback or None (borrowed). */
    public void setTraceback(PyObject tb) {
        if (tb != PyNone.NONE && !(tb instanceof PyTraceback)) {
            throw PyExc.typeError("__traceback__ must be a traceback or None");
        }
        PyTraceback t = tb == PyNone.NONE ? null : (PyTraceback) tb;
        if (t != null) {
            RefCount.incref(t);
        }
        RefCount.xdecref((PyObject) TRACEBACK.getAndSet(this, t));
    }

    /**
     * A part split off a group ({@code BaseExceptionGroup.split}) takes the group's traceback,
     * cause and context; as CPython's setting of the cause, it then suppresses its context.
     */
    public void copyLinksFrom(PyException from) {
        PyTraceback tb = from.traceback;
        setTraceback(tb == null ? PyNone.NONE : tb); // the same chain, as CPython's split shares __traceback__
        PyBaseException c = from.cause;
        if (c != null) {
            RefCount.incref(c);
        }
        setCauseStealing(c);
        PyBaseException x = from.context;
        if (x != null) {
            RefCount.incref(x);
        }
        RefCount.xdecref((PyObject) CONTEXT.getAndSet(this, x));
    }

    /**
     * Whether this has the traceback, cause and context of {@code other}: how {@code except*}
     * tells an unmatched part or a bare {@code raise} (a re-raise) from a new exception. CPython
     * compares its traceback objects by identity; here the entries (a {@code raise e} adds one).
     */
    public boolean sameLinksAs(PyException other) {
        return traceback.equals(other.traceback) && cause == other.cause && context == other.context;
    }

    /** Entries outermost first, as printed. */
    public List<TracebackEntry> tracebackOutermostFirst() {
        List<TracebackEntry> r = new ArrayList<>();
        for (PyTraceback t = traceback; t != null; t = t.next()) {
            r.add(new TracebackEntry(t.code().filename, t.line(), t.code().name));
        }
        return r;
    }

    /** The last line of a report: {@code ZeroDivisionError: division by zero}. */
    /** Attaches {@code text} (null: nothing) as the exception's note, before it is raised. */
    public PyException withNote(String text) {
        note = text;
        return this;
    }

    /** The note the runtime attached, or null. */
    public String note() {
        return note;
    }

    public String summaryLine() {
        PyBaseException v = value;
        String m = v != null && type.isSubtypeOf(PyExc.SYNTAX_ERROR) ? SyntaxErrors.message(v, this) : getMessage();
        return (m == null || m.isEmpty()) ? type.qualifiedName() : type.qualifiedName() + ": " + m;
    }
}
