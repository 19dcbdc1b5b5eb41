package org.gilectomy.stress;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * NEGATIVE CONTROL ONLY: a lock that is broken on purpose.
 *
 * <p>Acquisition is a correct compare-and-set, and a thread that loses parks; but
 * {@link #unlock()} only clears the flag and never wakes anybody: the lost wake-up that
 * {@link org.gilectomy.locks.ParkingLot} and {@code ObjectLock}'s {@code LOCKED_WAITERS}
 * state exist to prevent. {@link ObjectLockWakeup} must report the parked thread as stuck;
 * if it stops doing so, it could not see a lost wake-up in {@code ObjectLock} either, and the
 * build fails.
 */
public final class NoWakeupLock implements Mutex {

    private final AtomicBoolean held = new AtomicBoolean();

    @Override
    public void lock() {
        while (!held.compareAndSet(false, true)) {
            // Only a spurious return from park can rescue this thread; on Linux that is rare
            // enough that the test reliably sees it stuck.
            LockSupport.park(this);
        }
    }

    @Override
    public void unlock() {
        held.set(false); // the bug: waiters are never unparked
    }
}
