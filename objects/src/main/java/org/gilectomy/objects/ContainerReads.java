package org.gilectomy.objects;

import org.gilectomy.locks.Build;
import org.gilectomy.refcount.RefCount;

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
 * Unset, the preset's ({@code org.gilectomy.locks.Build}): lock-free for {@code nogil}, locked
 * for the others. Lock-free reads need {@link RefCount#tryIncref}, so under
 * buffered counts they stay locked whatever the property says. In the GIL build the
 * question does not arise (the lock is empty; the gil presets say locked); lock-free reads
 * still work there, which jcstress uses to run them without the rest of the build.
 */
public final class ContainerReads {
    public static final String PROPERTY = Build.PREFIX + Build.READS;
    public static final String LOCKED = "locked";
    public static final String LOCK_FREE_NAME = "lock-free";

    /** What was asked for (the property, or the preset's value). */
    public static final boolean REQUESTED = LOCK_FREE_NAME.equals(Build.knob(Build.READS));
    /** Whether dict and list reads run without the object lock in this process. */
    public static final boolean LOCK_FREE = REQUESTED && RefCount.SUPPORTS_TRY_INCREF;

    private ContainerReads() {
    }
}
