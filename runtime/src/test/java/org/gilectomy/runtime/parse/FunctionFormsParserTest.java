package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees for parameters, lambdas, comprehensions, starred forms and f-strings. */
class FunctionFormsParserTest {
    private static Ast.Expr expression(String source) throws PySyntaxError {
        return ((Ast.ExprStmt) Parser.parse(source, "f.py").body().get(0)).value();
    }

    @Test
    void parametersOfEveryKind() throws PySyntaxError {
        Ast.FunctionDef d = (Ast.FunctionDef) Parser.parse("def f(a, b=1, *args, c, d=2, **kw): pass", "f.py").body().get(0);
        Ast.Parameters p = d.parameters();
        assertEquals(List.of("a", "b"), p.positional());
        assertEquals(1, p.defaults().size());
        assertEquals("args", p.varargs());
        assertEquals(List.of("c", "d"), p.kwonly());
        assertNull(p.kwDefaults().get(0));
        assertInstanceOf(Ast.IntLiteral.class, p.kwDefaults().get(1));
        assertEquals("kw", p.kwargs());
        assertEquals(List.of("a", "b", "c", "d", "args", "kw"), p.slotOrder());
    }

    @Test
    void bareStarMakesKeywordOnlyParameters() throws PySyntaxError {
        Ast.Lambda l = (Ast.Lambda) expression("lambda x, *, y=3: x + y");
        assertEquals(List.of("x"), l.parameters().positional());
        assertNull(l.parameters().varargs());
        assertEquals(List.of("y"), l.parameters().kwonly());
        assertInstanceOf(Ast.BinOp.class, l.body());
        assertEquals(1, l.line());
        assertEquals(0, l.col());
    }

    @Test
    void comprehensionsKeepTheirClausesInOrder() throws PySyntaxError {
        Ast.ComprehensionExpr c = (Ast.ComprehensionExpr) expression("[x * y for x in a if x for y in b if y if x < y]");
        assertEquals(Ast.ComprehensionKind.LIST, c.kind());
        assertEquals(2, c.generators().size());
        assertEquals(1, c.generators().get(0).ifs().size());
        assertEquals(2, c.generators().get(1).ifs().size());
        Ast.ComprehensionExpr d = (Ast.ComprehensionExpr) expression("{k: v for k, v in items}");
        assertEquals(Ast.ComprehensionKind.DICT, d.kind());
        assertInstanceOf(Ast.TupleExpr.class, d.generators().get(0).target());
        assertEquals(Ast.ComprehensionKind.SET, ((Ast.ComprehensionExpr) expression("{x for x in s}")).kind());
        assertInstanceOf(Ast.SetExpr.class, expression("{1, 2}"));
    }

    @Test
    void starredFormsInCallsDisplaysAndTargets() throws PySyntaxError {
        Ast.Call call = (Ast.Call) expression("f(a, *b, k=1, **m)");
        assertInstanceOf(Ast.Starred.class, call.args().get(1));
        assertEquals("k", call.keywords().get(0).name());
        assertNull(call.keywords().get(1).name());
        Ast.DictExpr dict = (Ast.DictExpr) expression("{**a, 'k': 1}");
        assertNull(dict.keys().get(0));
        Ast.Assign assign = (Ast.Assign) Parser.parse("a, *b = c", "f.py").body().get(0);
        assertInstanceOf(Ast.Starred.class, ((Ast.TupleExpr) assign.targets().get(0)).elts().get(1));
    }

    @Test
    void fStringsSplitIntoLiteralsAndFields() throws PySyntaxError {
        Ast.JoinedStr j = (Ast.JoinedStr) expression("f'a{{b}}{x!r:>{w}}c' 'd'");
        assertEquals(3, j.values().size());
        assertEquals("a{b}", ((Ast.StrLiteral) j.values().get(0)).value());
        Ast.FormattedValue field = (Ast.FormattedValue) j.values().get(1);
        assertEquals('r', field.conversion());
        assertEquals(Arrays.asList(">"), ((Ast.JoinedStr) field.formatSpec()).values().stream()
                .filter(v -> v instanceof Ast.StrLiteral).map(v -> ((Ast.StrLiteral) v).value()).toList());
        assertEquals("cd", ((Ast.StrLiteral) j.values().get(2)).value());
        Ast.JoinedStr debug = (Ast.JoinedStr) expression("f'{n = }'");
        assertEquals("n = ", ((Ast.StrLiteral) debug.values().get(0)).value());
        assertEquals('r', ((Ast.FormattedValue) debug.values().get(1)).conversion());
    }

    @Test
    void fStringExpressionsCarryTheirSourceLine() throws PySyntaxError {
        Ast.JoinedStr j = (Ast.JoinedStr) expression("f'''first\n{value}'''");
        assertEquals(2, ((Ast.FormattedValue) j.values().get(1)).value().line());
    }
}
