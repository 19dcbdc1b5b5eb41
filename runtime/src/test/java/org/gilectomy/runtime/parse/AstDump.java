package org.gilectomy.runtime.parse;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact, position-carrying rendering of trees for tests: {@code (Kind line:col fields...)}.
 * Floats are printed exactly (so the format doesn't depend on Java's double printing), strings
 * with every character outside printable ASCII escaped as a UTF-16 {@code \\uXXXX}.
 */
final class AstDump {
    private AstDump() {
    }

    static String dump(Ast.Module m) {
        return list(m.body());
    }

    private static String list(List<? extends Ast.Node> nodes) {
        return nodes.stream().map(AstDump::dump).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String names(List<String> names) {
        return names.stream().map(n -> n == null ? "-" : n).collect(Collectors.joining(" ", "[", "]"));
    }

    /** " @[d1 d2]" for a decorated def or class, nothing for an undecorated one. */
    private static String decorators(List<Ast.Expr> decorators) {
        return decorators.isEmpty() ? "" : " @" + list(decorators);
    }

    static String dump(Ast.Node n) {
        if (n == null) {
            return "-";
        }
        String head = "(" + n.getClass().getSimpleName() + " " + n.line() + ":" + n.col();
        return head + body(n) + ")";
    }

    private static String body(Ast.Node n) {
        if (n instanceof Ast.FunctionDef f) {
            return decorators(f.decorators()) + " " + f.name() + " " + names(f.params()) + " " + list(f.body());
        } else if (n instanceof Ast.Return r) {
            return " " + dump(r.value());
        } else if (n instanceof Ast.If s) {
            return " " + dump(s.test()) + " " + list(s.body()) + " " + list(s.orelse());
        } else if (n instanceof Ast.While s) {
            return " " + dump(s.test()) + " " + list(s.body()) + " " + list(s.orelse());
        } else if (n instanceof Ast.For s) {
            return " " + dump(s.target()) + " " + dump(s.iter()) + " " + list(s.body()) + " " + list(s.orelse());
        } else if (n instanceof Ast.Assign s) {
            return " " + list(s.targets()) + " " + dump(s.value());
        } else if (n instanceof Ast.AugAssign s) {
            return " " + dump(s.target()) + " " + s.op() + " " + dump(s.value());
        } else if (n instanceof Ast.ExprStmt s) {
            return " " + dump(s.value());
        } else if (n instanceof Ast.Global s) {
            return " " + names(s.names());
        } else if (n instanceof Ast.Import s) {
            return " " + names(s.names()) + " " + names(s.asNames());
        } else if (n instanceof Ast.ImportFrom s) {
            return " " + s.module() + " " + names(s.names()) + " " + names(s.asNames());
        } else if (n instanceof Ast.Name e) {
            return " " + e.id();
        } else if (n instanceof Ast.IntLiteral e) {
            return " " + e.value();
        } else if (n instanceof Ast.FloatLiteral e) {
            return " " + exact(e.value());
        } else if (n instanceof Ast.StrLiteral e) {
            return " \"" + escape(e.value()) + "\"";
        } else if (n instanceof Ast.NamedConstant e) {
            return " " + e.kind();
        } else if (n instanceof Ast.BinOp e) {
            return " " + e.op() + " " + dump(e.left()) + " " + dump(e.right());
        } else if (n instanceof Ast.UnaryOp e) {
            return " " + e.op() + " " + dump(e.operand());
        } else if (n instanceof Ast.BoolOp e) {
            return " " + (e.isAnd() ? "AND" : "OR") + " " + list(e.values());
        } else if (n instanceof Ast.Compare e) {
            return " " + dump(e.left()) + " " + e.ops().stream().map(Object::toString).collect(Collectors.joining(" ", "[", "]"))
                    + " " + list(e.comparators());
        } else if (n instanceof Ast.Call e) {
            return " " + dump(e.func()) + " " + list(e.args()) + " "
                    + e.keywords().stream().map(k -> k.name() + "=" + dump(k.value())).collect(Collectors.joining(" ", "[", "]"));
        } else if (n instanceof Ast.Attribute e) {
            return " " + dump(e.value()) + " " + e.attr();
        } else if (n instanceof Ast.Subscript e) {
            return " " + dump(e.value()) + " " + dump(e.index());
        } else if (n instanceof Ast.Slice e) {
            return " " + dump(e.lower()) + " " + dump(e.upper()) + " " + dump(e.step());
        } else if (n instanceof Ast.ListExpr e) {
            return " " + list(e.elts());
        } else if (n instanceof Ast.TupleExpr e) {
            return " " + list(e.elts());
        } else if (n instanceof Ast.DictExpr e) {
            return " " + list(e.keys()) + " " + list(e.values());
        } else if (n instanceof Ast.IfExp e) {
            return " " + dump(e.test()) + " " + dump(e.body()) + " " + dump(e.orelse());
        }
        return ""; // Pass, Break, Continue
    }

    private static String exact(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(d).toPlainString();
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
