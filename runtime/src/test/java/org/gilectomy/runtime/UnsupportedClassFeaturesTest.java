package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class features this runtime does not have ({@code __slots__}, {@code __getattribute__}) are
 * refused where the class is made, with a NotImplementedError naming them: never silently
 * ignored (CPython would behave differently), never a Java exception.
 */
class UnsupportedClassFeaturesTest {
    private static final Path DIR = Path.of("src/test/resources/unsupported");

    private static void refused(String program, String feature) {
        ProgramRunner.Outcome o = ProgramRunner.runHere(DIR.resolve(program));
        assertEquals(1, o.status(), "exit status\nstderr was:\n" + o.stderr());
        assertEquals("", o.stdout());
        List<String> lines = o.programStderr().lines().toList();
        assertEquals("NotImplementedError: a class defining " + feature + " is not supported by this runtime",
                lines.get(lines.size() - 1), o.stderr());
        assertEquals("Traceback (most recent call last):", lines.get(0), o.stderr());
        assertEquals(false, o.reportsLeaks(), o.stderr());
    }

    @Test
    void slots() {
        refused("class_slots.py", "__slots__");
    }

    @Test
    void getattribute() {
        refused("class_getattribute.py", "__getattribute__");
    }
}
