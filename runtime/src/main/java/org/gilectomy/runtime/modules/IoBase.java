package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code _io._IOBase}: what every stream of {@code _io} shares (close, the context
 * manager, iteration by lines, readlines, writelines, the {@code closed} attribute), written once
 * on the abstract operations each stream supplies. A stream is its own iterator (as in CPython:
 * {@code iter(f) is f}), so the eval loop's {@code for} reaches {@link #next} directly.
 *
 * <p>Every operation runs inside {@link #lock}/{@link #unlock}: memory streams take a critical
 * section on the object, file streams a lock of their own that may be held across a blocking
 * read or write (see {@link FileStream}).
 */
abstract class IoBase extends PyIterator implements DataAttributes {
    static final PyType TYPE = PyType.ofModule("_io", "_IOBase", PyType.OBJECT);

    abstract void lock();

    abstract void unlock();

    abstract boolean isClosed();

    /** Closes the stream (flushing it first); a second close does nothing. */
    abstract void closeLocked();

    /** The next line (str or bytes; empty at the end), at most {@code limit} items if limit >= 0. */
    abstract PyObject readlineLocked(long limit);

    /** Up to {@code n} items, all that is left if {@code n < 0}. */
    abstract PyObject readLocked(long n);

    /** Writes {@code data}; the count CPython returns. */
    abstract long writeLocked(PyObject data);

    abstract long seekLocked(long pos, int whence);

    abstract long tellLocked();

    abstract void flushLocked();

    abstract boolean readable();

    abstract boolean writable();

    /** The error of an operation on a closed stream, as this kind of stream words it. */
    PyException closedError() {
        return PyExc.valueError("I/O operation on closed file.");
    }

    final void checkClosed() {
        if (isClosed()) {
            throw closedError();
        }
    }

    @Override
    public PyObject getAttribute(String name) {
        if (name.equals("closed")) {
            return PyBool.of(isClosed());
        }
        return null;
    }

    /** {@code for line in stream}: the next line, or null (the end) on an empty one. */
    @Override
    public PyObject next() {
        lock();
        try {
            PyObject line = readlineLocked(-1);
            if (Ops.len(line) == 0) {
                RefCount.decref(line);
                return null;
            }
            return line;
        } finally {
            unlock();
        }
    }

    /** A size argument: -1 for None or absent. */
    static long size(PyObject o) {
        return Params.optLong(o, -1);
    }

    private interface Op {
        PyObject run(IoBase s);
    }

    /** Registers {@code name} on {@code t}, running {@code op} with the stream locked. */
    static void method(PyType t, String name, int max, Op op) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.between(name, n - 1, 0, max, kw);
            IoBase s = (IoBase) a[off];
            s.lock();
            try {
                return op.run(s);
            } finally {
                s.unlock();
            }
        });
    }

    static {
        PyType t = TYPE;
        // close() and __exit__(*exc_info); __enter__() and __iter__(): the stream itself
        PyBuiltinFunction.Body close = (a, off, n, kw) -> withLock(a[off], s -> {
            s.closeLocked();
            return PyNone.newRef();
        });
        t.addMethod("close", close);
        t.addMethod("__exit__", close);
        PyBuiltinFunction.Body self = (a, off, n, kw) -> {
            IoBase s = (IoBase) a[off];
            s.checkClosed();
            RefCount.incref(s);
            return s;
        };
        t.addMethod("__enter__", self);
        t.addMethod("__iter__", self);
        t.addMethod("__next__", (a, off, n, kw) -> {
            PyObject line = ((IoBase) a[off]).next();
            if (line == null) {
                throw new PyException(PyExc.STOP_ITERATION, "");
            }
            return line;
        });
        method(t, "readable", 0, s -> { s.checkClosed(); return PyBool.of(s.readable()); });
        method(t, "writable", 0, s -> { s.checkClosed(); return PyBool.of(s.writable()); });
        method(t, "seekable", 0, s -> { s.checkClosed(); return PyBool.of(true); });
        method(t, "isatty", 0, s -> { s.checkClosed(); return PyBool.of(false); });
        method(t, "flush", 0, s -> { s.flushLocked(); return PyNone.newRef(); });
        method(t, "tell", 0, s -> PyInt.of(s.tellLocked()));
        t.addMethod("read", (a, off, n, kw) -> withLock(a[off], s -> s.readLocked(size(Params.bind("read", a, off + 1, n - 1, kw, 0, "size")[0]))));
        t.addMethod("readline", (a, off, n, kw) -> withLock(a[off], s -> s.readlineLocked(size(Params.bind("readline", a, off + 1, n - 1, kw, 0, "size")[0]))));
        t.addMethod("write", (a, off, n, kw) -> {
            Args.exactly("write", n - 1, 1, kw);
            return withLock(a[off], s -> PyInt.of(s.writeLocked(a[off + 1])));
        });
        t.addMethod("seek", (a, off, n, kw) -> {
            Args.between("seek", n - 1, 1, 2, kw);
            long pos = Args.asLong(a[off + 1]);
            int whence = n > 2 ? (int) Args.asLong(a[off + 2]) : 0;
            return withLock(a[off], s -> PyInt.of(s.seekLocked(pos, whence)));
        });
        t.addMethod("readlines", (a, off, n, kw) -> {
            long hint = size(Params.bind("readlines", a, off + 1, n - 1, kw, 0, "hint")[0]);
            return withLock(a[off], s -> s.readlinesLocked(hint));
        });
        t.addMethod("writelines", (a, off, n, kw) -> {
            Args.exactly("writelines", n - 1, 1, kw);
            IoBase s = (IoBase) a[off];
            s.checkClosed();
            PyObject[] lines = Ops.collect(a[off + 1]); // before locking: the iterable may be Python code
            try {
                withLock(s, x -> {
                    for (PyObject line : lines) {
                        x.writeLocked(line);
                    }
                    return null;
                });
            } finally {
                for (PyObject line : lines) {
                    RefCount.decref(line);
                }
            }
            return PyNone.newRef();
        });
    }

    private static PyObject withLock(PyObject self, Op op) {
        IoBase s = (IoBase) self;
        s.lock();
        try {
            return op.run(s);
        } finally {
            s.unlock();
        }
    }

    private PyObject readlinesLocked(long hint) {
        checkClosed();
        PyList lines = new PyList();
        long total = 0;
        while (true) {
            PyObject line = readlineLocked(-1);
            long n = Ops.len(line);
            if (n == 0) {
                RefCount.decref(line);
                return lines;
            }
            lines.append(line);
            RefCount.decref(line);
            total += n;
            if (hint > 0 && total >= hint) {
                return lines;
            }
        }
    }
}
