package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyCell;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;

/**
 * Binds a call's arguments to a new frame's parameter slots, as CPython 3.11's
 * initialize_locals does: positional arguments, the {@code *args} tuple, keyword arguments
 * (extra ones into the {@code **kwargs} dict), then defaults, with CPython's TypeErrors naming
 * the function by its qualified name. Then wraps captured variables in cells and copies the
 * closure's cells into the free-variable slots. Arguments are borrowed; the slots get new
 * references. A plain positional call of a plain function takes one straight copy loop.
 */
final class ArgumentBinder {
    private ArgumentBinder() {
    }

    static void bind(PyFunction f, PyObject[] slots, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        PyCode code = f.code;
        if (code.simple && kwnames == null && nargs == code.argCount) {
            for (int i = 0; i < nargs; i++) {
                PyObject a = args[off + i];
                RefCount.increfStack(a);
                slots[i] = a;
            }
            return;
        }
        try {
            bindGeneral(f, code, slots, args, off, nargs, kwnames);
        } catch (PyException e) {
            Eval.releaseSlots(slots, 0, slots.length);
            throw e;
        }
        for (int s : code.cellSlots) {
            slots[s] = new PyCell(RefCount.newRefFromStack(slots[s]));
        }
        int base = code.varNames.length - code.freeCount;
        for (int k = 0; k < code.freeCount; k++) {
            PyObject cell = f.closure.getBorrowed(k);
            RefCount.incref(cell);
            slots[base + k] = cell;
        }
    }

    private static void bindGeneral(PyFunction f, PyCode code, PyObject[] slots, PyObject[] args, int off, int nargs,
                                    PyTuple kwnames) {
        int argc = code.argCount;
        int total = argc + code.kwOnlyCount;
        boolean varargs = (code.flags & PyCode.VARARGS) != 0;
        PyDict kwargs = null;
        if ((code.flags & PyCode.VARKEYWORDS) != 0) {
            kwargs = new PyDict();
            slots[total + (varargs ? 1 : 0)] = kwargs;
        }
        int n = Math.min(nargs, argc);
        for (int i = 0; i < n; i++) {
            PyObject a = args[off + i];
            RefCount.increfStack(a);
            slots[i] = a;
        }
        if (varargs) {
            slots[total] = PyTuple.copyOf(args, off + n, nargs - n);
        }
        if (kwnames != null) {
            StringBuilder positionalOnlyByName = null;
            for (int k = 0; k < kwnames.size(); k++) {
                PyStr name = (PyStr) kwnames.getBorrowed(k);
                PyObject value = args[off + nargs + k];
                int slot = parameterSlot(code, name.value, total);
                if (slot >= 0 && slot < code.positionalOnlyCount) {
                    if (kwargs != null) { // a positional-only name is free for **kwargs
                        kwargs.put(name, value);
                        continue;
                    }
                    positionalOnlyByName = positionalOnlyByName == null ? new StringBuilder(name.value)
                            : positionalOnlyByName.append(", ").append(name.value);
                    continue;
                }
                if (slot < 0) {
                    if (kwargs == null) {
                        throw PyExc.typeError(code.qualname + "() got an unexpected keyword argument '" + name.value + "'");
                    }
                    kwargs.put(name, value);
                } else if (slots[slot] != null) {
                    throw PyExc.typeError(code.qualname + "() got multiple values for argument '" + name.value + "'");
                } else {
                    RefCount.increfStack(value);
                    slots[slot] = value;
                }
            }
            if (positionalOnlyByName != null) {
                throw PyExc.typeError(code.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                        + positionalOnlyByName + "'");
            }
        }
        if (nargs > argc && !varargs) {
            throw tooManyPositional(f, slots, nargs);
        }
        if (nargs < argc) {
            int ndefaults = f.defaults == null ? 0 : f.defaults.size();
            int required = argc - ndefaults;
            missing(code, slots, nargs, required, "positional");
            for (int i = Math.max(nargs, required); i < argc; i++) {
                if (slots[i] == null) {
                    PyObject d = f.defaults.getBorrowed(i - required);
                    RefCount.increfStack(d);
                    slots[i] = d;
                }
            }
        }
        if (code.kwOnlyCount > 0) {
            for (int i = argc; i < total; i++) {
                if (slots[i] == null && f.kwDefaults != null) {
                    slots[i] = RefCount.stackRefSteal(f.kwDefaults.getName(code.varNames[i])); // or null
                }
            }
            missing(code, slots, argc, total, "keyword-only");
        }
    }

    private static int parameterSlot(PyCode code, String name, int total) {
        for (int p = 0; p < total; p++) {
            if (code.varNames[p].equals(name)) {
                return p;
            }
        }
        return -1;
    }

    private static PyException tooManyPositional(PyFunction f, PyObject[] slots, int given) {
        PyCode code = f.code;
        int argc = code.argCount;
        int kwonlyGiven = 0;
        for (int i = argc; i < argc + code.kwOnlyCount; i++) {
            if (slots[i] != null) {
                kwonlyGiven++;
            }
        }
        int ndefaults = f.defaults == null ? 0 : f.defaults.size();
        String takes = ndefaults > 0 ? "from " + (argc - ndefaults) + " to " + argc + " positional arguments"
                : argc + " positional argument" + (argc == 1 ? "" : "s");
        String kwonly = kwonlyGiven == 0 ? ""
                : " positional argument" + (given == 1 ? "" : "s") + " (and " + kwonlyGiven + " keyword-only argument"
                + (kwonlyGiven == 1 ? "" : "s") + ")";
        return PyExc.typeError(code.qualname + "() takes " + takes + " but " + given + kwonly
                + (given == 1 && kwonlyGiven == 0 ? " was" : " were") + " given");
    }

    /** Raises "missing N required KIND argument(s): 'a', 'b' and 'c'" for empty slots in [from, to). */
    private static void missing(PyCode code, PyObject[] slots, int from, int to, String kind) {
        int count = 0;
        for (int p = from; p < to; p++) {
            if (slots[p] == null) {
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        StringBuilder names = new StringBuilder();
        int seen = 0;
        for (int p = from; p < to; p++) {
            if (slots[p] == null) {
                seen++;
                if (seen > 1) {
                    names.append(seen == count ? (count > 2 ? ", and " : " and ") : ", ");
                }
                names.append('\'').append(code.varNames[p]).append('\'');
            }
        }
        throw PyExc.typeError(code.qualname + "() missing " + count + " required " + kind + " argument"
                + (count == 1 ? "" : "s") + ": " + names);
    }
}
