package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class features this runtime does not have ({@code __del__} on a built-in type's subclass, {@code __slots__} naming
 * {@code __dict__}, the {@code __dict__} of an instance that also has slot values) are refused
 * with a NotImplementedError naming them: never silently ignored (CPython would behave
 * differently), never a Java exception. What is supported now ({@code __slots__} itself,
 * subclassing built-in types, multiple inheritance, metaclasses, {@code __getattribute__}) is in
 * the cls_*.py corpus.
 */
class UnsupportedClassFeaturesTest {
    private static final Path DIR = Path.of("src/test/resources/unsupported");

    private static void refusedWith(String program, String what) {
        ProgramRunner.Outcome o = ProgramRunner.runHere(DIR.resolve(program));
        assertEquals(1, o.status(), "exit status\nstderr was:\n" + o.stderr());
        assertEquals("", o.stdout());
        List<String> lines = o.programStderr().lines().toList();
        assertEquals("NotImplementedError: " + what + " is not supported by this runtime",
                lines.get(lines.size() - 1), o.stderr());
        assertEquals("Traceback (most recent call last):", lines.get(0), o.stderr());
        assertEquals(false, o.reportsLeaks(), o.stderr());
    }

    @Test
    void finalizer() {
        refusedWith("class_del_list.py", "__del__ in a subclass of the built-in type 'list'");
    }

    @Test
    void slotsNamingDict() { // the class is made; only reading a __dict__ that sits beside slot values is refused
        refusedWith("class_slots_dict.py", "__dict__ of an instance that also has __slots__ values");
    }

    @Test
    void dictBesideSlots() {
        refusedWith("class_slots_subclass_dict.py", "__dict__ of an instance that also has __slots__ values");
    }
}
