package org.gilectomy.stress;

import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.UseAfterFreeError;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * The state and actor bodies of the container-read races ({@link LockFreeReads},
 * {@link BiasedLockFreeReads}): one container holds {@code old}, whose only reference is the
 * container's; the reader takes a reference to the item while the writer stores {@code young}
 * in its place and decrefs {@code old}, which frees it unless the reader got it first.
 *
 * <p>Report: r1 = what the reader got (1 old, 2 young, 0 anything else); r2 = 1 if the object
 * it got was already freed when it got it; r3 = 1 if any actor hit a use-after-free; r4 = how
 * often {@code old} was deallocated (the reader drops what it got, so always once).
 */
abstract class ReadRace {
    private static final PyType TRACKED = new PyType("tracked", null);
    static final PyStr KEY = PyStr.internBorrowed("key");

    /** A Python object that counts its deallocations. */
    static final class Tracked extends PyObject {
        private final java.util.concurrent.atomic.AtomicInteger deallocs = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public PyType type() {
            return TRACKED;
        }

        @Override
        protected void dealloc() {
            deallocs.incrementAndGet();
        }
    }

    /** The container under test. */
    enum Container { DICT, LIST }

    final Tracked old = new Tracked();
    final Tracked young = new Tracked();
    private final Container container;
    private final PyDict dict = new PyDict();
    private final PyList list = new PyList();
    private volatile int got;
    private volatile int freedWhenGot;
    private volatile int useAfterFree;

    /**
     * {KEY: old} or [old], holding the only reference to old, in the JVM's build, which must
     * be {@code build} with lock-free reads (null: any build, for the negative controls). In
     * the biased build old is first given up by its owner (merged, shared count 1), so that
     * neither actor owns it and the reader's lock-free path runs: an object owned by another
     * thread with shared count 0 is refused and read under the lock.
     */
    ReadRace(Container container, RefCountKind build) {
        this.container = container;
        if (build != null) {
            Builds.requireRefCount(build);
            Builds.requireLockFreeReads();
        }
        if (build == RefCountKind.BIASED) {
            BiasedCounts.increfShared(old);
            BiasedCounts.decrefLocal(old);
        }
        if (container == Container.DICT) {
            dict.put(KEY, old);
        } else {
            list.append(old);
        }
        RefCount.decref(old);
    }

    /** The read under test: a new reference to the item (null if none). */
    private PyObject read() {
        return container == Container.DICT ? dict.get(KEY) : list.getItem(0);
    }

    /** The negative controls' read: a borrowed pointer, incref'd late (see increfLate). */
    private PyObject readBorrowedThenIncref() {
        return increfLate(container == Container.DICT ? dict.getBorrowed(KEY) : list.getItemBorrowed(0));
    }

    /** Stores young in old's place, decref'ing old. */
    private void overwrite() {
        if (container == Container.DICT) {
            dict.put(KEY, young);
        } else {
            list.setItem(0, young);
        }
    }

    final void reader() {
        take(false);
    }

    final void borrowingReader() {
        take(true);
    }

    private void take(boolean borrowed) {
        try {
            PyObject r = borrowed ? readBorrowedThenIncref() : read();
            got = r == old ? 1 : r == young ? 2 : 0;
            freedWhenGot = r != null && r.isFreed() ? 1 : 0;
            if (r != null) {
                RefCount.decref(r);
            }
        } catch (UseAfterFreeError e) {
            useAfterFree = 1;
        }
    }

    final void writer() {
        try {
            overwrite();
        } catch (UseAfterFreeError e) {
            useAfterFree = 1;
        }
    }

    final void report(IIII_Result r) {
        r.r1 = got;
        r.r2 = freedWhenGot;
        r.r3 = useAfterFree;
        r.r4 = old.deallocs.get();
    }

    /**
     * The GIL-era read the negative controls use: a borrowed pointer, then a plain incref a
     * moment later (the moment widened, so that quick mode sees the race).
     */
    private static PyObject increfLate(PyObject borrowed) {
        if (borrowed == null) {
            return null;
        }
        for (int i = 0; i < 200; i++) {
            Thread.onSpinWait();
        }
        RefCount.incref(borrowed);
        return borrowed;
    }
}
