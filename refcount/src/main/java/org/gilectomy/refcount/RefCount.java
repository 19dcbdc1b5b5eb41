package org.gilectomy.refcount;

/**
 * {@code Py_INCREF} / {@code Py_DECREF} and the free-on-zero contract.
 *
 * <pre>
 * Overview
 *
 * The strategy is read once ({@code -Dgilectomy.refcount}) into static finals, so each build
 * compiles to one straight-line sequence:
 *   PLAIN    incref: n = count; count = n + 1           decref: n = count - 1; count = n
 *   ATOMIC   incref: n = getAndAdd(+1)                  decref: n = getAndAdd(-1) - 1
 * then, for both:
 *   incref of a count <= 0        -> UseAfterFreeError (resurrecting a dead object)
 *   decref reaching 0             -> dealloc(), then poison the count with FREED (release
 *                                    store: the freeing thread's writes happen-before any
 *                                    later diagnosis)
 *   decref reaching below 0       -> UseAfterFreeError
 *
 * Not promised: detection of a use-after-free that never touches the count (reading a
 * field of a freed object); the object model checks the flag where it matters.
 * </pre>
 */
public final class RefCount {
    public static final RefCountKind KIND =
            RefCountKind.parse(System.getProperty(RefCountKind.PROPERTY, "plain"));
    private static final boolean ATOMIC = KIND == RefCountKind.ATOMIC;

    private RefCount() {
    }

    public static void incref(RefCounted o) {
        int before;
        if (ATOMIC) {
            before = o.getAndAddRefCount(1);
        } else {
            before = o.refCountPlain();
            o.setRefCountPlain(before + 1);
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().increfs++;
        }
        if (before <= 0) {
            throw new UseAfterFreeError("incref", o);
        }
    }

    public static void decref(RefCounted o) {
        int after;
        if (ATOMIC) {
            after = o.getAndAddRefCount(-1) - 1;
        } else {
            after = o.refCountPlain() - 1;
            o.setRefCountPlain(after);
        }
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().decrefs++;
        }
        if (after <= 0) {
            zeroOrBelow(o, after);
        }
    }

    /** Null-tolerant decref, for slots that may be empty. */
    public static void xdecref(RefCounted o) {
        if (o != null) {
            decref(o);
        }
    }

    private static void zeroOrBelow(RefCounted o, int after) {
        if (after < 0) {
            throw new UseAfterFreeError("decref", o);
        }
        o.dealloc();
        o.setRefCountRelease(RefCounted.FREED);
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().frees++;
        }
    }
}
