package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCount;

/**
 * {@code int | str}: PEP 604's {@code types.UnionType}, made by {@code |} between classes,
 * None, {@code list[int]}-style aliases and other unions. Its arguments are flattened and
 * without repeats ({@code int | int} is {@code int}); None stands for NoneType. It prints as
 * written, compares equal to a union of the same arguments in any order, and
 * {@code isinstance}/{@code issubclass} accept it as they accept a tuple of its arguments.
 */
public final class PyUnionType extends PyObject {
    public static final PyType TYPE = PyType.ofModule("types", "UnionType", null);

    static {
        TYPE.addGetter("__args__", o -> {
            PyTuple a = ((PyUnionType) o).args;
            RefCount.incref(a);
            return a;
        });
        TYPE.addGetter("__parameters__", o -> { // the type variables are typing's: a union of them is typing.Union
            RefCount.incref(PyTuple.EMPTY);
            return PyTuple.EMPTY;
        });
    }

    private final PyTuple args;

    private PyUnionType(PyTuple args) {
        this.args = args;
    }

    /** The arguments, borrowed: what {@code isinstance} checks one by one. */
    public PyTuple args() {
        return args;
    }

    /** {@code a | b} if both operands can make a union, a new reference; else null. */
    static PyObject orOrNull(PyObject a, PyObject b) {
        if (!unionable(a) || !unionable(b)) {
            return null;
        }
        List<PyObject> items = new ArrayList<>();
        add(items, a);
        add(items, b);
        if (items.size() == 1) {
            PyObject only = items.get(0);
            RefCount.incref(only);
            return only;
        }
        PyObject[] arr = items.toArray(new PyObject[0]);
        for (PyObject o : arr) {
            RefCount.incref(o);
        }
        return new PyUnionType(PyTuple.steal(arr));
    }

    private static boolean unionable(PyObject o) {
        return o instanceof PyType || o == PyNone.NONE || o instanceof PyGenericAlias || o instanceof PyUnionType;
    }

    private static void add(List<PyObject> items, PyObject o) {
        if (o instanceof PyUnionType u) {
            for (int i = 0; i < u.args.size(); i++) {
                add(items, u.args.getBorrowed(i));
            }
            return;
        }
        PyObject item = o == PyNone.NONE ? PyNone.TYPE : o;
        for (PyObject seen : items) {
            if (seen == item || (item instanceof PyGenericAlias && Ops.eq(seen, item))) {
                return;
            }
        }
        items.add(item);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            PyObject a = args.getBorrowed(i);
            sb.append(i > 0 ? " | " : "");
            if (a == PyNone.TYPE) {
                sb.append("None");
            } else if (a instanceof PyType t) {
                sb.append(t.isHeapType() || !t.fullName().equals(t.name()) ? t.fullName() : t.qualname());
            } else {
                sb.append(Ops.repr(a));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyUnionType u) || u.args.size() != args.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!u.contains(args.getBorrowed(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(PyObject o) {
        for (int i = 0; i < args.size(); i++) {
            if (args.getBorrowed(i) == o || Ops.eq(args.getBorrowed(i), o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < args.size(); i++) {
            h ^= args.getBorrowed(i).hashCode();
        }
        return h;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(args);
    }
}
