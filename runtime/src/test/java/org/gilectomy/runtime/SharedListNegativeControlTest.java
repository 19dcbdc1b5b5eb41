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

    /**
     * Whether, within 10 runs, the program (which prints {@code correct} when correct) goes wrong
     * once. A run that has not ended after {@link #HANG_SECONDS} went wrong too: without locks a
     * racing resize can leave a hash table with no free slot, and a probe then loops for ever
     * (seen on a loaded machine in {@code wa_inplace_set_threads.py}). Its threads are left
     * spinning until this JVM exits: the runtime has no way to stop a thread that never
     * reaches an eval-breaker check.
     */
    private static boolean goesWrong(String program, String correct) {
        assertTrue(!Gil.ENABLED && !ObjectLock.ENABLED, "this control needs -Dgilectomy.gil=none -Dgilectomy.lock=none");
        for (int run = 0; run < 10; run++) {
            java.util.concurrent.FutureTask<ProgramRunner.Outcome> task =
                    new java.util.concurrent.FutureTask<>(() -> ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve(program)));
            Thread runner = new Thread(task, "negative-control-" + program);
            runner.setDaemon(true);
            runner.start();
            ProgramRunner.Outcome o;
            try {
                o = task.get(HANG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException hung) {
                System.err.println(program + ": run " + (run + 1) + " did not end in " + HANG_SECONDS
                        + " s (a corrupted table loops): went wrong");
                return true;
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError(program + ": the run itself failed", e);
            }
            if (!o.stdout().equals(correct) || o.status() != 0 || !o.stderr().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Far above a correct run's time (about a second each, loaded machine included). */
    private static final int HANG_SECONDS = 60;
}
