package org.gilectomy.runtime.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.objects.ContainerReads;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;

/**
 * The historical systems, one flag each ({@code --preset}): a named combination of the build
 * knobs. Every knob can still be overridden on its own ({@code --gil}, {@code --refcount},
 * {@code --lock}), which gives a {@link BuildConfig}.
 *
 * <p>Adding a preset is one constant here. Referencing the {@code *Kind} enums is safe before
 * the build is chosen: they read no system property at class initialisation.
 */
public enum Preset {
    /** CPython 3.2+: the new GIL, plain reference counts, no per-object locks. */
    GIL("gil", GilKind.NEW, RefCountKind.PLAIN, LockKind.NONE, ImmortalKind.NONE, false,
            "CPython 3.2+: new GIL, plain refcounts"),
    /** CPython 2.x: the old GIL, released and re-acquired every 100 ticks, plain reference counts. */
    GIL_OLD("gil-old", GilKind.OLD, RefCountKind.PLAIN, LockKind.NONE, ImmortalKind.NONE, false,
            "CPython 2.x: old GIL (release + re-acquire every 100 ticks), plain refcounts"),
    /**
     * Larry Hastings' Gilectomy (2016): no GIL, atomic counts on every object, spin-then-park
     * locks, taken by reads too.
     */
    GILECTOMY("gilectomy", GilKind.NONE, RefCountKind.ATOMIC, LockKind.SPINPARK, ImmortalKind.NONE, false,
            "Gilectomy 2016: no GIL, atomic refcounts, per-object spin-then-park locks"),
    /** Hastings 2017: reference-count updates logged per thread and applied by one commit thread. */
    GILECTOMY_BUFFERED("gilectomy-buffered", GilKind.NONE, RefCountKind.BUFFERED, LockKind.SPINPARK,
            ImmortalKind.NONE, false, "Gilectomy 2017: no GIL, buffered refcounts (commit thread), spin-then-park locks"),
    /**
     * PEP 703 / CPython 3.13t: biased counts, immortal singletons, PyMutex with a parking lot,
     * dict and list reads that take no lock.
     */
    NOGIL("nogil", GilKind.NONE, RefCountKind.BIASED, LockKind.PYMUTEX, ImmortalKind.SINGLETONS, true,
            "PEP 703 / CPython 3.13t: no GIL, biased refcounts, immortal singletons, PyMutex, lock-free reads");

    /** The preset used when none is given. */
    public static final Preset DEFAULT = GIL;

    private final String flagName;
    private final GilKind gil;
    private final RefCountKind refcount;
    private final LockKind lock;
    private final ImmortalKind immortal;
    private final boolean lockFreeReads;
    private final String description;

    Preset(String flagName, GilKind gil, RefCountKind refcount, LockKind lock, ImmortalKind immortal,
           boolean lockFreeReads, String description) {
        this.flagName = flagName;
        this.gil = gil;
        this.refcount = refcount;
        this.lock = lock;
        this.immortal = immortal;
        this.lockFreeReads = lockFreeReads;
        this.description = description;
    }

    /** The name on the command line, e.g. {@code gil}, {@code gilectomy-buffered}. */
    public String flagName() {
        return flagName;
    }

    public GilKind gil() {
        return gil;
    }

    public RefCountKind refcount() {
        return refcount;
    }

    public LockKind lock() {
        return lock;
    }

    public ImmortalKind immortal() {
        return immortal;
    }

    /**
     * Whether dict and list reads take no lock ({@code -Dgilectomy.reads}, read by the
     * objects module's ContainerReads): only where the strategy has a try-incref (not
     * buffered), and moot in the GIL build.
     */
    public boolean lockFreeReads() {
        return lockFreeReads;
    }

    /** The value of {@code -Dgilectomy.reads} for this preset. */
    public String readsProperty() {
        return lockFreeReads ? ContainerReads.LOCK_FREE_NAME : ContainerReads.LOCKED;
    }

    public String description() {
        return description;
    }

    /** The build this preset stands for, with no knob overridden. */
    public BuildConfig config() {
        return new BuildConfig(this, gil, refcount, lock, immortal);
    }

    /**
     * Parses a command-line name ({@code gil}, {@code GIL}, {@code gil_old} and {@code gil-old}
     * are all accepted).
     *
     * @throws IllegalArgumentException naming the valid presets
     */
    public static Preset parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Preset p : values()) {
            if (p.flagName.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "' (expected one of: " + names() + ")");
    }

    /** The valid names, comma-separated, for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(Preset::flagName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return flagName;
    }
}
