package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;

/**
 * A file opened in binary mode: CPython's {@code BufferedReader} ('rb'), {@code BufferedWriter}
 * ('wb', 'ab', 'xb') or {@code BufferedRandom} (with '+'), one class whose type says which.
 */
final class PyBufferedFile extends FileObject {
    static final PyType READER = PyType.ofModule("_io", "BufferedReader", IoBase.TYPE);
    static final PyType WRITER = PyType.ofModule("_io", "BufferedWriter", IoBase.TYPE);
    static final PyType RANDOM = PyType.ofModule("_io", "BufferedRandom", IoBase.TYPE);

    private final PyType type;

    PyBufferedFile(FileStream stream, PyObject ownedName, String mode, boolean readable, boolean writable) {
        super(stream, ownedName, mode, readable, writable);
        this.type = readable && writable ? RANDOM : readable ? READER : WRITER;
    }

    @Override
    public PyType type() {
        return type;
    }

    /** A binary stream's operation on a closed file names the operation ("read of closed file"). */
    private void checkOpen(String op) {
        if (isClosed()) {
            throw PyExc.valueError(op + " of closed file");
        }
    }

    private void checkReadable() {
        if (!readable()) {
            throw IoModule.unsupported("read");
        }
    }

    @Override
    PyException closedError() {
        return PyExc.valueError("I/O operation on closed file.");
    }

    @Override
    PyObject readLocked(long n) {
        checkReadable();
        checkOpen("read");
        return PyBytes.wrap(stream.read(n));
    }

    @Override
    PyObject readlineLocked(long limit) {
        checkReadable();
        checkOpen("readline");
        return PyBytes.wrap(stream.readline(limit));
    }

    @Override
    long writeLocked(PyObject data) {
        if (!writable()) {
            throw IoModule.unsupported("write");
        }
        checkOpen("write to");
        byte[] b = IoModule.bytesArg(data);
        stream.write(b);
        return b.length;
    }

    @Override
    long seekLocked(long pos, int whence) {
        checkOpen("seek");
        if (whence < 0 || whence > 2) {
            throw PyExc.notImplemented("seek with whence " + whence + " (SEEK_DATA, SEEK_HOLE)");
        }
        return stream.seek(pos, whence);
    }

    @Override
    long tellLocked() {
        if (isClosed()) {
            throw PyExc.valueError("I/O operation on closed file");
        }
        return stream.tell();
    }

    @Override
    void flushLocked() {
        if (isClosed()) {
            throw writable() ? PyExc.valueError("flush of closed file") : closedError();
        }
        stream.flush();
    }

    @Override
    public String toString() {
        return "<" + type.fullName() + " name=" + Ops.repr(name) + ">";
    }
}
