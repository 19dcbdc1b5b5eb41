package org.gilectomy.runtime.modules;

import java.util.function.Supplier;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * An iterator of {@code itertools} ({@code itertools.chain}, {@code itertools.islice}, ...): its
 * type, the references it owns, and its step. Each step runs in a critical section on the
 * iterator, so threads sharing one iterator each get whole items (a step that calls Python code,
 * a predicate or a source's {@code __next__}, suspends it for the call, as every call-out does).
 * After the step first reports the end, the iterator stays exhausted and lets go of what it owns.
 */
final class ItertoolsIter extends PyIterator {
    /** The next item (a new reference), or null at the end. */
    interface Step {
        PyObject next();
    }

    private final PyType type;
    private PyObject[] owned;
    private final Step step;
    private final Supplier<String> repr;
    private Runnable onRelease;

    /** Takes over the references in {@code owned} (null slots allowed), released at the end or when freed. */
    ItertoolsIter(PyType type, PyObject[] owned, Step step, Supplier<String> repr) {
        this.type = type;
        this.owned = owned;
        this.step = step;
        this.repr = repr;
    }

    ItertoolsIter(PyType type, PyObject[] owned, Step step) {
        this(type, owned, step, null);
    }

    /** What to run once, when the iterator ends or is freed (before it is visible to others). */
    ItertoolsIter onRelease(Runnable r) {
        this.onRelease = r;
        return this;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyObject next() {
        CriticalSection.begin(this);
        try {
            if (owned == null) {
                return null;
            }
            PyObject x = step.next();
            if (x == null) {
                release();
            }
            return x;
        } finally {
            CriticalSection.end();
        }
    }

    private void release() {
        PyObject[] o = owned;
        owned = null;
        if (o != null) {
            for (PyObject x : o) {
                RefCount.xdecref(x);
            }
            if (onRelease != null) {
                onRelease.run();
            }
        }
    }

    @Override
    protected void dealloc() {
        release();
    }

    @Override
    public String toString() {
        return repr != null ? repr.get() : super.toString();
    }
}
