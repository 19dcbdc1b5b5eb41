package org.gilectomy.locks;

/**
 * The global interpreter lock, as the interpreter sees it. The process has exactly one,
 * {@link #INSTANCE}, chosen at class initialisation from the build ({@link Build}: the preset, or {@code -Dgilectomy.gil}); the
 * interpreter tests {@link #ENABLED} (a static final) so the free-threaded build pays nothing.
 */
public abstract class Gil {
    public static final GilKind KIND = GilKind.parse(Build.knob(Build.GIL));
    public static final boolean ENABLED = KIND != GilKind.NONE;
    /** Whether the interpreter must count ticks and call {@link #yieldToWaiter} on its own (old GIL). */
    public static final boolean TICKING = KIND == GilKind.OLD;
    public static final Gil INSTANCE = ENABLED ? newInstance(KIND) : null;

    /**
     * A GIL of the given kind, as {@link #INSTANCE} is built: the interpreter uses that one;
     * jcstress builds its own, so that one JVM can test both kinds without the property.
     */
    public static Gil newInstance(GilKind kind) {
        return switch (kind) {
            case NEW -> new NewGil(NewGil.DEFAULT_SWITCH_INTERVAL_NANOS);
            case OLD -> new OldGil();
            case NONE -> throw new IllegalArgumentException("the free-threaded build has no GIL to create");
        };
    }

    /** Blocks until the calling thread holds the GIL. */
    public abstract void acquire();

    /** Gives the GIL up; the caller must hold it. */
    public abstract void release();

    /**
     * Called by the holder at the eval breaker when a drop request is pending (new GIL), or
     * every check interval of ticks (old GIL): release, perhaps let another thread run,
     * acquire again.
     */
    public abstract void yieldToWaiter();

    /** Whether the calling thread holds the GIL. */
    public abstract boolean heldByCurrentThread();

    /** {@code sys.setswitchinterval}, in nanoseconds. */
    public abstract void setSwitchIntervalNanos(long nanos);

    public abstract long switchIntervalNanos();

    public abstract GilStats.Totals stats();
}
