package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.runtime.interp.PythonSource;

/**
 * CPython's struct sequences ({@code os.stat_result}, {@code os.terminal_size}): a tuple of the
 * first {@code visible} fields, each also an attribute by name, and hidden fields that are only
 * attributes; {@code Type(sequence, dict=None)} makes one as CPython's does. The class is written
 * in Python (a subclass of tuple), generated here from the field names.
 */
final class StructSeqs {
    private StructSeqs() {
    }

    /**
     * A new struct sequence class {@code module.name} (a new reference); a null field name is an
     * unnamed visible field (stat_result's integer times).
     */
    static PyObject define(String module, String name, String[] fields, int visible) {
        StringBuilder names = new StringBuilder();
        for (String f : fields) {
            names.append(f == null ? "None" : "'" + f + "'").append(", ");
        }
        String full = module + "." + name;
        String src = String.join("\n",
                "class " + name + "(tuple):",
                "    _names = (" + names + ")",
                "    n_sequence_fields = " + visible,
                "    n_fields = " + fields.length,
                "    n_unnamed_fields = sum(1 for f in _names if f is None)",
                "    def __new__(cls, sequence, dict=None):",
                "        seq = tuple(sequence)",
                "        n = len(seq)",
                "        if n < " + visible + ":",
                "            more = 'at least' if " + visible + " != " + fields.length + " else 'a'",
                "            raise TypeError(f'" + full + "() takes {more} " + visible + "-sequence ({n}-sequence given)')",
                "        if n > " + fields.length + ":",
                "            more = 'at most' if " + visible + " != " + fields.length + " else 'a'",
                "            raise TypeError(f'" + full + "() takes {more} " + fields.length + "-sequence ({n}-sequence given)')",
                "        self = tuple.__new__(cls, seq[:" + visible + "])",
                "        hidden = {}",
                "        for i in range(" + visible + ", " + fields.length + "):",
                "            key = cls._names[i]",
                "            hidden[key] = seq[i] if i < n else (dict.get(key) if dict is not None else None)",
                "        object.__setattr__(self, '_hidden', hidden)",
                "        return self",
                "    def __repr__(self):",
                "        parts = ', '.join(f'{k}={v!r}' for k, v in zip(self._visible_names, self))",
                "        return '" + full + "(' + parts + ')'",
                "    def __reduce__(self):",
                "        return (type(self), (tuple(self), dict(self._hidden)))",
                "    def __setattr__(self, name, value):",
                "        raise AttributeError(\"readonly attribute\")",
                "def _field(i):",
                "    return property(lambda self: self[i])",
                "def _hidden(key):",
                "    return property(lambda self: self._hidden[key])",
                name + "._visible_names = [k for k in " + name + "._names if k is not None][:" + visible + "]",
                "for _i, _k in enumerate(" + name + "._names):",
                "    if _k is not None and _i < " + visible + ":",
                "        setattr(" + name + ", _k, _field(_i))",
                "    elif _k is not None:",
                "        setattr(" + name + ", _k, _hidden(_k))",
                "");
        return PythonSource.define(src, module, name);
    }

    /** An instance of struct sequence {@code type}: {@code type(values)} (values taken over). */
    static PyObject make(PyObject type, PyObject[] values) {
        PyTuple t = PyTuple.steal(values);
        try {
            return Ops.call(type, t);
        } finally {
            org.gilectomy.refcount.RefCount.decref(t);
        }
    }
}
