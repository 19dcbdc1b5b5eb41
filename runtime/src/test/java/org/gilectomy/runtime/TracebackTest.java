package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole traceback of every failing {@code lang_*} program (uncaught exceptions, chains
 * with "During handling of the above exception..." and "The above exception was the direct
 * cause...") must be CPython's, line for line, apart from the {@code ~~~^^^} position markers
 * CPython 3.11 prints under some source lines and this runtime does not.
 */
class TracebackTest {
    private static String withoutMarkers(String stderr) {
        return stderr.lines().filter(l -> !l.matches("\\s*[~^]+\\s*")).collect(Collectors.joining("\n"));
    }

    @TestFactory
    Stream<DynamicTest> failingProgramsPrintCPythonsTraceback() throws IOException {
        Assumptions.assumeTrue(ProgramRunner.python3Available(), "python3 is not on the PATH: traceback tests skipped");
        List<Path> failing = DifferentialTest.programs(ProgramRunner.PROGRAMS).stream()
                .filter(p -> p.getFileName().toString().startsWith("lang_")
                        || p.getFileName().toString().startsWith("l3_tb_")).collect(Collectors.toList());
        assertFalse(failing.isEmpty() && DifferentialTest.ONLY.isEmpty(), "no lang_ programs");
        return failing.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ProgramRunner.Outcome expected = ProgramRunner.runPython3(p);
            Assumptions.assumeTrue(expected.status() == 1, "not a failing program");
            ProgramRunner.Outcome actual = ProgramRunner.corpusRun(p);
            assertEquals(withoutMarkers(expected.stderr()), withoutMarkers(actual.programStderr()), "traceback of " + p);
            assertFalse(actual.reportsLeaks() && !RefCheckTest.CYCLE_EXCLUSIONS.containsKey(p.getFileName().toString()),
                    "leaks reported for a program that is not a known cycle:\n" + actual.stderr());
        }));
    }
}
