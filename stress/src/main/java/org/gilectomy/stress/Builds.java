package org.gilectomy.stress;

import org.gilectomy.locks.LockKind;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.objects.ContainerReads;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;

/**
 * Checks that the forked JVM was started with the build a test is about.
 *
 * <p>The lock and refcount strategies are static finals read from system properties when
 * their classes initialise, so one JVM is one build, and jcstress only passes properties on
 * through {@code -jvmArgs} (StressMatrix sets them per cell). A test run in the wrong build would report outcomes that
 * describe the wrong code; failing in the state's constructor turns that into a test error
 * whose message names the missing flag.
 */
final class Builds {

    private Builds() {
    }

    static void requireLock(LockKind kind) {
        if (ObjectLock.KIND != kind) {
            throw new IllegalStateException("this test needs -D" + LockKind.PROPERTY + "=" + kind.flagName()
                    + " (StressMatrix sets it per cell); this JVM runs " + ObjectLock.KIND.flagName());
        }
    }

    /** Any real per-object lock: the lock tests run once per kind, each in its own invocation. */
    static void requireSomeLock() {
        if (!ObjectLock.ENABLED) {
            throw new IllegalStateException("this test needs a per-object lock: -D" + LockKind.PROPERTY
                    + "=spinpark|pymutex|spin (StressMatrix sets it per cell); this JVM runs "
                    + ObjectLock.KIND.flagName());
        }
    }

    static void requireLockFreeReads() {
        if (!ContainerReads.LOCK_FREE) {
            throw new IllegalStateException("this test needs lock-free container reads: -D" + ContainerReads.PROPERTY
                    + "=" + ContainerReads.LOCK_FREE_NAME + " and a refcount strategy with try-incref"
                    + " (StressMatrix sets it per cell)");
        }
    }

    static void requireRefCount(RefCountKind kind) {
        if (RefCount.KIND != kind) {
            throw new IllegalStateException("this test needs -D" + RefCountKind.PROPERTY + "=" + kind.flagName()
                    + " (StressMatrix sets it per cell); this JVM runs " + RefCount.KIND.flagName());
        }
    }
}
