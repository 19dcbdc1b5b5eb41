package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trees, with positions, for valid programs. The expected dumps in the tables were produced from
 * CPython 3.11's ast module (col offsets converted to code points), so they pin down precedence,
 * associativity, literal values and positions as CPython has them.
 */
class ParserTreeTest {

    private static String parse(String source) throws PySyntaxError {
        return AstDump.dump(Parser.parse(source, "t.py"));
    }

    private static Ast.Expr expression(String source) throws PySyntaxError {
        return ((Ast.ExprStmt) Parser.parse(source, "t.py").body().get(0)).value();
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("1 + 2 * 3 ** -1", "[(ExprStmt 1:0 (BinOp 1:0 ADD (IntLiteral 1:0 1) (BinOp 1:4 MUL (IntLiteral 1:4 2) (BinOp 1:8 POW (IntLiteral 1:8 3) (UnaryOp 1:13 NEG (IntLiteral 1:14 1))))))]"),
                Arguments.of("-2 ** 2", "[(ExprStmt 1:0 (UnaryOp 1:0 NEG (BinOp 1:1 POW (IntLiteral 1:1 2) (IntLiteral 1:6 2))))]"),
                Arguments.of("2 ** -1 ** 2", "[(ExprStmt 1:0 (BinOp 1:0 POW (IntLiteral 1:0 2) (UnaryOp 1:5 NEG (BinOp 1:6 POW (IntLiteral 1:6 1) (IntLiteral 1:11 2)))))]"),
                Arguments.of("a - b - c", "[(ExprStmt 1:0 (BinOp 1:0 SUB (BinOp 1:0 SUB (Name 1:0 a) (Name 1:4 b)) (Name 1:8 c)))]"),
                Arguments.of("a ** b ** c", "[(ExprStmt 1:0 (BinOp 1:0 POW (Name 1:0 a) (BinOp 1:5 POW (Name 1:5 b) (Name 1:10 c))))]"),
                Arguments.of("not a == b", "[(ExprStmt 1:0 (UnaryOp 1:0 NOT (Compare 1:4 (Name 1:4 a) [EQ] [(Name 1:9 b)])))]"),
                Arguments.of("a or b and not c", "[(ExprStmt 1:0 (BoolOp 1:0 OR [(Name 1:0 a) (BoolOp 1:5 AND [(Name 1:5 b) (UnaryOp 1:11 NOT (Name 1:15 c))])]))]"),
                Arguments.of("a and b or c and d", "[(ExprStmt 1:0 (BoolOp 1:0 OR [(BoolOp 1:0 AND [(Name 1:0 a) (Name 1:6 b)]) (BoolOp 1:11 AND [(Name 1:11 c) (Name 1:17 d)])]))]"),
                Arguments.of("a | b ^ c & d << e + f * g", "[(ExprStmt 1:0 (BinOp 1:0 BITOR (Name 1:0 a) (BinOp 1:4 BITXOR (Name 1:4 b) (BinOp 1:8 BITAND (Name 1:8 c) (BinOp 1:12 LSHIFT (Name 1:12 d) (BinOp 1:17 ADD (Name 1:17 e) (BinOp 1:21 MUL (Name 1:21 f) (Name 1:25 g))))))))]"),
                Arguments.of("a < b <= c != d", "[(ExprStmt 1:0 (Compare 1:0 (Name 1:0 a) [LT LE NE] [(Name 1:4 b) (Name 1:9 c) (Name 1:14 d)]))]"),
                Arguments.of("a is not b", "[(ExprStmt 1:0 (Compare 1:0 (Name 1:0 a) [IS_NOT] [(Name 1:9 b)]))]"),
                Arguments.of("a not in b in c", "[(ExprStmt 1:0 (Compare 1:0 (Name 1:0 a) [NOT_IN IN] [(Name 1:9 b) (Name 1:14 c)]))]"),
                Arguments.of("~a + -b * +c", "[(ExprStmt 1:0 (BinOp 1:0 ADD (UnaryOp 1:0 INVERT (Name 1:1 a)) (BinOp 1:5 MUL (UnaryOp 1:5 NEG (Name 1:6 b)) (UnaryOp 1:10 POS (Name 1:11 c)))))]"),
                Arguments.of("a if b else c if d else e", "[(ExprStmt 1:0 (IfExp 1:0 (Name 1:5 b) (Name 1:0 a) (IfExp 1:12 (Name 1:17 d) (Name 1:12 c) (Name 1:24 e))))]"),
                Arguments.of("(a if b else c) if d else e", "[(ExprStmt 1:0 (IfExp 1:0 (Name 1:19 d) (IfExp 1:1 (Name 1:6 b) (Name 1:1 a) (Name 1:13 c)) (Name 1:26 e)))]"),
                Arguments.of("f(a, b=1)(c)[d].e", "[(ExprStmt 1:0 (Attribute 1:0 (Subscript 1:0 (Call 1:0 (Call 1:0 (Name 1:0 f) [(Name 1:2 a)] [b=(IntLiteral 1:7 1)]) [(Name 1:10 c)] []) (Name 1:13 d)) e))]"),
                Arguments.of("x[1:2]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (Slice 1:2 (IntLiteral 1:2 1) (IntLiteral 1:4 2) -)))]"),
                Arguments.of("x[::2]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (Slice 1:2 - - (IntLiteral 1:4 2))))]"),
                Arguments.of("x[:, 1:]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (TupleExpr 1:2 [(Slice 1:2 - - -) (Slice 1:5 (IntLiteral 1:5 1) - -)])))]"),
                Arguments.of("x[a, b]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (TupleExpr 1:2 [(Name 1:2 a) (Name 1:5 b)])))]"),
                Arguments.of("x[..., ::2]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (TupleExpr 1:2 [(NamedConstant 1:2 ELLIPSIS) (Slice 1:7 - - (IntLiteral 1:9 2))])))]"),
                Arguments.of("...", "[(ExprStmt 1:0 (NamedConstant 1:0 ELLIPSIS))]"),
                Arguments.of("x[1:2:3]", "[(ExprStmt 1:0 (Subscript 1:0 (Name 1:0 x) (Slice 1:2 (IntLiteral 1:2 1) (IntLiteral 1:4 2) (IntLiteral 1:6 3))))]"),
                Arguments.of("()", "[(ExprStmt 1:0 (TupleExpr 1:0 []))]"),
                Arguments.of("(1,)", "[(ExprStmt 1:0 (TupleExpr 1:0 [(IntLiteral 1:1 1)]))]"),
                Arguments.of("(1, 2)", "[(ExprStmt 1:0 (TupleExpr 1:0 [(IntLiteral 1:1 1) (IntLiteral 1:4 2)]))]"),
                Arguments.of("((a))", "[(ExprStmt 1:0 (Name 1:2 a))]"),
                Arguments.of("[1, [2, 3],]", "[(ExprStmt 1:0 (ListExpr 1:0 [(IntLiteral 1:1 1) (ListExpr 1:4 [(IntLiteral 1:5 2) (IntLiteral 1:8 3)])]))]"),
                Arguments.of("{}", "[(ExprStmt 1:0 (DictExpr 1:0 [] []))]"),
                Arguments.of("{'a': 1, b: [2]}", "[(ExprStmt 1:0 (DictExpr 1:0 [(StrLiteral 1:1 \"a\") (Name 1:9 b)] [(IntLiteral 1:6 1) (ListExpr 1:12 [(IntLiteral 1:13 2)])]))]"),
                Arguments.of("(a) + b", "[(ExprStmt 1:0 (BinOp 1:0 ADD (Name 1:1 a) (Name 1:6 b)))]"),
                Arguments.of("(a).b(c)", "[(ExprStmt 1:0 (Call 1:0 (Attribute 1:0 (Name 1:1 a) b) [(Name 1:6 c)] []))]"),
                Arguments.of("a, b", "[(ExprStmt 1:0 (TupleExpr 1:0 [(Name 1:0 a) (Name 1:3 b)]))]"),
                Arguments.of("0x1F + 0o17 + 0b101 + 1_000", "[(ExprStmt 1:0 (BinOp 1:0 ADD (BinOp 1:0 ADD (BinOp 1:0 ADD (IntLiteral 1:0 31) (IntLiteral 1:7 15)) (IntLiteral 1:14 5)) (IntLiteral 1:22 1000)))]"),
                Arguments.of("1e-5 + .5 + 5. + 3.14e+2 + 1e500", "[(ExprStmt 1:0 (BinOp 1:0 ADD (BinOp 1:0 ADD (BinOp 1:0 ADD (BinOp 1:0 ADD (FloatLiteral 1:0 0.000010000000000000000818030539140313095458623138256371021270751953125) (FloatLiteral 1:7 0.5)) (FloatLiteral 1:12 5)) (FloatLiteral 1:17 314)) (FloatLiteral 1:27 inf)))]"),
                Arguments.of("'a' \"b\" '''c'''", "[(ExprStmt 1:0 (StrLiteral 1:0 \"abc\"))]"),
                Arguments.of("'\\n\\t\\x41\\u00e9\\U0001F600\\N{BULLET}\\0\\777\\q'", "[(ExprStmt 1:0 (StrLiteral 1:0 \"\\u000a\\u0009A\\u00e9\\ud83d\\ude00\\u2022\\u0000\\u01ff\\u005cq\"))]"),
                Arguments.of("r'\\n' R'\\''", "[(ExprStmt 1:0 (StrLiteral 1:0 \"\\u005cn\\u005c'\"))]"),
                Arguments.of("u'x'", "[(ExprStmt 1:0 (StrLiteral 1:0 \"x\"))]"),
                Arguments.of("None, True, False", "[(ExprStmt 1:0 (TupleExpr 1:0 [(NamedConstant 1:0 NONE) (NamedConstant 1:6 TRUE) (NamedConstant 1:12 FALSE)]))]"),
                Arguments.of("'\u00e9' + x", "[(ExprStmt 1:0 (BinOp 1:0 ADD (StrLiteral 1:0 \"\\u00e9\") (Name 1:6 x)))]"),
                Arguments.of("f(\n  a,\n  b)", "[(ExprStmt 1:0 (Call 1:0 (Name 1:0 f) [(Name 2:2 a) (Name 3:2 b)] []))]"),
                Arguments.of("x.y.z", "[(ExprStmt 1:0 (Attribute 1:0 (Attribute 1:0 (Name 1:0 x) y) z))]"),
                Arguments.of("-(-x)", "[(ExprStmt 1:0 (UnaryOp 1:0 NEG (UnaryOp 1:2 NEG (Name 1:3 x))))]"),
                Arguments.of("not not x", "[(ExprStmt 1:0 (UnaryOp 1:0 NOT (UnaryOp 1:4 NOT (Name 1:8 x))))]"),
                Arguments.of("f()", "[(ExprStmt 1:0 (Call 1:0 (Name 1:0 f) [] []))]"),
                Arguments.of("12345678901234567890123456789", "[(ExprStmt 1:0 (IntLiteral 1:0 12345678901234567890123456789))]"),
                Arguments.of("\ufb01 + \u00e9", "[(ExprStmt 1:0 (BinOp 1:0 ADD (Name 1:0 fi) (Name 1:4 \u00e9)))]"));
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void expressionsMatchCPython(String source, String expected) throws PySyntaxError {
        assertEquals(expected, parse(source));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("def f(a, b):\n    return a + b\n", "[(FunctionDef 1:0 f [a b] [(Return 2:4 (BinOp 2:11 ADD (Name 2:11 a) (Name 2:15 b)))])]"),
                Arguments.of("def g():\n    return\n", "[(FunctionDef 1:0 g [] [(Return 2:4 -)])]"),
                Arguments.of("def h(x,):\n    pass\n", "[(FunctionDef 1:0 h [x] [(Pass 2:4)])]"),
                Arguments.of("@a\n@b.c(1)\ndef f(): pass\n", "[(FunctionDef 3:0 @[(Name 1:1 a) (Call 2:1 (Attribute 2:1 (Name 2:1 b) c) [(IntLiteral 2:5 1)] [])] f [] [(Pass 3:9)])]"),
                Arguments.of("@(lambda f: f)\ndef g(): pass\n", "[(FunctionDef 2:0 @[(Lambda 1:2)] g [] [(Pass 2:9)])]"),
                Arguments.of("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n", "[(If 1:0 (Name 1:3 a) [(Assign 2:4 [(Name 2:4 x)] (IntLiteral 2:8 1))] [(If 3:0 (Name 3:5 b) [(Assign 4:4 [(Name 4:4 x)] (IntLiteral 4:8 2))] [(Assign 6:4 [(Name 6:4 x)] (IntLiteral 6:8 3))])])]"),
                Arguments.of("if a: x = 1; y = 2\n", "[(If 1:0 (Name 1:3 a) [(Assign 1:6 [(Name 1:6 x)] (IntLiteral 1:10 1)) (Assign 1:13 [(Name 1:13 y)] (IntLiteral 1:17 2))] [])]"),
                Arguments.of("while x:\n    x -= 1\n    if x: break\n    continue\nelse:\n    pass\n", "[(While 1:0 (Name 1:6 x) [(AugAssign 2:4 (Name 2:4 x) SUB (IntLiteral 2:9 1)) (If 3:4 (Name 3:7 x) [(Break 3:10)] []) (Continue 4:4)] [(Pass 6:4)])]"),
                Arguments.of("for i in range(10):\n    pass\nelse:\n    pass\n", "[(For 1:0 (Name 1:4 i) (Call 1:9 (Name 1:9 range) [(IntLiteral 1:15 10)] []) [(Pass 2:4)] [(Pass 4:4)])]"),
                Arguments.of("for i, x in enumerate(y): pass\n", "[(For 1:0 (TupleExpr 1:4 [(Name 1:4 i) (Name 1:7 x)]) (Call 1:12 (Name 1:12 enumerate) [(Name 1:22 y)] []) [(Pass 1:26)] [])]"),
                Arguments.of("for (a, b) in c: pass\n", "[(For 1:0 (TupleExpr 1:4 [(Name 1:5 a) (Name 1:8 b)]) (Name 1:14 c) [(Pass 1:17)] [])]"),
                Arguments.of("for a.b in c: pass\n", "[(For 1:0 (Attribute 1:4 (Name 1:4 a) b) (Name 1:11 c) [(Pass 1:14)] [])]"),
                Arguments.of("for a[0] in c: pass\n", "[(For 1:0 (Subscript 1:4 (Name 1:4 a) (IntLiteral 1:6 0)) (Name 1:12 c) [(Pass 1:15)] [])]"),
                Arguments.of("for a, in c: pass\n", "[(For 1:0 (TupleExpr 1:4 [(Name 1:4 a)]) (Name 1:10 c) [(Pass 1:13)] [])]"),
                Arguments.of("a = b = 1\n", "[(Assign 1:0 [(Name 1:0 a) (Name 1:4 b)] (IntLiteral 1:8 1))]"),
                Arguments.of("a, b = b, a\n", "[(Assign 1:0 [(TupleExpr 1:0 [(Name 1:0 a) (Name 1:3 b)])] (TupleExpr 1:7 [(Name 1:7 b) (Name 1:10 a)]))]"),
                Arguments.of("[a, b] = c\n", "[(Assign 1:0 [(ListExpr 1:0 [(Name 1:1 a) (Name 1:4 b)])] (Name 1:9 c))]"),
                Arguments.of("a.b, c[d] = e\n", "[(Assign 1:0 [(TupleExpr 1:0 [(Attribute 1:0 (Name 1:0 a) b) (Subscript 1:5 (Name 1:5 c) (Name 1:7 d))])] (Name 1:12 e))]"),
                Arguments.of("x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2\nx <<= 1\nx >>= 1\nx &= 1\nx |= 1\nx ^= 1\n", "[(AugAssign 1:0 (Name 1:0 x) ADD (IntLiteral 1:5 1)) (AugAssign 2:0 (Name 2:0 x) SUB (IntLiteral 2:5 1)) (AugAssign 3:0 (Name 3:0 x) MUL (IntLiteral 3:5 2)) (AugAssign 4:0 (Name 4:0 x) TRUEDIV (IntLiteral 4:5 2)) (AugAssign 5:0 (Name 5:0 x) FLOORDIV (IntLiteral 5:6 2)) (AugAssign 6:0 (Name 6:0 x) MOD (IntLiteral 6:5 2)) (AugAssign 7:0 (Name 7:0 x) POW (IntLiteral 7:6 2)) (AugAssign 8:0 (Name 8:0 x) LSHIFT (IntLiteral 8:6 1)) (AugAssign 9:0 (Name 9:0 x) RSHIFT (IntLiteral 9:6 1)) (AugAssign 10:0 (Name 10:0 x) BITAND (IntLiteral 10:5 1)) (AugAssign 11:0 (Name 11:0 x) BITOR (IntLiteral 11:5 1)) (AugAssign 12:0 (Name 12:0 x) BITXOR (IntLiteral 12:5 1))]"),
                Arguments.of("a.b += 1\n", "[(AugAssign 1:0 (Attribute 1:0 (Name 1:0 a) b) ADD (IntLiteral 1:7 1))]"),
                Arguments.of("a[0] += 1\n", "[(AugAssign 1:0 (Subscript 1:0 (Name 1:0 a) (IntLiteral 1:2 0)) ADD (IntLiteral 1:8 1))]"),
                Arguments.of("f(x)\n", "[(ExprStmt 1:0 (Call 1:0 (Name 1:0 f) [(Name 1:2 x)] []))]"),
                Arguments.of("x\n", "[(ExprStmt 1:0 (Name 1:0 x))]"),
                Arguments.of("1, 2\n", "[(ExprStmt 1:0 (TupleExpr 1:0 [(IntLiteral 1:0 1) (IntLiteral 1:3 2)]))]"),
                Arguments.of("return_value = f(1,)\n", "[(Assign 1:0 [(Name 1:0 return_value)] (Call 1:15 (Name 1:15 f) [(IntLiteral 1:17 1)] []))]"),
                Arguments.of("global a, b\n", "[(Global 1:0 [a b])]"),
                Arguments.of("pass\n", "[(Pass 1:0)]"),
                Arguments.of("import a, b.c as d\n", "[(Import 1:0 [a b.c] [- d])]"),
                Arguments.of("from m.n import a, b as c\n", "[(ImportFrom 1:0 m.n [a b] [- c])]"),
                Arguments.of("from m import (a,\n    b,)\n", "[(ImportFrom 1:0 m [a b] [- -])]"),
                Arguments.of("x = 1; y = 2;\n", "[(Assign 1:0 [(Name 1:0 x)] (IntLiteral 1:4 1)) (Assign 1:7 [(Name 1:7 y)] (IntLiteral 1:11 2))]"),
                Arguments.of("x = 1 + \\\n    2\n", "[(Assign 1:0 [(Name 1:0 x)] (BinOp 1:4 ADD (IntLiteral 1:4 1) (IntLiteral 2:4 2)))]"),
                Arguments.of("if x:\n    # comment\n\n    pass\n", "[(If 1:0 (Name 1:3 x) [(Pass 4:4)] [])]"),
                Arguments.of("def f():\n    global g\n    g = 1\n", "[(FunctionDef 1:0 f [] [(Global 2:4 [g]) (Assign 3:4 [(Name 3:4 g)] (IntLiteral 3:8 1))])]"),
                Arguments.of("while 1:\n    def f():\n        return 1\n    break\n", "[(While 1:0 (IntLiteral 1:6 1) [(FunctionDef 2:4 f [] [(Return 3:8 (IntLiteral 3:15 1))]) (Break 4:4)] [])]"),
                Arguments.of("x = [\n    1,\n    2,\n]\n", "[(Assign 1:0 [(Name 1:0 x)] (ListExpr 1:4 [(IntLiteral 2:4 1) (IntLiteral 3:4 2)]))]"),
                Arguments.of("if x:\n\tpass\n", "[(If 1:0 (Name 1:3 x) [(Pass 2:1)] [])]"),
                Arguments.of("match = 1\ncase = match\n_ = case\nmatch(x)\nmatch[x] = 1\n", "[(Assign 1:0 [(Name 1:0 match)] (IntLiteral 1:8 1)) (Assign 2:0 [(Name 2:0 case)] (Name 2:7 match)) (Assign 3:0 [(Name 3:0 _)] (Name 3:4 case)) (ExprStmt 4:0 (Call 4:0 (Name 4:0 match) [(Name 4:6 x)] [])) (Assign 5:0 [(Subscript 5:0 (Name 5:0 match) (Name 5:6 x))] (IntLiteral 5:11 1))]"),
                Arguments.of("\n\n# only comments\n", "[]"),
                Arguments.of("x = '''a\nb''' + 'c'\n", "[(Assign 1:0 [(Name 1:0 x)] (BinOp 1:4 ADD (StrLiteral 1:4 \"a\\u000ab\") (StrLiteral 2:7 \"c\")))]"),
                Arguments.of("x=1\r\ny=2\r\n", "[(Assign 1:0 [(Name 1:0 x)] (IntLiteral 1:2 1)) (Assign 2:0 [(Name 2:0 y)] (IntLiteral 2:2 2))]"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void statementsMatchCPython(String source, String expected) throws PySyntaxError {
        assertEquals(expected, parse(source));
    }

    @Test
    void powerBindsTighterThanUnaryMinusOnItsLeftButNotOnItsRight() throws PySyntaxError {
        // 1 + 2 * 3 ** -1  ==  1 + (2 * (3 ** (-1)))
        Ast.BinOp add = assertInstanceOf(Ast.BinOp.class, expression("1 + 2 * 3 ** -1"));
        assertEquals(Ast.BinOpKind.ADD, add.op());
        Ast.BinOp mul = assertInstanceOf(Ast.BinOp.class, add.right());
        assertEquals(Ast.BinOpKind.MUL, mul.op());
        Ast.BinOp pow = assertInstanceOf(Ast.BinOp.class, mul.right());
        assertEquals(Ast.BinOpKind.POW, pow.op());
        Ast.UnaryOp neg = assertInstanceOf(Ast.UnaryOp.class, pow.right());
        assertEquals(Ast.UnaryOpKind.NEG, neg.op());

        // -2 ** 2  ==  -(2 ** 2)
        Ast.UnaryOp outer = assertInstanceOf(Ast.UnaryOp.class, expression("-2 ** 2"));
        assertEquals(Ast.BinOpKind.POW, assertInstanceOf(Ast.BinOp.class, outer.operand()).op());
    }

    @Test
    void binaryOperatorsAreLeftAssociativeAndPowerRightAssociative() throws PySyntaxError {
        Ast.BinOp sub = assertInstanceOf(Ast.BinOp.class, expression("a - b - c"));
        assertInstanceOf(Ast.BinOp.class, sub.left());
        assertInstanceOf(Ast.Name.class, sub.right());
        Ast.BinOp pow = assertInstanceOf(Ast.BinOp.class, expression("a ** b ** c"));
        assertInstanceOf(Ast.Name.class, pow.left());
        assertInstanceOf(Ast.BinOp.class, pow.right());
    }

    @Test
    void literalValues() throws PySyntaxError {
        assertEquals(new BigInteger("123456789012345678901234567890"),
                assertInstanceOf(Ast.IntLiteral.class, expression("123_456_789_012_345_678_901_234_567_890")).value());
        assertEquals(BigInteger.valueOf(255), assertInstanceOf(Ast.IntLiteral.class, expression("0xFF")).value());
        assertEquals(1e-5, assertInstanceOf(Ast.FloatLiteral.class, expression("1e-5")).value());
        assertEquals(0.5, assertInstanceOf(Ast.FloatLiteral.class, expression(".5")).value());
        assertEquals(5.0, assertInstanceOf(Ast.FloatLiteral.class, expression("5.")).value());
        assertEquals("tab\there\\raw\u00e9\u2022\n",
                assertInstanceOf(Ast.StrLiteral.class, expression("'tab\\there' r'\\raw' \"\\u00e9\\N{BULLET}\\n\"")).value());
        assertEquals("a\nb", assertInstanceOf(Ast.StrLiteral.class, expression("'''a\nb'''")).value());
        assertEquals("ab", assertInstanceOf(Ast.StrLiteral.class, expression("'a\\\nb'")).value());
    }

    @Test
    void elifChainsNestInOrelse() throws PySyntaxError {
        Ast.If first = assertInstanceOf(Ast.If.class, Parser.parse("if a: pass\nelif b: pass\nelif c: pass\n", "t.py").body().get(0));
        Ast.If second = assertInstanceOf(Ast.If.class, first.orelse().get(0));
        Ast.If third = assertInstanceOf(Ast.If.class, second.orelse().get(0));
        assertEquals(0, third.orelse().size());
        assertEquals(3, third.line());
    }

    @Test
    void identifiersAreNfkcNormalized() throws PySyntaxError {
        assertEquals("fi", assertInstanceOf(Ast.Name.class, expression("\ufb01")).id());
    }

    @Test
    void longInputsParseWithoutDeepRecursion() throws PySyntaxError {
        // Chains the parser builds iteratively, just under the nesting limit.
        int n = NestingLimit.MAX_DEPTH - 10;
        Parser.parse("x = " + "-".repeat(n) + "1", "t.py");
        Parser.parse("x = " + "a + ".repeat(n) + "b", "t.py");
        Parser.parse("x = " + "a if b else ".repeat(n / 2) + "c", "t.py");
        Parser.parse("x = " + "2 ** ".repeat(n / 2) + "2", "t.py");
        Parser.parse("x = " + "(".repeat(200) + "1" + ")".repeat(200), "t.py");
        Parser.parse("if x: pass\n" + "elif y: pass\n".repeat(n - 5), "t.py");
        Parser.parse("x = " + "'s' ".repeat(100_000) + "\n", "t.py");
        Parser.parse("x = [" + "a, ".repeat(100_000) + "]\n", "t.py");
    }
}
