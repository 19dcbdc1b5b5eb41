package org.gilectomy.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyObject;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.junit.jupiter.api.Test;

/**
 * The compiled form of try, with and generators: a protected body runs exactly the
 * instructions it would run unprotected (no set-up instruction: the no-exception path costs
 * nothing), its range is in the exception table, and handlers are reached only through it.
 */
class ExceptionTableTest {
    private static PyCode function(String source) throws PySyntaxError {
        PyCode module = Compiler.compileModule(source, "t.py");
        for (PyObject c : module.consts) {
            if (c instanceof PyCode code) {
                return code;
            }
        }
        throw new AssertionError("no function in " + source);
    }

    @Test
    void protectedBodyHasNoSetupInstructions() throws PySyntaxError {
        PyCode plain = function("def f(a):\n    a.x(1)\n");
        PyCode guarded = function("def f(a):\n    try:\n        a.x(1)\n    except E:\n        pass\n");
        int[] body = Arrays.copyOf(plain.code, plain.code.length - 2); // without the implicit return None
        assertArrayEquals(body, Arrays.copyOf(guarded.code, body.length), Opcode.disassemble(guarded.code));
        assertEquals(0, plain.exceptionTable.length);
        assertEquals(0, guarded.exceptionTable[0], "the region starts at the body's first instruction");
        assertEquals(body.length, guarded.exceptionTable[1], "and ends after its last");
        assertEquals(0, guarded.exceptionTable[3], "an empty stack is kept");
    }

    @Test
    void innerRegionsComeFirst() throws PySyntaxError {
        PyCode c = function("def f():\n    try:\n        try:\n            g()\n        finally:\n            h()\n"
                + "    except E:\n        pass\n");
        int[] t = c.exceptionTable;
        assertTrue(t.length >= 8, Opcode.disassemble(c.code));
        int nested = 0;
        for (int i = 0; i < t.length; i += 4) {
            for (int j = i + 4; j < t.length; j += 4) {
                boolean overlap = t[i] < t[j + 1] && t[j] < t[i + 1];
                if (overlap) {
                    assertTrue(t[i] >= t[j] && t[i + 1] <= t[j + 1],
                            "an earlier entry overlapping a later one lies inside it: " + Arrays.toString(t));
                    nested++;
                }
            }
        }
        assertTrue(nested > 0, "the inner try's body lies in the outer one's: " + Arrays.toString(t));
        for (int i = 0; i < t.length; i += 4) {
            assertTrue(t[i + 2] >= t[i + 1], "handlers follow the code they protect: " + Arrays.toString(t));
        }
    }

    @Test
    void returnThroughFinallyLeavesAHole() throws PySyntaxError {
        PyCode c = function("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
        int[] t = c.exceptionTable;
        int protectedRanges = 0;
        for (int i = 0; i < t.length; i += 4) {
            if (t[i + 3] == 0) {
                protectedRanges++;
            }
        }
        assertTrue(protectedRanges >= 1, Arrays.toString(t));
        // The inlined finally body (the call to h before RETURN_VALUE) is outside every depth-0 region.
        int ret = -1;
        for (int i = 0; i < c.code.length; i++) {
            if (Opcode.op(c.code[i]) == Opcode.RETURN_VALUE) {
                ret = i;
                break;
            }
        }
        for (int i = 0; i < t.length; i += 4) {
            assertFalse(t[i] <= ret - 1 && ret - 1 < t[i + 1] && t[i + 3] == 0,
                    "the inlined finally must not be caught by its own try:\n" + Opcode.disassemble(c.code));
        }
    }

    @Test
    void yieldMakesAGenerator() throws PySyntaxError {
        assertTrue(function("def g():\n    x = yield 1\n").isGenerator);
        assertFalse(function("def g():\n    return 1\n").isGenerator);
        assertFalse(function("def g():\n    def h():\n        yield 1\n    return h\n").isGenerator);
    }

    @Test
    void yieldOutsideAFunction() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Compiler.compileModule("yield 1\n", "t.py"));
        assertEquals("'yield' outside function", e.getMessage());
    }
}
