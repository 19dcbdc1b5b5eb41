package org.gilectomy.runtime.modules;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;

/**
 * What {@code StringIO} and {@code BytesIO} share: a growable array of items (code points or
 * bytes), a position, and a critical section on the object around every operation, so threads
 * sharing one stream see each write whole (CPython 3.13t takes the same section).
 *
 * <pre>
 * Overview
 *
 * size, position, closed and the subclass's array: guarded by the object's critical section
 * (lock/unlock), never read outside it.
 * </pre>
 */
abstract class MemoryStream extends IoBase {
    int size;
    int position;
    private boolean closed;

    @Override
    final void lock() {
        CriticalSection.begin(this);
    }

    @Override
    final void unlock() {
        CriticalSection.end();
    }

    @Override
    final boolean isClosed() {
        return closed;
    }

    @Override
    PyException closedError() {
        return PyExc.valueError("I/O operation on closed file.");
    }

    @Override
    void closeLocked() {
        closed = true;
        release();
    }

    /** Drops the content (close). */
    abstract void release();

    /** Makes room for {@code capacity} items, zero-filled past {@code size}. */
    abstract void ensureCapacity(int capacity);

    @Override
    final boolean readable() {
        return true;
    }

    @Override
    final boolean writable() {
        return true;
    }

    @Override
    final long tellLocked() {
        checkClosed();
        return position;
    }

    @Override
    final void flushLocked() {
        checkClosed();
    }

    /** The end of a read of {@code n} items from the position (n < 0: to the end). */
    final int readEnd(long n) {
        checkClosed();
        int start = Math.min(position, size);
        return n < 0 || n > size - start ? size : start + (int) n;
    }

    /** Room for writing {@code n} items at the position (a gap after the end is zero-filled). */
    final void prepareWrite(int n) {
        long end = (long) position + n;
        if (end > Integer.MAX_VALUE - 8) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "new position too large");
        }
        ensureCapacity((int) end);
    }

    /** After writing {@code n} items at the position. */
    final void wrote(int n) {
        position += n;
        size = Math.max(size, position);
    }

    /** {@code truncate(size=None)}: cuts at {@code at} (the position if negative); the new size. */
    final long truncateLocked(long at) {
        checkClosed();
        long cut = at < 0 ? position : at;
        if (cut < size) {
            size = (int) cut;
        }
        return cut;
    }
}
