package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;

/**
 * Four threads append 20,000 items each to one shared list: 80,000 items, every run, in both
 * builds (the free-threaded build through the list's Py_LOCK). The negative control, with no
 * GIL and no per-object lock, is {@link SharedListNegativeControlTest}.
 */
class ThreadSafetyTest {
    @RepeatedTest(10)
    void noAppendIsLost() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("threads_shared_list.py"));
        assertEquals("80000\nTrue\n", o.stdout(), o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }
}
