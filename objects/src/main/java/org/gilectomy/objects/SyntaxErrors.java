package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * SyntaxError's own {@code __init__} and {@code __str__}: {@code SyntaxError(msg, (filename,
 * lineno, offset, text[, end_lineno, end_offset]))} spreads its second argument over the
 * attributes, and str() adds CPython's {@code " (file, line N)"} (the file's last path part).
 * A traceback's last line shows only {@code msg} ({@link PyException#summaryLine}).
 */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    /** The attributes, in the order of the details tuple; every one is None until given. */
    private static final String[] DETAILS = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};

    static void install() {
        PyObject baseInit = PyExc.BASE_EXCEPTION.lookupMethodBorrowed("__init__");
        PyExc.SYNTAX_ERROR.addMethod("__init__", (a, off, n, kw) -> {
            RefCount.decref(Ops.call(baseInit, a, off, n, kw)); // args, and no keywords
            PyBaseException self = (PyBaseException) a[off];
            PyObject[] given = new PyObject[DETAILS.length];
            PyObject[] owned = null;
            if (n - 1 == 2) {
                owned = Ops.collect(a[off + 2]);
                if (owned.length < 4 || owned.length > 6) {
                    release(owned);
                    throw PyExc.typeError(owned.length < 4
                            ? "function takes at least 4 arguments (" + owned.length + " given)"
                            : "function takes at most 6 arguments (" + owned.length + " given)");
                }
                System.arraycopy(owned, 0, given, 0, owned.length);
            }
            PyDict d = self.dictBorrowed();
            d.putName("msg", n > 1 ? a[off + 1] : PyNone.NONE);
            for (int i = 0; i < DETAILS.length; i++) {
                d.putName(DETAILS[i], given[i] == null ? PyNone.NONE : given[i]);
            }
            d.putName("print_file_and_line", PyNone.NONE);
            if (owned != null) {
                release(owned);
            }
            return PyNone.newRef();
        });
        PyExc.SYNTAX_ERROR.addMethod("__str__", (a, off, n, kw) -> PyStr.of(text((PyBaseException) a[off])));
    }

    private static void release(PyObject[] owned) {
        for (PyObject x : owned) {
            RefCount.decref(x);
        }
    }

    /** An attribute from the instance's namespace, borrowed; None when absent. */
    private static PyObject attr(PyBaseException e, String name) {
        PyObject v = e.dictBorrowed().getBorrowed(PyStr.internBorrowed(name));
        return v == null ? PyNone.NONE : v;
    }

    /** {@code msg} alone: what a traceback's last line shows (the carrier's message when there is no msg). */
    static String message(PyBaseException e, PyException carrier) {
        PyObject msg = e.dictBorrowed().getBorrowed(PyStr.internBorrowed("msg"));
        return msg == null ? carrier.getMessage() : Ops.str(msg);
    }

    /** str(): {@code msg (file, line N)}, either part left out when it is not a str or an int. */
    static String text(PyBaseException e) {
        String msg = Ops.str(attr(e, "msg"));
        PyObject file = attr(e, "filename");
        PyObject line = attr(e, "lineno");
        String where = file instanceof PyStr s ? s.value.substring(s.value.lastIndexOf('/') + 1) : null;
        String lineText = line instanceof PyInt && !(line instanceof PyBool) ? "line " + Ops.str(line) : null;
        if (where == null && lineText == null) {
            return msg;
        }
        return msg + " (" + (where == null ? lineText : lineText == null ? where : where + ", " + lineText) + ")";
    }
}
