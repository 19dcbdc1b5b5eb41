package org.gilectomy.runtime.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/*
 * Overview
 *
 * sys.stdin of one interpreter, and input(): UTF-8 text read from the interpreter's input
 * stream (the process's standard input, or what a test gives); line ends are kept as they
 * come (CPython reads a piped stdin with newline='\n' on Linux, so "\r\n" stays). Threads may read at once: each read holds the object's
 * lock for the whole operation (so a line is never split between two readers, as in CPython,
 * whose buffered reader takes its own lock), and waits for input and for that lock with the
 * GIL released (Blocking.run), touching no Python object meanwhile. The text read ahead
 * (pending) is guarded by the lock; the result becomes a str after the lock is released.
 */
final class Stdin extends org.gilectomy.objects.PyIterator {
    private final Reader reader;
    private final ReentrantLock lock = new ReentrantLock();
    /** Decoded text not handed out yet; guarded by lock. */
    private final StringBuilder pending = new StringBuilder();
    /** Guarded by lock: the stream has ended. */
    private boolean eof;

    Stdin(InputStream in) {
        super(STATIC_REFS); // lives as long as its interpreter, as the other standard streams
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public PyType type() {
        return StdStreams.TYPE;
    }

    @Override
    public String toString() {
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>";
    }

    /** What one operation reads, given the read-ahead text; runs under the lock. */
    private interface Take {
        String from(Stdin s) throws IOException;
    }

    /** Runs {@code take} holding the lock, with the GIL released; OSError if the stream fails. */
    private String locked(Take take) {
        String[] result = new String[1];
        IOException[] failed = new IOException[1];
        Blocking.run(() -> {
            lock.lockInterruptibly();
            try {
                result[0] = take.from(this);
            } catch (IOException e) {
                failed[0] = e;
            } finally {
                lock.unlock();
            }
        });
        if (failed[0] != null) {
            throw new PyException(PyExc.OS_ERROR, String.valueOf(failed[0].getMessage()));
        }
        return result[0];
    }

    /** Reads more text into pending; false at the end of the stream. Lock held. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        char[] buf = new char[8192];
        int n = reader.read(buf);
        if (n < 0) {
            eof = true;
            return false;
        }
        pending.append(buf, 0, n);
        return true;
    }

    /** Up to {@code limit} characters (negative: no limit) through the first newline. Lock held. */
    private String line(long limit) throws IOException {
        int scanned = 0;
        while (true) {
            int nl = pending.indexOf("\n", scanned);
            int end = nl >= 0 ? nl + 1 : -1;
            if (limit >= 0 && (end < 0 ? pending.length() : end) >= limit) {
                end = (int) limit;
            }
            if (end < 0) {
                scanned = pending.length(); // no newline up to here
                if (!fill()) {
                    end = pending.length();
                }
            }
            if (end >= 0) {
                String s = pending.substring(0, end);
                pending.delete(0, end);
                return s;
            }
        }
    }

    /** Up to {@code limit} characters (negative: all until the end). Lock held. */
    private String chars(long limit) throws IOException {
        while ((limit < 0 || pending.length() < limit) && fill()) {
            // read on
        }
        int end = limit < 0 ? pending.length() : (int) Math.min(limit, pending.length());
        String s = pending.substring(0, end);
        pending.delete(0, end);
        return s;
    }

    /** {@code for line in sys.stdin}: the next line, null at the end. */
    @Override
    public PyObject next() {
        String l = readline(-1);
        return l.isEmpty() ? null : PyStr.of(l);
    }

    String readline(long limit) {
        return locked(s -> s.line(limit));
    }

    private static long limitArg(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        Args.between(fn, n - 1, 0, 1, kw);
        PyObject v = n > 1 ? a[off + 1] : PyNone.NONE;
        return v == PyNone.NONE ? -1 : Args.asIndex(v);
    }

    private static Stdin self(PyObject o) {
        if (o instanceof Stdin s) {
            return s;
        }
        throw new PyException(org.gilectomy.runtime.modules.IoModule.UNSUPPORTED, "not readable");
    }

    /** The reading methods of {@code sys.stdin}, on the standard streams' type. */
    static void install() {
        StdStreams.TYPE.addMethod("read", (a, off, n, kw) -> {
            long limit = limitArg("read", a, off, n, kw);
            return PyStr.of(self(a[off]).locked(s -> s.chars(limit)));
        });
        StdStreams.TYPE.addMethod("readline", (a, off, n, kw) -> {
            long limit = limitArg("readline", a, off, n, kw);
            return PyStr.of(self(a[off]).readline(limit));
        });
        StdStreams.TYPE.addMethod("readlines", (a, off, n, kw) -> {
            Args.exactly("readlines", n - 1, 0, kw);
            Stdin in = self(a[off]);
            PyList lines = new PyList();
            for (String l = in.readline(-1); !l.isEmpty(); l = in.readline(-1)) {
                PyStr s = PyStr.of(l);
                lines.append(s);
                RefCount.decref(s);
            }
            return lines;
        });
        StdStreams.TYPE.addMethod("readable", (a, off, n, kw) -> org.gilectomy.objects.PyBool.of(a[off] instanceof Stdin));
    }

    /** {@code f.readline()} of a replaced {@code sys.stdin}. */
    private static String readlineOf(PyObject f) {
        PyObject readline = Ops.getAttr(f, "readline");
        PyObject r;
        try {
            r = Ops.call(readline);
        } finally {
            RefCount.decref(readline);
        }
        try {
            if (!(r instanceof PyStr str)) {
                throw PyExc.typeError("object.readline() returned non-string");
            }
            return str.value;
        } finally {
            RefCount.decref(r);
        }
    }

    /** {@code input([prompt])}: the prompt to stdout, then a line of {@code sys.stdin} without its newline. */
    static PyObject input(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("input", n, 0, 1, kw);
        Interpreter interp = Interpreter.current();
        if (n == 1) {
            interp.stdout.write(Ops.str(a[off]), true);
        } else {
            interp.stdout.flush();
        }
        PyObject in = interp.modules.sysAttr("stdin");
        if (in == null) {
            throw new PyException(PyExc.RUNTIME_ERROR, "input(): lost sys.stdin");
        }
        String line;
        try {
            line = in instanceof Stdin s ? s.readline(-1) : readlineOf(in);
        } finally {
            RefCount.decref(in);
        }
        if (line.isEmpty()) {
            throw new PyException(PyExc.EOF_ERROR, "EOF when reading a line");
        }
        return PyStr.of(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
    }
}
