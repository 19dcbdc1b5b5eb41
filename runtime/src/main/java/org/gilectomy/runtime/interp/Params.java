package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;

/**
 * Parameters of built-in functions and methods that take both positional and keyword
 * arguments ({@code str.split(sep=None, maxsplit=-1)}), bound by name, with CPython's errors.
 */
public final class Params {
    private Params() {
    }

    /**
     * The arguments bound to {@code names}, borrowed, null where not given. Positional ones are
     * {@code a[off .. off+n)}, keyword values follow, named by {@code kw}.
     */
    public static PyObject[] bind(String fn, PyObject[] a, int off, int n, PyTuple kw, int required, String... names) {
        if (n > names.length) {
            throw PyExc.typeError(fn + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + n + " given)");
        }
        PyObject[] r = new PyObject[names.length];
        System.arraycopy(a, off, r, 0, n);
        if (kw != null) {
            outer:
            for (int k = 0; k < kw.size(); k++) {
                String name = ((PyStr) kw.getBorrowed(k)).value;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(name)) {
                        if (r[i] != null) {
                            throw PyExc.typeError("argument for " + fn + "() given by name ('" + name
                                    + "') and position (" + (i + 1) + ")");
                        }
                        r[i] = a[off + n + k];
                        continue outer;
                    }
                }
                throw PyExc.typeError("'" + name + "' is an invalid keyword argument for " + fn + "()");
            }
        }
        for (int i = 0; i < required; i++) {
            if (r[i] == null) {
                throw PyExc.typeError(fn + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return r;
    }

    /** An optional int argument ({@code None} or absent gives {@code dflt}). */
    public static long optLong(PyObject o, long dflt) {
        return o == null || o == PyNone.NONE ? dflt : Args.asLong(o);
    }

    /** A required str argument, with CPython's "must be str, not int". */
    public static String str(PyObject o) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError("must be str, not " + o.type().name());
    }

    /** An optional str argument that may be None (null when absent or None). */
    public static String strOrNone(PyObject o) {
        if (o == null || o == PyNone.NONE) {
            return null;
        }
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError("must be str or None, not " + o.type().name());
    }
}
