package org.gilectomy.refcount;

import java.util.Locale;

/**
 * Whether frames' references to functions, code, modules, classes and globals dicts go
 * uncounted (deferred reference counting, CPython 3.14t), chosen once per process with
 * {@code -Dgilectomy.deferred}; see {@link DeferredCounts}. Not available with buffered counts.
 */
public enum DeferredKind {
    OFF,
    ON;

    public static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + org.gilectomy.locks.Build.DEFERRED;

    public static DeferredKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
