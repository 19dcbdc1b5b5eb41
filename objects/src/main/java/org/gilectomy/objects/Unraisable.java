package org.gilectomy.objects;

/**
 * Exceptions that have nowhere to propagate (raised by {@code __del__}, or by a weak reference's
 * callback): reported as CPython's {@code PyErr_WriteUnraisable} does, "Exception ignored in:
 * WHAT" and the traceback on stderr, then dropped. The interpreter installs the writer (it
 * owns stderr and the traceback format); before that, the process's stderr gets the exception's
 * message.
 */
public final class Unraisable {
    /** Writes "Exception ignored in: {@code what}" and {@code e}'s traceback; does not release e. */
    public interface Writer {
        void write(String what, PyException e);
    }

    private static volatile Writer writer = (what, e) -> System.err.print("Exception ignored in: " + what + "\n" + e + "\n");

    private Unraisable() {
    }

    public static void install(Writer w) {
        writer = w;
    }

    /** Reports {@code e} (raised in code called for {@code what}), then releases it. */
    public static void report(String what, PyException e) {
        try {
            writer.write(what, e);
        } finally {
            e.release();
        }
    }
}
