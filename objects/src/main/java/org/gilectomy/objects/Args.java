package org.gilectomy.objects;

/** Argument checks for built-in functions, with CPython's messages. */
public final class Args {
    private Args() {
    }

    public static void noKeywords(String fn, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) {
            throw PyExc.typeError(fn + "() takes no keyword arguments");
        }
    }

    public static void exactly(String fn, int nargs, int expected, PyTuple kwnames) {
        noKeywords(fn, kwnames);
        if (nargs != expected) {
            if (expected == 0) {
                throw PyExc.typeError(fn + "() takes no arguments (" + nargs + " given)");
            }
            throw PyExc.typeError(fn + "() takes exactly " + (expected == 1 ? "one argument" : expected + " arguments")
                    + " (" + nargs + " given)");
        }
    }

    public static void between(String fn, int nargs, int min, int max, PyTuple kwnames) {
        noKeywords(fn, kwnames);
        if (nargs < min) {
            throw PyExc.typeError(fn + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + nargs);
        }
        if (nargs > max) {
            throw PyExc.typeError(fn + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + nargs);
        }
    }

    /**
     * A sequence index from an int or bool key (CPython's PyNumber_AsSsize_t with IndexError):
     * an int too big for an index is an IndexError, not an OverflowError.
     */
    public static long asIndex(PyObject key) {
        if (key instanceof PyInt i && i.big != null) {
            throw PyExc.indexError("cannot fit 'int' into an index-sized integer");
        }
        return asLong(key);
    }

    /** A long from an int-like argument, with CPython's message for anything else. */
    public static long asLong(PyObject o) {
        if (o instanceof PyInt i) {
            if (i.big != null) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
            }
            return i.value;
        }
        if (o instanceof PyBool b) {
            return b.value ? 1 : 0;
        }
        throw PyExc.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
    }
}
