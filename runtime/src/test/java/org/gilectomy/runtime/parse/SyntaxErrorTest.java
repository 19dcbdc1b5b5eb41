package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors: type, message, line and 1-based column. */
class SyntaxErrorTest {

    private static PySyntaxError error(String source) {
        return assertThrows(PySyntaxError.class, () -> Parser.parse(source, "f.py"));
    }

    private static String describe(String type, String message, int line, int column) {
        return type + ": " + message + " @" + line + ":" + column;
    }

    private static String describe(PySyntaxError e) {
        return describe(e.pythonType(), e.getMessage(), e.line(), e.column());
    }

    /** Expected values are what CPython 3.11's compile() reports for the same source. */
    static Stream<Arguments> invalidPrograms() {
        return Stream.of(
                Arguments.of("if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
                Arguments.of("if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6),
                Arguments.of("while x:\ny", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1),
                Arguments.of("for i in x:\ny", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1),
                Arguments.of("def f():\ny", "IndentationError", "expected an indented block after function definition on line 1", 2, 1),
                Arguments.of("if x:\n  y\nelif z:\nw", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1),
                Arguments.of("if x:\n  y\nelse:\nw", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1),
                Arguments.of("if a:\n  if x:\ny", "IndentationError", "expected an indented block after 'if' statement on line 2", 3, 0),
                Arguments.of("if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 4),
                Arguments.of(" x = 1", "IndentationError", "unexpected indent", 1, 1),
                Arguments.of("x = 1\n    y = 2", "IndentationError", "unexpected indent", 2, 4),
                Arguments.of("if True:\n\tx = 1\n        y = 2", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
                Arguments.of("x = 'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
                Arguments.of("x = \"\"\"abc\ndef", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
                Arguments.of("x = 'abc\\\ndef", "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5),
                Arguments.of("x = (1,\n2", "SyntaxError", "'(' was never closed", 1, 5),
                Arguments.of("x = [1, (2", "SyntaxError", "'(' was never closed", 1, 9),
                Arguments.of("x = (\ny = = 1", "SyntaxError", "'(' was never closed", 1, 5),
                Arguments.of("x = = 1\ny = 'abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5),
                Arguments.of("x = = 1\ny = (", "SyntaxError", "invalid syntax", 1, 5),
                Arguments.of("x = \u20ac", "SyntaxError", "invalid character '\u20ac' (U+20AC)", 1, 5),
                Arguments.of("x = $", "SyntaxError", "invalid syntax", 1, 5),
                Arguments.of("x = 1 +", "SyntaxError", "invalid syntax", 1, 8),
                Arguments.of("if x\n    pass", "SyntaxError", "expected ':'", 1, 5),
                Arguments.of("for x in y\n    pass", "SyntaxError", "expected ':'", 1, 11),
                Arguments.of("def f()\n    pass", "SyntaxError", "expected ':'", 1, 8),
                Arguments.of("def f pass", "SyntaxError", "expected '('", 1, 7),
                Arguments.of("@deco\nx = 1", "SyntaxError", "invalid syntax", 2, 1),
                Arguments.of("@deco x\ndef f(): pass", "SyntaxError", "invalid syntax", 1, 7),
                Arguments.of("@\ndef f(): pass", "SyntaxError", "invalid syntax", 1, 2),
                Arguments.of("def f():\n    yield from", "SyntaxError", "invalid syntax", 2, 15),
                Arguments.of("x = b'\u00e9'", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5),
                Arguments.of("x = b'a' 'b'", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13),
                Arguments.of("x = 'a' b'b'", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13),
                Arguments.of("x = b'ab\\xz'", "SyntaxError", "(value error) invalid \\x escape at position 2", 1, 13),
                Arguments.of("def f():\n    x = yield from a, b", "SyntaxError", "invalid syntax", 2, 21),
                Arguments.of("def f(a) pass", "SyntaxError", "expected ':'", 1, 10),
                Arguments.of("while 1:\n pass\nelse\n  pass", "SyntaxError", "expected ':'", 3, 5),
                Arguments.of("f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3),
                Arguments.of("x = [1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
                Arguments.of("x = {1: 2 3: 4}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
                Arguments.of("a b", "SyntaxError", "invalid syntax", 1, 3),
                Arguments.of("x = 1 if 2 else", "SyntaxError", "invalid syntax", 1, 16),
                Arguments.of("x = a if b", "SyntaxError", "expected 'else' after 'if' expression", 1, 5),
                Arguments.of("print x", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
                Arguments.of("exec 'code'", "SyntaxError", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1),
                Arguments.of("if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
                Arguments.of("if f() = 1: pass", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4),
                Arguments.of("1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("a + b = 1", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("(a, 1) = x", "SyntaxError", "cannot assign to literal", 1, 5),
                Arguments.of("None = 1", "SyntaxError", "cannot assign to None", 1, 1),
                Arguments.of("x = a if b else c = 1", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 1),
                Arguments.of("x.y = a if b else c = 1", "SyntaxError", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("a, -b = 0, 1", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 4),
                Arguments.of("a, b += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1),
                Arguments.of("f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1),
                Arguments.of("True += 1", "SyntaxError", "'True' is an illegal expression for augmented assignment", 1, 1),
                Arguments.of("for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5),
                Arguments.of("for f() in y: pass", "SyntaxError", "cannot assign to function call", 1, 5),
                Arguments.of("for a + b in c: pass", "SyntaxError", "cannot assign to expression", 1, 5),
                Arguments.of("return", "SyntaxError", "'return' outside function", 1, 1),
                Arguments.of("break", "SyntaxError", "'break' outside loop", 1, 1),
                Arguments.of("continue", "SyntaxError", "'continue' not properly in loop", 1, 1),
                Arguments.of("def f():\n    return\n    break", "SyntaxError", "'break' outside loop", 3, 5),
                Arguments.of("def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
                Arguments.of("def outer(a,(b, c)): pass", "SyntaxError", "Function parameters cannot be parenthesized", 1, 13),
                Arguments.of("f(a=1, a=2)", "SyntaxError", "keyword argument repeated: a", 1, 8),
                Arguments.of("f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9),
                Arguments.of("f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
                Arguments.of("f(True=1)", "SyntaxError", "cannot assign to True", 1, 3),
                Arguments.of("x = )", "SyntaxError", "unmatched ')'", 1, 5),
                Arguments.of("x = (]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
                Arguments.of("x = (\n]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1),
                Arguments.of("x = 0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
                Arguments.of("x = 1_", "SyntaxError", "invalid decimal literal", 1, 6),
                Arguments.of("x = 1abc", "SyntaxError", "invalid decimal literal", 1, 5),
                Arguments.of("x = 1.e", "SyntaxError", "invalid decimal literal", 1, 6),
                Arguments.of("x = 0x", "SyntaxError", "invalid hexadecimal literal", 1, 6),
                Arguments.of("x = 0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 7),
                Arguments.of("x = 0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 7),
                Arguments.of("x = 1\u20ac", "SyntaxError", "invalid character '\u20ac' (U+20AC)", 1, 6),
                Arguments.of("x = '\\x4'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10),
                Arguments.of("x = '\\N{DASH}'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 15),
                Arguments.of("x = '\u00e9\\x4'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", 1, 11),
                Arguments.of("x = \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 6),
                Arguments.of("x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8),
                Arguments.of("if x:\n\\ y", "SyntaxError", "unexpected character after line continuation character", 2, 2),
                Arguments.of("x = 1;;", "SyntaxError", "invalid syntax", 1, 7),
                Arguments.of("if x: if y: pass", "SyntaxError", "invalid syntax", 1, 7),
                Arguments.of("else: pass", "SyntaxError", "invalid syntax", 1, 1),
                Arguments.of("x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12),
                Arguments.of("x = {1:}", "SyntaxError", "expression expected after dictionary key and ':'", 1, 7),
                Arguments.of("x = {1: *a}", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 9),
                // parameters, nonlocal, comprehensions, unpacking, f-strings
                Arguments.of("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12),
                Arguments.of("def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7),
                Arguments.of("def f(*, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 7),
                Arguments.of("def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12),
                Arguments.of("def f(*a, *b): pass", "SyntaxError", "* argument may appear only once", 1, 11),
                Arguments.of("def f(a, a=1): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
                Arguments.of("nonlocal x", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1),
                Arguments.of("x = f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 10),
                Arguments.of("x = f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13),
                Arguments.of("x = f\"{x\"", "SyntaxError", "f-string: expecting '}'", 1, 10),
                Arguments.of("x = f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 9),
                Arguments.of("print(*a for a in b)", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 7),
                Arguments.of("(*a for a in b)", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2),
                Arguments.of("f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
                Arguments.of("f(1, x for x in y)", "SyntaxError", "Generator expression must be parenthesized", 1, 6),
                Arguments.of("f(a=1, x for x in y)", "SyntaxError", "Generator expression must be parenthesized", 1, 8),
                Arguments.of("(x for x in y) = 1", "SyntaxError", "cannot assign to generator expression", 1, 1),
                Arguments.of("f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
                Arguments.of("[*a for a in b]", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2),
                Arguments.of("{**a for a in b}", "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 2),
                Arguments.of("f(**a, b)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9),
                Arguments.of("x = [i for i in y for]", "SyntaxError", "invalid syntax", 1, 22),
                Arguments.of("from x import a, b,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 20),
                Arguments.of("from x import", "SyntaxError", "invalid syntax", 1, 14),
                Arguments.of("import a.", "SyntaxError", "invalid syntax", 1, 10),
                Arguments.of("x := 1", "SyntaxError", "invalid syntax", 1, 3),
                Arguments.of("a.b := 1", "SyntaxError", "cannot use assignment expressions with attribute", 1, 1),
                Arguments.of("1: int", "SyntaxError", "illegal target for annotation", 1, 1),
                Arguments.of("a, b: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1),
                Arguments.of("x = a not b", "SyntaxError", "invalid syntax", 1, 11),
                Arguments.of("x = 1 <> 2", "SyntaxError", "invalid syntax", 1, 7),
                Arguments.of("__debug__ = 1", "SyntaxError", "cannot assign to __debug__", 1, 1),
                Arguments.of("x = [a = 1]", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6),
                Arguments.of("x = [c 1]", "SyntaxError", "invalid syntax", 1, 8),
                Arguments.of("f(x 'abc')", "SyntaxError", "invalid syntax", 1, 5),
                Arguments.of("match x\n", "SyntaxError", "expected ':'", 1, 8),
                Arguments.of("x = 1\u0000", "SyntaxError", "source code string cannot contain null bytes", 0, 0),
                Arguments.of("match x y", "SyntaxError", "invalid syntax", 1, 9),
                Arguments.of("x = 5.__class__", "SyntaxError", "invalid decimal literal", 1, 6),
                Arguments.of("x = 1e1e1", "SyntaxError", "invalid decimal literal", 1, 7),
                Arguments.of("f(**)", "SyntaxError", "invalid syntax", 1, 5),
                Arguments.of("x = [1, 2 3]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
                Arguments.of("x = (1 if 2)", "SyntaxError", "expected 'else' after 'if' expression", 1, 6),
                Arguments.of("if x:\n  pass\n else: pass", "IndentationError", "unindent does not match any outer indentation level", 3, 12),
                Arguments.of("def f(a b): pass", "SyntaxError", "invalid syntax", 1, 9),
                Arguments.of("x = {1: 2, 3 4: 5}", "SyntaxError", "':' expected after dictionary key", 1, 12),
                Arguments.of("x = '\\N{'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 10),
                Arguments.of("x = '\\U00110000'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 17),
                Arguments.of("for x y in z: pass", "SyntaxError", "invalid syntax", 1, 7),
                Arguments.of("x = 1 if 2 else 3 if", "SyntaxError", "invalid syntax", 1, 21),
                Arguments.of("match x:\n case C(1, x=2, 3): pass", "SyntaxError", "positional patterns follow keyword patterns", 2, 17),
                Arguments.of("match x:\n case 1 as _: pass", "SyntaxError", "cannot use '_' as a target", 2, 12),
                Arguments.of("match x:\n case 1 + 1: pass", "SyntaxError", "imaginary number required in complex literal", 2, 11),
                Arguments.of("match x:\n case {**_}: pass", "SyntaxError", "invalid syntax", 2, 10),
                Arguments.of("match x:\n case -a: pass", "SyntaxError", "invalid syntax", 2, 8),
                Arguments.of("match x:\n case 1\n  pass", "SyntaxError", "expected ':'", 2, 8),
                Arguments.of("match x:\n case 1:\n pass", "IndentationError", "expected an indented block after 'case' statement on line 2", 3, 2),
                Arguments.of("match x:\npass", "IndentationError", "expected an indented block after 'match' statement on line 1", 2, 1),
                Arguments.of("match x:\n case *a: pass", "SyntaxError", "invalid syntax", 2, 9),
                Arguments.of("try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass", "SyntaxError",
                        "cannot have both 'except' and 'except*' on the same 'try'", 5, 1),
                Arguments.of("try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass", "SyntaxError",
                        "cannot have both 'except' and 'except*' on the same 'try'", 5, 1),
                Arguments.of("try:\n    pass\nexcept*:\n    pass", "SyntaxError", "expected one or more exception types", 3, 8),
                Arguments.of("try:\n    pass\nexcept* A:\npass", "IndentationError",
                        "expected an indented block after 'except*' statement on line 3", 4, 1),
                Arguments.of("for i in x:\n    try:\n        pass\n    except* A:\n        break", "SyntaxError",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9),
                Arguments.of("try:\n    pass\nexcept* A:\n    continue", "SyntaxError",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 4, 5),
                Arguments.of("def f():\n    try:\n        pass\n    except* A:\n        return", "SyntaxError",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9),
                Arguments.of("def f():\n    try:\n        pass\n    except* A:\n        return 1", "SyntaxError",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 16),
                Arguments.of("try:\n    pass\nexcept* A:\n    return", "SyntaxError", "'return' outside function", 4, 5));
    }

    /** Errors CPython's compiler (not its parser) finds in match statements. */
    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                Arguments.of("match x:\n case _ | 1: pass", "wildcard makes remaining patterns unreachable", 2, 7),
                Arguments.of("match x:\n case a:pass\n case 1: pass", "name capture 'a' makes remaining patterns unreachable", 2, 7),
                Arguments.of("match x:\n case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 11),
                Arguments.of("match x:\n case C(a=1, a=2): pass", "attribute name repeated in class pattern: a", 2, 16),
                Arguments.of("match x:\n case {1: a, 1: b}: pass", "mapping pattern checks duplicate key (1)", 2, 7),
                Arguments.of("match x:\n case [*a, *b]: pass", "multiple starred names in sequence pattern", 2, 7),
                Arguments.of("match x:\n case f'x': pass", "patterns may only match literals and attribute lookups", 2, 7),
                Arguments.of("match x:\n case (1 as a) | 2: pass", "alternative patterns bind different names", 2, 18),
                Arguments.of("match x:\n case __debug__: pass", "cannot assign to __debug__", 2, 7));
    }

    @ParameterizedTest
    @MethodSource("invalidPatterns")
    void reportsCompilerErrorsInPatterns(String source, String message, int line, int column) {
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> org.gilectomy.runtime.compile.Compiler.compileModule(source, "f.py"));
        assertEquals(describe("SyntaxError", message, line, column), describe(e));
    }

    @ParameterizedTest
    @MethodSource("invalidPrograms")
    void reportsWhatCPythonReports(String source, String type, String message, int line, int column) {
        assertEquals(describe(type, message, line, column), describe(error(source)));
    }

    /** Valid Python outside the supported subset: the feature named and located. */
    static Stream<Arguments> unsupportedPrograms() {
        return Stream.of(
                Arguments.of("class C(*bases):\n    pass", "unpacking in a class's bases", 1, 9));
    }

    @ParameterizedTest
    @MethodSource("unsupportedPrograms")
    void refusesUnsupportedConstructs(String source, String feature, int line, int column) {
        assertEquals(describe("NotImplementedError", feature + " is not supported by this runtime", line, column),
                describe(error(source)));
    }

    @Test
    void errorsCarryTheSourceLineAndFile() {
        PySyntaxError e = error("x = 1\ny = (1 +\n     2 2)\n");
        assertEquals("f.py", e.filename());
        assertEquals("y = (1 +", e.sourceLine());
        assertEquals("  File \"f.py\", line 2\n    y = (1 +\n         ^\n"
                + "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n", e.format());
    }

    @Test
    void sourceLineOfAnErrorAtEndOfFile() {
        assertEquals("if x:", error("if x:").sourceLine());
        assertNull(error("x = 1\0").sourceLine());
    }

    @Test
    void laterTokenizerErrorsWinOverParserErrors() {
        // As in CPython, the rest of the file is tokenized after a parser error.
        assertEquals(describe("SyntaxError", "unterminated string literal (detected at line 3)", 3, 5),
                describe(error("x = = 1\ny = 2\nz = 'abc\n")));
        // ... but an unclosed bracket only if it was opened on an earlier line.
        assertEquals(describe("SyntaxError", "invalid syntax", 1, 5), describe(error("x = = 1\ny = (\n")));
        assertEquals(describe("SyntaxError", "'(' was never closed", 1, 5), describe(error("x = (\ny = = 1\n")));
        // Unexpected indentation is reported even so.
        assertEquals(describe("IndentationError", "unexpected indent", 2, 4), describe(error("x = 1\n    y = 2\nz = 'abc\n")));
    }

    @Test
    void compilerErrorsComeAfterParseErrors() {
        // 'return' outside function is found by CPython's compiler, so a later syntax error wins...
        assertEquals(describe("SyntaxError", "invalid syntax", 2, 5), describe(error("return 1\nx = = 2\n")));
        // ... and symbol-table errors win over compiler errors.
        assertEquals(describe("SyntaxError", "duplicate argument 'a' in function definition", 2, 10),
                describe(error("break\ndef f(a, a): pass\n")));
        // A function body is not inside the loop around the function.
        assertEquals(describe("SyntaxError", "'continue' not properly in loop", 3, 9),
                describe(error("for x in y:\n    def f():\n        continue\n")));
    }

    @Test
    void loopControlInsideLoopsIsFine() throws PySyntaxError {
        Parser.parse("while x:\n    if y:\n        break\n    continue\nelse:\n    pass\n", "f.py");
        Parser.parse("for x in y:\n    for z in x:\n        continue\n    break\n", "f.py");
        assertEquals(describe("SyntaxError", "'break' outside loop", 4, 5), describe(error("while x:\n    pass\nelse:\n    break\n")));
    }

    @Test
    void tooDeeplyNestedTreesAreRefusedLikeCPython() {
        int n = NestingLimit.MAX_DEPTH + 10;
        for (String source : new String[] {"x = " + "-".repeat(n) + "1", "x = " + "a + ".repeat(n) + "b",
                "x = " + "a if b else ".repeat(n) + "c", "if x: pass\n" + "elif y: pass\n".repeat(n)}) {
            assertEquals("RecursionError", error(source).pythonType());
        }
    }

    @Test
    void hugeDecimalLiteralsAreRefusedLikeCPython() throws PySyntaxError {
        assertEquals("SyntaxError", error("x = " + "1".repeat(4301)).pythonType());
        Parser.parse("x = " + "1".repeat(4300), "f.py");
        Parser.parse("x = 0x" + "f".repeat(10_000), "f.py");
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        assertThrows(NullPointerException.class, () -> Parser.parse(null, "f.py"));
        assertThrows(NullPointerException.class, () -> Parser.parse("", null));
    }
}
