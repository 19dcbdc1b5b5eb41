package org.gilectomy.objects;

import java.util.Arrays;
import org.gilectomy.locks.CriticalSection;

/**
 * {@code bytearray}: a mutable sequence of bytes.
 *
 * <p>Overview: the content is {@code data[0 .. size)}. Both fields are plain and guarded by the
 * object's critical section: every read and every write, here and only here, runs inside
 * {@code CriticalSection.begin(this)} (under the GIL builds that costs nothing extra). Callers
 * get copies ({@link #snapshot()}), never the array, so no reference to it escapes the lock.
 * Holds no references to other objects, so nothing is released on dealloc.
 */
public final class PyByteArray extends PyObject implements Container {
    public static final PyType TYPE = new PyType("bytearray", null);

    private byte[] data;
    private int size;

    /** A new bytearray owning {@code content} (the caller must not change it afterwards). */
    public PyByteArray(byte[] content) {
        this.data = content;
        this.size = content.length;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** A copy of the content, taken atomically. */
    public byte[] snapshot() {
        CriticalSection.begin(this);
        try {
            return Arrays.copyOf(data, size);
        } finally {
            CriticalSection.end();
        }
    }

    @Override
    public long length() {
        CriticalSection.begin(this);
        try {
            return size;
        } finally {
            CriticalSection.end();
        }
    }

    /** The byte at {@code i} (negative counts from the end). */
    public int get(long i) {
        CriticalSection.begin(this);
        try {
            return data[checkedIndex(i)] & 0xff;
        } finally {
            CriticalSection.end();
        }
    }

    /** {@code self[i] = v}, v already checked to be in range(0, 256). */
    public void set(long i, int v) {
        CriticalSection.begin(this);
        try {
            data[checkedIndex(i)] = (byte) v;
        } finally {
            CriticalSection.end();
        }
    }

    private int checkedIndex(long i) {
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw PyExc.indexError("bytearray index out of range");
        }
        return (int) j;
    }

    /**
     * {@code self[s] = replacement}, or {@code del self[s]} when {@code replacement} is null.
     * A step of 1 replaces the range by any number of bytes; an extended slice takes exactly as
     * many as it selects (CPython's ValueError otherwise).
     */
    public void setSlice(PySlice s, byte[] replacement) {
        CriticalSection.begin(this);
        try {
            long[] ix = s.indices(size);
            int start = (int) ix[0];
            int step = (int) ix[2];
            int n = (int) ix[3];
            if (step != 1 && replacement != null && replacement.length == 0) {
                replacement = null; // CPython deletes an extended slice assigned no bytes (a list refuses)
            }
            if (step != 1 && replacement != null) {
                if (replacement.length != n) {
                    throw PyExc.valueError("attempt to assign bytes of size " + replacement.length
                            + " to extended slice of size " + n);
                }
                for (int k = 0; k < n; k++) {
                    data[start + k * step] = replacement[k];
                }
                return;
            }
            byte[] next;
            if (replacement != null) { // step 1: head, replacement, tail
                next = new byte[size - n + replacement.length];
                System.arraycopy(data, 0, next, 0, start);
                System.arraycopy(replacement, 0, next, start, replacement.length);
                System.arraycopy(data, start + n, next, start + replacement.length, size - start - n);
            } else { // deletion: keep what the slice does not select, walking it upwards
                int low = step > 0 ? start : start + (n - 1) * step;
                int stride = Math.abs(step);
                next = new byte[size - n];
                int j = 0;
                for (int i = 0; i < size; i++) {
                    boolean selected = n > 0 && i >= low && (i - low) % stride == 0 && (i - low) / stride < n;
                    if (!selected) {
                        next[j++] = data[i];
                    }
                }
            }
            data = next;
            size = next.length;
        } finally {
            CriticalSection.end();
        }
    }

    /** Inserts {@code bytes} before index {@code at} (clamped as list.insert does). */
    public void insert(long at, byte[] bytes) {
        CriticalSection.begin(this);
        try {
            long i = at < 0 ? Math.max(0, at + size) : Math.min(at, size);
            if (size + bytes.length > data.length) {
                data = Arrays.copyOf(data, Math.max(size + bytes.length, 2 * data.length + 8));
            }
            System.arraycopy(data, (int) i, data, (int) i + bytes.length, size - (int) i);
            System.arraycopy(bytes, 0, data, (int) i, bytes.length);
            size += bytes.length;
        } finally {
            CriticalSection.end();
        }
    }

    /** Appends {@code bytes} at the end. */
    public void extend(byte[] bytes) {
        insert(Long.MAX_VALUE, bytes);
    }

    /** Removes and returns the byte at {@code i}: for {@code pop} (its messages) or {@code del}. */
    public int removeAt(long i, boolean popping) {
        CriticalSection.begin(this);
        try {
            if (popping && size == 0) {
                throw PyExc.indexError("pop from empty bytearray");
            }
            long j = i < 0 ? i + size : i;
            if (j < 0 || j >= size) {
                throw PyExc.indexError(popping ? "pop index out of range" : "bytearray index out of range");
            }
            int v = data[(int) j] & 0xff;
            System.arraycopy(data, (int) j + 1, data, (int) j, size - (int) j - 1);
            size--;
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /** Replaces the whole content (clear, reverse, remove, {@code *=}): {@code f} maps the old content to the new. */
    public void update(java.util.function.UnaryOperator<byte[]> f) {
        CriticalSection.begin(this);
        try {
            byte[] next = f.apply(Arrays.copyOf(data, size));
            data = next;
            size = next.length;
        } finally {
            CriticalSection.end();
        }
    }

    @Override
    public PyIterator iterator() {
        return BytesLike.iterator(IteratorTypes.BYTEARRAY, snapshot());
    }

    @Override
    public boolean containsItem(PyObject item) {
        return BytesLike.contains(snapshot(), item);
    }

    @Override
    public boolean equals(Object o) {
        byte[] other = o instanceof PyObject p ? BytesLike.contentOrNull(p) : null;
        return other != null && Arrays.equals(snapshot(), other);
    }

    @Override
    public int hashCode() {
        throw Hashing.unhashable(this);
    }

    @Override
    public String toString() {
        return "bytearray(" + BytesLike.repr(snapshot()) + ")";
    }
}
