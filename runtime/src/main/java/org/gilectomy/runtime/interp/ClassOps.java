package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Classes;
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
        PyTuple bases = (PyTuple) slots[sp - 1];
        PyObject metaclass = null;
        for (int i = 0; i < nkw; i++) {
            if (kwNames.getBorrowed(i) instanceof PyStr k && k.value.equals("metaclass")) {
                metaclass = slots[sp + i];
            }
        }
        if (metaclass != null && metaclass != PyType.TYPE) {
            throw PyExc.notImplemented("a metaclass other than type");
        }
        if (metaclass != null) { // metaclass=type: not for __init_subclass__
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
        PyDict globals = bodyFunction.globals;
        PyDict ns = new PyDict();
        PyObject moduleName = globals.getName("__name__");
        String module = moduleName instanceof PyStr s ? s.value : "__main__";
        RefCount.xdecref(moduleName);
        PyStr moduleStr = PyStr.of(module);
        ns.putName("__module__", moduleStr);
        RefCount.decref(moduleStr);
        PyStr qualname = PyStr.of(body.qualname);
        ns.putName("__qualname__", qualname);
        RefCount.decref(qualname);
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
        PyType cls;
        try {
            cls = Classes.newClass(body.name, baseTypes, ns, module, slots, sp, kwNames);
        } finally {
            if (metaclass != null && kwNames != null) {
                RefCount.decref(kwNames); // withoutMetaclass's own tuple
            }
        }
        for (int i = sp; i < kwTop; i++) {
            RefCount.decref(slots[i]);
            slots[i] = null;
        }
        if (classCell instanceof PyCell cell) {
            RefCount.incref(cls);
            cell.setStealing(cls);
        }
        RefCount.decref(classCell);
        RefCount.decref(bases);
        slots[sp - 1] = null;
        RefCount.decref(bodyFunction);
        slots[sp - 2] = cls;
        return sp - 1;
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
