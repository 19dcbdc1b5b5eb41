package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.refcount.RefCount;

/**
 * A traceback entry ({@code types.TracebackType}): one frame an exception passed through, the
 * line it was at, and the entry of the frame it came from ({@code tb_next}, toward the place
 * of the raise). Made only while an exception propagates, one per frame it leaves, as CPython's
 * {@code PyTraceBack_Here}; the exception's carrier owns the outermost entry.
 *
 * <p>The frame is a frame object of the runtime module (this module knows no frames); the
 * code is kept beside it so the runtime's own traceback printer needs no frame. {@code tb_next}
 * is writable from Python, so it is swapped through one VarHandle and each replaced entry is
 * released once.
 */
public final class PyTraceback extends PyObject implements org.gilectomy.refcount.GcTracked, DataAttributes {
    public static final PyType TYPE = new PyType("traceback", null);

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(PyTraceback.class, "next", PyTraceback.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        TYPE.addGetter("tb_frame", o -> newRef(((PyTraceback) o).frame));
        TYPE.addGetter("tb_lineno", o -> PyInt.of(((PyTraceback) o).line));
        TYPE.addGetter("tb_lasti", o -> PyInt.of(((PyTraceback) o).lasti));
        TYPE.addGetter("tb_next", o -> {
            PyTraceback n = ((PyTraceback) o).next;
            return n == null ? PyNone.newRef() : newRef(n);
        });
    }

    private final PyObject frame;
    private final PyCode code;
    private final int line;
    private final int lasti;
    /** Owned, or null; changed through NEXT. */
    private volatile PyTraceback next;

    /** An entry for {@code frame} (a new reference taken here) in front of {@code next} (whose reference this takes over). */
    public PyTraceback(PyObject frame, PyCode code, int line, int lasti, PyTraceback next) {
        RefCount.incref(frame);
        this.frame = frame;
        this.code = code;
        this.line = line;
        this.lasti = lasti;
        this.next = next;
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    public PyCode code() {
        return code;
    }

    public int line() {
        return line;
    }

    /** The next entry (toward the raise), borrowed; or null. */
    public PyTraceback next() {
        return next;
    }

    /** Forgets {@code next} without releasing it: for an entry whose next reference was never taken over. */
    void detachNextUncounted() {
        NEXT.setVolatile(this, (PyTraceback) null);
    }

    /** {@code tb.tb_next = n}: n a traceback or None, never one that leads back here. */
    public void setNext(PyObject n) {
        if (n != PyNone.NONE && !(n instanceof PyTraceback)) {
            throw PyExc.typeError("expected traceback object, got '" + n.type().name() + "'");
        }
        PyTraceback t = n == PyNone.NONE ? null : (PyTraceback) n;
        for (PyTraceback c = t; c != null; c = c.next) {
            if (c == this) {
                throw new PyException(PyExc.VALUE_ERROR, "traceback loop detected");
            }
        }
        if (t != null) {
            RefCount.incref(t);
        }
        RefCount.xdecref((PyObject) NEXT.getAndSet(this, t));
    }

    @Override
    public PyObject getAttribute(String name) {
        return null; // the type's getters
    }

    @Override
    public boolean setAttribute(String name, PyObject value) {
        if (!name.equals("tb_next")) {
            return false;
        }
        setNext(value);
        return true;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(frame);
        RefCount.xdecref((PyObject) NEXT.getAndSet(this, (PyTraceback) null));
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(frame);
        v.visit(next);
    }

    @Override
    public void clearReferences() {
        RefCount.xdecref((PyObject) NEXT.getAndSet(this, (PyTraceback) null));
    }

    @Override
    public String toString() {
        return "<traceback object at " + address(this) + ">";
    }
}
