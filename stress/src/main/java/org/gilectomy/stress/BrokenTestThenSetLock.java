package org.gilectomy.stress;

/**
 * NEGATIVE CONTROL ONLY: a lock that is broken on purpose.
 *
 * <p>It tests the flag, then sets it, with nothing atomic between the two: two threads can
 * both see it free and both walk in. That is the bug a compare-and-set fast path exists to
 * prevent, and {@link MutualExclusion} must catch it; if it ever stops reporting a lost
 * update for this lock, the test (or the mode it is run in) has gone blind, and the build
 * fails.
 */
public final class BrokenTestThenSetLock implements Mutex {

    /** Volatile so the only defect is the missing atomicity, not visibility or hoisting. */
    private volatile boolean held;

    @Override
    public void lock() {
        while (held) {
            Thread.onSpinWait();
        }
        // The race window: another thread may have passed the loop above too.
        held = true;
    }

    @Override
    public void unlock() {
        held = false;
    }
}
