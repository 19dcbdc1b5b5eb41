package org.gilectomy.runtime.interp;

import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.GcTracked;
import org.gilectomy.refcount.RefCount;

/**
 * A frame object ({@code types.FrameType}): the view of one run of a code object that
 * {@code sys._getframe()} and a traceback's {@code tb_frame} give.
 *
 * <p>The eval loop keeps no frame object: a running frame is its slot array and the rows of
 * its thread's state at its depth ({@link ThreadState#frames}, {@code codes},
 * {@code frameGlobals}, {@code pcs}). One of these is made only when asked for ({@link #at}),
 * as CPython 3.11 makes {@code PyFrameObject}s lazily, and cached at that depth so that asking
 * twice gives the same object. While its frame runs it reads the live rows (the current line,
 * the locals); when the frame leaves ({@link #leave}) it keeps the last line and, if the frame
 * that called it already has an object, that as {@code f_back}. What a finished frame no
 * longer has (its locals, an {@code f_back} never made) is refused with an error saying so.
 *
 * <p>Only its own thread makes, reads the live rows of, and finishes a frame object (the rows
 * are that thread's); another thread reading a finished one sees fields set before the object
 * was handed over through its owner's publication.
 */
public final class PyFrame extends PyObject implements GcTracked, DataAttributes {
    static final PyType TYPE = new PyType("frame", null);

    private final PyCode code;
    /** Owned. */
    private final PyDict globals;
    /** The running frame's thread state and depth; null once it has left. */
    private ThreadState ts;
    private final int depth;
    /** The instruction index it was at when it left. */
    private int lastPc;
    /** Owned once known, or null (no caller, or not known: see {@link #backKnown}). */
    private PyFrame back;
    private boolean backKnown;

    private PyFrame(ThreadState ts, int depth) {
        this.code = ts.codes[depth];
        this.globals = ts.frameGlobals[depth];
        RefCount.incref(globals);
        this.ts = ts;
        this.depth = depth;
    }

    /** The frame object of the live frame at {@code depth} (borrowed: the thread state's cache owns it), made if none is yet. */
    static PyFrame at(ThreadState ts, int depth) {
        PyFrame f = ts.frameObjects[depth];
        if (f == null) {
            f = new PyFrame(ts, depth);
            ts.frameObjects[depth] = f;
        }
        return f;
    }

    /**
     * {@code sys._getframe(n)}: a new reference to the frame object {@code n} calls out from
     * the innermost running Python frame (0: that frame itself).
     */
    public static PyObject getframe(ThreadState ts, long n) {
        int d = liveAtOrBelow(ts, ts.depth);
        for (long i = n; i > 0 && d > 0; i--) {
            d = liveAtOrBelow(ts, d - 1);
        }
        if (d == 0 || n < 0) {
            throw new PyException(PyExc.VALUE_ERROR, "call stack is not deep enough");
        }
        PyFrame f = at(ts, d);
        RefCount.incref(f);
        return f;
    }

    /** The depth of the innermost live frame at or below {@code depth}, or 0 for none (a repr's nesting holds no frame). */
    static int liveAtOrBelow(ThreadState ts, int depth) {
        int d = depth;
        while (d > 0 && ts.frames[d] == null) {
            d--;
        }
        return d;
    }

    /**
     * An exception passes through the frame at {@code depth} (at instruction {@code pc}): adds
     * its traceback entry. If it leaves the frame, the caller's frame object is made as well,
     * so that the entry's frame keeps its {@code f_back} (the caller gets an entry of its own
     * next unless Java code between them swallows the exception).
     */
    static void addTraceback(ThreadState ts, PyException e, PyCode code, int pc, boolean leaving) {
        int depth = ts.depth;
        if (ts.frames[depth] == null) { // a frame's stack overflowed before it was entered
            return;
        }
        PyFrame f = at(ts, depth);
        e.addTraceback(f, code, code.lines[pc], pc * 2);
        if (leaving) {
            int below = liveAtOrBelow(ts, depth - 1);
            if (below > 0) {
                at(ts, below);
            }
        }
    }

    /** The frame at {@code depth} leaves: its object, if one was made, keeps what it still needs and is released by the cache. */
    static void leave(ThreadState ts, int depth, PyFrame f) {
        ts.frameObjects[depth] = null;
        f.lastPc = ts.pcs[depth];
        int below = liveAtOrBelow(ts, depth - 1);
        PyFrame b = below == 0 ? null : ts.frameObjects[below];
        if (below == 0 || b != null) {
            if (b != null) {
                RefCount.incref(b);
            }
            f.back = b;
            f.backKnown = true;
        }
        f.ts = null;
        RefCount.decref(f);
    }

    private boolean running() {
        return ts != null;
    }

    private int pc() {
        return running() ? ts.pcs[depth] : lastPc;
    }

    @Override
    public PyObject getAttribute(String name) {
        switch (name) {
            case "f_code":
                RefCount.incref(code);
                return code;
            case "f_globals":
                RefCount.incref(globals);
                return globals;
            case "f_builtins": {
                PyDict b = Builtins.INSTANCE.dict;
                RefCount.incref(b);
                return b;
            }
            case "f_lineno":
                return PyInt.of(code.lines[pc()]);
            case "f_lasti":
                return PyInt.of(pc() * 2L);
            case "f_back":
                return backObject();
            case "f_locals":
                return locals();
            case "f_trace":
                return PyNone.newRef();
            default:
                return null;
        }
    }

    private PyObject backObject() {
        PyFrame b;
        if (running()) {
            int below = liveAtOrBelow(ts, depth - 1);
            b = below == 0 ? null : at(ts, below);
        } else if (backKnown) {
            b = back;
        } else {
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR,
                    "f_back of a frame that has returned is not supported by this runtime (its caller kept no frame object)");
        }
        if (b == null) {
            return PyNone.newRef();
        }
        RefCount.incref(b);
        return b;
    }

    private PyObject locals() {
        if (running()) {
            return NamespaceBuiltins.localsOf(globals, code, ts.frames[depth]);
        }
        if (code.isModule) {
            RefCount.incref(globals);
            return globals;
        }
        throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR,
                "f_locals of a frame that has returned is not supported by this runtime (its variables are released when it returns)");
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(globals);
        RefCount.xdecref(back);
        back = null;
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(globals);
        v.visit(back);
    }

    @Override
    public void clearReferences() {
        PyFrame b = back;
        back = null;
        backKnown = false;
        RefCount.xdecref(b);
    }

    @Override
    public String toString() {
        return "<frame at " + address(this) + ", file '" + code.filename + "', line " + code.lines[pc()] + ", code " + code.name + ">";
    }
}
