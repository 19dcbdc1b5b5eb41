package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CallableObject;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * CPython's {@code _operator} (Modules/_operator.c): the operators as functions, and
 * {@code itemgetter}, {@code attrgetter}, {@code methodcaller}. CPython's {@code operator.py}
 * re-exports all of them ({@code from _operator import *}).
 */
public final class OperatorModule {
    private OperatorModule() {
    }

    private interface Binary {
        PyObject apply(PyObject a, PyObject b);
    }

    private static void binary(PyModule m, String name, Binary f) {
        Defs.def(m, name, (a, off, n, kw) -> {
            Args.noKeywords(name, kw);
            if (n != 2) {
                throw PyExc.typeError(name + " expected 2 arguments, got " + n);
            }
            return f.apply(a[off], a[off + 1]);
        });
    }

    private static void unary(PyModule m, String name, java.util.function.UnaryOperator<PyObject> f) {
        Defs.def(m, name, (a, off, n, kw) -> {
            Args.exactly(name, n, 1, kw);
            return f.apply(a[off]);
        });
    }

    public static PyModule module() {
        PyModule m = new PyModule("_operator");
        Defs.constant(m, "__doc__", PyStr.of("Operator interface.\n\nThis module exports a set of functions implemented in C "
                + "corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n"
                + "is equivalent to the expression x+y.  The function names are those\nused for special methods; "
                + "variants without leading and trailing\n'__' are also provided for convenience."));
        String[] names = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_", "or_", "xor"};
        BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.TRUEDIV, BinaryOp.FLOORDIV, BinaryOp.MOD,
            BinaryOp.POW, BinaryOp.LSHIFT, BinaryOp.RSHIFT, BinaryOp.AND, BinaryOp.OR, BinaryOp.XOR};
        for (int i = 0; i < names.length; i++) {
            BinaryOp op = ops[i];
            binary(m, names[i], (x, y) -> Ops.binary(op, x, y));
            String base = names[i].endsWith("_") ? names[i].substring(0, names[i].length() - 1) : names[i];
            binary(m, "i" + base, (x, y) -> Ops.inPlace(op, x, y));
        }
        binary(m, "concat", (x, y) -> {
            if (!(x instanceof PyStr || x instanceof org.gilectomy.objects.PyList || x instanceof PyTuple
                    || x instanceof org.gilectomy.objects.PyBytes)) {
                throw PyExc.typeError("'" + x.type().name() + "' object can't be concatenated");
            }
            return Ops.binary(BinaryOp.ADD, x, y);
        });
        String[] cmp = {"eq", "ne", "lt", "le", "gt", "ge"};
        CompareOp[] cops = {CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE, CompareOp.GT, CompareOp.GE};
        for (int i = 0; i < cmp.length; i++) {
            CompareOp op = cops[i];
            binary(m, cmp[i], (x, y) -> PyBool.of(Ops.compare(op, x, y)));
        }
        binary(m, "is_", (x, y) -> PyBool.of(x == y));
        binary(m, "is_not", (x, y) -> PyBool.of(x != y));
        binary(m, "contains", (x, y) -> PyBool.of(Ops.contains(x, y)));
        binary(m, "getitem", Ops::getItem);
        binary(m, "delitem", (x, y) -> {
            Ops.delItem(x, y);
            return PyNone.newRef();
        });
        Defs.def(m, "setitem", (a, off, n, kw) -> {
            Args.exactly("setitem", n, 3, kw);
            Ops.setItem(a[off], a[off + 1], a[off + 2]);
            return PyNone.newRef();
        });
        binary(m, "countOf", (x, y) -> {
            long c = 0;
            for (PyObject item : Ops.collect(x)) {
                c += Ops.sameOrEq(item, y) ? 1 : 0;
                RefCount.decref(item);
            }
            return PyInt.of(c);
        });
        unary(m, "neg", Ops::negative);
        unary(m, "pos", Ops::positive);
        unary(m, "invert", Ops::invert);
        unary(m, "inv", Ops::invert);
        unary(m, "not_", x -> PyBool.of(!Ops.isTrue(x)));
        unary(m, "truth", x -> PyBool.of(Ops.isTrue(x)));
        unary(m, "index", x -> {
            if (!(x instanceof PyInt || x instanceof PyBool)) {
                throw PyExc.typeError("'" + x.type().name() + "' object cannot be interpreted as an integer");
            }
            return x instanceof PyBool b ? PyInt.of(b.value ? 1 : 0) : Ops.positive(x);
        });
        Defs.def(m, "length_hint", (a, off, n, kw) -> {
            Args.between("length_hint", n, 1, 2, kw);
            if (a[off] instanceof org.gilectomy.objects.PyIterator) {
                throw PyExc.notImplemented("operator.length_hint() of an iterator (__length_hint__)");
            }
            try {
                return PyInt.of(Ops.len(a[off]));
            } catch (org.gilectomy.objects.PyException e) {
                if (!e.matches(PyExc.TYPE_ERROR)) {
                    throw e;
                }
                e.release();
                return n > 1 ? PyInt.of(Args.asLong(a[off + 1])) : PyInt.of(0);
            }
        });
        Defs.type(m, Getter.ITEM);
        Defs.type(m, Getter.ATTR);
        Defs.type(m, Getter.METHOD);
        return m;
    }

    /** itemgetter, attrgetter and methodcaller: what they fetch, and how. */
    static final class Getter extends PyObject implements CallableObject {
        static final PyType ITEM = PyType.ofModule("operator", "itemgetter", PyType.OBJECT);
        static final PyType ATTR = PyType.ofModule("operator", "attrgetter", PyType.OBJECT);
        static final PyType METHOD = PyType.ofModule("operator", "methodcaller", PyType.OBJECT);

        static {
            ITEM.constructor = (a, off, n, kw) -> {
                Args.noKeywords("itemgetter", kw);
                if (n < 1) {
                    throw PyExc.typeError("itemgetter expected 1 argument, got 0");
                }
                return new Getter(ITEM, copy(a, off, n), null);
            };
            ATTR.constructor = (a, off, n, kw) -> {
                Args.noKeywords("attrgetter", kw);
                if (n < 1) {
                    throw PyExc.typeError("attrgetter expected 1 argument, got 0");
                }
                for (int i = 0; i < n; i++) {
                    if (!(a[off + i] instanceof PyStr)) {
                        throw PyExc.typeError("attribute name must be a string");
                    }
                }
                return new Getter(ATTR, copy(a, off, n), null);
            };
            METHOD.constructor = (a, off, n, kw) -> {
                if (n < 1) {
                    throw PyExc.typeError("methodcaller needs at least one argument, the method name");
                }
                if (!(a[off] instanceof PyStr)) {
                    throw PyExc.typeError("method name must be a string");
                }
                int nk = kw == null ? 0 : kw.size();
                PyObject[] all = copy(a, off, n + nk);
                if (kw != null) {
                    RefCount.incref(kw);
                }
                return new Getter(METHOD, all, kw);
            };
        }

        private static PyObject[] copy(PyObject[] a, int off, int n) {
            PyObject[] r = new PyObject[n];
            for (int i = 0; i < n; i++) {
                r[i] = a[off + i];
                RefCount.incref(r[i]);
            }
            return r;
        }

        private final PyType type;
        /** Owned: the items, the attribute names, or the method name then its arguments and keyword values. */
        private final PyObject[] what;
        /** methodcaller's keyword names (owned), or null. */
        private final PyTuple kwnames;

        Getter(PyType type, PyObject[] what, PyTuple kwnames) {
            this.type = type;
            this.what = what;
            this.kwnames = kwnames;
        }

        @Override
        public PyType type() {
            return type;
        }

        private static PyObject attr(PyObject o, String dotted) {
            RefCount.incref(o);
            for (String part : dotted.split("\\.", -1)) {
                PyObject next;
                try {
                    next = Ops.getAttr(o, part);
                } finally {
                    RefCount.decref(o);
                }
                o = next;
            }
            return o;
        }

        @Override
        public PyObject call(PyObject[] a, int off, int n, PyTuple kw) {
            if (type == METHOD) {
                Args.exactly("methodcaller", n, 1, kw);
                PyObject method = Ops.getAttr(a[off], ((PyStr) what[0]).value);
                try {
                    int nk = kwnames == null ? 0 : kwnames.size();
                    return Ops.call(method, what, 1, what.length - 1 - nk, kwnames);
                } finally {
                    RefCount.decref(method);
                }
            }
            Args.exactly(type.name(), n, 1, kw);
            PyObject[] r = new PyObject[what.length];
            try {
                for (int i = 0; i < r.length; i++) {
                    r[i] = type == ITEM ? Ops.getItem(a[off], what[i]) : attr(a[off], ((PyStr) what[i]).value);
                }
            } catch (RuntimeException e) {
                ItertoolsModule.release(r);
                throw e;
            }
            return r.length == 1 ? r[0] : PyTuple.steal(r);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("operator.").append(type.name()).append('(');
            int nk = kwnames == null ? 0 : kwnames.size();
            for (int i = 0; i < what.length - nk; i++) {
                sb.append(i > 0 ? ", " : "").append(Ops.repr(what[i]));
            }
            for (int k = 0; k < nk; k++) {
                sb.append(", ").append(((PyStr) kwnames.getBorrowed(k)).value).append('=')
                        .append(Ops.repr(what[what.length - nk + k]));
            }
            return sb.append(')').toString();
        }

        @Override
        protected void dealloc() {
            ItertoolsModule.release(what);
            RefCount.xdecref(kwnames);
        }
    }
}
