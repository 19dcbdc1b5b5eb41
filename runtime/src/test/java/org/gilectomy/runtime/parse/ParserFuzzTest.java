package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, parse() returns a Module or throws PySyntaxError with a sensible location;
 * nothing else. Seeds are fixed so failures reproduce.
 */
class ParserFuzzTest {
    private static final List<String> PROGRAMS = List.of("""
            import math, os.path as osp
            from collections import OrderedDict as OD, deque


            def fib(n):
                a, b = 0, 1
                for i in range(n):
                    a, b = b, a + b
                return a


            def classify(x, limit):
                if x < 0:
                    return 'negative'
                elif x == 0 or x is None:
                    return "zero"
                elif 0 < x <= limit and not x in (1, 2):
                    return 'small' if x % 2 else 'even'
                else:
                    return \"""large
            value\"""


            total = 0
            while total < 100:
                total += 7 ** 2 // 3
                if total > 50: break
            else:
                total = -1
            data = {'a': [1, 2, 3], "b": (4, 5), 'c': {}}
            data['a'][1:2] = [7]
            x = data["a"][::2]; y = -2 ** -1 * ~3
            print(fib(10), classify(5, limit=10), total, x, y, (1,), (), sep=', ')
            s = 'tab\\there' r'\\raw' "\\x41\\u00e9\\N{BULLET}" + 0x1F + 0o17 + 0b101 + 1_000 + 1e-5 + .5
            """, """
            def outer(a, b, c):
                global counter
                counter = counter + 1
                def inner(x):
                    return x * a - b / c
                result = []
                for (k, v) in items:
                    if k in seen and v not in seen:
                        result.append(inner(v) << 2 | k & 0xff ^ 3 >> 1)
                    elif k is not v:
                        pass
                    else:
                        while True:
                            continue
                return result, len(result)


            matrix = [[1, 2], [3, 4]]
            matrix[0][1], matrix[1][0] = matrix[1][0], matrix[0][1]
            a = b = c = 0
            a.b.c = f(x)(y)[z]
            if x: y = 1; z = 2
            text = ("implicit "
                    'concatenation')
            cond = (a < b < c) == (d != e) and not (f >= g or h <= i)
            x \\
              = 5
            """, """
            class C(Base, metaclass=M):
                @property
                def f(self, *args, key=None, **kw) -> int:
                    try:
                        with open(p) as fh:
                            return [l async for l in fh if l]
                    except (E1, E2) as e:
                        raise ValueError(f"bad {e!r:>10}") from e
                    finally:
                        del self.x
                g = lambda q, *, r=1: (yield q)
                match cmd:
                    case [x, *rest] if x > 0:
                        pass
            """);

    /** Characters that tend to matter to a tokenizer and parser. */
    private static final String ALPHABET = " \t\n\r\f\\()[]{}:;,.=+-*/%<>!@~^&|'\"#_0123456789abcdefxyzjJ$?`€é\u200b\u0000😀";

    @Test
    void mutatedProgramsNeverThrowAnythingButPySyntaxError() {
        Random random = new Random(20240611);
        for (int i = 0; i < 6000; i++) {
            String program = PROGRAMS.get(random.nextInt(PROGRAMS.size()));
            String mutant = mutate(program, random, 1 + random.nextInt(4));
            parseExpectingNoCrash(mutant);
        }
    }

    @Test
    void randomTokenSoupNeverCrashes() {
        String[] pieces = {"(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", "+", "-", "*", "**", "/", "//",
            "%", "<<", ">>", "&", "|", "^", "~", "<", ">", "!=", "->", ":=", "+=", "...", "@", "\n", "\n    ", "\n  ", "\\\n",
            "if ", "elif ", "else", "while ", "for ", " in ", "not ", " is ", " and ", " or ", "def ", "return ", "lambda ",
            "yield ", "class ", "import ", "from ", " as ", "global ", "pass", "break", "continue", "None", "True", "x", "y",
            "f", "1", "2.5", "0x1", "'s'", "\"\"\"t\"\"\"", "match ", "case ", "print ", "#c", " "};
        Random random = new Random(7);
        for (int i = 0; i < 6000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            parseExpectingNoCrash(sb.toString());
        }
    }

    @Test
    void randomCharactersNeverCrash() {
        Random random = new Random(99);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x11000) : ALPHABET.codePointAt(random.nextInt(ALPHABET.length() - 2)));
            }
            parseExpectingNoCrash(sb.toString());
        }
    }

    @Test
    void pathologicalNestingNeverCrashes() {
        String[] sources = {
            "x = " + "(".repeat(100_000),
            "x = " + "[".repeat(199) + "a b" + "]".repeat(199),
            "x = " + "(".repeat(199) + "1 if" + ")".repeat(199),
            "x = " + "f(".repeat(199) + "a=" + ")".repeat(199),
            "x = " + "-".repeat(200_000) + "1",
            "x = " + "not ".repeat(100_000) + "1",
            "x = " + "a.".repeat(100_000) + "b",
            "x = " + "2**".repeat(100_000) + "2",
            "x = " + "a if b else ".repeat(100_000) + "c",
            "if x:\n" + "  ".repeat(5000) + "pass\n",
            " ".repeat(100_000) + "x",
            "'" + "\\".repeat(100_001) + "'",
            "\"\"\"" + "x\n".repeat(100_000),
            "f(" + "a b ".repeat(10_000) + ")",
            "print " + "(".repeat(150) + "x" + ")".repeat(150) + " y",
            "x = " + "{1: ".repeat(199) + "1" + "}".repeat(199),
        };
        for (String source : sources) {
            parseExpectingNoCrash(source);
        }
    }

    private static String mutate(String program, Random random, int edits) {
        StringBuilder sb = new StringBuilder(program);
        for (int k = 0; k < edits && sb.length() > 1; k++) {
            int i = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, ALPHABET.charAt(random.nextInt(ALPHABET.length() - 2)));
                case 2 -> {
                    int j = random.nextInt(sb.length());
                    char c = sb.charAt(i);
                    sb.setCharAt(i, sb.charAt(j));
                    sb.setCharAt(j, c);
                }
                default -> sb.insert(i, sb, i, Math.min(sb.length(), i + 1 + random.nextInt(6)));
            }
        }
        return sb.toString();
    }

    private static void parseExpectingNoCrash(String source) {
        try {
            assertNotNull(Parser.parse(source, "fuzz.py"));
        } catch (PySyntaxError e) {
            assertTrue(List.of("SyntaxError", "IndentationError", "TabError", "NotImplementedError", "RecursionError")
                    .contains(e.pythonType()), () -> e.pythonType() + " for " + source);
            assertNotNull(e.getMessage());
            assertTrue(e.line() >= 0 && e.column() >= 0, () -> "bad position " + e.line() + ":" + e.column());
            assertNotNull(e.format());
        } catch (RuntimeException | StackOverflowError e) {
            fail("parse threw " + e + " for:\n" + source, e);
        }
    }
}
