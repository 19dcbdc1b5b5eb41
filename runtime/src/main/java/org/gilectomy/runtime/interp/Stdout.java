package org.gilectomy.runtime.interp;

import java.io.PrintStream;

/**
 * An interpreter's {@code sys.stdout}: one buffered stream for all its Python threads. A write
 * is one call under the stream's monitor, so the text of one {@code print} is never torn by
 * another thread.
 */
final class Stdout {
    private final PrintStream out;

    Stdout(PrintStream stream) {
        out = stream;
    }

    void write(String text, boolean flush) {
        PrintStream o = out;
        synchronized (o) {
            o.print(text);
            if (flush) {
                o.flush();
            }
        }
    }

    void flush() {
        out.flush();
    }
}
