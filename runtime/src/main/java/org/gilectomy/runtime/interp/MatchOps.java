package org.gilectomy.runtime.interp;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.objects.DictUpdate;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * What the match statement's opcodes ask of the subject (PEP 634): whether it is a sequence or a
 * mapping, the values at a mapping pattern's keys, the attributes a class pattern names.
 *
 * <p>CPython decides "sequence" and "mapping" by type flags that built-in types set and that
 * {@code collections.abc.Sequence}/{@code Mapping} pass on to subclasses and registered classes.
 * Here the built-in types are recognised by name along the MRO, and any other class is asked
 * {@code isinstance(o, collections.abc.X)} when that module has been loaded (a class can only
 * inherit from or register with the ABC after it is).
 */
final class MatchOps {
    private MatchOps() {
    }

    private enum Kind { SEQUENCE, MAPPING, NEITHER, UNKNOWN }

    /** The kind a built-in type gives its instances and subclasses; UNKNOWN for a class statement's. */
    private static Kind builtinKind(PyType t) {
        if (t.isHeapType()) {
            return Kind.UNKNOWN;
        }
        return switch (t.name()) {
            case "list", "tuple", "range", "memoryview", "deque", "array" -> Kind.SEQUENCE;
            case "dict", "mappingproxy", "defaultdict", "OrderedDict", "Counter" -> Kind.MAPPING;
            case "object" -> Kind.UNKNOWN;
            default -> Kind.NEITHER; // str, bytes, bytearray, int, ...
        };
    }

    static boolean isSequence(PyObject o) {
        return kind(o, "Sequence") == Kind.SEQUENCE;
    }

    static boolean isMapping(PyObject o) {
        return kind(o, "Mapping") == Kind.MAPPING;
    }

    private static Kind kind(PyObject o, String abc) {
        for (PyType t : o.type().mroList()) {
            Kind k = builtinKind(t);
            if (k != Kind.UNKNOWN) {
                return k;
            }
        }
        PyDict modules = Interpreter.current().modules.table();
        PyObject abcModule = modules == null ? null : modules.get(PyStr.internBorrowed("_collections_abc"));
        if (abcModule == null) {
            return Kind.NEITHER;
        }
        PyObject cls;
        try {
            cls = Ops.getAttr(abcModule, abc);
        } finally {
            RefCount.decref(abcModule);
        }
        try {
            if (ClassBuiltins.isInstance(o, cls, "isinstance")) {
                return abc.equals("Sequence") ? Kind.SEQUENCE : Kind.MAPPING;
            }
            return Kind.NEITHER;
        } finally {
            RefCount.decref(cls);
        }
    }

