package org.gilectomy.runtime.imports;

import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.Params;

/**
 * A small {@code importlib} written in Java (CPython's {@code importlib/__init__.py} needs
 * {@code _frozen_importlib} and much of the standard library): {@code import_module} and
 * {@code invalidate_caches}. It wins over the standard library's package of the same name
 * (see {@link BuiltinModules}), so {@code importlib.util} and the like are not available.
 */
final class Importlib {
    private Importlib() {
    }

    static PyModule module(Interpreter interp) {
        PyModule m = new PyModule("importlib");
        Modules.def(m, "import_module", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("import_module", a, off, n, kw, 1, "name", "package");
            if (!(p[0] instanceof PyStr name)) {
                throw org.gilectomy.objects.PyExc.typeError("import_module() argument 'name' must be str, not "
                        + p[0].type().name());
            }
            String pkg = p[1] == null || p[1] == PyNone.NONE ? null : p[1].toString();
            return interp.modules.imports.importModule(name.toString(), pkg);
        });
        Modules.def(m, "invalidate_caches", (a, off, n, kw) -> {
            org.gilectomy.objects.Args.exactly("invalidate_caches", n, 0, kw);
            return PyNone.newRef(); // the finder keeps no directory caches
        });
        return m;
    }
}
