package org.gilectomy.stress;

import org.gilectomy.locks.Gil;
import org.gilectomy.locks.Lockable;
import org.gilectomy.locks.ObjectLock;

/**
 * The lock a test is pointed at, as the test sees it.
 *
 * <p>Every test body is written once against this interface; a variant only chooses the
 * implementation. So a negative control ({@link BrokenTestThenSetLock}, {@link NoWakeupLock})
 * runs exactly the code the real lock is judged by, and its failure shows that the test can
 * fail. Within one jcstress fork only one implementation is ever loaded, so the call stays
 * monomorphic and the JIT inlines it: the interface does not blunt the race.
 */
public interface Mutex {

    void lock();

    void unlock();

    /**
     * Whether a blocked {@link #lock()} sleeps (thread state WAITING) rather than spins, so a
     * test can wait for it to be asleep before it unlocks.
     */
    default boolean parks() {
        return true;
    }

    /**
     * {@code Py_LOCK}/{@code Py_UNLOCK} on a fresh object header, in whichever lock kind this JVM
     * runs ({@code -Dgilectomy.lock=spinpark|pymutex|spin}: StressMatrix runs the lock tests
     * once per kind). Fails at once under {@code none}, where both calls are empty and the test
     * would report lost updates that say nothing about any lock.
     */
    static Mutex objectLock() {
        Builds.requireSomeLock();
        Lockable header = new Lockable() {
        };
        boolean parks = ObjectLock.KIND.parks();
        return new Mutex() {
            @Override
            public void lock() {
                ObjectLock.lock(header);
            }

            @Override
            public void unlock() {
                ObjectLock.unlock(header);
            }

            @Override
            public boolean parks() {
                return parks;
            }
        };
    }

    /**
     * The GIL as the interpreter takes it ({@link Gil#acquire()}, {@link Gil#release()}): the
     * same exclusion tests then judge the GILs as they judge {@code Py_LOCK}.
     */
    static Mutex gil(Gil gil) {
        return new Mutex() {
            @Override
            public void lock() {
                gil.acquire();
            }

            @Override
            public void unlock() {
                gil.release();
            }
        };
    }
}
