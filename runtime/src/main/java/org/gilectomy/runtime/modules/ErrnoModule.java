package org.gilectomy.runtime.modules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;

/**
 * CPython's {@code errno}: Linux's error numbers as constants and {@code errorcode} (number to
 * name). The table (numbers, names, and the C library's message for each, which
 * {@code os.strerror} and OSError's text use) is the resource {@code linux-errno.txt}, read once.
 */
public final class ErrnoModule {
    /** One error number: its names (the first is errorcode's) and its message. */
    record Code(int number, String[] names, String message) {
    }

    private static final List<Code> CODES = load();
    private static final Map<Integer, Code> BY_NUMBER = new HashMap<>();
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (Code c : CODES) {
            BY_NUMBER.put(c.number, c);
            for (String name : c.names) {
                BY_NAME.put(name, c.number);
            }
        }
    }

    private ErrnoModule() {
    }

    private static List<Code> load() {
        List<Code> codes = new ArrayList<>();
        try (InputStream in = ErrnoModule.class.getResourceAsStream("linux-errno.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ", 3);
                codes.add(new Code(Integer.parseInt(f[0]), f[1].split(","), f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    /** The number of the errno called {@code name} ({@code "ENOENT"}); the name must exist. */
    static int number(String name) {
        Integer n = BY_NAME.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no errno " + name);
        }
        return n;
    }

    /** The C library's message for error {@code number}, as strerror(3) words an unknown one. */
    static String message(long number) {
        Code c = number == (int) number ? BY_NUMBER.get((int) number) : null;
        return c != null ? c.message : "Unknown error " + number;
    }

    public static PyModule module() {
        PyModule m = new PyModule("errno");
        PyDict errorcode = new PyDict();
        for (Code c : CODES) {
            PyObject num = PyInt.of(c.number);
            for (String name : c.names) {
                Defs.constant(m, name, PyInt.of(c.number));
            }
            PyObject name = PyStr.of(c.names[0]);
            errorcode.put(num, name);
            RefCount.decref(num);
            RefCount.decref(name);
        }
        Defs.constant(m, "errorcode", errorcode);
        return m;
    }
}
