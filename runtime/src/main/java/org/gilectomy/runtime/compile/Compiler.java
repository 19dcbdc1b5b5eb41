package org.gilectomy.runtime.compile;

import static org.gilectomy.runtime.compile.Opcode.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.runtime.parse.Ast;
import org.gilectomy.runtime.parse.Parser;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Compiles a module's AST to code objects, one per function plus the module's own.
 * Function locals live in fast slots; module-level names and names a function does not bind
 * are globals (looked up in the module dict, then the builtins).
 */
public final class Compiler {
    private final String filename;
    private final SourceLines source;
    private final CodeBuilder b;
    private final Scope scope;          // null at module level
    private final Set<String> enclosing; // locals of enclosing functions (closures are not supported)
    private final Deque<Loop> loops = new ArrayDeque<>();

    private record Loop(CodeBuilder.Label continueTarget, CodeBuilder.Label breakTarget, boolean popsIterator) {
    }

    private Compiler(String filename, SourceLines source, Scope scope, Set<String> enclosing) {
        this.filename = filename;
        this.source = source;
        this.b = new CodeBuilder();
        this.scope = scope;
        this.enclosing = enclosing;
    }

    /** Parses and compiles a whole file into its module code object. */
    public static PyCode compileModule(String text, String filename) throws PySyntaxError {
        Ast.Module m = Parser.parse(text, filename);
        Compiler c = new Compiler(filename, new SourceLines(text), null, Set.of());
        for (Ast.Stmt s : m.body()) {
            c.stmt(s);
        }
        c.b.emit(LOAD_CONST, c.b.constant("None", PyNone.NONE), 1);
        c.b.emit(RETURN_VALUE, 0, -1);
        return c.b.build("<module>", filename, 1, 0, true);
    }

    private PySyntaxError error(String type, String message, Ast.Node at) {
        return new PySyntaxError(type, message, filename, at.line(), at.col() + 1, source.line(at.line()));
    }

    private PySyntaxError unsupported(String feature, Ast.Node at) {
        return error("NotImplementedError", feature + " is not supported by this runtime", at);
    }

    // ------------------------------------------------------------------ statements

    private void body(List<Ast.Stmt> stmts) throws PySyntaxError {
        for (Ast.Stmt s : stmts) {
            stmt(s);
        }
    }

    private void stmt(Ast.Stmt s) throws PySyntaxError {
        b.setLine(s.line());
        if (s instanceof Ast.ExprStmt e) {
            expr(e.value());
            b.emit(POP_TOP, 0, -1);
        } else if (s instanceof Ast.Assign a) {
            expr(a.value());
            for (int i = 0; i < a.targets().size(); i++) {
                if (i < a.targets().size() - 1) {
                    b.emit(DUP_TOP, 0, 1);
                }
                store(a.targets().get(i));
            }
        } else if (s instanceof Ast.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Ast.If i) {
            CodeBuilder.Label orelse = new CodeBuilder.Label();
            CodeBuilder.Label end = new CodeBuilder.Label();
            expr(i.test());
            b.emitJump(POP_JUMP_IF_FALSE, orelse, -1);
            body(i.body());
            if (!i.orelse().isEmpty()) {
                b.emitJump(JUMP, end, 0);
            }
            b.bind(orelse);
            body(i.orelse());
            b.bind(end);
        } else if (s instanceof Ast.While w) {
            whileLoop(w);
        } else if (s instanceof Ast.For f) {
            forLoop(f);
        } else if (s instanceof Ast.Break br) {
            Loop l = loops.peek();
            if (l == null) {
                throw error("SyntaxError", "'break' outside loop", br);
            }
            if (l.popsIterator) {
                b.emit(POP_TOP, 0, -1);
                b.adjustDepth(1); // the fall-through path still has the iterator
            }
            b.emitJump(JUMP, l.breakTarget, 0);
        } else if (s instanceof Ast.Continue c) {
            Loop l = loops.peek();
            if (l == null) {
                throw error("SyntaxError", "'continue' not properly in loop", c);
            }
            b.emitJump(JUMP_BACKWARD, l.continueTarget, 0);
        } else if (s instanceof Ast.Return r) {
            if (scope == null) {
                throw error("SyntaxError", "'return' outside function", r);
            }
            if (r.value() == null) {
                loadNone();
            } else {
                expr(r.value());
            }
            b.emit(RETURN_VALUE, 0, -1);
        } else if (s instanceof Ast.FunctionDef d) {
            functionDef(d);
        } else if (s instanceof Ast.Global || s instanceof Ast.Pass) {
            // Global was resolved by Scope; pass does nothing.
        } else if (s instanceof Ast.Import im) {
            for (int k = 0; k < im.names().size(); k++) {
                String name = im.names().get(k);
                if (name.contains(".")) {
                    throw unsupported("importing a dotted module name", im);
                }
                b.emit(IMPORT_NAME, b.name(name), 1);
                String as = im.asNames().get(k);
                storeName(as != null ? as : name);
            }
        } else if (s instanceof Ast.ImportFrom im) {
            b.emit(IMPORT_NAME, b.name(im.module()), 1);
            for (int k = 0; k < im.names().size(); k++) {
                String name = im.names().get(k);
                if (name.equals("*")) {
                    throw unsupported("'from ... import *'", im);
                }
                b.emit(IMPORT_FROM, b.name(name), 1);
                String as = im.asNames().get(k);
                storeName(as != null ? as : name);
            }
            b.emit(POP_TOP, 0, -1);
        } else {
            throw unsupported(s.getClass().getSimpleName() + " statement", s);
        }
    }

