package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * An exception object, instance of {@code BaseException} or a class deriving from it: its
 * {@code args} and the {@link PyException} that carries it through Java frames (one carrier
 * per exception object, so a re-raise keeps its traceback, cause and context).
 */
public final class PyBaseException extends PyInstance {
    /** Owned; replaced with getAndSet through ARGS, so two racing writers release each old tuple once. */
    private volatile PyTuple args = PyTuple.EMPTY;
    private static final java.lang.invoke.VarHandle ARGS;
    /**
     * A group's {@code (message, exceptions)}, the second a tuple (PEP 654); null for other
     * exceptions. Set by {@code BaseExceptionGroup.__new__} before the object is shared; owned,
     * taken back through GROUP by dealloc or the cycle collector's clear.
     */
    private volatile PyTuple group;
    private static final java.lang.invoke.VarHandle GROUP;

    static {
        try {
            ARGS = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyBaseException.class, "args", PyTuple.class);
            GROUP = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyBaseException.class, "group", PyTuple.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** The Java throwable for this object; created on first raise. */
    private volatile PyException carrier;
    /** For exceptions the runtime raised from Java: the message it gave, which str() returns. */
    private final String javaMessage;

    public PyBaseException(PyType cls) {
        this(cls, null);
    }

    PyBaseException(PyType cls, String javaMessage) {
        super(cls);
        RefCount.incref(PyTuple.EMPTY); // the initial args
        this.javaMessage = javaMessage;
    }

    /** {@code e.args}, borrowed. */
    public PyTuple argsBorrowed() {
        return args;
    }

    /** Replaces {@code args} (BaseException.__new__/__init__); takes its own reference. */
    public void setArgs(PyTuple newArgs) {
        RefCount.incref(newArgs);
        PyTuple old = (PyTuple) ARGS.getAndSet(this, newArgs);
        RefCount.decref(old);
    }

    /** A group's {@code (message, exceptions)}, borrowed; null if this is no group (or was cleared). */
    public PyTuple groupBorrowed() {
        return group;
    }

    /** Makes this a group of {@code (message, exceptions)} (a reference this takes); once, before it is shared. */
    void initGroup(PyTuple messageAndExceptions) {
        RefCount.incref(messageAndExceptions);
        RefCount.xdecref((PyObject) GROUP.getAndSet(this, messageAndExceptions));
    }

    /**
     * The carrier to throw: the existing one (re-raise) or a new one bound to this object. The
     * carrier is Java-only state (no count); before throwing it, {@link PyException#raiseStealing}
     * or {@link PyException#raiseNew} gives it the reference the flight owns.
     */
    public synchronized PyException carrier() {
        PyException c = carrier;
        if (c == null) {
            c = new PyException(this);
            carrier = c;
        }
        return c;
    }

    synchronized void bindCarrier(PyException c) {
        carrier = c;
    }

    /** BaseException.__str__: the Java message, else nothing, the one argument, or the args tuple. */
    public String text() {
        if (javaMessage != null) {
            return javaMessage;
        }
        PyTuple a = args;
        return switch (a.size()) {
            case 0 -> "";
            case 1 -> type().isSubtypeOf(PyExc.KEY_ERROR) ? Ops.repr(a.getBorrowed(0)) : Ops.str(a.getBorrowed(0));
            default -> Ops.repr(a);
        };
    }

    /** BaseException.__repr__: {@code ValueError('bad')}. */
    public String reprText() {
        PyTuple a = args;
        if (a.size() == 0 && javaMessage != null) {
            return type().name() + "(" + PyStr.repr(javaMessage) + ")";
        }
        String inner = Ops.repr(a);
        if (a.size() == 1) {
            inner = inner.substring(0, inner.length() - 2) + ")";
        }
        return type().name() + inner;
    }

    @Override
    protected void dealloc() {
        PyException c = carrier;
        if (c != null) {
            c.releaseLinks();
        }
        RefCount.decref(args);
        RefCount.xdecref((PyObject) GROUP.getAndSet(this, (PyTuple) null));
        super.dealloc();
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /** Also args, and the carrier's {@code __cause__}, {@code __context__} and argument. */
    @Override
    public void traverse(Visitor v) {
        super.traverse(v);
        v.visit(args);
        v.visit(group);
        PyException c = carrier;
        if (c != null) {
            c.traverseLinks(v);
        }
    }

    @Override
    public void clearReferences() {
        PyException c = carrier;
        if (c != null) {
            c.releaseLinks();
        }
        RefCount.xdecref((PyObject) GROUP.getAndSet(this, (PyTuple) null));
        super.clearReferences();
    }
}
