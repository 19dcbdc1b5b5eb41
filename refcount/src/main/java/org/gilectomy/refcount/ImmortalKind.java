package org.gilectomy.refcount;

import java.util.Locale;

/**
 * Which objects are immortal (PEP 683), chosen once per process with
 * {@code -Dgilectomy.immortal}: an immortal object's incref and decref read a marker in its
 * header and write nothing, so its cache line is never written by counting.
 *
 * <p>The levels are ordered: a level includes every level before it. The runtime asks for a
 * level per object with {@link RefCount#makeImmortal(RefCounted, ImmortalKind)}.
 */
public enum ImmortalKind {
    /** Nothing is immortal: process-lifetime objects start at {@link RefCounted#STATIC_REFS}. */
    NONE,
    /** {@code None}, {@code True}, {@code False}, small ints, interned strings. */
    SINGLETONS,
    /** Also functions, code objects and modules, once a second thread starts. */
    ALL_SHARED;

    public static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + org.gilectomy.locks.Build.IMMORTAL;

    public static ImmortalKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
