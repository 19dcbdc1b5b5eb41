package org.gilectomy.locks;

/**
 * {@code Py_LOCK} / {@code Py_UNLOCK}: the per-object lock of the free-threaded build.
 *
 * <pre>
 * Overview
 *
 * One API, several lock protocols on the same header word (Lockable.lockWord), chosen once
 * per process with -Dgilectomy.lock (read into the static final KIND):
 *
 *   none      the GIL build: lock and unlock are empty and the JIT removes them
 *   spinpark  SpinParkLock: futex-like three-state word, bounded spin, then park (Gilectomy 2016)
 *   pymutex   PyMutexLock: CPython 3.13's PyMutex, LOCKED and HAS_PARKED bits, parking lot
 *             with hand-off to a waiter that has waited over the fairness time (PEP 703)
 *   spin      SpinLock: test-and-test-and-set with exponential back-off, never parks (the
 *             negative example under oversubscription)
 *
 * Each protocol, its word encoding and what it does not promise are in its own class, as
 * static methods. Dispatch is a chain of tests of private static final booleans: C2 treats
 * static finals as constants, so every test but the live kind's folds away and the call is
 * inlined as if written directly. (Not a switch on KIND: javac compiles an enum switch to a
 * lookup in a synthetic $SwitchMap int[], whose elements the JIT does not treat as constants,
 * and not an interface: a virtual call on the hottest path for no gain.)
 *
 *   lock(o):    PYMUTEX ? PyMutexLock.lock(o) : SPINPARK ? SpinParkLock.lock(o) : SPIN ? ... : nothing
 *   unlock(o), tryLock(o), isLocked(o): the same
 *
 * Tunables of the parking kinds (system properties, read once):
 *   gilectomy.lock.spin   SPIN_ROUNDS   bounded spin before parking (DEFAULT_SPIN_ROUNDS, both kinds)
 *   gilectomy.lock.yield  YIELD_ROUNDS  how many of those rounds, the last ones, Thread.yield
 *                                       rather than onSpinWait: spinpark DEFAULT_YIELD_ROUNDS;
 *                                       pymutex all of them unless the property is set, as
 *                                       CPython's lock.c calls _Py_yield() on every spin round
 *                                       (see PyMutexLock.YIELD_ROUNDS)
 * and per kind: PyMutexLock.FAIRNESS_PROPERTY (gilectomy.lock.fairness-ns), and spin's
 *   gilectomy.lock.spin-backoff  SPIN_BACKOFF_PROPERTY  back-off cap (DEFAULT_SPIN_BACKOFF), read
 *                                when SpinLock is first used
 *
 * Not promised, by any kind: reentrancy (a thread that locks an object twice deadlocks:
 * critical sections prevent that) or that the unlocking thread is the locking one (not
 * checked; pymutex and spin throw IllegalMonitorStateException on unlocking a free lock).
 * </pre>
 */
public final class ObjectLock {
    public static final LockKind KIND = LockKind.fromBuild();
    public static final boolean ENABLED = KIND != LockKind.NONE;

    // The dispatch constants: see the Overview for why booleans.
    private static final boolean SPINPARK = KIND == LockKind.SPINPARK;
    private static final boolean PYMUTEX = KIND == LockKind.PYMUTEX;
    private static final boolean SPIN = KIND == LockKind.SPIN;

    public static final String SPIN_PROPERTY = Build.PREFIX + "lock.spin";
    public static final String YIELD_PROPERTY = Build.PREFIX + "lock.yield";
    /** CPython's MAX_SPIN_COUNT for free-threaded builds. */
    public static final int DEFAULT_SPIN_ROUNDS = 40;
    /** spinpark: of the spin rounds, this many at the end Thread.yield instead of onSpinWait. */
    public static final int DEFAULT_YIELD_ROUNDS = 4;
    public static final int SPIN_ROUNDS = Build.integer("lock.spin", DEFAULT_SPIN_ROUNDS);
    /** spinpark's; pymutex has its own default, see {@code PyMutexLock.YIELD_ROUNDS}. */
    public static final int YIELD_ROUNDS = Build.integer("lock.yield", DEFAULT_YIELD_ROUNDS);
    /** spin's back-off cap, in onSpinWait pauses (0..2^20): see {@code SpinLock.MAX_BACKOFF}. */
    public static final String SPIN_BACKOFF_PROPERTY = Build.PREFIX + "lock.spin-backoff";
    public static final int DEFAULT_SPIN_BACKOFF = 1 << 16;

    private ObjectLock() {
    }

    // Written as early returns, not else-if chains: that keeps each method within 35 bytes of
    // bytecode (MaxInlineSize), so the JIT inlines it even at call sites it does not deem hot.

    /** {@code Py_LOCK}. */
    public static void lock(Lockable o) {
        if (PYMUTEX) {
            PyMutexLock.lock(o);
            return;
        }
        if (SPINPARK) {
            SpinParkLock.lock(o);
            return;
        }
        if (SPIN) {
            SpinLock.lock(o);
        }
    }

    /** {@code Py_UNLOCK}. */
    public static void unlock(Lockable o) {
        if (PYMUTEX) {
            PyMutexLock.unlock(o);
            return;
        }
        if (SPINPARK) {
            SpinParkLock.unlock(o);
            return;
        }
        if (SPIN) {
            SpinLock.unlock(o);
        }
    }

    /** Non-blocking attempt; true if the caller now holds the lock (always, in the GIL build). */
    public static boolean tryLock(Lockable o) {
        if (PYMUTEX) {
            return PyMutexLock.tryLock(o);
        }
        if (SPINPARK) {
            return SpinParkLock.tryLock(o);
        }
        if (SPIN) {
            return SpinLock.tryLock(o);
        }
        return true;
    }

    /**
     * spin's back-off cap as this JVM reads it: SpinLock reads the property when it is first
     * used, so a benchmark can set it in its setup and check here that it took.
     */
    public static int spinMaxBackoff() {
        return SpinLock.MAX_BACKOFF;
    }

    /** Whether the word says somebody holds the lock; for assertions and tests. */
    public static boolean isLocked(Lockable o) {
        if (PYMUTEX) {
            return PyMutexLock.isLocked(o);
        }
        if (SPINPARK) {
            return SpinParkLock.isLocked(o);
        }
        if (SPIN) {
            return SpinLock.isLocked(o);
        }
        return false;
    }
}
