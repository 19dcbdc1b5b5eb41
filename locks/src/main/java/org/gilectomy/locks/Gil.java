package org.gilectomy.locks;

/**
 * The global interpreter lock, as the interpreter sees it. The process has exactly one,
 * {@link #INSTANCE}, chosen at class initialisation from {@code -Dgilectomy.gil}; the
 * interpreter tests {@link #ENABLED} (a static final) so the free-threaded build pays nothing.
 */
public abstract class Gil {
    public static final GilKind KIND = GilKind.parse(System.getProperty(GilKind.PROPERTY, "none"));
    public static final boolean ENABLED = KIND != GilKind.NONE;
    public static final Gil INSTANCE = ENABLED ? new NewGil(NewGil.DEFAULT_SWITCH_INTERVAL_NANOS) : null;

    /** Blocks until the calling thread holds the GIL. */
    public abstract void acquire();

    /** Gives the GIL up; the caller must hold it. */
    public abstract void release();

    /**
     * Called by the holder at the eval breaker when a drop request is pending: release, let
     * another thread run, acquire again.
     */
    public abstract void yieldToWaiter();

    /** Whether the calling thread holds the GIL. */
    public abstract boolean heldByCurrentThread();

    /** {@code sys.setswitchinterval}, in nanoseconds. */
    public abstract void setSwitchIntervalNanos(long nanos);

    public abstract long switchIntervalNanos();

    public abstract GilStats.Totals stats();
}
