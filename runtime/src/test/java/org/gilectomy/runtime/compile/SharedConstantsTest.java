package org.gilectomy.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.junit.jupiter.api.Test;

/**
 * What every thread running a code object shares, its constants: a tuple display of literals
 * is one constant (as CPython's compiler folds it), and in the builds with immortal objects
 * (nogil, nogil-3.13) the constants are immortal, as in CPython's free-threaded build, so no
 * thread writes their counts. Runs under every preset: in the others (no immortality) the
 * same constants stay counted, which is the negative control.
 */
class SharedConstantsTest {
    private static PyObject constantOfType(PyCode code, Class<?> type) {
        return Arrays.stream(code.consts).filter(type::isInstance).findFirst().orElse(null);
    }

    @org.junit.jupiter.api.BeforeAll
    static void startUp() {
        org.gilectomy.objects.Immortals.singletons(); // None, True, interned strings: what every runtime start does
    }

    @Test
    void aTupleOfLiteralsIsOneConstantImmortalWhereObjectsCanBe() throws PySyntaxError {
        PyCode module = Compiler.compileModule("X = (1, 2.5, 'a', None, (True, b'q'), 300)\nY = 1.25\n", "t.py");
        PyObject t = constantOfType(module, PyTuple.class);
        assertNotNull(t, "the display is folded into a constant: " + Arrays.toString(module.consts));
        assertEquals(6, ((PyTuple) t).size());
        boolean immortals = RefCount.IMMORTAL != ImmortalKind.NONE;
        assertEquals(immortals, t.isImmortal(), "the tuple");
        assertEquals(immortals, ((PyTuple) t).getBorrowed(1).isImmortal(), "its float");
        assertEquals(immortals, ((PyTuple) t).getBorrowed(5).isImmortal(), "its int above the cached ones");
        assertEquals(immortals, constantOfType(module, org.gilectomy.objects.PyFloat.class).isImmortal(), "1.25");
    }

    @Test
    void aDisplayWithAnExpressionIsBuiltAtRunTimeAndNeverImmortal() throws PySyntaxError {
        PyCode module = Compiler.compileModule("X = (1, -2, 3)\n", "t.py");
        assertTrue(Arrays.stream(module.consts).noneMatch(c -> c instanceof PyTuple),
                "-2 is an expression here: " + Arrays.toString(module.consts));
        assertFalse(Arrays.stream(module.consts).anyMatch(c -> c instanceof PyCode),
                "no nested code, so nothing else to look at");
    }
}
