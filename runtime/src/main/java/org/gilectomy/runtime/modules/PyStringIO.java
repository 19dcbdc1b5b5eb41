package org.gilectomy.runtime.modules;

import java.util.Arrays;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;

/**
 * {@code io.StringIO}: text in memory, as code points (so positions are CPython's), with
 * CPython's newline handling (None translates on write, "" splits universally, "\r" and "\r\n"
 * are written for {@code \n}).
 */
final class PyStringIO extends MemoryStream {
    static final PyType TYPE = PyType.ofModule("_io", "StringIO", IoBase.TYPE);

    private int[] text = new int[16];
    private final String newline;

    PyStringIO(String initial, String newline) {
        this.newline = newline;
        if (initial != null && !initial.isEmpty()) {
            PyStr s = PyStr.of(initial);
            writeLocked(s); // a new, unshared object: no section needed yet
            org.gilectomy.refcount.RefCount.decref(s);
            position = 0;
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    void release() {
        text = new int[0];
        size = position = 0;
    }

    @Override
    void ensureCapacity(int capacity) {
        if (capacity > text.length) {
            text = Arrays.copyOf(text, Math.max(capacity, text.length * 2));
        }
    }

    String valueLocked() {
        checkClosed();
        return new String(text, 0, size);
    }

    @Override
    PyObject readLocked(long n) {
        int end = readEnd(n);
        int start = Math.min(position, end);
        position = Math.max(position, end);
        return PyStr.of(new String(text, start, end - start));
    }

    @Override
    PyObject readlineLocked(long limit) {
        int end = readEnd(limit);
        int start = Math.min(position, end);
        String line = new String(text, start, end - start);
        int stop = Newlines.lineEnd(line, 0, line.length(), newline == null ? "\n" : newline, true);
        line = line.substring(0, stop);
        position = start + line.codePointCount(0, line.length());
        return PyStr.of(line);
    }

    @Override
    long writeLocked(PyObject data) {
        checkClosed();
        if (!(data instanceof PyStr s)) {
            throw PyExc.typeError("string argument expected, got '" + data.type().name() + "'");
        }
        String t = newline == null ? Newlines.translateRead(s.value) : Newlines.translateWrite(s.value, newline);
        int[] cps = t.codePoints().toArray();
        prepareWrite(cps.length);
        System.arraycopy(cps, 0, text, position, cps.length);
        wrote(cps.length);
        return s.length();
    }

    @Override
    long seekLocked(long pos, int whence) {
        checkClosed();
        if (whence < 0 || whence > 2) {
            throw PyExc.valueError("Invalid whence (" + whence + ", should be 0, 1 or 2)");
        }
        if (whence == 0 && pos < 0) {
            throw PyExc.valueError("Negative seek position " + pos);
        }
        if (whence != 0 && pos != 0) {
            throw new org.gilectomy.objects.PyException(PyExc.OS_ERROR, "Can't do nonzero cur-relative seeks");
        }
        position = whence == 0 ? (int) Math.min(pos, Integer.MAX_VALUE) : whence == 2 ? size : position;
        return position;
    }

    @Override
    org.gilectomy.objects.PyException closedError() {
        return PyExc.valueError("I/O operation on closed file");
    }

    @Override
    public String toString() {
        return "<_io.StringIO object at " + address(this) + ">";
    }
}
