package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code _io} (Modules/_io/): {@code open}, {@code StringIO}, {@code BytesIO} and the
 * file types {@code open} returns. Also served as {@code io}: CPython's {@code io.py} derives
 * its ABCs from {@code _io}'s classes with {@code abc.ABCMeta}, which this runtime cannot load
 * yet, so {@code import io} gets this module with io's constants added.
 *
 * <p>Not supported (an error saying so): file descriptors as {@code open}'s file, unbuffered
 * binary files ({@code buffering=0}, CPython's FileIO), error handlers other than strict, an
 * {@code opener}, {@code closefd=False}.
 */
public final class IoModule {
    /** {@code io.UnsupportedOperation}: CPython derives it from OSError and ValueError; here from OSError only. */
    public static final PyType UNSUPPORTED = PyType.ofModule("io", "UnsupportedOperation", PyExc.OS_ERROR);

    private IoModule() {
    }

    static PyException unsupported(String message) {
        return new PyException(UNSUPPORTED, message);
    }

    /** The bytes of a bytes-like argument, with CPython's error for anything else. */
    static byte[] bytesArg(PyObject o) {
        if (o instanceof PyBytes b) {
            return b.toByteArray();
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + o.type().name() + "'");
    }

    /** The {@code _io} module (and {@code io}, named {@code name}). */
    public static PyModule module(String name) {
        PyModule m = new PyModule(name);
        Defs.def(m, "open", IoModule::open);
        Defs.type(m, PyStringIO.TYPE);
        Defs.type(m, PyBytesIO.TYPE);
        Defs.type(m, PyTextFile.TYPE);
        Defs.type(m, PyBufferedFile.READER);
        Defs.type(m, PyBufferedFile.WRITER);
        Defs.type(m, PyBufferedFile.RANDOM);
        Defs.type(m, UNSUPPORTED);
        Defs.constant(m, "DEFAULT_BUFFER_SIZE", PyInt.of(FileStream.BUFFER_SIZE));
        if (name.equals("io")) {
            Defs.constant(m, "SEEK_SET", PyInt.of(0));
            Defs.constant(m, "SEEK_CUR", PyInt.of(1));
            Defs.constant(m, "SEEK_END", PyInt.of(2));
        }
        return m;
    }

    static {
        PyStringIO.TYPE.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("StringIO", a, off, n, kw, 0, "initial_value", "newline");
            if (p[0] != null && p[0] != PyNone.NONE && !(p[0] instanceof PyStr)) {
                throw PyExc.typeError("initial_value must be str or None, not " + p[0].type().name());
            }
            String newline = p[1] == null ? "\n" : newlineArg(p[1], true);
            return new PyStringIO(p[0] instanceof PyStr s ? s.value : null, newline);
        };
        PyBytesIO.TYPE.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("BytesIO", a, off, n, kw, 0, "initial_bytes");
            return new PyBytesIO(p[0] == null || p[0] == PyNone.NONE ? null : bytesArg(p[0]));
        };
        PyStringIO.TYPE.addMethod("getvalue", (a, off, n, kw) -> {
            Args.exactly("getvalue", n - 1, 0, kw);
            PyStringIO s = (PyStringIO) a[off];
            s.lock();
            try {
                return PyStr.of(s.valueLocked());
            } finally {
                s.unlock();
            }
        });
        PyBytesIO.TYPE.addMethod("getvalue", (a, off, n, kw) -> {
            Args.exactly("getvalue", n - 1, 0, kw);
            PyBytesIO s = (PyBytesIO) a[off];
            s.lock();
            try {
                return PyBytes.wrap(s.valueLocked());
            } finally {
                s.unlock();
            }
        });
        for (PyType t : new PyType[] {PyStringIO.TYPE, PyBytesIO.TYPE}) {
            t.addMethod("truncate", (a, off, n, kw) -> {
                Args.between("truncate", n - 1, 0, 1, kw);
                long at = n > 1 && a[off + 1] != PyNone.NONE ? Args.asLong(a[off + 1]) : -1;
                if (n > 1 && at < 0 && a[off + 1] != PyNone.NONE) {
                    throw PyExc.valueError("Negative size value " + at);
                }
                MemoryStream s = (MemoryStream) a[off];
                s.lock();
                try {
                    return PyInt.of(s.truncateLocked(at));
                } finally {
                    s.unlock();
                }
            });
        }
    }

    /** A newline argument; StringIO's error quotes the bad value, open's does not (as CPython's). */
    private static String newlineArg(PyObject o, boolean quote) {
        if (o != PyNone.NONE && !(o instanceof PyStr)) {
            throw PyExc.typeError("newline must be str or None, not " + o.type().name());
        }
        String nl = o == PyNone.NONE ? null : ((PyStr) o).value;
        if (!Newlines.valid(nl)) {
            throw PyExc.valueError("illegal newline value: " + (quote ? PyStr.repr(nl) : nl));
        }
        return nl;
    }

    /**
     * The built-in {@code open(file, mode='r', buffering=-1, encoding=None, errors=None,
     * newline=None, closefd=True, opener=None)}.
     */
    public static PyObject open(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("open", a, off, n, kw, 1, "file", "mode", "buffering", "encoding", "errors",
                "newline", "closefd", "opener");
        PyObject file = p[0];
        if (file instanceof PyInt) {
            throw PyExc.notImplemented("open() of a file descriptor");
        }
        if (!(file instanceof PyStr path)) {
            throw PyExc.typeError("expected str, bytes or os.PathLike object, not " + file.type().name());
        }
        String mode = p[1] == null ? "r" : Params.str(p[1]);
        long buffering = Params.optLong(p[2], -1);
        String encoding = Params.strOrNone(p[3]);
        String errors = Params.strOrNone(p[4]);
        if (errors != null && !errors.equals("strict")) {
            throw PyExc.notImplemented("the error handler '" + errors + "'");
        }
        if (p[6] != null && p[6] != PyNone.NONE && !org.gilectomy.objects.Ops.isTrue(p[6])) {
            throw PyExc.notImplemented("open() with closefd=False");
        }
        if (p[7] != null && p[7] != PyNone.NONE) {
            throw PyExc.notImplemented("open() with an opener");
        }
        Mode md = Mode.parse(mode);
        if (md.binary && encoding != null) {
            throw PyExc.valueError("binary mode doesn't take an encoding argument");
        }
        if (md.binary && errors != null) {
            throw PyExc.valueError("binary mode doesn't take an errors argument");
        }
        String newline = p[5] == null ? null : newlineArg(p[5], false);
        if (md.binary && newline != null) {
            throw PyExc.valueError("binary mode doesn't take a newline argument");
        }
        if (md.binary && buffering == 0) {
            throw PyExc.notImplemented("unbuffered binary files (buffering=0, CPython's FileIO)");
        }
        if (!md.binary && buffering == 0) {
            throw PyExc.valueError("can't have unbuffered text I/O");
        }
        if (encoding != null) {
            PyBytes.charset(encoding); // LookupError: unknown encoding, before the file is made
        }
        FileStream stream = FileStream.open(path.value, md.kind, md.plus, path);
        RefCount.incref(path); // the file object's
        boolean readable = md.kind == 'r' || md.plus;
        boolean writable = md.kind != 'r' || md.plus;
        if (md.binary) {
            return new PyBufferedFile(stream, path, md.rawMode(), readable, writable);
        }
        return new PyTextFile(stream, path, mode, readable, writable, encoding == null ? "UTF-8" : encoding, newline);
    }

    /** A parsed mode string: one of r/w/x/a, '+', 'b' or 't', with CPython's errors. */
    private record Mode(char kind, boolean plus, boolean binary) {
        static Mode parse(String mode) {
            char kind = 0;
            boolean plus = false;
            boolean binary = false;
            boolean text = false;
            for (int i = 0; i < mode.length(); i++) {
                char c = mode.charAt(i);
                if ("rwxabt+".indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) {
                    throw PyExc.valueError("invalid mode: '" + mode + "'");
                }
                switch (c) {
                    case '+' -> plus = true;
                    case 'b' -> binary = true;
                    case 't' -> text = true;
                    default -> {
                        if (kind != 0) {
                            throw PyExc.valueError("must have exactly one of create/read/write/append mode");
                        }
                        kind = c;
                    }
                }
            }
            if (text && binary) {
                throw PyExc.valueError("can't have text and binary mode at once");
            }
            if (kind == 0) {
                throw PyExc.valueError("Must have exactly one of create/read/write/append mode and at most one plus");
            }
            return new Mode(kind, plus, binary);
        }

        /** FileIO's mode, which a binary file reports: 'rb', 'wb', 'ab', 'xb', with '+' as 'rb+' ('w+b' too). */
        String rawMode() {
            if (!plus) {
                return kind + "b";
            }
            return (kind == 'w' ? 'r' : kind) + "b+";
        }
    }
}
