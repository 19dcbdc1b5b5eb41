package org.gilectomy.runtime.parse;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which expressions of the current statement were written in parentheses, and the questions
 * CPython's error rules ask about the shape of the source that depend on it. The tree alone can't
 * tell {@code (a < b)} from {@code a < b}, and the difference decides, e.g., whether
 * {@code x = (a < b) = c} reads as a mistyped comparison.
 */
final class Parentheses {
    private Set<Ast.Expr> parenthesized = newIdentitySet();

    void add(Ast.Expr e) {
        parenthesized.add(e);
    }

    boolean contains(Ast.Expr e) {
        return parenthesized.contains(e);
    }

    /** Forgets the previous statement's expressions. */
    void reset() {
        if (!parenthesized.isEmpty()) {
            parenthesized = newIdentitySet(); // clear() would cost the largest capacity ever reached
        }
    }

    /**
     * Whether {@code e} is written as an operand of comparisons (CPython's bitwise_or), i.e. not
     * an unparenthesized comparison, not, and/or, conditional or tuple.
     */
    boolean isOperand(Ast.Expr e) {
        if (parenthesized.contains(e)) {
            return true;
        }
        return !(e instanceof Ast.Compare || e instanceof Ast.BoolOp || e instanceof Ast.IfExp || e instanceof Ast.TupleExpr
                || (e instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOpKind.NOT));
    }

    /** Whether the source of {@code e} begins with an operand (rather than with {@code not}). */
    boolean startsWithOperand(Ast.Expr e) {
        while (!isOperand(e)) {
            if (e instanceof Ast.BoolOp b) {
                e = b.values().get(0);
            } else if (e instanceof Ast.IfExp c) {
                e = c.body();
            } else if (e instanceof Ast.TupleExpr t && !t.elts().isEmpty()) {
                e = t.elts().get(0);
            } else {
                return e instanceof Ast.Compare;
            }
        }
        return true;
    }

    /** Whether the source of {@code e} begins with a list or tuple display, a generator expression or True/False/None (not '...', as CPython's rule). */
    boolean startsWithDisplayOrConstant(Ast.Expr e) {
        while (!parenthesized.contains(e)) {
            if (e instanceof Ast.Attribute a) {
                e = a.value();
            } else if (e instanceof Ast.Subscript s) {
                e = s.value();
            } else if (e instanceof Ast.Call c) {
                e = c.func();
            } else if (e instanceof Ast.BinOp b) {
                e = b.left();
            } else {
                break;
            }
        }
        return e instanceof Ast.ListExpr || e instanceof Ast.TupleExpr
                || e instanceof Ast.NamedConstant k && k.kind() != Ast.ConstantKind.ELLIPSIS
                || e instanceof Ast.ComprehensionExpr c && c.kind() == Ast.ComprehensionKind.GENERATOR;
    }

    private static Set<Ast.Expr> newIdentitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
