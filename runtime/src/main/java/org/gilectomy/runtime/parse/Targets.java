package org.gilectomy.runtime.parse;

/** Assignment-target rules and CPython's names for expression kinds in error messages. */
final class Targets {
    private Targets() {
    }

    /** A name, attribute or subscript: what augmented assignment and annotations accept. */
    static boolean isSingleTarget(Ast.Expr e) {
        return e instanceof Ast.Name || e instanceof Ast.Attribute || e instanceof Ast.Subscript;
    }

    /**
     * The first part of {@code e} that cannot be assigned to, or null if {@code e} is a valid
     * target (CPython's _PyPegen_get_invalid_target): tuples and lists are searched element by
     * element, anything else but a single target is itself the culprit.
     */
    static Ast.Expr firstInvalid(Ast.Expr e) {
        Iterable<Ast.Expr> elements;
        if (e instanceof Ast.TupleExpr t) {
            elements = t.elts();
        } else if (e instanceof Ast.ListExpr l) {
            elements = l.elts();
        } else if (e instanceof Ast.Starred s) {
            return firstInvalid(s.value());
        } else {
            return isSingleTarget(e) ? null : e;
        }
        for (Ast.Expr element : elements) {
            Ast.Expr invalid = firstInvalid(element);
            if (invalid != null) {
                return invalid;
            }
        }
        return null;
    }

    /** CPython's compiler refuses to bind {@code __debug__}; records that error if {@code target} does. */
    static void rejectDebug(ParserState st, Ast.Expr target) {
        Ast.Name debug = debugName(target);
        if (debug != null) {
            st.deferCompileError("cannot assign to __debug__", debug);
        }
    }

    /** The first name {@code __debug__} bound by a (valid) target, or null. */
    private static Ast.Name debugName(Ast.Expr e) {
        if (e instanceof Ast.Name n) {
            return n.id().equals("__debug__") ? n : null;
        }
        Iterable<Ast.Expr> elements = e instanceof Ast.TupleExpr t ? t.elts()
                : e instanceof Ast.ListExpr l ? l.elts() : java.util.List.of();
        for (Ast.Expr element : elements) {
            Ast.Name n = debugName(element);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** CPython's _PyPegen_get_expr_name. */
    static String describe(Ast.Expr e) {
        if (e instanceof Ast.Name) {
            return "name";
        } else if (e instanceof Ast.Attribute) {
            return "attribute";
        } else if (e instanceof Ast.Subscript) {
            return "subscript";
        } else if (e instanceof Ast.TupleExpr) {
            return "tuple";
        } else if (e instanceof Ast.ListExpr) {
            return "list";
        } else if (e instanceof Ast.DictExpr) {
            return "dict literal";
        } else if (e instanceof Ast.Call) {
            return "function call";
        } else if (e instanceof Ast.Starred) {
            return "starred";
        } else if (e instanceof Ast.Lambda) {
            return "lambda";
        } else if (e instanceof Ast.ComprehensionExpr c) {
            return c.kind().description;
        } else if (e instanceof Ast.SetExpr) {
            return "set display";
        } else if (e instanceof Ast.JoinedStr) {
            return "f-string expression";
        } else if (e instanceof Ast.Compare) {
            return "comparison";
        } else if (e instanceof Ast.IfExp) {
            return "conditional expression";
        } else if (e instanceof Ast.NamedConstant c) {
            return switch (c.kind()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "ellipsis";
            };
        } else if (e instanceof Ast.IntLiteral || e instanceof Ast.FloatLiteral || e instanceof Ast.ImagLiteral || e instanceof Ast.StrLiteral
                || e instanceof Ast.BytesLiteral) {
            return "literal";
        } else {
            return "expression"; // BinOp, UnaryOp, BoolOp, Slice
        }
    }
}
