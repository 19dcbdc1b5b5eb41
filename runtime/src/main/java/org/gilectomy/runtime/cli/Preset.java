package org.gilectomy.runtime.cli;

import org.gilectomy.locks.Build;
import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.objects.ContainerReads;
import org.gilectomy.refcount.DeferredKind;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;

/**
 * The historical systems, one flag each ({@code --preset}): a named combination of the build
 * knobs. Every knob can still be overridden on its own ({@code --gil}, {@code --refcount},
 * {@code --lock}), which gives a {@link BuildConfig}.
 *
 * <p>The table itself is {@link Build.Preset} (the locks module's, so that every module's
 * static finals derive from one switch); this is its typed view. Adding a preset is one
 * constant there and one here. Referencing the {@code *Kind} enums is safe before the build is
 * chosen: they read no system property at class initialisation.
 */
public enum Preset {
    /** CPython 3.2+: the new GIL, plain reference counts, no per-object locks. */
    GIL(Build.Preset.GIL),
    /** CPython 2.x: the old GIL, released and re-acquired every 100 ticks, plain reference counts. */
    GIL_OLD(Build.Preset.GIL_OLD),
    /**
     * Larry Hastings' Gilectomy (2016): no GIL, atomic counts on every object, spin-then-park
     * locks, taken by reads too.
     */
    GILECTOMY(Build.Preset.GILECTOMY),
    /** Hastings 2017: reference-count updates logged per thread and applied by one commit thread. */
    GILECTOMY_BUFFERED(Build.Preset.GILECTOMY_BUFFERED),
    /**
     * PEP 703 as CPython 3.14t: biased counts, immortal singletons and built-ins, deferred
     * counts for functions, code, modules and classes, PyMutex with a parking lot, dict and
     * list reads that take no lock.
     */
    NOGIL(Build.Preset.NOGIL),
    /**
     * CPython 3.13.0t: as nogil, but without deferred counts; functions, code and modules made
     * immortal when the program starts its second thread.
     */
    NOGIL_3_13(Build.Preset.NOGIL_3_13);

    /** The preset used when none is given: the one {@link Build} chooses with no property set. */
    public static final Preset DEFAULT = of(Build.DEFAULT_PRESET);

    private final Build.Preset build;
    private final GilKind gil;
    private final RefCountKind refcount;
    private final LockKind lock;
    private final ImmortalKind immortal;
    private final DeferredKind deferred;

    Preset(Build.Preset build) {
        this.build = build;
        this.gil = GilKind.parse(build.knob(Build.GIL));
        this.refcount = RefCountKind.parse(build.knob(Build.REFCOUNT));
        this.lock = LockKind.parse(build.knob(Build.LOCK));
        this.immortal = ImmortalKind.parse(build.knob(Build.IMMORTAL));
        this.deferred = DeferredKind.parse(build.knob(Build.DEFERRED));
    }

    /** The typed view of a preset of the build switch. */
    public static Preset of(Build.Preset build) {
        return valueOf(build.name());
    }

    /** The name on the command line, e.g. {@code gil}, {@code gilectomy-buffered}. */
    public String flagName() {
        return build.flagName();
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

    public DeferredKind deferred() {
        return deferred;
    }

    /**
     * Whether dict and list reads take no lock ({@code -Dgilectomy.reads}, read by the
     * objects module's ContainerReads): only where the strategy has a try-incref (not
     * buffered), and moot in the GIL build.
     */
    public boolean lockFreeReads() {
        return ContainerReads.LOCK_FREE_NAME.equals(readsProperty());
    }

    /** The value of {@code -Dgilectomy.reads} for this preset. */
    public String readsProperty() {
        return build.knob(Build.READS);
    }

    public String description() {
        return build.description();
    }

    /** The build this preset stands for, with no knob overridden. */
    public BuildConfig config() {
        return new BuildConfig(this, gil, refcount, lock, immortal, deferred);
    }

    /**
     * Parses a command-line name ({@code gil}, {@code GIL}, {@code gil_old} and {@code gil-old}
     * are all accepted).
     *
     * @throws IllegalArgumentException naming the valid presets
     */
    public static Preset parse(String name) {
        return of(Build.Preset.parse(name));
    }

    /** The valid names, comma-separated, for messages and help. */
    public static String names() {
        return Build.Preset.names();
    }

    @Override
    public String toString() {
        return flagName();
    }
}
