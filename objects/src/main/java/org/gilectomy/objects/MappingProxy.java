package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * {@code C.__dict__}: a read-only view of a class's namespace (CPython's mappingproxy). For a
 * class statement's class the live namespace; for a built-in type a dict of its methods made
 * when asked. Owns its dict.
 */
public final class MappingProxy extends PyObject implements Container, org.gilectomy.refcount.GcTracked {
    public static final PyType TYPE = new PyType("mappingproxy", null);

    static {
        TYPE.constructor = (a, off, n, kw) -> { // types.MappingProxyType(d)
            Args.noKeywords("mappingproxy", kw);
            if (n != 1) {
                throw PyExc.typeError("mappingproxy() takes exactly one argument (" + n + " given)");
            }
            if (a[off] instanceof BuiltinSubclass) {
                throw PyExc.notImplemented("a mappingproxy over a subclass of dict");
            }
            if (!(a[off] instanceof PyDict d)) {
                throw PyExc.notImplemented("a mappingproxy over a mapping other than a dict");
            }
            RefCount.incref(d);
            return new MappingProxy(d);
        };
        TYPE.addMethod("__getitem__", (a, off, n, kw) -> {
            Args.exactly("__getitem__", n - 1, 1, kw);
            return ((MappingProxy) a[off]).getItem(a[off + 1]);
        });
        TYPE.addMethod("get", (a, off, n, kw) -> {
            Args.between("get", n - 1, 1, 2, kw);
            PyObject v = ((MappingProxy) a[off]).dict.get(a[off + 1]);
            if (v == null) {
                v = n == 3 ? a[off + 2] : PyNone.NONE;
                RefCount.incref(v);
            }
            return v;
        });
        PyDictView.Kind[] kinds = PyDictView.Kind.values();
        String[] names = {"keys", "values", "items"};
        for (int i = 0; i < names.length; i++) {
            PyDictView.Kind kind = kinds[i];
            TYPE.addMethod(names[i], (a, off, n, kw) -> {
                Args.exactly(kind.name().toLowerCase(java.util.Locale.ROOT), n - 1, 0, kw);
                return new PyDictView(((MappingProxy) a[off]).dict, kind);
            });
        }
        TYPE.addMethod("copy", (a, off, n, kw) -> {
            Args.exactly("copy", n - 1, 0, kw);
            PyDict d = new PyDict();
            d.putAll(((MappingProxy) a[off]).dict);
            return d;
        });
    }

    private final PyDict dict;

    private MappingProxy(PyDict owned) {
        this.dict = owned;
    }

    /** {@code t.__dict__} as a new reference. */
    static MappingProxy of(PyType t) {
        PyDict d = t.dictBorrowed();
        if (d != null) {
            RefCount.incref(d);
            return new MappingProxy(d);
        }
        PyDict methods = new PyDict();
        t.forEachOwnMethod((name, v) -> {
            PyMethodDescriptor md = t.methodDescriptor(name, v);
            methods.putName(name, md != null ? md : v);
        });
        return new MappingProxy(methods);
    }

    PyObject getItem(PyObject key) {
        PyObject v = dict.get(key);
        if (v == null) {
            throw Ops.keyError(key);
        }
        return v;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public long length() {
        return dict.size();
    }

    @Override
    public PyIterator iterator() {
        return dict.iterator(PyDictView.Kind.KEYS);
    }

    @Override
    public boolean containsItem(PyObject item) {
        return dict.containsKey(item);
    }

    @Override
    protected void dealloc() {
        RefCount.decref(dict);
    }

    @Override
    public String toString() {
        return "mappingproxy(" + Ops.repr(dict) + ")";
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
