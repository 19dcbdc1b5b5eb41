package org.gilectomy.runtime.interp;

import org.gilectomy.objects.ClassCell;
import org.gilectomy.objects.Classes;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/** The class statement at run time: runs the body in a fresh namespace and makes the class. */
final class ClassOps {
    private ClassOps() {
    }

    /** BUILD_CLASS: (cell bases -- cls). */
    static int buildClass(ThreadState ts, PyObject[] slots, int sp, PyCode body, PyDict globals) {
        ClassCell cell = (ClassCell) slots[sp - 2];
        PyTuple bases = (PyTuple) slots[sp - 1];
        PyType base = PyType.OBJECT;
        if (bases.size() == 1) {
            PyObject b = bases.getBorrowed(0);
            if (!(b instanceof PyType t)) {
                throw PyExc.typeError("bases must be types");
            }
            base = t;
        }
        PyDict ns = new PyDict();
        PyObject moduleName = globals.getName("__name__");
        String module = moduleName instanceof PyStr s ? s.value : "__main__";
        RefCount.xdecref(moduleName);
        PyStr moduleStr = PyStr.of(module);
        ns.putName("__module__", moduleStr);
        RefCount.decref(moduleStr);
        PyObject[] frame = new PyObject[body.varNames.length + body.stackSize];
        RefCount.incref(ns);
        frame[0] = ns;
        try {
            RefCount.decref(Eval.run(ts, body, globals, frame, null));
        } catch (RuntimeException e) {
            RefCount.decref(ns);
            throw e;
        }
        PyType cls = Classes.newClass(body.name, base, ns, module);
        cell.set(cls);
        RefCount.decref(bases);
        slots[sp - 1] = null;
        RefCount.decref(cell);
        slots[sp - 2] = cls;
        return sp - 1;
    }
}
