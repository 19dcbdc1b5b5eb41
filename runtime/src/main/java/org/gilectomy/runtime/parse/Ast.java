package org.gilectomy.runtime.parse;

import java.math.BigInteger;
import java.util.List;

/**
 * The abstract syntax tree the parser produces and the compiler consumes. Positions are those
 * of the node's first token: {@code line} 1-based, {@code col} 0-based (as CPython's ast).
 */
public final class Ast {
    private Ast() {
    }

    public sealed interface Node permits Stmt, Expr, Pattern {
        int line();

        int col();
    }

    // ---------------------------------------------------------------- statements

    public sealed interface Stmt extends Node {
    }

    /** A whole file. */
    public record Module(List<Stmt> body) {
    }

    /**
     * {@code def name(parameters): body}, after its decorators (outermost first; empty when
     * undecorated). The position is the {@code def} keyword's, as in CPython's ast.
     */
    public record FunctionDef(String name, Parameters parameters, List<Stmt> body, List<Expr> decorators,
                              List<Annotation> annotations, int line, int col, boolean isAsync) implements Stmt {
        /** A plain (not {@code async}) def. */
        public FunctionDef(String name, Parameters parameters, List<Stmt> body, List<Expr> decorators,
                           List<Annotation> annotations, int line, int col) {
            this(name, parameters, body, decorators, annotations, line, col, false);
        }

        /** The positional parameters' names. */
        public List<String> params() {
            return parameters.positional();
        }
    }

    /**
     * One entry of a function's {@code __annotations__}: a parameter's name (or {@code return})
     * and its annotation, in CPython's order (parameters as written, then the return).
     */
    public record Annotation(String name, Expr value) {
    }

    /**
     * {@code target: annotation [= value]}; value null when absent. {@code simple}: the target
     * is a bare name, not parenthesised, so a module or class records the annotation.
     */
    public record AnnAssign(Expr target, Expr annotation, Expr value, boolean simple, int line, int col) implements Stmt {
    }

    /** {@code target := value} (PEP 572). */
    public record NamedExpr(Name target, Expr value, int line, int col) implements Expr {
    }

    /** {@code return [value]}; value null when bare. */
    public record Return(Expr value, int line, int col) implements Stmt {
    }

    /** {@code if test: body [elif ...] [else: orelse]}; an elif is a nested If alone in orelse. */
    public record If(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {
    }

    public record While(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {
    }

    /** {@code for target in iter: body [else: orelse]}. */
    public record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, int line, int col, boolean isAsync)
            implements Stmt {
        /** A plain (not {@code async}) for. */
        public For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, int line, int col) {
            this(target, iter, body, orelse, line, col, false);
        }
    }

    /** {@code t1 = t2 = value}: targets left to right. */
    public record Assign(List<Expr> targets, Expr value, int line, int col) implements Stmt {
    }

    /** {@code target op= value}. */
    public record AugAssign(Expr target, BinOpKind op, Expr value, int line, int col) implements Stmt {
    }

    public record ExprStmt(Expr value, int line, int col) implements Stmt {
    }

    public record Global(List<String> names, int line, int col) implements Stmt {
    }

    public record Pass(int line, int col) implements Stmt {
    }

    public record Break(int line, int col) implements Stmt {
    }

    public record Continue(int line, int col) implements Stmt {
    }

    /** {@code import a, b as c}: asNames entries are null where there is no {@code as}. */
    public record Import(List<String> names, List<String> asNames, int line, int col) implements Stmt {
    }

    /**
     * {@code from module import a, b as c}; {@code level} is the number of leading dots (0 for
     * an absolute import), {@code module} is null in {@code from . import a}, and the names are
     * {@code ["*"]} in {@code from module import *}.
     */
    public record ImportFrom(String module, List<String> names, List<String> asNames, int level, int line, int col) implements Stmt {
    }

    // ---------------------------------------------------------------- classes, exceptions, with, del, assert

    /**
     * {@code class name(bases, keywords): body}, after its decorators (outermost first, as
     * FunctionDef's); keywords ({@code metaclass=M}, others for {@code __init_subclass__}) may be empty.
     */
    public record ClassDef(String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body, List<Expr> decorators,
                           int line, int col) implements Stmt {
    }

