package org.gilectomy.runtime.interp;

import java.io.PrintStream;

/**
 * {@code sys.stdout}: one buffered stream for all Python threads. A write is one call under
 * the stream's monitor, so the text of one {@code print} is never torn by another thread.
 */
final class Stdout {
    private static volatile PrintStream out = System.out;

    private Stdout() {
    }

    static void install(PrintStream stream) {
        out = stream;
    }

    static void write(String text, boolean flush) {
        PrintStream o = out;
        synchronized (o) {
            o.print(text);
            if (flush) {
                o.flush();
            }
        }
    }

    static void flush() {
        out.flush();
    }
}
