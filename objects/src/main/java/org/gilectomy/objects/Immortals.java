package org.gilectomy.objects;

import java.util.Map;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCount;

/**
 * Which objects become immortal (PEP 683), at the level {@code -Dgilectomy.immortal} allows:
 * {@link #singletons()} at start-up (None, True, False, the small ints, one-character and
 * interned strings, the empty tuple), {@link #builtins} (the built-in types and functions), {@link #shareFunctionsAndModules} when
 * a program starts its second thread (functions, their code, modules: what CPython 3.13.0
 * immortalised then), every function that program makes after that ({@link #share}), and the
 * constants the compiler puts in code objects ({@link #constant}).
 * Immortal objects' counts are never written, so threads stop fighting over their cache lines.
 * Which program is in which phase is the runtime's to know (each interpreter has its own).
 */
public final class Immortals {
    private Immortals() {
    }

    /** At start-up, before any second thread. */
    public static void singletons() {
        RefCount.makeImmortal(PyNone.NONE);
        RefCount.makeImmortal(PyBool.TRUE);
        RefCount.makeImmortal(PyBool.FALSE);
        RefCount.makeImmortal(PyTuple.EMPTY);
        for (PyInt i : PyInt.SMALL) {
            RefCount.makeImmortal(i);
        }
        for (PyStr s : PyStr.LATIN1) {
            RefCount.makeImmortal(s);
        }
        for (PyStr s : PyStr.INTERNED.values()) {
            RefCount.makeImmortal(s);
        }
    }

    /**
     * At start-up, after {@link #singletons()}: the built-in types and functions that
     * {@code builtins} (the builtins module's dict) holds. They live as long as the runtime, as
     * CPython's static types do (immortal since 3.12). Left mortal, they would also be owned,
     * under biased counts, by the JVM thread that initialised them, not by the Python main
     * thread: every {@code len} or {@code str} a program loads would take the non-owner's atomic
     * path, a cost of this runtime's start-up rather than of the protocol.
     */
    public static void builtins(PyDict builtins) {
        if (RefCount.IMMORTAL == ImmortalKind.NONE) {
            return;
        }
        for (Map.Entry<PyObject, PyObject> e : builtins.itemsSnapshot()) {
            PyObject v = e.getValue();
            if (v instanceof PyType || v instanceof PyBuiltinFunction) {
                RefCount.makeImmortal(v);
            }
            RefCount.decref(e.getKey());
            RefCount.decref(v);
        }
    }

    /**
     * A constant the compiler has just made for a code object, which no other thread can see
     * yet: made immortal, as CPython's free-threaded build (3.13t and 3.14t) makes its code
     * objects' constants when it creates them. Ints, floats, complex numbers, strings and
     * bytes, and tuples whose items all end up immortal (the items first); anything else
     * (code objects, frozensets) stays counted. Every thread running the code loads these same
     * objects (LOAD_CONST, or a global bound to one), so counted they would be written by
     * every thread that is not their owner.
     */
    public static void constant(PyObject v) {
        if (RefCount.IMMORTAL == ImmortalKind.NONE || v.isImmortal()) {
            return;
        }
        if (v instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) {
                PyObject item = t.getBorrowed(i);
                constant(item);
                if (!item.isImmortal()) {
                    return;
                }
            }
            RefCount.makeImmortal(v);
            return;
        }
        Class<?> c = v.getClass();
        if (c == PyInt.class || c == PyFloat.class || c == PyComplex.class || c == PyStr.class || c == PyBytes.class) {
            RefCount.makeImmortal(v);
        }
    }

    /**
     * A program is about to start its second thread: make the functions, code objects and
     * modules reachable from these namespaces immortal (ALL_SHARED only); the caller then
     * {@link #share}s every function the program makes.
     */
    public static void shareFunctionsAndModules(Iterable<PyDict> namespaces, Object program) {
        if (RefCount.IMMORTAL != ImmortalKind.ALL_SHARED) {
            return;
        }
        for (PyDict d : namespaces) {
            for (Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
                share(e.getValue(), program);
                RefCount.decref(e.getKey());
                RefCount.decref(e.getValue());
            }
        }
    }

    /**
     * A function, its code, or a module, made immortal: the ALL_SHARED phase of a program
     * that started a thread; {@code program} releases what they reference at its finalisation
     * (--check-refs: RefCount.makeImmortal).
     */
    public static void share(PyObject o, Object program) {
        if (o instanceof PyFunction f) {
            RefCount.makeImmortal(f, ImmortalKind.ALL_SHARED, program);
            RefCount.makeImmortal(f.code, ImmortalKind.ALL_SHARED, program);
        } else if (o instanceof PyModule m) {
            RefCount.makeImmortal(m, ImmortalKind.ALL_SHARED, program);
        }
    }
}