    private void whileLoop(Ast.While w) throws PySyntaxError {
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label orelse = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        b.bind(top);
        expr(w.test());
        b.emitJump(POP_JUMP_IF_FALSE, orelse, -1);
        loops.push(new Loop(top, end, false));
        body(w.body());
        loops.pop();
        b.emitJump(JUMP_BACKWARD, top, 0);
        b.bind(orelse);
        body(w.orelse());
        b.bind(end);
    }

    private void forLoop(Ast.For f) throws PySyntaxError {
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label exhausted = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        expr(f.iter());
        b.emit(GET_ITER, 0, 0);
        b.bind(top);
        b.emitJump(FOR_ITER, exhausted, 1);
        store(f.target());
        loops.push(new Loop(top, end, true));
        body(f.body());
        loops.pop();
        b.emitJump(JUMP_BACKWARD, top, 0);
        b.bind(exhausted);
        b.adjustDepth(-1); // FOR_ITER popped the iterator on this path
        body(f.orelse());
        b.bind(end);
    }

    private void augAssign(Ast.AugAssign a) throws PySyntaxError {
        int op = binaryOp(a.op()).ordinal();
        Ast.Expr t = a.target();
        if (t instanceof Ast.Name n) {
            loadName(n);
            expr(a.value());
            b.emit(BINARY, op, -1);
            storeName(n.id());
        } else if (t instanceof Ast.Subscript sub) {
            expr(sub.value());
            index(sub.index());
            b.emit(DUP_TOP_TWO, 0, 2);
            b.emit(BINARY_SUBSCR, 0, -1);
            expr(a.value());
            b.emit(BINARY, op, -1);
            b.emit(ROT_THREE, 0, 0);
            b.emit(STORE_SUBSCR, 0, -3);
        } else if (t instanceof Ast.Attribute at) {
            expr(at.value());
            b.emit(DUP_TOP, 0, 1);
            b.emit(LOAD_ATTR, b.name(at.attr()), 0);
            expr(a.value());
            b.emit(BINARY, op, -1);
            b.emit(ROT_TWO, 0, 0);
            b.emit(STORE_ATTR, b.name(at.attr()), -2);
        } else {
            throw error("SyntaxError", "'" + describe(t) + "' is an illegal expression for augmented assignment", t);
        }
    }

    private void functionDef(Ast.FunctionDef d) throws PySyntaxError {
        Scope inner = Scope.ofFunction(d, filename, source);
        Set<String> outer = scope == null ? Set.of() : union(enclosing, scope.locals);
        Compiler c = new Compiler(filename, source, inner, outer);
        for (String p : d.params()) {
            c.b.local(p); // parameters take the first slots, in order
        }
        for (String l : inner.locals) {
            c.b.local(l);
        }
        c.b.setLine(d.line());
        c.body(d.body());
        c.loadNone();
        c.b.emit(RETURN_VALUE, 0, -1);
        PyCode code = c.b.build(d.name(), filename, d.line(), d.params().size(), false);
        b.setLine(d.line());
        b.emit(MAKE_FUNCTION, b.constant(code, code), 1);
        storeName(d.name());
    }

    private static Set<String> union(Set<String> a, Set<String> c) {
        java.util.HashSet<String> r = new java.util.HashSet<>(a);
        r.addAll(c);
        return r;
    }

    // ------------------------------------------------------------------ names and targets

    private boolean isFast(String name) {
        return scope != null && scope.locals.contains(name);
    }

    private void loadName(Ast.Name n) throws PySyntaxError {
        if (isFast(n.id())) {
            b.emit(LOAD_FAST, b.local(n.id()), 1);
            return;
        }
        if (scope != null && !scope.globals.contains(n.id()) && enclosing.contains(n.id())) {
            throw unsupported("reading variable '" + n.id() + "' of an enclosing function (closures)", n);
        }
        b.emit(LOAD_GLOBAL, b.name(n.id()), 1);
    }

