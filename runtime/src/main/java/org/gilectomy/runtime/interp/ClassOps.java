package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Classes;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyCell;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** The class statement at run time: runs the body in a fresh namespace and makes the class. */
final class ClassOps {
    private ClassOps() {
    }

    /**
     * BUILD_CLASS: (body bases -- cls). The body is a function of no parameters (its closure
     * carries the enclosing functions' variables its methods use); it runs with the namespace
     * dict in slot 0 and returns its {@code __class__} cell, or None if no method uses super().
     */
    static int buildClass(ThreadState ts, PyObject[] slots, int sp, int nkw) {
        int kwTop = sp; // with keywords: (body bases v1..vn names -- cls)
        PyTuple kwNames = null;
        if (nkw > 0) {
            kwNames = (PyTuple) slots[sp - 1];
            sp -= nkw + 1;
        }
        PyFunction bodyFunction = (PyFunction) slots[sp - 2];
        PyTuple originalBases = (PyTuple) slots[sp - 1];
        PyTuple bases = resolveBases(originalBases);
        try {
            return buildClass(ts, slots, sp, nkw, kwTop, kwNames, bodyFunction, originalBases, bases);
        } finally {
            if (bases != originalBases) {
                RefCount.decref(bases);
            }
        }
    }

    private static int buildClass(ThreadState ts, PyObject[] slots, int sp, int nkw, int kwTop, PyTuple kwNames,
            PyFunction bodyFunction, PyTuple originalBases, PyTuple bases) {
        PyObject metaclass = null;
        for (int i = 0; i < nkw; i++) {
            if (kwNames.getBorrowed(i) instanceof PyStr k && k.value.equals("metaclass")) {
                metaclass = slots[sp + i];
            }
        }
        if (metaclass != null && !(metaclass instanceof PyType mt && mt.isSubtypeOf(PyType.TYPE))) {
            throw PyExc.notImplemented("a metaclass that is not a subclass of type");
        }
        if (metaclass != null) { // not for __init_subclass__
            kwNames = withoutMetaclass(slots, sp, kwNames);
            nkw = kwNames == null ? 0 : kwNames.size();
        }
        PyCode body = bodyFunction.code;
        PyType[] baseTypes = new PyType[bases.size()];
        for (int i = 0; i < baseTypes.length; i++) {
            if (!(bases.getBorrowed(i) instanceof PyType t)) {
                throw PyExc.typeError("bases must be types");
            }
            baseTypes[i] = t;
        }
        PyType meta = Classes.metaclassFor((PyType) metaclass, baseTypes);
        PyDict globals = bodyFunction.globals;
        PyDict ns = meta == PyType.TYPE ? new PyDict() : prepare(meta, body.name, bases, slots, sp, kwNames);
        PyObject moduleName = namespaceGet(ns, PyStr.internBorrowed("__name__")); // the body's `__module__ = __name__`
        if (moduleName == null) {
            moduleName = globals.getName("__name__");
        }
        String module = moduleName instanceof PyStr s ? s.value : "__main__";
        RefCount.xdecref(moduleName);
        PyStr moduleStr = PyStr.of(module);
        namespacePut(ns, PyStr.internBorrowed("__module__"), moduleStr);
        RefCount.decref(moduleStr);
        PyStr qualname = PyStr.of(body.qualname);
        namespacePut(ns, PyStr.internBorrowed("__qualname__"), qualname);
        RefCount.decref(qualname);
        if (bases != originalBases) {
            namespacePut(ns, PyStr.internBorrowed("__orig_bases__"), originalBases);
        }
        PyObject[] frame = new PyObject[body.varNames.length + body.stackSize];
        PyObject classCell;
        try {
            ArgumentBinder.bind(bodyFunction, frame, frame, 0, 0, null);
            RefCount.incref(ns);
            frame[0] = ns;
            classCell = Eval.run(ts, body, globals, frame, null);
        } catch (RuntimeException e) {
            RefCount.decref(ns);
            throw e;
        }
        PyObject cls;
        try {
            cls = meta == PyType.TYPE ? Classes.newClass(body.name, baseTypes, ns, module, slots, sp, kwNames)
                    : callMetaclass(meta, body.name, bases, ns, slots, sp, kwNames);
        } catch (RuntimeException e) {
            RefCount.decref(classCell);
            throw e;
        } finally {
            if (metaclass != null && kwNames != null) {
                RefCount.decref(kwNames); // withoutMetaclass's own tuple
            }
        }
        for (int i = sp; i < kwTop; i++) {
            RefCount.decrefStack(slots[i]); // stack references: uncounted for a deferred object (a metaclass)
            slots[i] = null;
        }
        if (classCell instanceof PyCell cell) {
            RefCount.incref(cls);
            cell.setStealing(cls);
        }
        RefCount.decref(classCell);
        RefCount.decrefStack(originalBases);
        slots[sp - 1] = null;
        RefCount.decrefStack(bodyFunction);
        slots[sp - 2] = RefCount.stackRefSteal(cls);
        return sp - 1;
    }

    /**
     * LOAD_NAME's read of a class body's namespace (a new reference, null if missing): a dict
     * subclass a metaclass's {@code __prepare__} returned ({@code enum._EnumDict}) is read through
     * its own {@code __getitem__}, as CPython reads any namespace that is not an exact dict.
     */
    static PyObject namespaceGet(PyDict ns, PyObject key) {
        if (!(ns instanceof org.gilectomy.objects.BuiltinSubclass)) {
            return ns.get(key);
        }
        try {
            return Ops.getItem(ns, key);
        } catch (org.gilectomy.objects.PyException e) {
            if (!e.matches(PyExc.KEY_ERROR)) {
                throw e;
            }
            e.release();
            return null;
        }
    }

