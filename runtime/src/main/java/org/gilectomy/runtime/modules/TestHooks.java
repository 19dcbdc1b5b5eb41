package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Modules;

/**
 * {@code _testrefcount}: deliberate reference-count bugs, for the negative controls of
 * {@code --check-refs} (CPython's {@code _testcapi} plays this part). Importable only with
 * {@code -Dgilectomy.test-hooks=true}; otherwise the module does not exist.
 *
 * <ul>
 *   <li>{@code leak(x)}: takes a reference to {@code x} and never releases it (a leak);
 *   <li>{@code decref(x)}: releases a reference it does not own (a double decref: the next
 *       release of {@code x} touches a freed object);
 *   <li>{@code javaclass(x)}: the name of the Java class implementing {@code x}, for the test
 *       that every class the runtime defines has a repr without Java in it.
 * </ul>
 */
public final class TestHooks {
    static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + "test-hooks";
    public static final String NAME = "_testrefcount";

    private TestHooks() {
    }

    public static boolean enabled() {
        return org.gilectomy.locks.Build.flag("test-hooks");
    }

    public static PyModule module() {
        PyModule m = new PyModule(NAME);
        Modules.def(m, "leak", (a, off, n, kw) -> {
            Args.exactly("leak", n, 1, kw);
            RefCount.incref(a[off]); // never released: the bug this hook exists for
            return PyNone.newRef();
        });
        Modules.def(m, "decref", (a, off, n, kw) -> {
            Args.exactly("decref", n, 1, kw);
            RefCount.decref(a[off]); // a reference we do not own: the bug this hook exists for
            return PyNone.newRef();
        });
        Modules.def(m, "javaclass", (a, off, n, kw) -> {
            Args.exactly("javaclass", n, 1, kw);
            return PyStr.of(a[off].getClass().getName());
        });
        return m;
    }
}
