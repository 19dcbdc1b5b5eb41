package org.gilectomy.locks;

import java.util.Locale;

/** The per-object lock implementations, chosen once per process with {@code -Dgilectomy.lock}. */
public enum LockKind {
    /** No per-object locking: the GIL build, where the GIL serialises everything. */
    NONE,
    /** Futex-like three-state lock: CAS fast path, bounded spin, then park (Gilectomy style). */
    SPINPARK;

    public static final String PROPERTY = "gilectomy.lock";

    public static LockKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static LockKind fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "none"));
    }
}
