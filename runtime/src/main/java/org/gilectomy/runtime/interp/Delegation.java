package org.gilectomy.runtime.interp;

import org.gilectomy.objects.Dunders;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.refcount.RefCount;

/**
 * {@code yield from}: a generator's frame passes what it is sent, thrown or closed with on to
 * the iterator it delegates to (the stack slot below the value it yields). Each step returns
 * the value the delegate yields, or null once the delegate has finished; then the delegate's
 * slot holds its result instead (StopIteration's value, a generator's return value), the
 * delegate's reference released.
 */
final class Delegation {
    private Delegation() {
    }

    /**
     * GET_YIELD_FROM_ITER: iter(o), except that a user object's iterator is kept as it is (not
     * wrapped as for a for loop), so that its send() and its StopIteration's value are reached.
     * Borrows {@code o} (on an error the eval loop releases the stack slot still holding it);
     * returns a new stack reference.
     */
    static PyObject yieldFromIterator(PyObject o, PyCode code) {
        if (o instanceof PyCoroutine) { // a types.coroutine generator may delegate to one, as await does
            if ((code.coFlags & PyCode.CO_ITERABLE_COROUTINE) == 0) {
                throw PyExc.typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
            }
            RefCount.increfStack(o);
            return o;
        }
        return RefCount.stackRefSteal(iteratorOf(o));
    }

    /**
     * GET_AWAITABLE: a coroutine (or types.coroutine generator) as it is, else what its
     * {@code __await__} returns, which must be an iterator and not a coroutine (CPython's
     * _PyCoro_GetAwaitableIter). Borrows {@code o}; returns a new stack reference.
     */
    static PyObject awaitable(PyObject o) {
        if (SuspendedFrame.isAwaitableFrame(o)) {
            if (o instanceof PyCoroutine c && c.frame().delegating()) {
                throw new PyException(PyExc.RUNTIME_ERROR, "coroutine is being awaited already");
            }
            RefCount.increfStack(o);
            return o;
        }
        PyObject it = Dunders.isUserObject(o) ? Dunders.callOrNull(o, "__await__") : null;
        if (it == null) {
            throw PyExc.typeError("object " + o.type().name() + " can't be used in 'await' expression");
        }
        if (SuspendedFrame.isAwaitableFrame(it) || !(it instanceof PyIterator) && !Dunders.has(it, "__next__")) {
            String message = SuspendedFrame.isAwaitableFrame(it) ? "__await__() returned a coroutine"
                    : "__await__() returned non-iterator of type '" + it.type().name() + "'";
            RefCount.decref(it);
            throw PyExc.typeError(message);
        }
        return RefCount.stackRefSteal(it);
    }

    private static PyObject iteratorOf(PyObject o) {
        if (Dunders.isUserObject(o)) {
            PyObject it = Dunders.callOrNull(o, "__iter__");
            if (it != null) {
                if (!(it instanceof PyIterator) && !Dunders.has(it, "__next__")) {
                    String type = it.type().name();
                    RefCount.decref(it);
                    throw PyExc.typeError("iter() returned non-iterator of type '" + type + "'");
                }
                return it;
            }
        }
        return Ops.iter(o);
    }

    /** SEND: next(it) when {@code sent} is None, else it.send(sent); takes over {@code sent}. */
    static PyObject send(PyObject[] slots, int at, PyObject sent) {
        PyObject it = slots[at];
        try {
            if (it instanceof SuspendedFrame.Suspendable g) {
                return resume(slots, at, g.frame(), sent, null);
            }
            if (sent == PyNone.NONE && it instanceof PyIterator i) {
                PyObject r = i.next();
                if (r == null) {
                    finish(slots, at, PyNone.newRef());
                }
                return r;
            }
            PyObject r = sent == PyNone.NONE ? Dunders.callOrNull(it, "__next__") : callMethod(it, "send", sent);
            if (r == null) {
                throw PyExc.typeError("'" + it.type().name() + "' object is not an iterator");
            }
            return r;
        } catch (PyException e) {
            return finishOnStopIteration(slots, at, e);
        } finally {
            RefCount.decrefStack(sent);
        }
    }

    /**
     * generator.throw() while delegating: the delegate's own throw(), if it has one; an
     * exception that comes out of it (or {@code exc} itself, for a delegate without throw())
     * is for the delegating frame to raise.
     */
    static PyObject throwInto(PyObject[] slots, int at, PyException exc) {
        PyObject it = slots[at];
        if (!(it instanceof SuspendedFrame.Suspendable) && !Dunders.has(it, "throw")) {
            throw exc;
        }
        try {
            if (it instanceof SuspendedFrame.Suspendable g) {
                return resume(slots, at, g.frame(), null, exc);
            }
            PyBaseException value = exc.takeValue();
            try {
                return callMethod(it, "throw", value);
            } finally {
                RefCount.decref(value);
            }
        } catch (PyException e) {
            return finishOnStopIteration(slots, at, e);
        }
    }

    /** generator.close() while delegating: the delegate is closed first (a generator, or anything with close()). */
    static void close(PyObject it) {
        if (it instanceof SuspendedFrame.Suspendable g) {
            g.frame().close();
        } else if (Dunders.has(it, "close")) {
            RefCount.decref(callMethod(it, "close"));
        }
    }

    /** A delegate that is a generator: resumed directly, its return value kept for the result. */
    private static PyObject resume(PyObject[] slots, int at, SuspendedFrame g, PyObject sent, PyException exc) {
        PyObject r = g.resume(sent, exc);
        if (r == null) {
            finish(slots, at, g.takeReturned());
        }
        return r;
    }

    private static PyObject callMethod(PyObject o, String name, PyObject... args) {
        PyObject m = Ops.getAttr(o, name);
        try {
            return Ops.call(m, args);
        } finally {
            RefCount.decref(m);
        }
    }

    /** A StopIteration from the delegate ends the delegation with its value; anything else propagates. */
    private static PyObject finishOnStopIteration(PyObject[] slots, int at, PyException e) {
        if (!e.matches(PyExc.STOP_ITERATION)) {
            throw e;
        }
        PyObject v = e.arg();
        if (v == null) {
            v = PyNone.NONE;
        }
        RefCount.incref(v);
        e.release();
        finish(slots, at, v);
        return null;
    }

    private static void finish(PyObject[] slots, int at, PyObject result) {
        PyObject it = slots[at];
        slots[at] = RefCount.stackRefSteal(result);
        RefCount.decrefStack(it);
    }
}
