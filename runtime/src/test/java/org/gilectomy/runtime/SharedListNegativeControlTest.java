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
        assertTrue(goesWrong("threads_shared_list.py", "80000\nTrue\n"), "unlocked shared appends never went wrong: the positive test could not fail");
    }

    @Test
    void withoutAnyLockSharedSetAddsGoWrong() {
        assertTrue(goesWrong("threads_shared_set.py", "80000\nTrue\n"), "unlocked shared set adds never went wrong: the positive test could not fail");
    }

    @Test
    void withoutAnyLockAppendsRacingInPlaceAddsGoWrong() {
        assertTrue(goesWrong("wa_inplace_threads.py", ThreadSafetyTest.APPEND_VS_IN_PLACE),
                "unlocked append racing += never went wrong: the positive test could not fail");
    }

    @Test
    void withoutAnyLockAddsRacingInPlaceIntersectionGoWrong() {
        assertTrue(goesWrong("wa_inplace_set_threads.py", ThreadSafetyTest.ADD_VS_IN_PLACE_AND),
                "unlocked add racing &= never went wrong: the positive test could not fail");
    }

    @Test
    void withoutAnyLockSharedDequeGoesWrong() {
        assertTrue(goesWrong("cm_threads_deque_stringio.py", ThreadSafetyTest.DEQUE_AND_STRINGIO),
                "unlocked deque appends and pops never went wrong: the positive test could not fail");
    }

    /** Whether, within 10 runs, the program (which prints {@code correct} when correct) goes wrong once. */
    private static boolean goesWrong(String program, String correct) {
        assertTrue(!Gil.ENABLED && !ObjectLock.ENABLED, "this control needs -Dgilectomy.gil=none -Dgilectomy.lock=none");
        for (int run = 0; run < 10; run++) {
            ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve(program));
            if (!o.stdout().equals(correct) || o.status() != 0 || !o.stderr().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