    private void storeName(String name) {
        if (isFast(name)) {
            b.emit(STORE_FAST, b.local(name), -1);
        } else {
            b.emit(STORE_GLOBAL, b.name(name), -1);
        }
    }

    private void store(Ast.Expr t) throws PySyntaxError {
        b.setLine(t.line());
        if (t instanceof Ast.Name n) {
            storeName(n.id());
        } else if (t instanceof Ast.Subscript s) {
            expr(s.value());
            index(s.index());
            b.emit(STORE_SUBSCR, 0, -3);
        } else if (t instanceof Ast.Attribute a) {
            expr(a.value());
            b.emit(STORE_ATTR, b.name(a.attr()), -2);
        } else if (t instanceof Ast.TupleExpr || t instanceof Ast.ListExpr) {
            List<Ast.Expr> elts = t instanceof Ast.TupleExpr tu ? tu.elts() : ((Ast.ListExpr) t).elts();
            b.emit(UNPACK_SEQUENCE, elts.size(), elts.size() - 1);
            for (Ast.Expr e : elts) {
                store(e);
            }
        } else {
            throw error("SyntaxError", "cannot assign to " + describe(t), t);
        }
    }

    private static String describe(Ast.Expr e) {
        if (e instanceof Ast.Call) {
            return "function call";
        }
        if (e instanceof Ast.IntLiteral || e instanceof Ast.FloatLiteral || e instanceof Ast.StrLiteral) {
            return "literal";
        }
        if (e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            return "expression";
        }
        if (e instanceof Ast.Compare) {
            return "comparison";
        }
        if (e instanceof Ast.NamedConstant c) {
            return c.kind() == Ast.ConstantKind.NONE ? "None" : c.kind() == Ast.ConstantKind.TRUE ? "True" : "False";
        }
        return "expression";
    }

    // ------------------------------------------------------------------ expressions

    private void loadNone() {
        b.emit(LOAD_CONST, b.constant("None", PyNone.NONE), 1);
    }

