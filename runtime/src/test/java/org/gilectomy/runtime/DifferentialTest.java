package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program under {@code src/test/resources/programs} (and the bundled workloads) must
 * give CPython's stdout byte for byte and its exit status, under the preset this surefire
 * execution selected; for a program that fails, the last line of stderr (the exception) must
 * match too. Skipped, with a message, where no python3 is on the PATH.
 */
class DifferentialTest {
    static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(ProgramRunner.PROGRAMS)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesCPython() throws IOException {
        Assumptions.assumeTrue(ProgramRunner.python3Available(), "python3 is not on the PATH: differential tests skipped");
        List<Path> all = programs();
        assertFalse(all.isEmpty(), "no programs found under " + ProgramRunner.PROGRAMS.toAbsolutePath());
        String preset = System.getProperty("gilectomy.preset", "?");
        return all.stream().map(p -> DynamicTest.dynamicTest(preset + ": " + p.getFileName(), () -> {
            ProgramRunner.Outcome expected = ProgramRunner.runPython3(p);
            ProgramRunner.Outcome actual = ProgramRunner.runHere(p);
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + p + "\nstderr was:\n" + actual.stderr());
            assertEquals(expected.status(), actual.status(), "exit status of " + p + "\nstderr was:\n" + actual.stderr());
            if (expected.status() != 0 && !expected.stderr().isBlank()) {
                assertEquals(expected.lastStderrLine(), actual.lastStderrLine(), "exception line of " + p);
            }
            assertFalse(actual.stderr().contains("\tat org.gilectomy"), "a Java stack trace leaked:\n" + actual.stderr());
        }));
    }
}
