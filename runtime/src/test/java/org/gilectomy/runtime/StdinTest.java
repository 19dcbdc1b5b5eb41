package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code input()} and {@code sys.stdin}: each program under {@code src/test/resources/stdin/}
 * is run by python3 and by this runtime with the same standard input (the {@code .in} file
 * beside it); stdout, the exit status and the last stderr line must be equal, as in
 * {@link DifferentialTest} (whose programs get no input of their own, so cannot read it).
 */
class StdinTest {
    private static final Path DIR = Path.of("src/test/resources/stdin");

    @TestFactory
    Stream<DynamicTest> programsReadTheirInputAsCPythonDoes() throws IOException {
        Assumptions.assumeTrue(ProgramRunner.python3Available(), "python3 is not on the PATH: stdin tests skipped"
                + " (CPython gives the expected answers)");
        List<Path> programs = DifferentialTest.programs(DIR);
        assertFalse(programs.isEmpty() && DifferentialTest.ONLY.isEmpty(), "no programs in " + DIR);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Path input = p.resolveSibling(p.getFileName().toString().replace(".py", ".in"));
            ProgramRunner.Outcome expected = ProgramRunner.runPython3(p, input);
            ProgramRunner.Outcome actual;
            try (InputStream in = Files.newInputStream(input)) {
                actual = ProgramRunner.runHere(p, in);
            }
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + p);
            assertEquals(expected.status(), actual.status(), "exit status of " + p + "\n" + actual.stderr());
            if (expected.status() != 0) {
                assertEquals(expected.lastStderrLine(), actual.lastStderrLine(), "last stderr line of " + p);
            }
        }));
    }
}
