package org.gilectomy.runtime.modules;

import java.util.Arrays;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;

/** {@code io.BytesIO}: bytes in memory. */
final class PyBytesIO extends MemoryStream {
    static final PyType TYPE = PyType.ofModule("_io", "BytesIO", IoBase.TYPE);

    private byte[] data = new byte[16];

    PyBytesIO(byte[] initial) {
        if (initial != null) {
            ensureCapacity(initial.length);
            System.arraycopy(initial, 0, data, 0, initial.length);
            size = initial.length;
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    void release() {
        data = new byte[0];
        size = position = 0;
    }

    @Override
    void ensureCapacity(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, Math.max(capacity, data.length * 2));
        }
    }

    byte[] valueLocked() {
        checkClosed();
        return Arrays.copyOf(data, size);
    }

    @Override
    PyObject readLocked(long n) {
        int end = readEnd(n);
        int start = Math.min(position, end);
        position = Math.max(position, end);
        return PyBytes.wrap(Arrays.copyOfRange(data, start, end));
    }

    @Override
    PyObject readlineLocked(long limit) {
        int end = readEnd(limit);
        int start = Math.min(position, end);
        int stop = start;
        while (stop < end && data[stop] != '\n') {
            stop++;
        }
        stop = Math.min(end, stop + 1);
        position = Math.max(position, stop);
        return PyBytes.wrap(Arrays.copyOfRange(data, start, stop));
    }

    @Override
    long writeLocked(PyObject obj) {
        checkClosed();
        byte[] b = IoModule.bytesArg(obj);
        prepareWrite(b.length);
        System.arraycopy(b, 0, data, position, b.length);
        wrote(b.length);
        return b.length;
    }

    @Override
    long seekLocked(long pos, int whence) {
        checkClosed();
        if (whence < 0 || whence > 2) {
            throw PyExc.valueError("invalid whence (" + whence + ", should be 0, 1 or 2)");
        }
        if (whence == 0 && pos < 0) {
            throw PyExc.valueError("negative seek value " + pos);
        }
        long base = whence == 0 ? 0 : whence == 1 ? position : size;
        position = (int) Math.max(0, Math.min(base + pos, Integer.MAX_VALUE));
        return position;
    }

    @Override
    public String toString() {
        return "<_io.BytesIO object at " + address(this) + ">";
    }
}