    /** STORE_NAME's write ({@code v} borrowed): through a dict subclass's own {@code __setitem__}. */
    static void namespacePut(PyDict ns, PyObject key, PyObject v) {
        if (ns instanceof org.gilectomy.objects.BuiltinSubclass) {
            Ops.setItem(ns, key, v);
        } else {
            ns.put(key, v);
        }
    }

    /**
     * PEP 560: each base that is not a class but has {@code __mro_entries__} ({@code list[int]},
     * {@code typing.Generic[T]}) replaced by the classes that method returns. The bases
     * themselves when none is replaced, else a new tuple.
     */
    private static PyTuple resolveBases(PyTuple bases) {
        java.util.List<PyObject> resolved = null;
        java.util.List<PyObject> returned = new java.util.ArrayList<>(); // owned until their items are copied
        try {
            return resolveBases(bases, resolved, returned);
        } finally {
            returned.forEach(RefCount::decref);
        }
    }

    private static PyTuple resolveBases(PyTuple bases, java.util.List<PyObject> resolved, java.util.List<PyObject> returned) {
        for (int i = 0; i < bases.size(); i++) {
            PyObject base = bases.getBorrowed(i);
            PyObject entries = base instanceof PyType ? null : Ops.attrOrNull(base, "__mro_entries__");
            if (entries == null) {
                if (resolved != null) {
                    resolved.add(base);
                }
                continue;
            }
            PyObject r;
            try {
                r = Ops.call(entries, bases);
            } finally {
                RefCount.decref(entries);
            }
            returned.add(r);
            if (!(r instanceof PyTuple t)) {
                throw PyExc.typeError("__mro_entries__ must return a tuple");
            }
            if (resolved == null) {
                resolved = new java.util.ArrayList<>();
                for (int j = 0; j < i; j++) {
                    resolved.add(bases.getBorrowed(j));
                }
            }
            for (int j = 0; j < t.size(); j++) {
                resolved.add(t.getBorrowed(j));
            }
        }
        return resolved == null ? bases : PyTuple.copyOf(resolved.toArray(new PyObject[0]), 0, resolved.size());
    }

    /** {@code meta.__prepare__(name, bases, **kw)} if the metaclass has one (a dict), else a new dict. */
    private static PyDict prepare(PyType meta, String name, PyTuple bases, PyObject[] slots, int sp, PyTuple kwNames) {
        PyObject prep = meta.lookup("__prepare__");
        if (prep == null) {
            return new PyDict();
        }
        RefCount.decref(prep);
        PyObject f = Ops.getAttr(meta, "__prepare__");
        PyObject r;
        try {
            r = callWithKeywords(f, new PyObject[] {PyStr.of(name), bases}, slots, sp, kwNames);
        } finally {
            RefCount.decref(f);
        }
        if (r instanceof PyDict d) {
            return d;
        }
        RefCount.decref(r);
        throw PyExc.notImplemented("a __prepare__ that returns something other than a dict");
    }

    /** {@code meta(name, bases, ns, **kw)}: takes over the namespace reference. */
    private static PyObject callMetaclass(PyType meta, String name, PyTuple bases, PyDict ns, PyObject[] slots, int sp,
            PyTuple kwNames) {
        try {
            return callWithKeywords(meta, new PyObject[] {PyStr.of(name), newRef(bases), ns}, slots, sp, kwNames);
        } finally {
            RefCount.decref(ns);
        }
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    /**
     * {@code f(*positional, **kw)}, the keyword values in {@code slots[sp..]}; releases the
     * positional arguments except the last (the caller's namespace or bases, borrowed).
     */
    private static PyObject callWithKeywords(PyObject f, PyObject[] positional, PyObject[] slots, int sp, PyTuple kwNames) {
        int nkw = kwNames == null ? 0 : kwNames.size();
        PyObject[] a = new PyObject[positional.length + nkw];
        System.arraycopy(positional, 0, a, 0, positional.length);
        System.arraycopy(slots, sp, a, positional.length, nkw);
        try {
            return Ops.call(f, a, 0, positional.length, kwNames);
        } finally {
            for (int i = 0; i < positional.length - 1; i++) {
                RefCount.decref(positional[i]);
            }
        }
    }

    /**
     * The keyword names without {@code metaclass} (null if none is left), its value moved to the
     * end of the keyword values so the others stay in order for {@code __init_subclass__}.
     */
    private static PyTuple withoutMetaclass(PyObject[] slots, int sp, PyTuple kwNames) {
        int n = kwNames.size();
        PyObject[] names = new PyObject[n - 1];
        PyObject meta = null;
        int j = 0;
        for (int i = 0; i < n; i++) {
            PyObject k = kwNames.getBorrowed(i);
            if (((PyStr) k).value.equals("metaclass")) {
                meta = slots[sp + i];
            } else {
                names[j] = k;
                RefCount.incref(k);
                slots[sp + j] = slots[sp + i];
                j++;
            }
        }
        slots[sp + n - 1] = meta;
        return n == 1 ? null : PyTuple.steal(names);
    }
}
