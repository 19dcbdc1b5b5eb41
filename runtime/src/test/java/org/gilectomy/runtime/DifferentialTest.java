package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program under {@code src/test/resources/programs}, and every shipped workload under
 * {@code bench/workloads} (with 2 threads), must
 * give CPython's stdout byte for byte and its exit status, under the preset this surefire
 * execution selected; for a program that fails, the last line of stderr (the exception) must
 * match too (the program's stderr: a leak report --check-refs prints after it is allowed only
 * for the reference cycles {@link RefCheckTest#CYCLE_EXCLUSIONS} lists). Skipped, with a
 * message, where no python3 is on the PATH. CPython's outcome is kept in target/ by the
 * program's content ({@link ProgramRunner#runPython3}), so python3 runs each program once per
 * build, not once per preset; the runtime's run is shared with RefCheckTest
 * ({@link ProgramRunner#corpusRun}).
 */
class DifferentialTest {
    /** The shipped example workloads, run with this thread count as sys.argv[1]. */
    static final Path WORKLOADS = Path.of("../bench/workloads");
    static final String WORKLOAD_THREADS = "2";

    /**
     * -Dgilectomy.programs=PREFIX[,PREFIX...] runs only the programs whose names start with one
     * of them (by hand: a helper's own).
     */
    static final String ONLY = System.getProperty("gilectomy.programs", "");
    private static final List<String> ONLY_PREFIXES = List.of(ONLY.split(","));

    /** Whether {@code name} is one of the programs asked for (all when -Dgilectomy.programs is not set). */
    static boolean selected(String name) {
        return ONLY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    static List<Path> programs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".py") && selected(p.getFileName().toString()))
                    .sorted().collect(Collectors.toList());
        }
    }

    /**
     * Programs a preset refuses with NotImplementedError (named, with the reason): there the
     * run must fail saying the runtime does not support it, instead of matching CPython.
     */
    static final Map<String, Set<String>> UNSUPPORTED_UNDER = Map.of(
            // weak references under buffered counts: see PyWeakref.make
            // (std_enum imports abc, whose WeakSet needs them)
            "gilectomy-buffered", Set.of("c2_weakref_basic.py", "c2_weakref_threads.py", "gcc_class_cycles.py", "std_enum.py",
                    "std_object_slots.py"));

    @TestFactory
    Stream<DynamicTest> matchesCPython() throws IOException {
        Assumptions.assumeTrue(ProgramRunner.python3Available(), "python3 is not on the PATH: differential tests skipped");
        List<Path> corpus = programs(ProgramRunner.PROGRAMS);
        List<Path> workloads = programs(WORKLOADS);
        assertFalse(corpus.isEmpty(), "no programs found under " + ProgramRunner.PROGRAMS.toAbsolutePath());
        assertFalse(workloads.isEmpty() && ONLY.isEmpty(), "no workloads found under " + WORKLOADS.toAbsolutePath());
        String preset = System.getProperty("gilectomy.preset", "?");
        return Stream.concat(corpus.stream(), workloads.stream()).map(p -> DynamicTest.dynamicTest(preset + ": " + p.getFileName(), () -> {
            String[] args = p.startsWith(WORKLOADS) ? new String[] {WORKLOAD_THREADS} : new String[0];
            ProgramRunner.Outcome actual = ProgramRunner.corpusRun(p, args);
            if (UNSUPPORTED_UNDER.getOrDefault(preset, Set.of()).contains(p.getFileName().toString())) {
                // (the refusal may come from a thread, whose traceback does not end the program)
                assertTrue(actual.stderr().lines().anyMatch(l -> l.startsWith("NotImplementedError: ")
                        && l.endsWith("is not supported by this runtime")),
                        preset + " should refuse " + p + " as unsupported:\n" + actual.stderr());
                return;
            }
            ProgramRunner.Outcome expected = ProgramRunner.runPython3(p, args);
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + p + "\nstderr was:\n" + actual.stderr());
            assertEquals(expected.status(), actual.status(), "exit status of " + p + "\nstderr was:\n" + actual.stderr());
            if (expected.status() != 0 && !expected.stderr().isBlank()) {
                assertEquals(expected.lastStderrLine(), actual.lastStderrLine(), "exception line of " + p);
            }
            assertFalse(actual.stderr().contains("\tat org.gilectomy"), "a Java stack trace leaked:\n" + actual.stderr());
            assertFalse(actual.reportsLeaks() && !RefCheckTest.CYCLE_EXCLUSIONS.containsKey(p.getFileName().toString()),
                    "leaks reported for a program that is not a known cycle:\n" + actual.stderr());
        }));
    }
}
