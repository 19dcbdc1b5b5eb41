package org.gilectomy.runtime.compile;

import java.util.List;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyStr;
import org.gilectomy.runtime.parse.Ast;

/**
 * Annotations as text, for {@code from __future__ import annotations} (PEP 563): the
 * expression written back as CPython's compiler writes it (its {@code ast_unparse.c}: minimal
 * parentheses by precedence, string constants by their repr, a subscript's tuple without
 * parentheses). An expression kind it has no rule for is refused (IllegalArgumentException,
 * turned into NotImplementedError by the compiler), never written wrongly.
 */
final class AnnotationText {
    private AnnotationText() {
    }

    // precedence levels, lowest first, as CPython's unparser numbers them
    private static final int TUPLE = 1;
    private static final int TEST = 3;
    private static final int OR = 4;
    private static final int AND = 5;
    private static final int NOT = 6;
    private static final int CMP = 7;
    private static final int BOR = 8;
    private static final int BXOR = 9;
    private static final int BAND = 10;
    private static final int SHIFT = 11;
    private static final int ARITH = 12;
    private static final int TERM = 13;
    private static final int FACTOR = 14;
    private static final int POWER = 15;
    private static final int ATOM = 17;

    /**
     * Whether a module or class body has an annotated assignment (of any target: CPython's
     * find_ann), looking into compound statements but not into defs or classes.
     */
    static boolean annotatesAName(List<Ast.Stmt> body) {
        for (Ast.Stmt s : body) {
            if (s instanceof Ast.AnnAssign) {
                return true;
            }
            if (s instanceof Ast.FunctionDef || s instanceof Ast.ClassDef) {
                continue;
            }
            if (s instanceof Record r && nestedAnnotates(r)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean nestedAnnotates(Record r) {
        for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Ast.Stmt && annotatesAName((List<Ast.Stmt>) l)) {
                return true;
            }
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Ast.ExceptHandler) {
                for (Object h : l) {
                    if (annotatesAName(((Ast.ExceptHandler) h).body())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The text of an annotation. */
    static String of(Ast.Expr e) {
        StringBuilder sb = new StringBuilder();
        write(sb, e, TEST);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Ast.Expr e, int level) {
        if (e instanceof Ast.Name n) {
            sb.append(n.id());
        } else if (e instanceof Ast.Attribute a) {
            write(sb, a.value(), ATOM);
            if (a.value() instanceof Ast.IntLiteral) {
                sb.append(' '); // "1 .real": a dot after an int would be read as a float's
            }
            sb.append('.').append(a.attr());
        } else if (e instanceof Ast.Subscript s) {
            write(sb, s.value(), ATOM);
            sb.append('[');
            if (s.index() instanceof Ast.TupleExpr t && !t.elts().isEmpty()) {
                items(sb, t.elts());
                if (t.elts().size() == 1) {
                    sb.append(',');
                }
            } else {
                write(sb, s.index(), TUPLE);
            }
            sb.append(']');
        } else if (e instanceof Ast.Slice s) {
            optional(sb, s.lower());
            sb.append(':');
            optional(sb, s.upper());
            if (s.step() != null) {
                sb.append(':');
                write(sb, s.step(), TEST);
            }
        } else if (e instanceof Ast.StrLiteral s) {
            sb.append(PyStr.repr(s.value()));
        } else if (e instanceof Ast.IntLiteral i) {
            sb.append(i.value());
        } else if (e instanceof Ast.FloatLiteral f) {
            sb.append(Double.isInfinite(f.value()) ? "1e309" : Ops.repr(PyFloat.of(f.value())));
        } else if (e instanceof Ast.ImagLiteral im) {
            sb.append(Double.isInfinite(im.value()) ? "1e309j" : new org.gilectomy.objects.PyComplex(0.0, im.value()).toString());
        } else if (e instanceof Ast.BytesLiteral by) {
            sb.append(org.gilectomy.objects.BytesLike.repr(by.value()));
        } else if (e instanceof Ast.NamedConstant c) {
            sb.append(switch (c.kind()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "...";
            });
        } else if (e instanceof Ast.TupleExpr t) {
            boolean parens = level > TUPLE || t.elts().isEmpty();
            sb.append(parens ? "(" : "");
            items(sb, t.elts());
            sb.append(t.elts().size() == 1 ? "," : "").append(parens ? ")" : "");
        } else if (e instanceof Ast.ListExpr l) {
            sb.append('[');
            items(sb, l.elts());
            sb.append(']');
        } else if (e instanceof Ast.BinOp b) {
            binOp(sb, b, level);
        } else if (e instanceof Ast.UnaryOp u) {
            int own = u.op() == Ast.UnaryOpKind.NOT ? NOT : FACTOR;
            open(sb, level > own);
            sb.append(switch (u.op()) {
                case NEG -> "-";
                case POS -> "+";
                case NOT -> "not ";
                case INVERT -> "~";
            });
            write(sb, u.operand(), own);
            close(sb, level > own);
        } else if (e instanceof Ast.BoolOp b) {
            int own = b.isAnd() ? AND : OR;
            open(sb, level > own);
            for (int i = 0; i < b.values().size(); i++) {
                sb.append(i > 0 ? (b.isAnd() ? " and " : " or ") : "");
                write(sb, b.values().get(i), own + 1);
            }
            close(sb, level > own);
        } else if (e instanceof Ast.Call c) {
            write(sb, c.func(), ATOM);
            sb.append('(');
            String sep = "";
            for (Ast.Expr arg : c.args()) {
                sb.append(sep);
                sep = ", ";
                write(sb, arg, TEST);
            }
            for (Ast.Keyword k : c.keywords()) {
                sb.append(sep).append(k.name() == null ? "**" : k.name() + "=");
                sep = ", ";
                write(sb, k.value(), TEST);
            }
            sb.append(')');
        } else if (e instanceof Ast.Starred s) {
            sb.append('*');
            write(sb, s.value(), BOR);
        } else {
            throw new IllegalArgumentException(e.getClass().getSimpleName());
        }
    }

    private static void optional(StringBuilder sb, Ast.Expr e) {
        if (e != null) {
            write(sb, e, TEST);
        }
    }

    private static void items(StringBuilder sb, List<Ast.Expr> items) {
        for (int i = 0; i < items.size(); i++) {
            sb.append(i > 0 ? ", " : "");
            write(sb, items.get(i), TEST);
        }
    }

    private static void binOp(StringBuilder sb, Ast.BinOp b, int level) {
        int own;
        String op;
        switch (b.op()) {
            case BITOR -> { own = BOR; op = " | "; }
            case BITXOR -> { own = BXOR; op = " ^ "; }
            case BITAND -> { own = BAND; op = " & "; }
            case LSHIFT -> { own = SHIFT; op = " << "; }
            case RSHIFT -> { own = SHIFT; op = " >> "; }
            case ADD -> { own = ARITH; op = " + "; }
            case SUB -> { own = ARITH; op = " - "; }
            case MUL -> { own = TERM; op = " * "; }
            case TRUEDIV -> { own = TERM; op = " / "; }
            case FLOORDIV -> { own = TERM; op = " // "; }
            case MOD -> { own = TERM; op = " % "; }
            default -> { own = POWER; op = " ** "; }
        }
        boolean rightAssociative = b.op() == Ast.BinOpKind.POW;
        open(sb, level > own);
        write(sb, b.left(), rightAssociative ? own + 1 : own);
        sb.append(op);
        write(sb, b.right(), rightAssociative ? own : own + 1);
        close(sb, level > own);
    }

    private static void open(StringBuilder sb, boolean parens) {
        if (parens) {
            sb.append('(');
        }
    }

    private static void close(StringBuilder sb, boolean parens) {
        if (parens) {
            sb.append(')');
        }
    }
}
