package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;

/** Keyword arguments of built-in functions, matched by name with CPython's error. */
public final class Keywords {
    private Keywords() {
    }

    /**
     * The values of {@code allowed} keywords, borrowed, in the order of {@code allowed} (null
     * where not given). The keyword values sit at {@code a[kwOff ..]}, named by {@code kw}.
     */
    public static PyObject[] get(String fn, PyObject[] a, int kwOff, PyTuple kw, String... allowed) {
        PyObject[] r = new PyObject[allowed.length];
        if (kw == null) {
            return r;
        }
        outer:
        for (int k = 0; k < kw.size(); k++) {
            String name = ((PyStr) kw.getBorrowed(k)).value;
            for (int i = 0; i < allowed.length; i++) {
                if (allowed[i].equals(name)) {
                    r[i] = a[kwOff + k];
                    continue outer;
                }
            }
            throw PyExc.typeError("'" + name + "' is an invalid keyword argument for " + fn + "()");
        }
        return r;
    }
}
