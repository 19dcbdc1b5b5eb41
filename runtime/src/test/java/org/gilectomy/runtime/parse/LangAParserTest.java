package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees and errors for class, try, with, raise, del, assert and yield (lang-a's statements). */
class LangAParserTest {
    private static List<Ast.Stmt> parse(String source) throws PySyntaxError {
        return Parser.parse(source, "t.py").body();
    }

    private static PySyntaxError error(String source) {
        return assertThrows(PySyntaxError.class, () -> Parser.parse(source, "t.py"));
    }

    @Test
    void classWithBaseAndMethods() throws PySyntaxError {
        Ast.ClassDef c = assertInstanceOf(Ast.ClassDef.class, parse("class C(B):\n    x = 1\n    def f(self): pass\n").get(0));
        assertEquals("C", c.name());
        assertEquals("B", ((Ast.Name) c.bases().get(0)).id());
        assertEquals(2, c.body().size());
        assertInstanceOf(Ast.FunctionDef.class, c.body().get(1));
        assertEquals(0, ((Ast.ClassDef) parse("class D: pass").get(0)).bases().size());
        assertEquals(0, ((Ast.ClassDef) parse("class D(): pass").get(0)).bases().size());
    }

    @Test
    void tryWithEveryPart() throws PySyntaxError {
        Ast.Try t = assertInstanceOf(Ast.Try.class, parse(
                "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n").get(0));
        assertEquals(3, t.handlers().size());
        assertInstanceOf(Ast.TupleExpr.class, t.handlers().get(0).type());
        assertEquals("e", t.handlers().get(0).name());
        assertNull(t.handlers().get(1).name());
        assertNull(t.handlers().get(2).type());
        assertEquals(3, t.handlers().get(0).line());
        assertEquals(1, t.orelse().size());
        assertEquals(1, t.finalbody().size());
    }

    @Test
    void withItemsNestInOrder() throws PySyntaxError {
        Ast.With outer = assertInstanceOf(Ast.With.class, parse("with a() as x, b:\n    pass\n").get(0));
        assertEquals("x", ((Ast.Name) outer.target()).id());
        Ast.With inner = assertInstanceOf(Ast.With.class, outer.body().get(0));
        assertNull(inner.target());
        assertEquals("b", ((Ast.Name) inner.context()).id());
    }

    @Test
    void raiseDelAssertYield() throws PySyntaxError {
        Ast.Raise r = assertInstanceOf(Ast.Raise.class, parse("raise E(1) from c").get(0));
        assertInstanceOf(Ast.Call.class, r.exc());
        assertEquals("c", ((Ast.Name) r.cause()).id());
        assertNull(((Ast.Raise) parse("raise").get(0)).exc());
        Ast.Delete d = assertInstanceOf(Ast.Delete.class, parse("del a, b[1], c.d").get(0));
        assertEquals(3, d.targets().size());
        Ast.Assert a = assertInstanceOf(Ast.Assert.class, parse("assert x, 'm'").get(0));
        assertEquals("m", ((Ast.StrLiteral) a.msg()).value());
        Ast.FunctionDef f = (Ast.FunctionDef) parse("def g():\n    x = yield 1\n    yield\n").get(0);
        assertInstanceOf(Ast.Yield.class, ((Ast.Assign) f.body().get(0)).value());
        assertNull(((Ast.Yield) ((Ast.ExprStmt) f.body().get(1)).value()).value());
        Ast.FunctionDef h = (Ast.FunctionDef) parse("def h():\n    x = yield from g()\n").get(0);
        Ast.Yield from = assertInstanceOf(Ast.Yield.class, ((Ast.Assign) h.body().get(0)).value());
        assertTrue(from.isFrom());
        assertInstanceOf(Ast.Call.class, from.value());
    }

    @Test
    void errorsAsCPython() {
        assertEquals("expected 'except' or 'finally' block", error("try:\n    pass\nx = 1\n").getMessage());
        assertEquals("default 'except:' must be last", error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n").getMessage());
        assertEquals("multiple exception types must be parenthesized", error("try:\n    pass\nexcept A, B:\n    pass\n").getMessage());
        assertEquals("cannot delete function call", error("del f()").getMessage());
        assertEquals("cannot have both 'except' and 'except*' on the same 'try'",
                error("try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n").getMessage());
    }
}
