package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyWeakref;
import org.gilectomy.refcount.RefCount;

/**
 * CPython's {@code _weakref} (Modules/_weakref.c with Objects/weakrefobject.c's types): {@code ref}
 * (subclassable), {@code proxy}, {@code getweakrefcount}, {@code getweakrefs},
 * {@code _remove_dead_weakref}; the objects are {@link PyWeakref}s.
 */
public final class WeakrefModule {
    private WeakrefModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_weakref");
        m.set("ref", PyWeakref.REF);
        m.set("ReferenceType", PyWeakref.REF);
        m.set("ProxyType", PyWeakref.PROXY);
        m.set("CallableProxyType", PyWeakref.CALLABLE_PROXY);
        Defs.def(m, "proxy", (a, off, n, kw) -> {
            Args.between("proxy", n, 1, 2, kw);
            return PyWeakref.make(PyWeakref.PROXY, a[off], n == 2 ? a[off + 1] : null);
        });
        Defs.def(m, "getweakrefcount", (a, off, n, kw) -> {
            Args.exactly("getweakrefcount", n, 1, kw);
            return PyInt.of(PyWeakref.count(a[off]));
        });
        Defs.def(m, "getweakrefs", (a, off, n, kw) -> {
            Args.exactly("getweakrefs", n, 1, kw);
            return PyWeakref.all(a[off]);
        });
        Defs.def(m, "_remove_dead_weakref", (a, off, n, kw) -> {
            Args.exactly("_remove_dead_weakref", n, 2, kw);
            if (!(a[off] instanceof PyDict d)) {
                throw org.gilectomy.objects.PyExc.typeError("_remove_dead_weakref() argument 1 must be dict, not "
                        + a[off].type().name());
            }
            PyObject v = d.get(a[off + 1]);
            if (v instanceof PyWeakref w) {
                PyObject r = w.get();
                if (r == null) {
                    d.remove(a[off + 1]); // only if it is still the dead reference, as CPython's
                } else {
                    RefCount.decref(r);
                }
            }
            RefCount.xdecref(v);
            return PyNone.newRef();
        });
        return m;
    }

}
