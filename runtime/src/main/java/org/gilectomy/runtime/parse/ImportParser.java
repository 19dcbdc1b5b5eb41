package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;

/** The import statements. */
final class ImportParser {
    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private final Diagnosis diag;

    ImportParser(ParserState st, ExprParser expr) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = expr;
        this.diag = this.expr.diagnosis();
    }

    /** {@code import a.b [as c], ...}. */
    Ast.Stmt importStatement() throws PySyntaxError {
        Token t = ts.next();
        List<String> names = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                ts.next(); // ','
            }
            names.add(dottedName());
            asNames.add(asName());
        } while (ts.peek().isOp(","));
        return new Ast.Import(names, asNames, t.line(), t.col());
    }

    /** {@code from a.b import c [as d], ...}, {@code from .. import c}, {@code from m import *}, or with the names in parentheses. */
    Ast.Stmt fromImportStatement() throws PySyntaxError {
        Token t = ts.next();
        int level = 0;
        for (Token dot = ts.peek(); dot.isOp(".") || dot.isOp("..."); dot = ts.peek()) {
            level += dot.isOp(".") ? 1 : 3;
            ts.next();
        }
        String module = level > 0 && ts.peek().isKeyword("import") ? null : dottedName();
        if (!ts.peek().isKeyword("import")) {
            throw diag.invalidSyntax();
        }
        ts.next();
        Token star = ts.peek();
        if (star.isOp("*")) {
            ts.next();
            return new Ast.ImportFrom(module, java.util.List.of("*"), java.util.Collections.singletonList(null), level,
                    t.line(), t.col());
        }
        boolean parenthesized = star.isOp("(");
        if (parenthesized) {
            ts.next();
        }
        List<String> names = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        while (true) {
            names.add(expr.name());
            asNames.add(asName());
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
            if (parenthesized && ts.peek().isOp(")")) {
                break;
            }
            if (!parenthesized && ts.peek().kind() == TokenKind.NEWLINE) {
                throw st.syntaxError("trailing comma not allowed without surrounding parentheses", ts.peek());
            }
        }
        if (parenthesized) {
            if (!ts.peek().isOp(")")) {
                throw diag.invalidSyntax();
            }
            ts.next();
        }
        return new Ast.ImportFrom(module, names, asNames, level, t.line(), t.col());
    }

    private String dottedName() throws PySyntaxError {
        StringBuilder sb = new StringBuilder(expr.name());
        while (ts.peek().isOp(".")) {
            ts.next();
            sb.append('.').append(expr.name());
        }
        return sb.toString();
    }

    private String asName() throws PySyntaxError {
        if (!ts.peek().isKeyword("as")) {
            return null;
        }
        ts.next();
        return expr.name();
    }
}
