package org.gilectomy.stress;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;

/**
 * Checks that the forked JVM runs the refcount strategy a Biased* or Buffered* test is about
 * (the idea of {@link Builds}, for these tests' own flags): the strategy is a static final
 * read from {@code -Dgilectomy.refcount}, and jcstress passes it only through
 * {@code -jvmArgs} (StressMatrix sets them per cell). Failing in the state's constructor turns a run in the wrong build
 * into a test error that names the missing flag, instead of outcomes about other code.
 */
final class BiasedBuild {
    private BiasedBuild() {
    }

    static void require(RefCountKind kind) {
        if (RefCount.KIND != kind) {
            throw new IllegalStateException("this test needs -D" + RefCountKind.PROPERTY + "=" + kind.flagName()
                    + " (StressMatrix sets it per cell); this JVM runs " + RefCount.KIND.flagName());
        }
    }
}
