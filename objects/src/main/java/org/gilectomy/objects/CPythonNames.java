package org.gilectomy.objects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names CPython 3.11 has (built-ins, standard-library modules, and the attributes of the
 * modules this runtime provides), so that a lookup that fails here but would succeed in
 * CPython raises CPython's own error (NameError, ModuleNotFoundError, AttributeError,
 * ImportError, with CPython's message) plus a note that this runtime does not support the name
 * (PEP 678: printed on the line after the exception's). A name CPython lacks as well gets no
 * note, so the error is exactly CPython's.
 *
 * <p>The list ({@code cpython311-names.txt}, names only) was generated with python3 3.11.7:
 * {@code dir(builtins)}, {@code sys.stdlib_module_names}, and {@code dir(m)} of threading,
 * queue, socket, time, sys, math and random (public names).
 */
public final class CPythonNames {
    private static final Set<String> ENTRIES = load();

    private CPythonNames() {
    }

    private static Set<String> load() {
        Set<String> s = new HashSet<>();
        try (InputStream in = CPythonNames.class.getResourceAsStream("cpython311-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("cpython311-names.txt is missing from the runtime's classes");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    s.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /** CPython 3.11's {@code sys.stdlib_module_names}. */
    public static java.util.List<String> stdlibModules() {
        java.util.List<String> r = new java.util.ArrayList<>();
        for (String e : ENTRIES) {
            if (e.startsWith("module ")) {
                r.add(e.substring("module ".length()));
            }
        }
        java.util.Collections.sort(r);
        return r;
    }

    /** The note for a name that is not defined: null unless it is one of CPython's built-ins. */
    public static String builtinNote(String name) {
        return ENTRIES.contains("builtin " + name)
                ? "'" + name + "' is a built-in of CPython 3.11 that this runtime does not support" : null;
    }

    /** The note for a module that cannot be imported: null unless CPython's standard library has it. */
    public static String moduleNote(String name) {
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return ENTRIES.contains("module " + top)
                ? "the module '" + name + "' of CPython 3.11's standard library is not supported by this runtime" : null;
    }

    /** The note for an attribute a module lacks: null unless CPython's module has it. */
    public static String attributeNote(String module, String name) {
        return ENTRIES.contains("attr " + module + " " + name)
                ? "'" + module + "." + name + "' of CPython 3.11 is not supported by this runtime" : null;
    }
}
