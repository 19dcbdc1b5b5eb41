package org.gilectomy.refcount;

import java.util.Locale;

/** Reference-count strategies, chosen once per process with {@code -Dgilectomy.refcount}. */
public enum RefCountKind {
    /** {@code ++}/{@code --} on a plain field: correct only under the GIL. */
    PLAIN,
    /** {@code getAndAdd} on every incref and decref (Gilectomy 2016). */
    ATOMIC,
    /**
     * Each thread logs increfs and decrefs; one commit thread applies them, increments before
     * decrements (Gilectomy 2017). See {@link BufferedCounts}.
     */
    BUFFERED,
    /**
     * The creating thread counts with plain operations on a local count, others atomically on a
     * shared count; merged when the owner lets go (PEP 703, Choi et al. 2018). See
     * {@link BiasedCounts}.
     */
    BIASED;

    public static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + org.gilectomy.locks.Build.REFCOUNT;

    public static RefCountKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
