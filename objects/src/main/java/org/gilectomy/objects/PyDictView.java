package org.gilectomy.objects;

import java.util.List;
import java.util.Map;
import org.gilectomy.refcount.RefCount;

/**
 * {@code dict.keys()}, {@code values()}, {@code items()}: live views of a dict (they see later
 * changes), iterating in insertion order over a snapshot taken when iteration starts.
 */
public final class PyDictView extends PyObject implements Container, org.gilectomy.refcount.GcTracked {
    public enum Kind {
        KEYS("dict_keys", IteratorTypes.DICT_KEYS), VALUES("dict_values", IteratorTypes.DICT_VALUES),
        ITEMS("dict_items", IteratorTypes.DICT_ITEMS);

        final PyType type;
        final PyType iteratorType;

        Kind(String name, PyType iteratorType) {
            this.type = new PyType(name, null);
            this.iteratorType = iteratorType;
        }
    }

    private final PyDict dict; // owned
    private final Kind kind;

    public PyDictView(PyDict dict, Kind kind) {
        RefCount.incref(dict);
        this.dict = dict;
        this.kind = kind;
    }

    @Override
    public PyType type() {
        return kind.type;
    }

    /** New references to the view's elements, in insertion order. */
    public PyObject[] snapshot() {
        List<Map.Entry<PyObject, PyObject>> entries = dict.itemsSnapshot();
        PyObject[] r = new PyObject[entries.size()];
        for (int i = 0; i < r.length; i++) {
            PyObject k = entries.get(i).getKey();
            PyObject v = entries.get(i).getValue();
            switch (kind) {
                case KEYS:
                    r[i] = k;
                    RefCount.decref(v);
                    break;
                case VALUES:
                    r[i] = v;
                    RefCount.decref(k);
                    break;
                default:
                    r[i] = PyTuple.steal(new PyObject[] {k, v});
                    break;
            }
        }
        return r;
    }

    @Override
    public long length() {
        return dict.size();
    }

    @Override
    public PyIterator iterator() {
        return dict.iterator(kind);
    }

    @Override
    public boolean containsItem(PyObject item) {
        if (kind == Kind.KEYS) {
            return dict.containsKey(item);
        }
        PyObject[] items = snapshot();
        try {
            for (PyObject x : items) {
                if (Ops.sameOrEq(x, item)) {
                    return true;
                }
            }
            return false;
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
    }

    @Override
    protected void dealloc() {
        RefCount.decref(dict);
    }

    @Override
    public String toString() {
        PyObject[] items = snapshot();
        StringBuilder sb = new StringBuilder(kind.type.name()).append("([");
        try {
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(Ops.repr(items[i]));
            }
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
        return sb.append("])").toString();
    }

    /** Keys and items views are set-like and unhashable, as in CPython; a values view hashes by identity. */
    @Override
    public int hashCode() {
        if (kind != Kind.VALUES) {
            throw Hashing.unhashable(this);
        }
        return super.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    @Override
    public void traverse(Visitor v) {
        v.visit(dict);
    }

    /** Immutable: a cycle through it is broken where it closes, in the mutable container it reaches. */
    @Override
    public void clearReferences() {
    }
}
