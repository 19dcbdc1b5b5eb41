package org.gilectomy.locks;

import java.util.Locale;

/** Which global interpreter lock the process runs with ({@code -Dgilectomy.gil}). */
public enum GilKind {
    /** No GIL: the free-threaded build. */
    NONE,
    /** CPython 2.x's GIL: released and immediately re-acquired every check interval of ticks. */
    OLD,
    /** CPython 3.2+'s GIL: switch interval, drop request, forced switching. */
    NEW;

    public static final String PROPERTY = Build.PREFIX + Build.GIL;

    public static GilKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
