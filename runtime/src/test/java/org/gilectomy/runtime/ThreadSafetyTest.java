package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;

/**
 * Four threads append 20,000 items each to one shared list: 80,000 items, every run, in both
 * builds (the free-threaded build through the list's Py_LOCK). The negative control, with no
 * GIL and no per-object lock, is {@link SharedListNegativeControlTest}. The same for one thread
 * appending while another extends the list with {@code +=}.
 */
class ThreadSafetyTest {
    /** What wa_inplace_threads.py prints when no item is lost. */
    static final String APPEND_VS_IN_PLACE = "40000\nTrue\n";
    /** What wa_inplace_set_threads.py prints when no add is lost. */
    static final String ADD_VS_IN_PLACE_AND = "20000 True\n";
    /** What cm_threads_deque_stringio.py prints when no deque item is lost and no StringIO write torn. */
    static final String DEQUE_AND_STRINGIO = "40000\n400 True\n";

    @RepeatedTest(10)
    void noAppendIsLost() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("threads_shared_list.py"));
        assertEquals("80000\nTrue\n", o.stdout(), o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }

    /** One thread appends while another does {@code l += [i]}: both mutate under the list's lock, none is lost. */
    @RepeatedTest(5)
    void noItemIsLostBetweenAppendAndInPlaceAdd() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("wa_inplace_threads.py"));
        assertEquals(APPEND_VS_IN_PLACE, o.stdout(), o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }

    /** One thread adds to a set while another does {@code s &= superset}: no add is lost. */
    @RepeatedTest(5)
    void noAddIsLostToInPlaceIntersection() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("wa_inplace_set_threads.py"));
        assertEquals(ADD_VS_IN_PLACE_AND, o.stdout(), o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }

    /** Four threads append to and pop from one deque and write one StringIO: nothing lost or torn. */
    @RepeatedTest(3)
    void noDequeItemIsLostAndNoStringIoWriteTorn() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve("cm_threads_deque_stringio.py"));
        assertEquals(DEQUE_AND_STRINGIO, o.stdout(), o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }
}
