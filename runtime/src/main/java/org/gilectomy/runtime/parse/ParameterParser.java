package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameter list of a {@code def} (up to and including its ')') or of a {@code lambda} (up
 * to its ':', which is left for the caller): positional parameters with defaults, {@code *args}
 * or a bare {@code *}, positional-only ones before a {@code /}, keyword-only parameters, {@code **kwargs},
 * with CPython 3.11's errors. Annotations are collected for {@code __annotations__}.
 */
final class ParameterParser {
    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    /** The annotations read so far, in order. */
    private final List<Ast.Annotation> annotations = new ArrayList<>();

    ParameterParser(ParserState st, ExprParser expr) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = expr;
    }

    /** After a def's '(': the parameters and the ')'. */
    Ast.Parameters defParameters() throws PySyntaxError {
        Ast.Parameters p = parameters(")", true);
        if (!ts.peek().isOp(")")) {
            throw expr.diagnosis().invalidSyntax();
        }
        ts.next();
        return p;
    }

    /** The parameters' annotations, once {@link #defParameters()} has read them. */
    List<Ast.Annotation> annotations() {
        return annotations;
    }

    /** After 'lambda': the parameters; the ':' is still to come. */
    Ast.Parameters lambdaParameters() throws PySyntaxError {
        return parameters(":", false);
    }

    private Ast.Parameters parameters(String close, boolean isDef) throws PySyntaxError {
        List<String> positional = new ArrayList<>();
        List<Ast.Expr> defaults = new ArrayList<>();
        List<String> kwonly = new ArrayList<>();
        List<Ast.Expr> kwDefaults = new ArrayList<>();
        String varargs = null;
        String kwargs = null;
        boolean star = false;
        int posOnly = -1;
        Set<String> seen = new HashSet<>();
        while (!ts.peek().isOp(close)) {
            Token p = ts.peek();
            if (kwargs != null) {
                throw st.syntaxError("arguments cannot follow var-keyword argument", p);
            }
            if (p.isOp("/")) {
                if (posOnly >= 0) {
                    throw st.syntaxError("/ may appear only once", p);
                }
                if (star) {
                    throw st.syntaxError("/ must be ahead of *", p);
                }
                if (positional.isEmpty()) {
                    throw st.syntaxError("at least one argument must precede /", p);
                }
                ts.next();
                posOnly = positional.size();
                if (!ts.peek().isOp(",")) {
                    break;
                }
                ts.next();
                continue;
            }
            if (p.isOp("*")) {
                if (star) {
                    throw st.syntaxError("* argument may appear only once", p);
                }
                ts.next();
                star = true;
                if (ts.peek().isOp(",") || ts.peek().isOp(close)) {
                    Token after = ts.peek().isOp(",") ? ts.peek(1) : ts.peek();
                    if (after.isOp(close) || after.isOp("**")) {
                        throw st.syntaxError("named arguments must follow bare *", p);
                    }
                } else {
                    Token nameToken = ts.peek();
                    varargs = parameterName(nameToken, seen, isDef);
                }
            } else if (p.isOp("**")) {
                ts.next();
                kwargs = parameterName(ts.peek(), seen, isDef);
            } else {
                if (isDef && p.isOp("(") && parenthesizedParameters()) {
                    throw st.syntaxError("Function parameters cannot be parenthesized", p);
                }
                String name = parameterName(p, seen, isDef);
                Ast.Expr dflt = null;
                if (ts.peek().isOp("=")) {
                    ts.next();
                    dflt = expr.expression();
                }
                if (star) {
                    kwonly.add(name);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) {
                        throw st.syntaxError("non-default argument follows default argument", p);
                    }
                    positional.add(name);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            }
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
        }
        return new Ast.Parameters(positional, defaults, varargs, kwonly, kwDefaults, kwargs, Math.max(posOnly, 0));
    }

    /** A parameter's name, checked for duplicates and annotations. */
    private String parameterName(Token p, Set<String> seen, boolean isDef) throws PySyntaxError {
        String name = expr.name();
        if (isDef && ts.peek().isOp(":")) {
            ts.next();
            if (ts.peek().isOp("*")) {
                throw st.notSupported("a starred annotation ('*args: *Ts')", ts.peek());
            }
            annotations.add(new Ast.Annotation(name, expr.expression()));
        }
        if (!seen.add(name)) {
            st.deferSymtableError("duplicate argument '" + name + "' in function definition", p);
        }
        if (name.equals("__debug__")) {
            st.deferCompileError("cannot assign to __debug__", p);
        }
        return name;
    }

    /** Whether {@code (a, b)} follows, a Python 2 tuple parameter. */
    private boolean parenthesizedParameters() throws PySyntaxError {
        return Boolean.TRUE.equals(expr.diagnosis().speculate(() -> {
            ts.next();
            expr.name();
            while (ts.peek().isOp(",") && ts.peek(1).isName()) {
                ts.next();
                expr.name();
            }
            if (ts.peek().isOp(",")) {
                ts.next();
            }
            return ts.peek().isOp(")");
        }));
    }
}
