package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A negative number raised to a fractional power is a complex number in CPython; this runtime
 * has no complex type, so it refuses with a NotImplementedError saying so (it printed nan,
 * a silent wrong answer). Real results of {@code **} are unchanged.
 */
class UnsupportedComplexTest {
    private static final String REFUSAL = "a complex result (a negative number raised to a fractional power)"
            + " is not supported by this runtime";

    @Test
    void negativeBaseFractionalExponentIsRefused() {
        ProgramRunner.Outcome o = ProgramRunner.runHere(Path.of("src/test/resources/unsupported/complex_pow.py"));
        assertEquals("-512 2.0 64.0 -0.5 inf\n" + REFUSAL + "\n", o.stdout(), o.stderr());
        assertEquals(1, o.status(), o.stderr());
        List<String> lines = o.programStderr().lines().toList();
        assertEquals("NotImplementedError: " + REFUSAL, lines.get(lines.size() - 1), o.stderr());
        assertFalse(o.reportsLeaks(), o.stderr());
    }
}
