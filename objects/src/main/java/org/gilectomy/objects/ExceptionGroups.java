package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gilectomy.refcount.RefCount;

/**
 * PEP 654's {@code BaseExceptionGroup} and {@code ExceptionGroup}: construction with CPython
 * 3.11's checks and messages, {@code message}, {@code exceptions}, {@code derive},
 * {@code split}, {@code subgroup}, {@code str}; and the two steps of {@code except*} that the
 * eval loop calls ({@link #matchForExceptStar}, {@link #prepareReraise}).
 *
 * <p>A group is a {@link PyBaseException} whose {@link PyBaseException#groupBorrowed} holds
 * {@code (message, exceptions)}; its {@code args} are what {@code __new__} was given, as in
 * CPython. A group is immutable once made, so nothing here locks.
 */
public final class ExceptionGroups {
    private ExceptionGroups() {
    }

    static void install() {
        PyType beg = PyExc.BASE_EXCEPTION_GROUP;
        beg.addMethod("__new__", (a, off, n, kw) -> newGroup(a, off, n));
        beg.addMethod("__str__", (a, off, n, kw) -> {
            PyTuple g = group(a[off]);
            long count = ((PyTuple) g.getBorrowed(1)).size();
            return PyStr.of(Ops.str(g.getBorrowed(0)) + " (" + count + " sub-exception" + (count == 1 ? "" : "s") + ")");
        });
        beg.addMethod("derive", (a, off, n, kw) -> {
            Args.exactly("derive", n - 1, 1, kw);
            return Ops.call(PyExc.BASE_EXCEPTION_GROUP, group(a[off]).getBorrowed(0), a[off + 1]);
        });
        beg.addMethod("split", (a, off, n, kw) -> {
            Args.exactly("split", n - 1, 1, kw);
            Matcher m = matcher(a[off + 1]);
            PyObject[] parts = split((PyBaseException) a[off], m, true);
            return PyTuple.steal(new PyObject[] {orNone(parts[0]), orNone(parts[1])});
        });
        beg.addMethod("subgroup", (a, off, n, kw) -> {
            Args.exactly("subgroup", n - 1, 1, kw);
            return orNone(split((PyBaseException) a[off], matcher(a[off + 1]), false)[0]);
        });
    }

    /** {@code e.message} and {@code e.exceptions} of a group (new reference), else null. */
    static PyObject attribute(PyBaseException e, String name) {
        PyTuple g = e.groupBorrowed();
        if (g == null) {
            return null;
        }
        PyObject v = switch (name) {
            case "message" -> g.getBorrowed(0);
            case "exceptions" -> g.getBorrowed(1);
            default -> null;
        };
        if (v != null) {
            RefCount.incref(v);
        }
        return v;
    }

    private static PyTuple group(PyObject self) {
        PyTuple g = self instanceof PyBaseException e ? e.groupBorrowed() : null;
        if (g == null) {
            throw PyExc.typeError("descriptor requires a 'BaseExceptionGroup' object but received a '"
                    + self.type().name() + "'");
        }
        return g;
    }

    private static PyObject orNone(PyObject o) {
        return o == null ? PyNone.newRef() : o;
    }

