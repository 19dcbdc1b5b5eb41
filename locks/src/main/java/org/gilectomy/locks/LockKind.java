package org.gilectomy.locks;

import java.util.Locale;

/** The per-object lock implementations, chosen once per process with {@code -Dgilectomy.lock}. */
public enum LockKind {
    /** No per-object locking: the GIL build, where the GIL serialises everything. */
    NONE,
    /** Futex-like three-state lock: CAS fast path, bounded spin, then park (Gilectomy style). */
    SPINPARK,
    /**
     * CPython 3.13's PyMutex: LOCKED and HAS_PARKED bits, spin only while nobody sleeps, park in
     * the parking lot, hand the lock to a waiter that has waited over the fairness time (PEP 703).
     */
    PYMUTEX,
    /** Test-and-test-and-set with exponential back-off that never parks: the negative example. */
    SPIN;

    public static final String PROPERTY = Build.PREFIX + Build.LOCK;

    public static LockKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a blocked thread of this kind ever sleeps in the {@link ParkingLot}. */
    public boolean parks() {
        return this == SPINPARK || this == PYMUTEX;
    }

    static LockKind fromBuild() {
        return parse(Build.knob(Build.LOCK));
    }
}
