package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python code called back from inside a container's critical section (a key's {@code __eq__}
 * that reads or writes the dict it is looked up in; a {@code __lt__} that blocks on a lock
 * whose holder touches the list being sorted) runs with the section suspended, so these
 * programs finish under every preset with CPython's output. Run by every surefire execution
 * (one per preset). Under the old raw object locks they hang:
 * {@link CriticalSectionRawLockNegativeControlTest} shows that.
 */
class CriticalSectionCallOutTest {
    /** The corpus programs about call-outs from type code (DifferentialTest also runs them). */
    static final List<String> PROGRAMS = List.of("cs_dict_eq_len.py", "cs_dict_eq_write.py",
            "cs_list_eq_mutates.py", "cs_list_sort_blocking.py");
    /** Generous: each takes well under a second once the JVM is warm; a deadlock never ends. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static List<String> programs() {
        return PROGRAMS;
    }

    @ParameterizedTest
    @MethodSource("programs")
    void finishesWithCPythonsOutput(String program) throws Exception {
        ProgramRunner.Outcome o = runWithTimeout(program);
        assertEquals(0, o.status(), o.stderr());
        if (ProgramRunner.python3Available()) {
            ProgramRunner.Outcome expected = ProgramRunner.runPython3(ProgramRunner.PROGRAMS.resolve(program));
            assertEquals(expected.stdout(), o.stdout(), o.stderr());
        }
    }

    /** The threaded one again: the other thread may reach the list at any point of the sort. */
    @RepeatedTest(5)
    void sortWithBlockingLessThanFinishes() {
        ProgramRunner.Outcome o = runWithTimeout("cs_list_sort_blocking.py");
        assertEquals(0, o.status(), o.stderr());
        assertEquals("['ValueError: list modified during sort', 'sorted']",
                o.stdout().lines().skip(4).findFirst().orElse(""), o.stdout());
    }

    private static ProgramRunner.Outcome runWithTimeout(String program) {
        return assertTimeoutPreemptively(TIMEOUT, () -> ProgramRunner.runHere(ProgramRunner.PROGRAMS.resolve(program)),
                program + " did not finish: a call-out from a critical section deadlocked");
    }
}
