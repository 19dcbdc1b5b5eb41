package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gilectomy.locks.Gil;
import org.gilectomy.locks.ObjectLock;
import org.junit.jupiter.api.Test;

/**
 * Negative control for {@link ThreadSafetyTest}: run by its own surefire execution with no
 * GIL and no per-object locks. The same program must then go wrong (lost appends, or a
 * corrupted list), which shows the positive test is able to fail.
 */
class SharedListNegativeControlTest {
    @Test
    void withoutAnyLockSharedAppendsGoWrong() {
        assertTrue(!Gil.ENABLED && !ObjectLock.ENABLED, "this control needs -Dgilectomy.gil=none -Dgilectomy.lock=none");
        int wrong = 0;
        for (int run = 0; run < 10 && wrong == 0; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("threads_shared_list.py"));
            if (!o.stdout().equals("80000\nTrue\n") || o.status() != 0 || !o.stderr().isEmpty()) {
                wrong++;
            }
        }
        assertTrue(wrong > 0, "unlocked shared appends never went wrong: the positive test could not fail");
    }
}