    /**
     * A mapping pattern's values: a new tuple of {@code subject.get(key)} for each key, or null
     * if a key is missing. Keys that compare equal raise ValueError, as CPython's MATCH_KEYS.
     */
    static PyObject values(PyObject subject, PyTuple keys) {
        int n = keys.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Ops.eq(keys.getBorrowed(j), keys.getBorrowed(i))) {
                    throw PyExc.valueError("mapping pattern checks duplicate key (" + Ops.repr(keys.getBorrowed(i)) + ")");
                }
            }
        }
        PyObject[] values = new PyObject[n];
        boolean exact = subject.type() == PyDict.TYPE;
        PyObject get = exact ? null : Ops.getAttr(subject, "get");
        PyObject missing = exact ? null : new PyList(); // a marker no mapping can hold
        try {
            for (int i = 0; i < n; i++) {
                PyObject key = keys.getBorrowed(i);
                PyObject v = exact ? ((PyDict) subject).get(key) : Ops.call(get, key, missing);
                if (v == null || v == missing) {
                    RefCount.xdecref(v);
                    return null;
                }
                values[i] = v;
            }
            PyTuple r = PyTuple.steal(values);
            values = null;
            return r;
        } finally {
            if (values != null) {
                for (PyObject v : values) {
                    RefCount.xdecref(v);
                }
            }
            RefCount.xdecref(get);
            RefCount.xdecref(missing);
        }
    }

    /** {@code **rest}: a new dict of the subject's items but those at {@code keys}. */
    static PyDict rest(PyObject subject, PyTuple keys) {
        PyDict d = new PyDict();
        try {
            DictUpdate.update(d, subject);
            for (int i = 0; i < keys.size(); i++) {
                d.remove(keys.getBorrowed(i));
            }
            return d;
        } catch (PyException e) {
            RefCount.decref(d);
            throw e;
        }
    }

    /** The types whose single positional sub-pattern matches the subject itself (CPython's MATCH_SELF). */
    private static boolean matchesSelf(PyType t) {
        for (PyType s : t.mroList()) {
            if (!s.isHeapType()) {
                switch (s.name()) {
                    case "bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple":
                        return true;
                    default:
                        break;
                }
            }
        }
        return false;
    }

    /**
     * A class pattern {@code cls(p1..pn, k1=.., ...)}: a new tuple of the attributes to match
     * the sub-patterns against (positional ones first), or null if the subject is not an
     * instance or lacks one. {@code names} are the keyword attributes.
     */
    static PyObject classAttributes(PyObject subject, PyObject cls, PyTuple names, int nargs) {
        if (!(cls instanceof PyType type)) {
            throw PyExc.typeError("called match pattern must be a type");
        }
        if (!ClassBuiltins.isInstance(subject, type, "isinstance")) {
            return null;
        }
        List<PyObject> attrs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try {
            if (nargs > 0 && !positional(subject, type, nargs, attrs, seen)) {
                return null;
            }
            for (int i = 0; i < names.size(); i++) {
                if (!attribute(subject, type, ((PyStr) names.getBorrowed(i)).value, attrs, seen)) {
                    return null;
                }
            }
            PyTuple r = PyTuple.steal(attrs.toArray(new PyObject[0]));
            attrs.clear();
            return r;
        } finally {
            for (PyObject a : attrs) {
                RefCount.decref(a);
            }
        }
    }

    private static boolean positional(PyObject subject, PyType type, int nargs, List<PyObject> attrs, List<String> seen) {
        PyObject matchArgs;
        try {
            matchArgs = Ops.getAttr(type, "__match_args__");
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            matchArgs = null;
        }
        try {
            if (matchArgs != null && matchArgs.type() != PyTuple.TYPE) {
                throw PyExc.typeError(type.name() + ".__match_args__ must be a tuple (got " + matchArgs.type().name() + ")");
            }
            boolean self = matchArgs == null && matchesSelf(type);
            int allowed = matchArgs != null ? ((PyTuple) matchArgs).size() : self ? 1 : 0;
            if (allowed < nargs) {
                throw PyExc.typeError(type.name() + "() accepts " + allowed + " positional sub-pattern"
                        + (allowed == 1 ? "" : "s") + " (" + nargs + " given)");
            }
            if (self) {
                RefCount.incref(subject);
                attrs.add(subject);
                return true;
            }
            for (int i = 0; i < nargs; i++) {
                PyObject name = ((PyTuple) matchArgs).getBorrowed(i);
                if (name.type() != PyStr.TYPE) {
                    throw PyExc.typeError("__match_args__ elements must be strings (got " + name.type().name() + ")");
                }
                if (!attribute(subject, type, ((PyStr) name).value, attrs, seen)) {
                    return false;
                }
            }
            return true;
        } finally {
            RefCount.xdecref(matchArgs);
        }
    }

    private static boolean attribute(PyObject subject, PyType type, String name, List<PyObject> attrs, List<String> seen) {
        if (seen.contains(name)) {
            throw PyExc.typeError(type.name() + "() got multiple sub-patterns for attribute " + Ops.repr(PyStr.internBorrowed(name)));
        }
        seen.add(name);
        try {
            attrs.add(Ops.getAttr(subject, name));
            return true;
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return false;
        }
    }
}