    /**
     * {@code try: body except...: else: orelse finally: finalbody}; any of the last three may be
     * empty; {@code star} for {@code except*} handlers (PEP 654).
     */
    public record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
                      int line, int col, boolean star) implements Stmt {
        public Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
                   int line, int col) {
            this(body, handlers, orelse, finalbody, line, col, false);
        }
    }

    /** {@code except type as name: body}; type null for a bare except, name null without {@code as}. */
    public record ExceptHandler(Expr type, String name, List<Stmt> body, int line, int col) {
    }

    /** {@code raise [exc [from cause]]}. */
    public record Raise(Expr exc, Expr cause, int line, int col) implements Stmt {
    }

    /** {@code with a as x, b: body}: one With per item, nested, as CPython's compiler treats them. */
    public record With(Expr context, Expr target, List<Stmt> body, int line, int col, boolean isAsync) implements Stmt {
        /** A plain (not {@code async}) with. */
        public With(Expr context, Expr target, List<Stmt> body, int line, int col) {
            this(context, target, body, line, col, false);
        }
    }

    public record Delete(List<Expr> targets, int line, int col) implements Stmt {
    }

    public record Assert(Expr test, Expr msg, int line, int col) implements Stmt {
    }

    /**
     * {@code yield [value]} as an expression; with {@code isFrom}, {@code yield from value}
     * (value never null), delegating to the iterator of value.
     */
    public record Yield(Expr value, boolean isFrom, int line, int col) implements Expr {
    }

    /** {@code await value}, inside an {@code async def}. */
    public record Await(Expr value, int line, int col) implements Expr {
    }

    // ---------------------------------------------------------------- expressions

    public sealed interface Expr extends Node {
    }

    public record Name(String id, int line, int col) implements Expr {
    }

    public record IntLiteral(BigInteger value, int line, int col) implements Expr {
    }

    public record FloatLiteral(double value, int line, int col) implements Expr {
    }

    /** An imaginary literal {@code 2.5j}: the complex number with that imaginary part and real part 0. */
    public record ImagLiteral(double value, int line, int col) implements Expr {
    }

    /** A string literal, escapes already decoded; adjacent literals already concatenated. */
    public record StrLiteral(String value, int line, int col) implements Expr {
    }

    /** A bytes literal ({@code b'...'}), escapes decoded; adjacent bytes literals concatenated. */
    public record BytesLiteral(byte[] value, int line, int col) implements Expr {
    }

    /** {@code None}, {@code True}, {@code False}. */
    public record NamedConstant(ConstantKind kind, int line, int col) implements Expr {
    }

    public enum ConstantKind { NONE, TRUE, FALSE, ELLIPSIS }

    public record BinOp(BinOpKind op, Expr left, Expr right, int line, int col) implements Expr {
    }

    public enum BinOpKind { ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, BITAND, BITOR, BITXOR, MATMUL }

    public record UnaryOp(UnaryOpKind op, Expr operand, int line, int col) implements Expr {
    }

    public enum UnaryOpKind { NEG, POS, NOT, INVERT }

    /** {@code a and b and c} / {@code a or b}: two or more values. */
    public record BoolOp(boolean isAnd, List<Expr> values, int line, int col) implements Expr {
    }

    /** {@code a < b <= c}: ops.size() == comparators.size() >= 1. */
    public record Compare(Expr left, List<CmpOpKind> ops, List<Expr> comparators, int line, int col) implements Expr {
    }

    public enum CmpOpKind { EQ, NE, LT, LE, GT, GE, IS, IS_NOT, IN, NOT_IN }

    /** {@code func(args, name=value)}; a Starred arg is {@code *seq}, a Keyword with a null name {@code **mapping}. */
    public record Call(Expr func, List<Expr> args, List<Keyword> keywords, int line, int col) implements Expr {
    }

    public record Keyword(String name, Expr value) {
    }

    public record Attribute(Expr value, String attr, int line, int col) implements Expr {
    }

    /** {@code value[index]}; a slice index is a {@link Slice}. */
    public record Subscript(Expr value, Expr index, int line, int col) implements Expr {
    }

    /** {@code lower:upper:step}, any part null; only inside a Subscript. */
    public record Slice(Expr lower, Expr upper, Expr step, int line, int col) implements Expr {
    }

    public record ListExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    public record TupleExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    /** A null key stands for {@code **mapping}. */
    public record DictExpr(List<Expr> keys, List<Expr> values, int line, int col) implements Expr {
    }

    /** {@code body if test else orelse}. */
    public record IfExp(Expr test, Expr body, Expr orelse, int line, int col) implements Expr {
    }

    // ---------------------------------------------------------------- functions, comprehensions, unpacking, f-strings

    /**
     * A def's or lambda's parameters. {@code defaults} belong to the last positional parameters;
     * {@code kwDefaults} is parallel to {@code kwonly}, null where a keyword-only parameter has
     * no default; {@code varargs}/{@code kwargs} are null when absent; the first
     * {@code positionalOnly} positional parameters came before a {@code /}.
     */
    public record Parameters(List<String> positional, List<Expr> defaults, String varargs, List<String> kwonly,
                             List<Expr> kwDefaults, String kwargs, int positionalOnly) {
        public static final Parameters NONE = new Parameters(List.of(), List.of(), null, List.of(), List.of(), null);

        /** Parameters with no positional-only ones. */
        public Parameters(List<String> positional, List<Expr> defaults, String varargs, List<String> kwonly,
                          List<Expr> kwDefaults, String kwargs) {
            this(positional, defaults, varargs, kwonly, kwDefaults, kwargs, 0);
        }

        /** Every parameter name in frame-slot order: positional, keyword-only, *args, **kwargs. */
        public List<String> slotOrder() {
            java.util.ArrayList<String> all = new java.util.ArrayList<>(positional);
            all.addAll(kwonly);
            if (varargs != null) {
                all.add(varargs);
            }
            if (kwargs != null) {
                all.add(kwargs);
            }
            return all;
        }
    }

    /** {@code nonlocal a, b}. */
    public record Nonlocal(List<String> names, int line, int col) implements Stmt {
    }

    /** {@code lambda parameters: body}. */
    public record Lambda(Parameters parameters, Expr body, int line, int col) implements Expr {
    }

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    public record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {
        /** A plain {@code for} clause. */
        public Comprehension(Expr target, Expr iter, List<Expr> ifs) {
            this(target, iter, ifs, false);
        }
    }

    /** The kinds of comprehension, with the name of the code object each compiles to and CPython's word for it. */
    public enum ComprehensionKind {
        LIST("<listcomp>", "list comprehension"),
        SET("<setcomp>", "set comprehension"),
        DICT("<dictcomp>", "dict comprehension"),
        GENERATOR("<genexpr>", "generator expression");

        public final String codeName;
        public final String description;

        ComprehensionKind(String codeName, String description) {
            this.codeName = codeName;
            this.description = description;
        }
    }

    /**
     * {@code [elt for ...]}, {@code {elt for ...}}, {@code {elt: value for ...}} (value null unless
     * DICT), {@code (elt for ...)}.
     */
    public record ComprehensionExpr(ComprehensionKind kind, Expr elt, Expr value, List<Comprehension> generators,
                                    int line, int col) implements Expr {
    }

    /** {@code *value} in a display, a call's arguments or an assignment target. */
    public record Starred(Expr value, int line, int col) implements Expr {
    }

    /** {@code {a, b}}. */
    public record SetExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    /** An f-string: string literals and {@link FormattedValue}s, concatenated. */
    public record JoinedStr(List<Expr> values, int line, int col) implements Expr {
    }

    /**
     * {@code {value!conversion:spec}} in an f-string; conversion is 0 (none), 's', 'r' or 'a';
     * formatSpec (a JoinedStr) is null when absent.
     */
    public record FormattedValue(Expr value, int conversion, Expr formatSpec, int line, int col) implements Expr {
    }

    // ---------------------------------------------------------------- match (PEP 634)

    /** {@code match subject: case ...}. */
    public record Match(Expr subject, List<MatchCase> cases, int line, int col) implements Stmt {
    }

    /** {@code case pattern [if guard]: body}; guard null when absent. */
    public record MatchCase(Pattern pattern, Expr guard, List<Stmt> body) {
    }

    /** A pattern of a case clause. */
    public sealed interface Pattern extends Node {
    }

    /** A literal (other than None, True, False) or a dotted name: matches by {@code ==}. */
    public record MatchValue(Expr value, int line, int col) implements Pattern {
    }

    /** {@code None}, {@code True}, {@code False}: matches by {@code is}. */
    public record MatchSingleton(ConstantKind value, int line, int col) implements Pattern {
    }

    /** {@code [p, *rest, q]} or {@code (p, q)}: the elements, at most one a {@link MatchStar}. */
    public record MatchSequence(List<Pattern> patterns, int line, int col) implements Pattern {
    }

    /** {@code *name} in a sequence pattern; name null for {@code *_}. */
    public record MatchStar(String name, int line, int col) implements Pattern {
    }

    /** {@code {key: p, **rest}}; rest null when absent. */
    public record MatchMapping(List<Expr> keys, List<Pattern> patterns, String rest, int line, int col) implements Pattern {
    }

    /** {@code cls(p, name=q)}: positional sub-patterns, then keyword attribute names and their patterns. */
    public record MatchClass(Expr cls, List<Pattern> patterns, List<String> kwdAttrs, List<Pattern> kwdPatterns,
                             int line, int col) implements Pattern {
    }

    /**
     * {@code pattern as name}, a capture ({@code name}, pattern null) or the wildcard {@code _}
     * (both null).
     */
    public record MatchAs(Pattern pattern, String name, int line, int col) implements Pattern {
    }

    /** {@code p | q | ...}. */
    public record MatchOr(List<Pattern> patterns, int line, int col) implements Pattern {
    }
}
