package org.gilectomy.runtime.interp;

import java.io.PrintStream;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyExc;

/**
 * An interpreter's {@code sys.stdout}: one buffered stream for all its Python threads. A write
 * is one call under the stream's monitor, so the text of one {@code print} is never torn by
 * another thread.
 */
public final class Stdout {
    private final PrintStream out;

    Stdout(PrintStream stream) {
        out = stream;
    }

    /**
     * Writes {@code text}; BrokenPipeError if the stream has failed, as CPython's print raises
     * when the reader of a pipe has gone ({@code prog | head -1}): without it a program printing
     * forever into a closed pipe would never end. PrintStream keeps its IOException to itself,
     * so the error is found by checkError (which flushes: System.out flushes every line
     * anyway) and cannot tell EPIPE from other failures; a closed pipe is the one that happens.
     */
    void write(String text, boolean flush) {
        PrintStream o = out;
        synchronized (o) {
            o.print(text);
            if (flush) {
                o.flush();
            }
            if (o.checkError()) {
                throw new PyException(PyExc.BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe");
            }
        }
    }

    public void flush() {
        out.flush();
    }
}
