package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gilectomy.locks.Gil;
import org.junit.jupiter.api.Test;

/**
 * Negative control for the {@code with lock:} programs ({@code lang_with_lock.py},
 * {@code lang_class_threads_shared.py}): run by the no-GIL, no-per-object-lock execution. The
 * same increments of an instance attribute without {@code with lock:} must lose updates, so
 * the positive programs are able to fail; with {@code with lock:} they stay exact even here,
 * because threading.Lock does not depend on the per-object locks.
 */
class WithLockNegativeControlTest {
    @Test
    void withoutTheLockIncrementsAreLost() {
        assertTrue(!Gil.ENABLED, "this control needs -Dgilectomy.gil=none");
        int wrong = 0;
        for (int run = 0; run < 10 && wrong == 0; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(Path.of("src/test/resources/controls/lang_unlocked_counter.py"));
            if (!o.stdout().equals("80000\n")) {
                wrong++;
            }
        }
        assertTrue(wrong > 0, "unlocked increments never lost an update: the with-lock tests could not fail");
    }

    @Test
    void withTheLockNoIncrementIsLost() {
        for (int run = 0; run < 3; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("lang_with_lock.py"));
            assertEquals("20000", o.stdout().lines().findFirst().orElse(""), o.stderr());
        }
    }
}
