package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gilectomy.locks.Gil;
import org.junit.jupiter.api.Test;

/**
 * Negative control for {@code cm2_thread.py} (threads of {@code _thread.start_new_thread}
 * bumping a counter under {@code _thread.allocate_lock()}): run by the no-GIL,
 * no-per-object-lock execution. The same increments without the lock must lose updates, so the
 * positive program is able to fail; with the lock it stays exact even here.
 */
class ThreadModuleNegativeControlTest {
    @Test
    void withoutTheLockIncrementsAreLost() {
        assertTrue(!Gil.ENABLED, "this control needs -Dgilectomy.gil=none");
        boolean lost = false;
        for (int run = 0; run < 10 && !lost; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(Path.of("src/test/resources/controls/cm2_thread_unlocked.py"));
            lost = !o.stdout().equals("80000\n");
        }
        assertTrue(lost, "unlocked increments never lost an update: cm2_thread.py could not fail");
    }

    @Test
    void withTheLockNoIncrementIsLost() {
        for (int run = 0; run < 3; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("cm2_thread.py"));
            assertEquals("30000", o.stdout().lines().skip(2).findFirst().orElse("").split(" ")[0], o.stderr());
        }
    }
}
