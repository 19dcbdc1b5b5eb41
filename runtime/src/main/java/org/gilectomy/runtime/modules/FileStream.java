package org.gilectomy.runtime.modules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;
import org.gilectomy.objects.PyObject;
import org.gilectomy.runtime.interp.Blocking;

/**
 * The byte layer under a file object (CPython's FileIO and the buffer of BufferedReader,
 * BufferedWriter and BufferedRandom): a file opened for reading, writing or both, a read-ahead
 * buffer and a buffer of pending writes (at most one of the two non-empty at a time).
 *
 * <p>Every system call ({@code read}, {@code write}, {@code lseek}, {@code close}) runs through
 * {@link Blocking}, with the GIL released, as CPython's {@code Py_BEGIN_ALLOW_THREADS}. A
 * {@link RandomAccessFile} is used rather than a {@code FileChannel} because an interrupt (Ctrl-C
 * reaching a blocked thread) would close a channel. Not thread-safe: the file object's lock
 * ({@link FileObject}) serialises callers.
 */
final class FileStream {
    static final int BUFFER_SIZE = 8192;

    private final RandomAccessFile file;
    private final boolean append;
    private final byte[] readBuf = new byte[BUFFER_SIZE];
    private int readPos;
    private int readEnd;
    private final ByteArrayOutputStream writeBuf = new ByteArrayOutputStream();
    /** Where the operating system's file position is (so reading it costs no system call). */
    private long osPos;
    private boolean closed;
    /** Set when the file object is freed: it may be freed on a thread with no Python state (the buffered build's commit thread), so its last calls run directly. */
    private boolean freeing;

    private FileStream(RandomAccessFile file, boolean append) {
        this.file = file;
        this.append = append;
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs one system call with the GIL released; an IOException becomes CPython's OSError,
     * naming {@code name} if not null (only opening names the file, as in CPython).
     */
    @SuppressWarnings("unchecked")
    private static <T> T blocking(PyObject name, IoCall<T> c) {
        Object[] result = new Object[1];
        IOException[] failure = new IOException[1];
        Blocking.run(() -> {
            try {
                result[0] = c.call();
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw OsErrors.of(failure[0], name);
        }
        return (T) result[0];
    }

    /**
     * Opens {@code path} with CPython's creation modes: 'r' reads an existing file, 'w'
     * truncates or creates, 'x' creates a new one, 'a' appends; {@code plus} adds the other
     * direction. {@code name} is what an error names (the program's argument).
     */
    static FileStream open(String path, char kind, boolean plus, PyObject name) {
        java.io.File f = new java.io.File(path);
        RandomAccessFile raf = blocking(name, () -> {
            if (kind == 'x' && f.exists()) {
                throw new IOException("File exists");
            }
            if (kind != 'r' && f.isDirectory()) {
                throw new IOException("Is a directory");
            }
            RandomAccessFile r = new RandomAccessFile(f, kind == 'r' && !plus ? "r" : "rw");
            if (kind == 'w' && f.isFile()) { // O_TRUNC; a device (/dev/null) has nothing to cut
                r.setLength(0);
            }
            return r;
        });
        FileStream s = new FileStream(raf, kind == 'a');
        if (kind == 'a') {
            s.osPos = blocking(name, raf::length);
            blocking(name, () -> { raf.seek(s.osPos); return null; });
        }
        return s;
    }

    boolean isClosed() {
        return closed;
    }

    long tell() {
        return osPos - (readEnd - readPos) + writeBuf.size();
    }

    /** Up to {@code n} bytes ({@code n < 0}: all that is left); empty at the end. */
    byte[] read(long n) {
        flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (n < 0 || out.size() < n) {
            if (readPos == readEnd && !fill()) {
                break;
            }
            int take = (int) Math.min(readEnd - readPos, n < 0 ? Integer.MAX_VALUE : n - out.size());
            out.write(readBuf, readPos, take);
            readPos += take;
        }
        return out.toByteArray();
    }

    /** What the read-ahead holds, else one read of the file; empty at the end. */
    byte[] readChunk() {
        flush();
        if (readPos == readEnd && !fill()) {
            return new byte[0];
        }
        byte[] r = Arrays.copyOfRange(readBuf, readPos, readEnd);
        readPos = readEnd;
        return r;
    }

    /** A line ending in {@code \n} (or the rest of the file), at most {@code limit} bytes if {@code limit >= 0}. */
    byte[] readline(long limit) {
        flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (limit < 0 || out.size() < limit) {
            if (readPos == readEnd && !fill()) {
                break;
            }
            int end = readPos;
            long room = limit < 0 ? Long.MAX_VALUE : limit - out.size();
            while (end < readEnd && end - readPos < room && readBuf[end] != '\n') {
                end++;
            }
            boolean newline = end < readEnd && end - readPos < room; // stopped at '\n'
            if (newline) {
                end++;
            }
            out.write(readBuf, readPos, end - readPos);
            readPos = end;
            if (newline) {
                break;
            }
        }
        return out.toByteArray();
    }

    private boolean fill() {
        int n = sys(() -> file.read(readBuf, 0, readBuf.length));
        if (n <= 0) {
            readPos = readEnd = 0;
            return false;
        }
        osPos += n;
        readPos = 0;
        readEnd = n;
        return true;
    }

    void write(byte[] data) {
        if (readPos != readEnd) { // the logical position is behind the read-ahead: go back to it
            long at = tell();
            readPos = readEnd = 0;
            seekOs(at);
        }
        writeBuf.write(data, 0, data.length);
        if (writeBuf.size() >= BUFFER_SIZE) {
            flush();
        }
    }

    void flush() {
        if (writeBuf.size() == 0) {
            return;
        }
        byte[] data = writeBuf.toByteArray();
        writeBuf.reset();
        sys(() -> {
            if (append) {
                osPos = file.length();
                file.seek(osPos);
            }
            file.write(data);
            return null;
        });
        osPos += data.length;
    }

    /** lseek: the new position; EINVAL for a negative one. */
    long seek(long pos, int whence) {
        flush();
        long base = whence == 0 ? 0 : whence == 1 ? tell() : (long) sys(file::length);
        long target = base + pos;
        if (target < 0) {
            throw OsErrors.of("EINVAL", null);
        }
        readPos = readEnd = 0;
        seekOs(target);
        return target;
    }

    private void seekOs(long target) {
        sys(() -> { file.seek(target); return null; });
        osPos = target;
    }

    /** The system calls after open: through {@link Blocking}, or directly once {@link #freeing}. */
    private <T> T sys(IoCall<T> c) {
        if (!freeing) {
            return blocking(null, c);
        }
        try {
            return c.call();
        } catch (IOException e) {
            throw OsErrors.of(e, null);
        }
    }

    /** The file object is being freed: flush and close, from whatever thread frees it. */
    void closeFreeing() {
        freeing = true;
        close();
    }

    /** Flushes and closes; a second call does nothing. */
    void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            sys(() -> { file.close(); return null; });
        }
    }
}
