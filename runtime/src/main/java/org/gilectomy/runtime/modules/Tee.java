package org.gilectomy.runtime.modules;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * What the iterators of one {@code itertools.tee} share: the source and the items read from
 * it that some iterator has not passed yet (owned references; the prefix every iterator has
 * passed is dropped). The last iterator to end or be freed releases the rest. Java-only, not a
 * Python object: its state is guarded by a critical section on the source iterator, which it
 * owns until then.
 */
final class Tee {
    private final PyObject source;
    private boolean exhausted;
    private final List<PyObject> buffer = new ArrayList<>();
    /** The index (from the start of the source) of buffer[0]. */
    private long base;
    /** Each iterator's next index; Long.MAX_VALUE once it ended or was freed. */
    private final long[] positions;
    private int alive;
    private int made;

    Tee(PyObject ownedSource, int n) {
        this.source = ownedSource;
        this.positions = new long[n];
        this.alive = n;
    }

    /** The next of the n iterators (called n times, before any is shared). */
    PyObject iterator(PyType type) {
        int me = made++;
        return new ItertoolsIter(type, new PyObject[0], () -> next(me)).onRelease(() -> done(me));
    }

    private PyObject next(int me) {
        CriticalSection.begin(source);
        try {
            long at = positions[me];
            if (at - base == buffer.size()) {
                PyObject x = exhausted ? null : Ops.next(source);
                if (x == null) {
                    exhausted = true;
                    return null;
                }
                buffer.add(x);
            }
            PyObject x = buffer.get((int) (at - base));
            RefCount.incref(x);
            positions[me] = at + 1;
            trim();
            return x;
        } finally {
            CriticalSection.end();
        }
    }

    private void trim() {
        long min = Long.MAX_VALUE;
        for (long p : positions) {
            min = Math.min(min, p);
        }
        while (base < min && !buffer.isEmpty()) {
            RefCount.decref(buffer.remove(0));
            base++;
        }
    }

    private void done(int me) {
        boolean last;
        CriticalSection.begin(source);
        try {
            positions[me] = Long.MAX_VALUE;
            trim();
            last = --alive == 0;
        } finally {
            CriticalSection.end();
        }
        if (last) {
            RefCount.decref(source);
        }
    }
}
