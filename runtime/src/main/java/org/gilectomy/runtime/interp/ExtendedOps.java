package org.gilectomy.runtime.interp;

import static org.gilectomy.runtime.compile.Opcode.DICT_MERGE;
import static org.gilectomy.runtime.compile.Opcode.DICT_UPDATE;
import static org.gilectomy.runtime.compile.Opcode.LIST_APPEND;
import static org.gilectomy.runtime.compile.Opcode.LIST_EXTEND;
import static org.gilectomy.runtime.compile.Opcode.SET_UPDATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gilectomy.objects.Formatting;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The out-of-line bodies of opcodes 70..99 (closures, calls with {@code *}/{@code **},
 * comprehension appends, starred unpacking, f-strings): kept out of {@link Eval#run} so the
 * loop stays small. Same reference rules as Eval: operands are borrowed unless stated.
 */
final class ExtendedOps {
    private ExtendedOps() {
    }

    /** LOAD_DEREF of an empty cell: UnboundLocalError for the function's own, NameError for a free one. */
    static PyException unboundCell(PyCode code, int slot) {
        String name = code.varNames[slot];
        if (slot < code.varNames.length - code.freeCount) {
            return Eval.unboundLocal(code, slot);
        }
        return new PyException(PyExc.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }

    /** MAKE_FUNCTION_EX: pops the optional defaults, keyword defaults and closure; returns the new sp. */
    static int makeFunction(PyObject[] slots, int sp, int arg, PyObject[] consts, PyDict globals) {
        int flags = arg >>> 16;
        PyCode code = (PyCode) consts[arg & 0xffff];
        PyTuple closure = (flags & 4) != 0 ? (PyTuple) take(slots, --sp) : null;
        PyDict kwDefaults = (flags & 2) != 0 ? (PyDict) take(slots, --sp) : null;
        PyTuple defaults = (flags & 1) != 0 ? (PyTuple) take(slots, --sp) : null;
        PyFunction f = new PyFunction(code, globals, defaults, kwDefaults, closure);
        Interpreter.newFunction(f);
        slots[sp++] = RefCount.stackRefSteal(f);
        return sp;
    }

    private static PyObject take(PyObject[] slots, int i) {
        PyObject o = slots[i];
        slots[i] = null;
        return o;
    }

    /** CALL_FUNCTION_EX: {@code f(*args, **kwargs)}, flattened into an ordinary call. */
    static PyObject callUnpacked(ThreadState ts, PyObject f, PyTuple args, PyDict kwargs) {
        int npos = args.size();
        List<Map.Entry<PyObject, PyObject>> kw = kwargs == null ? List.of() : kwargs.itemsSnapshot();
        try {
            PyObject[] flat = new PyObject[npos + kw.size()];
            for (int i = 0; i < npos; i++) {
                flat[i] = args.getBorrowed(i);
            }
            PyObject[] names = new PyObject[kw.size()];
            for (int k = 0; k < kw.size(); k++) {
                names[k] = kw.get(k).getKey();
                flat[npos + k] = kw.get(k).getValue();
            }
            PyTuple kwnames = kw.isEmpty() ? null : PyTuple.copyOf(names, 0, names.length);
            try {
                return Eval.invoke(ts, f, flat, 0, npos, kwnames);
            } finally {
                if (kwnames != null) {
                    RefCount.decref(kwnames);
                }
            }
        } finally {
            for (Map.Entry<PyObject, PyObject> e : kw) {
                RefCount.decref(e.getKey());
                RefCount.decref(e.getValue());
            }
        }
    }

    /**
     * LIST_APPEND, LIST_EXTEND, DICT_MERGE, DICT_UPDATE, SET_ADD, SET_UPDATE: adds the borrowed {@code v}
     * to the container at {@code slots[at]}. In a call ({@code inCall}; always for DICT_MERGE)
     * the function is two slots below the container, for CPython's error messages.
     */
    static void addToContainer(int op, PyObject[] slots, int at, PyObject v, boolean inCall) {
        PyObject container = slots[at];
        switch (op) {
            case LIST_APPEND -> ((PyList) container).append(v);
            case LIST_EXTEND, SET_UPDATE -> {
                PyIterator it;
                try {
                    it = Ops.iter(v);
                } catch (PyException e) {
                    if (inCall && e.type() == PyExc.TYPE_ERROR) {
                        e.release();
                        throw PyExc.typeError(functionName(slots[at - 1]) + " argument after * must be an iterable, not "
                                + v.type().name());
                    }
                    throw e;
                }
                try {
                    for (PyObject x = it.next(); x != null; x = it.next()) {
                        try {
                            if (container instanceof PyList l) {
                                l.append(x);
                            } else {
                                ((PySet) container).add(x); // unhashable items raise TypeError
                            }
                        } finally {
                            RefCount.decref(x);
                        }
                    }
                } finally {
                    RefCount.decref(it);
                }
            }
            case DICT_MERGE -> mergeKeywords((PyDict) container, v, slots[at - 2]);
            case DICT_UPDATE -> {
                if (!(v instanceof PyDict m)) {
                    throw PyExc.typeError("'" + v.type().name() + "' object is not a mapping");
                }
                putAll((PyDict) container, m);
            }
            default -> ((PySet) container).add(v); // SET_ADD
        }
    }

    private static void mergeKeywords(PyDict into, PyObject mapping, PyObject function) {
        if (!(mapping instanceof PyDict m)) {
            throw PyExc.typeError(functionName(function) + " argument after ** must be a mapping, not "
                    + mapping.type().name());
        }
        List<Map.Entry<PyObject, PyObject>> entries = m.itemsSnapshot();
        try {
            for (Map.Entry<PyObject, PyObject> e : entries) {
                if (!(e.getKey() instanceof PyStr name)) {
                    throw PyExc.typeError("keywords must be strings");
                }
                if (into.containsKey(name)) {
                    throw PyExc.typeError(functionName(function) + " got multiple values for keyword argument '"
                            + name.value + "'");
                }
                into.put(name, e.getValue());
            }
        } finally {
            release(entries);
        }
    }

    private static void putAll(PyDict into, PyDict from) {
        List<Map.Entry<PyObject, PyObject>> entries = from.itemsSnapshot();
        try {
            for (Map.Entry<PyObject, PyObject> e : entries) {
                into.put(e.getKey(), e.getValue());
            }
        } finally {
            release(entries);
        }
    }

    private static void release(List<Map.Entry<PyObject, PyObject>> entries) {
        for (Map.Entry<PyObject, PyObject> e : entries) {
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
    }

    /** How CPython names a callable in argument-unpacking errors: {@code __main__.f()}, {@code print()}. */
    private static String functionName(PyObject f) {
        if (f instanceof PyFunction fn) {
            PyObject module = fn.globals.getName("__name__");
            String prefix = module instanceof PyStr s ? s.value + "." : "";
            if (module != null) {
                RefCount.decref(module);
            }
            return prefix + fn.code.qualname + "()";
        }
        if (f instanceof PyBuiltinFunction b) {
            return b.name() + "()";
        }
        if (f instanceof PyType t) {
            return t.name() + "()";
        }
        return f.type().name() + " object";
    }

    /**
     * UNPACK_EX: {@code a, *b, c = seq}. Replaces the sequence on top with {@code after} items,
     * the list of the middle ones, then {@code before} items, the first on top; returns the new sp.
     */
    static int unpackStarred(PyObject[] slots, int sp, int before, int after) {
        PyObject seq = slots[sp - 1];
        PyObject[] items = items(seq);
        if (items.length < before + after) {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
            throw PyExc.valueError("not enough values to unpack (expected at least " + (before + after) + ", got "
                    + items.length + ")");
        }
        slots[sp - 1] = null;
        RefCount.decrefStack(seq);
        sp--;
        for (int i = items.length - 1; i >= items.length - after; i--) {
            slots[sp++] = RefCount.stackRefSteal(items[i]);
        }
        int middle = items.length - before - after;
        PyObject[] rest = new PyObject[middle];
        System.arraycopy(items, before, rest, 0, middle);
        slots[sp++] = PyList.steal(rest, middle);
        for (int i = before - 1; i >= 0; i--) {
            slots[sp++] = RefCount.stackRefSteal(items[i]);
        }
        return sp;
    }

    /** New references to the items of an iterable, with CPython's message for a non-iterable. */
    static PyObject[] items(PyObject seq) {
        if (seq.getClass() == PyList.class) { // exact: a subclass may override __iter__
            return ((PyList) seq).snapshot();
        }
        if (seq instanceof PyTuple t && !(seq instanceof org.gilectomy.objects.BuiltinSubclass)) {
            PyObject[] r = new PyObject[t.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = t.getItem(i);
            }
            return r;
        }
        PyIterator it;
        try {
            it = Ops.iter(seq);
        } catch (PyException e) {
            if (e.type() == PyExc.TYPE_ERROR) {
                e.release();
                throw PyExc.typeError("cannot unpack non-iterable " + seq.type().name() + " object");
            }
            throw e;
        }
        List<PyObject> r = new ArrayList<>();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                r.add(x);
            }
        } finally {
            RefCount.decref(it);
        }
        return r.toArray(new PyObject[0]);
    }

    /** FORMAT_VALUE: {@code f"{v!conversion:spec}"}; a new str. */
    static PyObject formatValue(PyObject v, int conversion, PyObject spec) {
        String s = spec == null ? "" : ((PyStr) spec).value;
        if (conversion == 0) {
            return PyStr.of(Formatting.format(v, s));
        }
        String converted = switch (conversion) {
            case 'r' -> Ops.repr(v);
            case 'a' -> Formatting.ascii(Ops.repr(v));
            default -> Ops.str(v);
        };
        return PyStr.of(Formatting.formatString(converted, s));
    }

    /** BUILD_STRING: the concatenation of the (borrowed) strs at {@code slots[from .. from+n)}. */
    static PyObject concatStrings(PyObject[] slots, int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(((PyStr) slots[i]).value);
        }
        return PyStr.of(sb.toString());
    }
}
