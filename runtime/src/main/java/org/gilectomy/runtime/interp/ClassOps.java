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
    static int buildClass(ThreadState ts, PyObject[] slots, int sp) {
        PyFunction bodyFunction = (PyFunction) slots[sp - 2];
        PyTuple bases = (PyTuple) slots[sp - 1];
        PyCode body = bodyFunction.code;
        PyType base = PyType.OBJECT;
        if (bases.size() == 1) {
            PyObject b = bases.getBorrowed(0);
            if (!(b instanceof PyType t)) {
                throw PyExc.typeError("bases must be types");
            }
            base = t;
        }
        PyDict globals = bodyFunction.globals;
        PyDict ns = new PyDict();
        PyObject moduleName = globals.getName("__name__");
        String module = moduleName instanceof PyStr s ? s.value : "__main__";
        RefCount.xdecref(moduleName);
        PyStr moduleStr = PyStr.of(module);
        ns.putName("__module__", moduleStr);
        RefCount.decref(moduleStr);
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
        PyType cls = Classes.newClass(body.name, base, ns, module);
        if (classCell instanceof PyCell cell) {
            RefCount.incref(cls);
            cell.setStealing(cls);
        }
        RefCount.decref(classCell);
        RefCount.decrefStack(bases);
        slots[sp - 1] = null;
        RefCount.decrefStack(bodyFunction);
        slots[sp - 2] = RefCount.stackRefSteal(cls);
        return sp - 1;
    }
}
