package org.gilectomy.runtime.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Rejects trees nested deeper than CPython 3.11 can compile. The parser itself builds long
 * chains ({@code -------x}, {@code a+a+...+a}, elif ladders) without recursion, but CPython's
 * compiler fails on them with a RecursionError at roughly 3000 levels, and so would any recursive
 * pass over our tree; reporting it here keeps later passes safe.
 */
final class NestingLimit {
    static final int MAX_DEPTH = 3000;

    private record Pending(Ast.Node node, int depth) {
    }

    private NestingLimit() {
    }

    static void check(Ast.Module module, SourceText src) throws PySyntaxError {
        Deque<Pending> stack = new ArrayDeque<>();
        pushAll(stack, module.body(), 1);
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            if (p.depth() > MAX_DEPTH) {
                throw src.error("RecursionError", "maximum recursion depth exceeded during compilation", p.node().line(), 0);
            }
            pushChildren(stack, p.node(), p.depth() + 1);
        }
    }

    private static void pushChildren(Deque<Pending> stack, Ast.Node node, int depth) {
        if (node instanceof Ast.FunctionDef f) {
            pushAll(stack, f.decorators(), depth);
            pushAll(stack, f.body(), depth);
            pushAll(stack, f.parameters().defaults(), depth);
        } else if (node instanceof Ast.Return r) {
            push(stack, r.value(), depth);
        } else if (node instanceof Ast.If s) {
            push(stack, s.test(), depth);
            pushAll(stack, s.body(), depth);
            pushAll(stack, s.orelse(), depth);
        } else if (node instanceof Ast.While s) {
            push(stack, s.test(), depth);
            pushAll(stack, s.body(), depth);
            pushAll(stack, s.orelse(), depth);
        } else if (node instanceof Ast.For s) {
            push(stack, s.target(), depth);
            push(stack, s.iter(), depth);
            pushAll(stack, s.body(), depth);
            pushAll(stack, s.orelse(), depth);
        } else if (node instanceof Ast.Assign s) {
            pushAll(stack, s.targets(), depth);
            push(stack, s.value(), depth);
        } else if (node instanceof Ast.AugAssign s) {
            push(stack, s.target(), depth);
            push(stack, s.value(), depth);
        } else if (node instanceof Ast.ExprStmt s) {
            push(stack, s.value(), depth);
        } else if (node instanceof Ast.BinOp e) {
            push(stack, e.left(), depth);
            push(stack, e.right(), depth);
        } else if (node instanceof Ast.UnaryOp e) {
            push(stack, e.operand(), depth);
        } else if (node instanceof Ast.BoolOp e) {
            pushAll(stack, e.values(), depth);
        } else if (node instanceof Ast.Compare e) {
            push(stack, e.left(), depth);
            pushAll(stack, e.comparators(), depth);
        } else if (node instanceof Ast.Call e) {
            push(stack, e.func(), depth);
            pushAll(stack, e.args(), depth);
            e.keywords().forEach(k -> push(stack, k.value(), depth));
        } else if (node instanceof Ast.Attribute e) {
            push(stack, e.value(), depth);
        } else if (node instanceof Ast.Subscript e) {
            push(stack, e.value(), depth);
            push(stack, e.index(), depth);
        } else if (node instanceof Ast.Slice e) {
            push(stack, e.lower(), depth);
            push(stack, e.upper(), depth);
            push(stack, e.step(), depth);
        } else if (node instanceof Ast.ListExpr e) {
            pushAll(stack, e.elts(), depth);
        } else if (node instanceof Ast.TupleExpr e) {
            pushAll(stack, e.elts(), depth);
        } else if (node instanceof Ast.DictExpr e) {
            pushAll(stack, e.keys(), depth);
            pushAll(stack, e.values(), depth);
        } else if (node instanceof Ast.IfExp e) {
            push(stack, e.test(), depth);
            push(stack, e.body(), depth);
            push(stack, e.orelse(), depth);
        } else if (node instanceof Ast.Lambda e) {
            push(stack, e.body(), depth);
            pushAll(stack, e.parameters().defaults(), depth);
        } else if (node instanceof Ast.ComprehensionExpr e) {
            push(stack, e.elt(), depth);
            push(stack, e.value(), depth);
            for (Ast.Comprehension c : e.generators()) {
                push(stack, c.target(), depth);
                push(stack, c.iter(), depth);
                pushAll(stack, c.ifs(), depth);
            }
        } else if (node instanceof Ast.Starred e) {
            push(stack, e.value(), depth);
        } else if (node instanceof Ast.SetExpr e) {
            pushAll(stack, e.elts(), depth);
        } else if (node instanceof Ast.JoinedStr e) {
            pushAll(stack, e.values(), depth);
        } else if (node instanceof Ast.FormattedValue e) {
            push(stack, e.value(), depth);
            push(stack, e.formatSpec(), depth);
        }
        if (node instanceof Ast.ClassDef c) {
            pushAll(stack, c.decorators(), depth);
            pushAll(stack, c.bases(), depth);
            pushAll(stack, c.body(), depth);
        } else if (node instanceof Ast.Try t) {
            pushAll(stack, t.body(), depth);
            for (Ast.ExceptHandler h : t.handlers()) {
                push(stack, h.type(), depth);
                pushAll(stack, h.body(), depth);
            }
            pushAll(stack, t.orelse(), depth);
            pushAll(stack, t.finalbody(), depth);
        } else if (node instanceof Ast.Raise r) {
            push(stack, r.exc(), depth);
            push(stack, r.cause(), depth);
        } else if (node instanceof Ast.With w) {
            push(stack, w.context(), depth);
            push(stack, w.target(), depth);
            pushAll(stack, w.body(), depth);
        } else if (node instanceof Ast.Delete d) {
            pushAll(stack, d.targets(), depth);
        } else if (node instanceof Ast.Assert a) {
            push(stack, a.test(), depth);
            push(stack, a.msg(), depth);
        } else if (node instanceof Ast.Yield y) {
            push(stack, y.value(), depth);
        } else if (node instanceof Ast.Await a) {
            push(stack, a.value(), depth);
        }
        // Leaves: Name, literals, NamedConstant, Pass, Break, Continue, Global, Import, ImportFrom.
    }

    private static void pushAll(Deque<Pending> stack, List<? extends Ast.Node> nodes, int depth) {
        for (Ast.Node n : nodes) {
            push(stack, n, depth);
        }
    }

    private static void push(Deque<Pending> stack, Ast.Node node, int depth) {
        if (node != null) {
            stack.push(new Pending(node, depth));
        }
    }
}