    /** {@code BaseExceptionGroup.__new__(cls, message, exceptions)}: CPython's checks, in its order. */
    private static PyObject newGroup(PyObject[] a, int off, int n) {
        PyType cls = (PyType) a[off];
        if (n - 1 != 2) {
            throw PyExc.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + (n - 1) + " given)");
        }
        PyObject message = a[off + 1];
        PyObject given = a[off + 2];
        if (!(message instanceof PyStr)) {
            throw PyExc.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not " + message.type().name());
        }
        if (!isSequence(given)) {
            throw PyExc.typeError("second argument (exceptions) must be a sequence");
        }
        PyTuple excs = PyTuple.steal(Ops.collect(given));
        try {
            if (excs.size() == 0) {
                throw PyExc.valueError("second argument (exceptions) must be a non-empty sequence");
            }
            boolean nestsBase = false;
            for (int i = 0; i < excs.size(); i++) {
                PyObject x = excs.getBorrowed(i);
                if (!(x instanceof PyBaseException)) {
                    throw PyExc.valueError("Item " + i + " of second argument (exceptions) is not an exception");
                }
                nestsBase |= !x.type().isSubtypeOf(PyExc.EXCEPTION);
            }
            if (cls == PyExc.BASE_EXCEPTION_GROUP) {
                if (!nestsBase) {
                    cls = PyExc.EXCEPTION_GROUP; // as CPython: a group of Exceptions is an ExceptionGroup
                }
            } else if (nestsBase && cls.isSubtypeOf(PyExc.EXCEPTION)) {
                throw PyExc.typeError(cls == PyExc.EXCEPTION_GROUP ? "Cannot nest BaseExceptions in an ExceptionGroup"
                        : "Cannot nest BaseExceptions in '" + cls.name() + "'");
            }
            PyBaseException self = (PyBaseException) cls.instanceFactoryInherited().apply(cls);
            PyTuple args = PyTuple.copyOf(a, off + 1, 2);
            self.setArgs(args);
            RefCount.decref(args);
            RefCount.incref(message);
            PyTuple g = PyTuple.steal(new PyObject[] {message, excs});
            excs = null; // the group tuple owns it now
            self.initGroup(g);
            RefCount.decref(g);
            return self;
        } finally {
            if (excs != null) {
                RefCount.decref(excs);
            }
        }
    }

    /** CPython's PySequence_Check: a list, a tuple, or anything with __getitem__ that is not a dict. */
    private static boolean isSequence(PyObject o) {
        if (o instanceof PyList || o instanceof PyTuple) {
            return true;
        }
        if (o instanceof PyDict) {
            return false;
        }
        PyObject m = o.type().lookup("__getitem__");
        RefCount.xdecref(m);
        return m != null;
    }

    // ---- split and subgroup

    /** What split() and subgroup() keep: leaves of some types, those a predicate accepts, or given objects. */
    private interface Matcher {
        boolean matches(PyBaseException e);
    }

    private static Matcher matcher(PyObject m) {
        if (m instanceof PyType || m instanceof PyTuple) {
            if (!isExceptionTypes(m)) {
                throw PyExc.typeError("expected a function, exception type or tuple of exception types");
            }
            return e -> matchesTypes(e, m);
        }
        if (Ops.isCallable(m)) {
            return e -> {
                PyObject r = Ops.call(m, e);
                try {
                    return Ops.isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            };
        }
        throw PyExc.typeError("expected a function, exception type or tuple of exception types");
    }

    private static boolean isExceptionTypes(PyObject m) {
        if (m instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) {
                if (!(t.getBorrowed(i) instanceof PyType c) || !c.isSubtypeOf(PyExc.BASE_EXCEPTION)) {
                    return false;
                }
            }
            return true;
        }
        return m instanceof PyType c && c.isSubtypeOf(PyExc.BASE_EXCEPTION) && c != PyType.OBJECT;
    }

    private static boolean matchesTypes(PyObject e, PyObject types) {
        if (types instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) {
                if (e.type().isSubtypeOf((PyType) t.getBorrowed(i))) {
                    return true;
                }
            }
            return false;
        }
        return e.type().isSubtypeOf((PyType) types);
    }

    /**
     * {@code [match, rest]} (new references, null for none): {@code e} whole if it matches, else
     * for a group the parts of its exceptions that match and those that do not, each wrapped
     * by {@link #subset}; {@code rest} only when {@code withRest}.
     */
    private static PyObject[] split(PyBaseException e, Matcher m, boolean withRest) {
        if (m.matches(e)) {
            RefCount.incref(e);
            return new PyObject[] {e, null};
        }
        PyTuple g = e.groupBorrowed();
        if (g == null) {
            if (withRest) {
                RefCount.incref(e);
            }
            return new PyObject[] {null, withRest ? e : null};
        }
        PyTuple excs = (PyTuple) g.getBorrowed(1);
        List<PyObject> matched = new ArrayList<>();
        List<PyObject> rest = new ArrayList<>();
        try {
            for (int i = 0; i < excs.size(); i++) {
                PyObject[] parts = split((PyBaseException) excs.getBorrowed(i), m, withRest);
                if (parts[0] != null) {
                    matched.add(parts[0]);
                }
                if (parts[1] != null) {
                    rest.add(parts[1]);
                }
            }
            PyObject match = subset(e, matched);
            try {
                return new PyObject[] {match, withRest ? subset(e, rest) : null};
            } catch (PyException x) {
                RefCount.xdecref(match);
                throw x;
            }
        } finally {
            matched.forEach(RefCount::decref);
            rest.forEach(RefCount::decref);
        }
    }

    /**
     * The group {@code orig.derive(parts)} (new reference), carrying orig's traceback, cause,
     * context and a copy of its {@code __notes__}; null for no parts.
     */
    private static PyObject subset(PyBaseException orig, List<PyObject> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        PyObject[] items = parts.toArray(new PyObject[0]);
        for (PyObject p : items) {
            RefCount.incref(p);
        }
        PyList list = PyList.steal(items, items.length);
        PyObject derived;
        PyObject derive = Ops.getAttr(orig, "derive");
        try {
            derived = Ops.call(derive, list);
        } finally {
            RefCount.decref(derive);
            RefCount.decref(list);
        }
        if (!(derived instanceof PyBaseException d) || d.groupBorrowed() == null) {
            RefCount.decref(derived);
            throw PyExc.typeError("derive must return an instance of BaseExceptionGroup");
        }
        try {
            d.carrier().copyLinksFrom(orig.carrier());
            PyObject notes = Ops.attrOrNull(orig, "__notes__");
            if (notes != null) {
                try {
                    if (isSequence(notes)) {
                        PyObject[] copy = Ops.collect(notes);
                        PyList l = PyList.steal(copy, copy.length);
                        try {
                            Ops.setAttr(d, "__notes__", l);
                        } finally {
                            RefCount.decref(l);
                        }
                    }
                } finally {
                    RefCount.decref(notes);
                }
            }
        } catch (PyException x) {
            RefCount.decref(d);
            throw x;
        }
        return d;
    }

    // ---- except*

    /**
     * CHECK_EG_MATCH: {@code [rest, match]} (new references, null for none) of {@code exc}
     * against {@code except* types}. A plain exception that matches is wrapped in
     * {@code ExceptionGroup('', [exc])} with its traceback, as CPython does.
     */
    public static PyObject[] matchForExceptStar(PyBaseException exc, PyObject types) {
        if (!isExceptionTypes(types)) {
            throw PyExc.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        if (types instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) {
                refuseGroupType((PyType) t.getBorrowed(i));
            }
        } else {
            refuseGroupType((PyType) types);
        }
        if (matchesTypes(exc, types)) {
            if (exc.groupBorrowed() != null) {
                RefCount.incref(exc);
                return new PyObject[] {null, exc};
            }
            RefCount.incref(exc);
            PyObject wrapped = newGroup(PyTuple.steal(new PyObject[] {exc})); // CPython: a tuple here
            ((PyBaseException) wrapped).carrier().copyLinksFrom(exc.carrier());
            return new PyObject[] {null, wrapped};
        }
        if (exc.groupBorrowed() == null) {
            RefCount.incref(exc);
            return new PyObject[] {exc, null};
        }
        PyObject[] parts = split(exc, e -> matchesTypes(e, types), true);
        return new PyObject[] {parts[1], parts[0]};
    }

    private static void refuseGroupType(PyType t) {
        if (t.isSubtypeOf(PyExc.BASE_EXCEPTION_GROUP)) {
            throw PyExc.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }

    /**
     * PREP_RERAISE_STAR: what leaves a {@code try ... except*} (new reference, null for
     * nothing), given the exception caught and what each clause raised, the unmatched rest
     * last (None where nothing). Re-raised parts of {@code orig} go back together in the shape
     * orig had; exceptions raised anew go with them into a new {@code ExceptionGroup('', ...)}.
     */
    public static PyObject prepareReraise(PyBaseException orig, PyObject[] raised) {
        if (orig.groupBorrowed() == null) { // a plain exception, wrapped: one clause at most ran
            for (PyObject r : raised) {
                if (r != PyNone.NONE) {
                    RefCount.incref(r);
                    return r;
                }
            }
            return null;
        }
        List<PyObject> fresh = new ArrayList<>();
        Set<PyObject> reraisedLeaves = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PyObject r : raised) {
            if (r == PyNone.NONE) {
                continue;
            }
            PyBaseException e = (PyBaseException) r;
            if (e.carrier().sameLinksAs(orig.carrier())) {
                collectLeaves(e, reraisedLeaves);
            } else {
                fresh.add(e);
            }
        }
        PyObject kept = reraisedLeaves.isEmpty() ? null
                : split(orig, e -> e.groupBorrowed() == null && reraisedLeaves.contains(e), false)[0];
        if (fresh.isEmpty()) {
            return kept;
        }
        if (kept != null) {
            fresh.add(kept);
        } else if (fresh.size() == 1) {
            RefCount.incref(fresh.get(0));
            return fresh.get(0);
        }
        PyObject[] items = fresh.toArray(new PyObject[0]);
        for (int i = 0; i < items.length; i++) {
            if (items[i] != kept) {
                RefCount.incref(items[i]);
            }
        }
        return newGroup(PyList.steal(items, items.length));
    }

    /** {@code BaseExceptionGroup('', excs)}, releasing {@code excs}: a new reference. */
    private static PyObject newGroup(PyObject excs) {
        PyStr empty = PyStr.of("");
        try {
            return Ops.call(PyExc.BASE_EXCEPTION_GROUP, empty, excs);
        } finally {
            RefCount.decref(empty);
            RefCount.decref(excs);
        }
    }

    private static void collectLeaves(PyBaseException e, Set<PyObject> into) {
        PyTuple g = e.groupBorrowed();
        if (g == null) {
            into.add(e);
            return;
        }
        PyTuple excs = (PyTuple) g.getBorrowed(1);
        for (int i = 0; i < excs.size(); i++) {
            collectLeaves((PyBaseException) excs.getBorrowed(i), into);
        }
    }
}
