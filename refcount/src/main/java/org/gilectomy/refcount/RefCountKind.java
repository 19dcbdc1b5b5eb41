package org.gilectomy.refcount;

import java.util.Locale;

/** Reference-count strategies, chosen once per process with {@code -Dgilectomy.refcount}. */
public enum RefCountKind {
    /** {@code ++}/{@code --} on a plain field: correct only under the GIL. */
    PLAIN,
    /** {@code getAndAdd} on every incref and decref (Gilectomy 2016). */
    ATOMIC;

    public static final String PROPERTY = "gilectomy.refcount";

    public static RefCountKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
