package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;

/**
 * The build knob that says how {@code dict} and {@code list} reads run in the free-threaded
 * build ({@code -Dgilectomy.reads}, read once into a static final, so the JIT folds the other
 * path away):
 * <ul>
 *   <li>{@code locked}: every read takes the container's {@code Py_LOCK}, as Hastings'
 *       Gilectomy did (presets {@code gilectomy}, {@code gilectomy-buffered});
 *   <li>{@code lock-free}: reads take no lock and write nothing but the value's count
 *       (try-incref, then re-check), as CPython 3.13t (preset {@code nogil}).
 * </ul>
 * Unset, it follows the reference-count strategy as the presets do: lock-free with biased
 * counts, locked otherwise. Lock-free reads need {@link RefCount#tryIncref}, so under
 * buffered counts they stay locked whatever the property says. In the GIL build the
 * question does not arise (the lock is empty; the gil presets say locked); lock-free reads
 * still work there, which jcstress uses to run them without the rest of the build.
 */
public final class ContainerReads {
    public static final String PROPERTY = "gilectomy.reads";
    public static final String LOCKED = "locked";
    public static final String LOCK_FREE_NAME = "lock-free";

    /** What was asked for (the property, or the strategy's default). */
    public static final boolean REQUESTED = LOCK_FREE_NAME.equals(System.getProperty(PROPERTY,
            RefCount.KIND == RefCountKind.BIASED ? LOCK_FREE_NAME : LOCKED));
    /** Whether dict and list reads run without the object lock in this process. */
    public static final boolean LOCK_FREE = REQUESTED && RefCount.SUPPORTS_TRY_INCREF;

    private ContainerReads() {
    }
}
