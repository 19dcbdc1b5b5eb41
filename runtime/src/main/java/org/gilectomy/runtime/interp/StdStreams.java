package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * {@code sys.stdout} and {@code sys.stderr} as objects with {@code write} and {@code flush}, for
 * {@code print(..., file=sys.stderr)}, one pair per interpreter. Text to stdout goes through
 * the interpreter's {@link Stdout} (one buffer for all its threads); text to stderr is written and flushed at once after flushing stdout, so
 * the two interleave as in a terminal.
 */
final class StdStreams {
    static final PyType TYPE = new PyType("_io.TextIOWrapper", null);

    private StdStreams() {
    }

    /** A standard stream of one interpreter: which one, and whose. */
    static final class Stream extends PyObject {
        final Interpreter interp;
        final boolean isErr;

        Stream(Interpreter interp, boolean isErr) {
            super(STATIC_REFS);
            this.interp = interp;
            this.isErr = isErr;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public String toString() {
            return "<_io.TextIOWrapper name='<" + (isErr ? "stderr" : "stdout") + ">' mode='w' encoding='utf-8'>";
        }
    }

    static {
        TYPE.addMethod("write", (a, off, n, kw) -> {
            Args.exactly("write", n - 1, 1, kw);
            if (!(a[off + 1] instanceof PyStr s)) {
                throw PyExc.typeError("write() argument must be str, not " + a[off + 1].type().name());
            }
            write(a[off], s.value, false);
            return PyInt.of(s.value.length());
        });
        TYPE.addMethod("flush", (a, off, n, kw) -> {
            Args.exactly("flush", n - 1, 0, kw);
            write(a[off], "", true);
            return PyNone.newRef();
        });
        Stdin.install();
    }

    /** Writes to a standard stream, or calls {@code file.write(text)} on any other object. */
    static void write(PyObject file, String text, boolean flush) {
        if (file instanceof Stdin) {
            if (flush && text.isEmpty()) {
                return; // sys.stdin.flush() does nothing
            }
            throw new org.gilectomy.objects.PyException(org.gilectomy.runtime.modules.IoModule.UNSUPPORTED, "not writable");
        }
        if (file instanceof Stream s) {
            if (!s.isErr) {
                s.interp.stdout.write(text, flush);
                return;
            }
            s.interp.stdout.flush();
            PrintStream err = s.interp.err;
            synchronized (err) {
                err.print(text);
                err.flush();
            }
            return;
        }
        PyObject w = Ops.getAttr(file, "write");
        PyStr t = PyStr.of(text);
        try {
            RefCount.decref(Ops.call(w, t));
        } finally {
            RefCount.decref(t);
            RefCount.decref(w);
        }
    }
}