    private void expr(Ast.Expr e) throws PySyntaxError {
        b.setLine(e.line());
        if (e instanceof Ast.Name n) {
            loadName(n);
        } else if (e instanceof Ast.IntLiteral i) {
            b.emit(LOAD_CONST, b.constant(i.value(), PyInt.of(i.value())), 1);
        } else if (e instanceof Ast.FloatLiteral f) {
            b.emit(LOAD_CONST, b.constant(Double.doubleToRawLongBits(f.value()) + "f", PyFloat.of(f.value())), 1);
        } else if (e instanceof Ast.StrLiteral s) {
            b.emit(LOAD_CONST, b.constant("s" + s.value(), PyStr.internBorrowed(s.value())), 1);
        } else if (e instanceof Ast.NamedConstant c) {
            PyObject v = c.kind() == Ast.ConstantKind.NONE ? PyNone.NONE
                    : c.kind() == Ast.ConstantKind.TRUE ? PyBool.TRUE : PyBool.FALSE;
            b.emit(LOAD_CONST, b.constant(c.kind(), v), 1);
        } else if (e instanceof Ast.BinOp o) {
            expr(o.left());
            expr(o.right());
            b.setLine(o.line());
            b.emit(BINARY, binaryOp(o.op()).ordinal(), -1);
        } else if (e instanceof Ast.UnaryOp u) {
            expr(u.operand());
            int op = switch (u.op()) {
                case NEG -> UNARY_NEGATIVE;
                case POS -> UNARY_POSITIVE;
                case INVERT -> UNARY_INVERT;
                case NOT -> UNARY_NOT;
            };
            b.emit(op, 0, 0);
        } else if (e instanceof Ast.BoolOp bo) {
            CodeBuilder.Label end = new CodeBuilder.Label();
            for (int i = 0; i < bo.values().size(); i++) {
                expr(bo.values().get(i));
                if (i < bo.values().size() - 1) {
                    b.emitJump(bo.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end, -1);
                }
            }
            b.bind(end);
        } else if (e instanceof Ast.Compare c) {
            compare(c);
        } else if (e instanceof Ast.Call c) {
            call(c);
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value());
            b.emit(LOAD_ATTR, b.name(a.attr()), 0);
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value());
            index(s.index());
            b.emit(BINARY_SUBSCR, 0, -1);
        } else if (e instanceof Ast.ListExpr l) {
            for (Ast.Expr x : l.elts()) {
                expr(x);
            }
            b.emit(BUILD_LIST, l.elts().size(), 1 - l.elts().size());
        } else if (e instanceof Ast.TupleExpr t) {
            for (Ast.Expr x : t.elts()) {
                expr(x);
            }
            b.emit(BUILD_TUPLE, t.elts().size(), 1 - t.elts().size());
        } else if (e instanceof Ast.DictExpr d) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
            b.emit(BUILD_MAP, d.keys().size(), 1 - 2 * d.keys().size());
        } else if (e instanceof Ast.IfExp ie) {
            CodeBuilder.Label orelse = new CodeBuilder.Label();
            CodeBuilder.Label end = new CodeBuilder.Label();
            expr(ie.test());
            b.emitJump(POP_JUMP_IF_FALSE, orelse, -1);
            expr(ie.body());
            b.emitJump(JUMP, end, 0);
            b.adjustDepth(-1);
            b.bind(orelse);
            expr(ie.orelse());
            b.bind(end);
        } else if (e instanceof Ast.Slice s) {
            throw error("SyntaxError", "invalid syntax", s);
        } else {
            throw unsupported(e.getClass().getSimpleName() + " expression", e);
        }
    }

    private void index(Ast.Expr index) throws PySyntaxError {
        if (index instanceof Ast.Slice s) {
            for (Ast.Expr part : new Ast.Expr[] {s.lower(), s.upper(), s.step()}) {
                if (part == null) {
                    loadNone();
                } else {
                    expr(part);
                }
            }
            b.emit(BUILD_SLICE, 3, -2);
        } else {
            expr(index);
        }
    }

    private void compare(Ast.Compare c) throws PySyntaxError {
        expr(c.left());
        int n = c.ops().size();
        if (n == 1) {
            expr(c.comparators().get(0));
            b.emit(COMPARE, compareOp(c.ops().get(0)).ordinal(), -1);
            return;
        }
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        for (int i = 0; i < n - 1; i++) {
            expr(c.comparators().get(i));
            b.emit(DUP_TOP, 0, 1);
            b.emit(ROT_THREE, 0, 0);
            b.emit(COMPARE, compareOp(c.ops().get(i)).ordinal(), -1);
            b.emitJump(JUMP_IF_FALSE_OR_POP, cleanup, -1);
        }
        expr(c.comparators().get(n - 1));
        b.emit(COMPARE, compareOp(c.ops().get(n - 1)).ordinal(), -1);
        b.emitJump(JUMP, end, 0);
        b.bind(cleanup);   // stack: middle operand, false result
        b.adjustDepth(1);
        b.emit(ROT_TWO, 0, 0);
        b.emit(POP_TOP, 0, -1);
        b.bind(end);
    }

    private void call(Ast.Call c) throws PySyntaxError {
        int npos = c.args().size();
        int nkw = c.keywords().size();
        if (c.func() instanceof Ast.Attribute a && nkw == 0) {
            expr(a.value());
            b.emit(LOAD_METHOD, b.name(a.attr()), 1);
            for (Ast.Expr x : c.args()) {
                expr(x);
            }
            b.setLine(c.line());
            b.emit(CALL_METHOD, npos, -npos - 1);
            return;
        }
        expr(c.func());
        for (Ast.Expr x : c.args()) {
            expr(x);
        }
        if (nkw == 0) {
            b.setLine(c.line());
            b.emit(CALL, npos, -npos);
            return;
        }
        PyObject[] kwnames = new PyObject[nkw];
        StringBuilder key = new StringBuilder("kw");
        for (int i = 0; i < nkw; i++) {
            Ast.Keyword k = c.keywords().get(i);
            for (int j = 0; j < i; j++) {
                if (c.keywords().get(j).name().equals(k.name())) {
                    throw error("SyntaxError", "keyword argument repeated: " + k.name(), c);
                }
            }
            expr(k.value());
            kwnames[i] = PyStr.internBorrowed(k.name());
            key.append(':').append(k.name());
        }
        b.emit(LOAD_CONST, b.constant(key.toString(), PyTuple.constant(kwnames)), 1);
        b.setLine(c.line());
        b.emit(CALL_KW, npos + nkw, -(npos + nkw) - 1);
    }

    private static BinaryOp binaryOp(Ast.BinOpKind k) {
        return switch (k) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case TRUEDIV -> BinaryOp.TRUEDIV;
            case FLOORDIV -> BinaryOp.FLOORDIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case LSHIFT -> BinaryOp.LSHIFT;
            case RSHIFT -> BinaryOp.RSHIFT;
            case BITAND -> BinaryOp.AND;
            case BITOR -> BinaryOp.OR;
            case BITXOR -> BinaryOp.XOR;
        };
    }

    private static CompareOp compareOp(Ast.CmpOpKind k) {
        return CompareOp.valueOf(k.name());
    }
}
