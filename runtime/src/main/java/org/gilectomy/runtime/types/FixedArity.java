package org.gilectomy.runtime.types;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;

/**
 * Built-in methods that take a fixed number of positional arguments after self and no
 * keywords: the argument check, and None for those that return nothing, in one place.
 * {@code checkedAs} is the name CPython's error message uses ("list.count", or "count").
 * Each adds a call through the body to the method; not for the methods the eval loop's
 * benchmarks lean on (list.append and the like keep their own bodies).
 */
public final class FixedArity {
    /** A method's work on {@code a[off]} (self) and {@code a[off + 1 ...]}, returning nothing. */
    public interface Procedure {
        void run(PyObject[] a, int off);
    }

    /** A method's work, returning a new reference. */
    public interface Function {
        PyObject apply(PyObject[] a, int off);
    }

    private FixedArity() {
    }

    /** {@code t.name(self, x1 .. x_arity)}, returning None. */
    public static void procedure(PyType t, String name, String checkedAs, int arity, Procedure body) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.exactly(checkedAs, n - 1, arity, kw);
            body.run(a, off);
            return PyNone.newRef();
        });
    }

    /** {@code t.name(self, x1 .. x_arity)}, returning what {@code body} returns. */
    public static void function(PyType t, String name, String checkedAs, int arity, Function body) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.exactly(checkedAs, n - 1, arity, kw);
            return body.apply(a, off);
        });
    }
}
