package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statements that start with an expression: expression statements, assignments, augmented
 * assignments, and the diagnosis of invalid ones (CPython's invalid_assignment rules).
 */
final class AssignmentParser {
    private static final Map<String, Ast.BinOpKind> AUGMENTED_ASSIGNMENTS = Map.ofEntries(
            Map.entry("+=", Ast.BinOpKind.ADD), Map.entry("-=", Ast.BinOpKind.SUB),
            Map.entry("*=", Ast.BinOpKind.MUL), Map.entry("/=", Ast.BinOpKind.TRUEDIV),
            Map.entry("//=", Ast.BinOpKind.FLOORDIV), Map.entry("%=", Ast.BinOpKind.MOD),
            Map.entry("**=", Ast.BinOpKind.POW), Map.entry("<<=", Ast.BinOpKind.LSHIFT),
            Map.entry(">>=", Ast.BinOpKind.RSHIFT), Map.entry("&=", Ast.BinOpKind.BITAND),
            Map.entry("|=", Ast.BinOpKind.BITOR), Map.entry("^=", Ast.BinOpKind.BITXOR),
            Map.entry("@=", Ast.BinOpKind.MATMUL));

    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private final Diagnosis diag;

    AssignmentParser(ParserState st, ExprParser expr) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = expr;
        this.diag = this.expr.diagnosis();
    }

    Ast.Stmt expressionStatement() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Expr first = expr.starExpressions();
        Token t = ts.peek();
        if (t.isOp("=")) {
            return assignment(start, first);
        }
        Ast.BinOpKind op = t.kind() == TokenKind.OP ? AUGMENTED_ASSIGNMENTS.get(t.text()) : null;
        if (op != null) {
            ts.next();
            Ast.Expr value = expr.starExpressions();
            if (!Targets.isSingleTarget(first)) {
                throw st.syntaxError("'" + Targets.describe(first) + "' is an illegal expression for augmented assignment", first);
            }
            Targets.rejectDebug(st, first);
            return new Ast.AugAssign(first, op, value, start.line(), start.col());
        }
        if (t.isOp(":")) {
            return annotation(start, first);
        }
        if (t.isOp(":=")) {
            if (first instanceof Ast.Name && !expr.parentheses().contains(first)) {
                throw diag.invalidSyntax(); // valid only in parentheses
            }
            expr.walrus(first); // CPython's error for a non-name target
            throw diag.invalidSyntax();
        }
        if (first instanceof Ast.TupleExpr && !expr.parentheses().contains(first) && t.startsExpression()) {
            diagnoseTupleContinuation();
        }
        return new Ast.ExprStmt(first, start.line(), start.col());
    }

    /** {@code t1 = t2 = value}; {@code first} (t1) has been parsed and '=' is next. */
    private Ast.Stmt assignment(Token start, Ast.Expr first) throws PySyntaxError {
        List<Ast.Expr> targets = new ArrayList<>();
        targets.add(first);
        Ast.Expr value;
        while (true) {
            ts.next(); // '='
            try {
                value = expr.starExpressions();
            } catch (PySyntaxError e) {
                // CPython blames an invalid target followed by '=' whatever comes after it.
                if (ParserState.isGeneric(e) && targets.stream().anyMatch(t -> Targets.firstInvalid(t) != null)) {
                    throw invalidAssignment(targets, null);
                }
                throw e;
            }
            if (!ts.peek().isOp("=")) {
                break;
            }
            targets.add(value);
        }
        for (Ast.Expr target : targets) {
            if (Targets.firstInvalid(target) != null) {
                throw invalidAssignment(targets, value);
            }
        }
        targets.forEach(target -> Targets.rejectDebug(st, target));
        return new Ast.Assign(targets, value, start.line(), start.col());
    }

    /**
     * After {@code a, b} another expression starts, so the statement is invalid. CPython's error
     * pass reads on through further lists ({@code star_named_expressions*} in its
     * invalid_assignment rule), reporting e.g. {@code c = d} inside them as a mistyped comparison.
     */
    private void diagnoseTupleContinuation() throws PySyntaxError {
        diag.speculate(() -> {
            while (ts.peek().startsExpression()) {
                expr.starNamedExpression();
                if (ts.peek().isOp(",")) {
                    ts.next();
                }
            }
            return null;
        });
    }

    /**
     * CPython's second-pass diagnosis of a bad assignment. Before blaming a target it tries to read
     * {@code t1 = e1} as a comparison mistyped with '=' (invalid_named_expression), which applies
     * when e1 (the expression after the first '=') begins with an operand whose end is not followed
     * by another '='.
     */
    private PySyntaxError invalidAssignment(List<Ast.Expr> targets, Ast.Expr value) {
        Ast.Expr t1 = targets.get(0);
        // In `a, b = ...` the element next to the '=' is the one read as a comparison.
        if (t1 instanceof Ast.TupleExpr t && !expr.parentheses().contains(t1) && !t.elts().isEmpty()) {
            t1 = t.elts().get(t.elts().size() - 1);
        }
        Ast.Expr e1 = targets.size() > 1 ? targets.get(1) : value; // null if it failed to parse
        boolean e1FollowedByAssign = targets.size() > 1;
        if (e1 != null && expr.parentheses().startsWithOperand(e1) && !(e1FollowedByAssign && expr.parentheses().isOperand(e1))) {
            PySyntaxError typo = diag.comparisonTypo(t1);
            if (typo != null) {
                return typo;
            }
        }
        Ast.Expr invalid = targets.stream().map(Targets::firstInvalid).filter(Objects::nonNull).findFirst().orElse(t1);
        return st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
    }

    /**
     * {@code target: annotation [= value]}, the current token being the ':': an AnnAssign when
     * valid, otherwise CPython's error.
     */
    private Ast.Stmt annotation(Token start, Ast.Expr target) throws PySyntaxError {
        if (Targets.isSingleTarget(target)) {
            // CPython parses these annotations in its first pass, so their errors are plain ones.
            ts.next();
            if (!ts.peek().startsExpression()) {
                throw diag.invalidSyntax();
            }
            Ast.Expr annotation = expr.expression();
            Ast.Expr value = null;
            if (ts.peek().isOp("=")) {
                ts.next();
                value = expr.starExpressions();
            }
            Targets.rejectDebug(st, target);
            boolean simple = target instanceof Ast.Name && !expr.parentheses().contains(target);
            return new Ast.AnnAssign(target, annotation, value, simple, start.line(), start.col());
        }
        throw invalidAnnotation(target);
    }

    private PySyntaxError invalidAnnotation(Ast.Expr target) throws PySyntaxError {
        // Other targets are only diagnosed if an annotation follows.
        if (diag.speculate(() -> {
            ts.next();
            return expr.expression();
        }) == null) {
            return diag.invalidSyntax();
        }
        if (target instanceof Ast.TupleExpr) {
            return st.syntaxError("only single target (not tuple) can be annotated", target);
        }
        if (target instanceof Ast.ListExpr) {
            return st.syntaxError("only single target (not list) can be annotated", target);
        }
        return st.syntaxError("illegal target for annotation", target);
    }
}
