package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.AtExit;

/**
 * CPython's {@code atexit}: functions to call when the program ends. The callbacks belong to the
 * interpreter (interp.AtExit, which also runs them at the end), as in CPython.
 */
public final class AtexitModule {
    private AtexitModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("atexit");
        Defs.constant(m, "__doc__", PyStr.of("allow programmer to define multiple exit functions to be executed\n"
                + "upon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"));
        Defs.def(m, "register", (a, off, n, kw) -> {
            if (n < 1) {
                throw PyExc.typeError("register() takes at least 1 argument (0 given)");
            }
            if (!Ops.isCallable(a[off])) {
                throw PyExc.typeError("the first argument must be callable");
            }
            AtExit.current().register(a, off, n, kw);
            RefCount.incref(a[off]);
            return a[off];
        });
        Defs.def(m, "unregister", (a, off, n, kw) -> {
            Args.exactly("unregister", n, 1, kw);
            AtExit.current().unregister(a[off]);
            return PyNone.newRef();
        });
        Defs.def(m, "_run_exitfuncs", (a, off, n, kw) -> {
            Args.exactly("_run_exitfuncs", n, 0, kw);
            AtExit.current().run();
            return PyNone.newRef();
        });
        Defs.def(m, "_clear", (a, off, n, kw) -> {
            Args.exactly("_clear", n, 0, kw);
            AtExit.current().clear();
            return PyNone.newRef();
        });
        Defs.def(m, "_ncallbacks", (a, off, n, kw) -> {
            Args.exactly("_ncallbacks", n, 0, kw);
            return PyInt.of(AtExit.current().count());
        });
        return m;
    }
}
