package org.gilectomy.runtime.interp;

import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Compiler;

/**
 * A Java module's part written in Python (as SysModule writes sys.version_info): the source
 * is run in a namespace of its own in the calling interpreter, and one name is taken from it.
 */
public final class PythonSource {
    private PythonSource() {
    }

    /**
     * Runs {@code source} as if it were module {@code module} (its classes' {@code __module__};
     * {@code <module>} in tracebacks) and returns a new reference to its {@code name}.
     */
    public static PyObject define(String source, String module, String name) {
        Interpreter interp = Interpreter.current();
        String filename = "<" + module + ">";
        PyModule scratch = new PyModule(module);
        try {
            PyCode code = Compiler.compileModule(source, filename);
            interp.modules.compiled(code);
            try {
                RefCount.decref(Eval.runModule(ThreadState.current(), code, scratch.dictBorrowed()));
            } finally {
                RefCount.decref(code);
            }
            PyObject r = scratch.dictBorrowed().getName(name);
            if (r == null) {
                throw new IllegalStateException(filename + " does not define " + name);
            }
            return r;
        } catch (org.gilectomy.runtime.parse.PySyntaxError e) {
            throw new IllegalStateException(filename + "'s Python does not compile: " + e.getMessage(), e);
        } finally {
            scratch.clearForFinalization();
        }
    }
}
