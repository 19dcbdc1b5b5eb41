package org.gilectomy.runtime.modules;

import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** Filling a module's namespace: functions, types and constants. */
final class Defs {
    private Defs() {
    }

    /** {@code module.name = <built-in function>}. */
    static void def(PyModule m, String name, PyBuiltinFunction.Body body) {
        m.set(name, new PyBuiltinFunction(name, body));
    }

    /** {@code module.<type's name> = type}. */
    static void type(PyModule m, PyType t) {
        m.set(t.name(), t);
    }

    /** {@code module.name = value}, releasing the caller's new reference to it. */
    static void constant(PyModule m, String name, PyObject owned) {
        m.set(name, owned);
        RefCount.decref(owned);
    }
}
