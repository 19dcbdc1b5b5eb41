package org.gilectomy.runtime.modules;

/**
 * Where a line ends in text, under the {@code newline} argument of {@code open()} and
 * {@code StringIO()}: null or "" (universal: {@code \n}, {@code \r\n} or a lone {@code \r}), or
 * the terminator itself ("\n", "\r", "\r\n"); and the translations on reading and writing.
 */
final class Newlines {
    private Newlines() {
    }

    /** Whether {@code newline} is one of the values CPython accepts. */
    static boolean valid(String newline) {
        return newline == null || newline.isEmpty() || newline.equals("\n") || newline.equals("\r")
                || newline.equals("\r\n");
    }

    /**
     * The index just past the first line end in {@code s[from, to)}; {@code to} if there is none
     * and {@code atEnd}; -1 if undecided until more text comes (no end yet, or a final
     * {@code \r} that a {@code \n} might follow).
     */
    static int lineEnd(CharSequence s, int from, int to, String newline, boolean atEnd) {
        boolean universal = newline == null || newline.isEmpty();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (universal) {
                if (c == '\n') {
                    return i + 1;
                }
                if (c == '\r') {
                    if (i + 1 < to) {
                        return s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    }
                    return atEnd ? i + 1 : -1;
                }
            } else if (c == newline.charAt(0)) {
                if (newline.length() == 1) {
                    return i + 1;
                }
                if (i + 1 < to) {
                    if (s.charAt(i + 1) == '\n') {
                        return i + 2;
                    }
                } else if (!atEnd) {
                    return -1;
                }
            }
        }
        return atEnd ? to : -1;
    }

    /** Text read with {@code newline=None}: every {@code \r\n} and lone {@code \r} becomes {@code \n}. */
    static String translateRead(String raw) {
        return raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Text written: {@code \n} becomes the terminator when it is "\r" or "\r\n". */
    static String translateWrite(String text, String newline) {
        return newline != null && newline.startsWith("\r") ? text.replace("\n", newline) : text;
    }
}
