package org.gilectomy.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors CPython 3.11's symbol table and compiler report for nonlocal declarations and
 * starred targets (type, message, line, column taken from {@code compile()}).
 */
class ScopeErrorTest {
    static Stream<Arguments> invalidPrograms() {
        return Stream.of(
                Arguments.of("def f():\n    nonlocal x", "no binding for nonlocal 'x' found", 2, 5),
                Arguments.of("def f(x):\n    def g(x):\n        nonlocal x", "name 'x' is parameter and nonlocal", 3, 9),
                Arguments.of("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
                        "name 'x' is assigned to before nonlocal declaration", 5, 9),
                Arguments.of("def f():\n    global x\n    nonlocal x", "name 'x' is nonlocal and global", 2, 5),
                Arguments.of("x = 1\ndef f():\n    global x\n    def g():\n        nonlocal x", "no binding for nonlocal 'x' found", 5, 9),
                Arguments.of("class C:\n  nonlocal x", "no binding for nonlocal 'x' found", 2, 3),
                Arguments.of("def f():\n  class C:\n    x = 1\n    def g(self):\n      nonlocal x",
                        "no binding for nonlocal 'x' found", 5, 7),
                Arguments.of("[(yield 1) for x in y]", "'yield' inside list comprehension", 1, 3),
                Arguments.of("def f():\n  {(yield 1) for x in y}", "'yield' inside set comprehension", 2, 5),
                Arguments.of("def f():\n  ((yield 1) for x in y)", "'yield' inside generator expression", 2, 5),
                Arguments.of("class C:\n  yield 1", "'yield' outside function", 2, 3),
                Arguments.of("yield 1", "'yield' outside function", 1, 1),
                Arguments.of("class C:\n  return 1", "'return' outside function", 2, 3),
                Arguments.of("del (x for x in y)", "cannot delete generator expression", 1, 5),
                Arguments.of("a, *b, *c = d", "multiple starred expressions in assignment", 1, 1),
                Arguments.of("*a = b", "starred assignment target must be in a list or tuple", 1, 1),
                Arguments.of("x = *a", "can't use starred expression here", 1, 5),
                Arguments.of("for *a in b: pass", "starred assignment target must be in a list or tuple", 1, 5),
                Arguments.of("await x", "'await' outside function", 1, 1),
                Arguments.of("class C:\n  await x", "'await' outside function", 2, 3),
                Arguments.of("def f():\n  await x", "'await' outside async function", 2, 3),
                Arguments.of("async def f():\n  lambda: await x", "'await' outside async function", 2, 11),
                Arguments.of("async def f():\n  yield from x", "'yield from' inside async function", 2, 3));
    }

    @ParameterizedTest
    @MethodSource("invalidPrograms")
    void reportsWhatCPythonReports(String source, String message, int line, int column) {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Compiler.compileModule(source, "f.py"));
        assertEquals("SyntaxError: " + message + " @" + line + ":" + column,
                e.pythonType() + ": " + e.getMessage() + " @" + e.line() + ":" + e.column());
    }

    @Test
    void closuresPassThroughFunctionsThatDoNotUseTheName() throws PySyntaxError {
        // g reads x from f through h, which never mentions it: h must carry x as a free variable.
        Compiler.compileModule("def f():\n    x = 1\n    def h():\n        def g():\n            return x\n"
                + "        return g\n    return h\n", "f.py");
    }
}
