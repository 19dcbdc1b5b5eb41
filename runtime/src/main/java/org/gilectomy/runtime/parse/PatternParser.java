package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of a {@code case} clause (PEP 634), following CPython 3.11's grammar and its
 * parser-level diagnoses. Checks that need the whole pattern (repeated names, unreachable
 * alternatives, duplicate keys) are the compiler's, as in CPython.
 */
final class PatternParser {
    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private final Diagnosis diag;

    PatternParser(ParserState st, ExprParser expr) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = expr;
        this.diag = expr.diagnosis();
    }

    /** {@code patterns}: a pattern, or an open sequence {@code p, q, *r}. */
    Ast.Pattern patterns() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Pattern first = maybeStar();
        if (!ts.peek().isOp(",")) {
            if (first instanceof Ast.MatchStar) {
                throw diag.invalidSyntax();
            }
            return first;
        }
        List<Ast.Pattern> items = new ArrayList<>();
        items.add(first);
        while (ts.peek().isOp(",")) {
            ts.next();
            if (ts.peek().isOp(":") || ts.peek().isKeyword("if")) {
                break;
            }
            items.add(maybeStar());
        }
        return new Ast.MatchSequence(items, start.line(), start.col());
    }

    /** {@code pattern}: an or-pattern, optionally {@code as name}. */
    Ast.Pattern pattern() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Pattern p = orPattern();
        if (!ts.peek().isKeyword("as")) {
            return p;
        }
        ts.next();
        Token target = ts.peek();
        if (target.kind() == TokenKind.NAME && target.text().equals("_")) {
            throw st.syntaxError("cannot use '_' as a target", target);
        }
        if (!target.isName()) {
            if (target.startsExpression()) {
                throw st.syntaxError("invalid pattern target", target);
            }
            throw diag.invalidSyntax();
        }
        ts.next();
        return new Ast.MatchAs(p, target.identifier(), start.line(), start.col());
    }

    private Ast.Pattern orPattern() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Pattern first = closedPattern();
        if (!ts.peek().isOp("|")) {
            return first;
        }
        List<Ast.Pattern> alternatives = new ArrayList<>();
        alternatives.add(first);
        while (ts.peek().isOp("|")) {
            ts.next();
            alternatives.add(closedPattern());
        }
        return new Ast.MatchOr(alternatives, start.line(), start.col());
    }

    /** A sequence element: a pattern or {@code *name}. */
    private Ast.Pattern maybeStar() throws PySyntaxError {
        Token t = ts.peek();
        if (!t.isOp("*")) {
            return pattern();
        }
        ts.next();
        Token name = ts.peek();
        if (!name.isName()) {
            throw diag.invalidSyntax();
        }
        ts.next();
        return new Ast.MatchStar(name.text().equals("_") ? null : name.identifier(), t.line(), t.col());
    }

    private Ast.Pattern closedPattern() throws PySyntaxError {
        Token t = ts.peek();
        switch (t.kind()) {
            case NUMBER:
                return new Ast.MatchValue(signedNumber(), t.line(), t.col());
            case STRING:
                return new Ast.MatchValue(strings(), t.line(), t.col());
            case NAME:
                return namePattern(t);
            case OP:
                switch (t.text()) {
                    case "-":
                        return new Ast.MatchValue(signedNumber(), t.line(), t.col());
                    case "(":
                        return parenthesized(t);
                    case "[": {
                        ts.next();
                        List<Ast.Pattern> items = sequenceItems("]");
                        return new Ast.MatchSequence(items, t.line(), t.col());
                    }
                    case "{":
                        return mapping(t);
                    default:
                        throw diag.invalidSyntax();
                }
            default:
                throw diag.invalidSyntax();
        }
    }

    private Ast.Expr strings() throws PySyntaxError {
        List<Token> parts = new ArrayList<>();
        while (ts.peek().kind() == TokenKind.STRING) {
            parts.add(ts.next());
        }
        return Literals.strings(st, parts, ts.peek());
    }

    /** None/True/False, a capture, the wildcard, a dotted value, or a class pattern. */
    private Ast.Pattern namePattern(Token t) throws PySyntaxError {
        Ast.ConstantKind constant = switch (t.text()) {
            case "None" -> Ast.ConstantKind.NONE;
            case "True" -> Ast.ConstantKind.TRUE;
            case "False" -> Ast.ConstantKind.FALSE;
            default -> null;
        };
        if (constant != null) {
            ts.next();
            return new Ast.MatchSingleton(constant, t.line(), t.col());
        }
        if (!t.isName()) {
            throw diag.invalidSyntax();
        }
        Ast.Expr target = dottedName();
        if (ts.peek().isOp("(")) {
            return classPattern(target, t);
        }
        if (target instanceof Ast.Attribute) {
            return new Ast.MatchValue(target, t.line(), t.col());
        }
        String name = ((Ast.Name) target).id();
        return new Ast.MatchAs(null, name.equals("_") ? null : name, t.line(), t.col());
    }

    /** {@code NAME ('.' NAME)*}. */
    private Ast.Expr dottedName() throws PySyntaxError {
        Token first = ts.next();
        Ast.Expr e = new Ast.Name(first.identifier(), first.line(), first.col());
        while (ts.peek().isOp(".")) {
            ts.next();
            Token name = ts.peek();
            if (!name.isName()) {
                throw diag.invalidSyntax();
            }
            ts.next();
            e = new Ast.Attribute(e, name.identifier(), first.line(), first.col());
        }
        return e;
    }

    /** {@code -?number}, or a complex literal {@code -?real (+|-) imaginary}. */
    private Ast.Expr signedNumber() throws PySyntaxError {
        Ast.Expr real = signedReal();
        Token op = ts.peek();
        if (!(op.isOp("+") || op.isOp("-")) || ts.peek(1).kind() != TokenKind.NUMBER) {
            return real;
        }
        if (isImaginary(lastNumber)) {
            throw st.syntaxError("real number required in complex literal", real);
        }
        ts.next();
        Token imag = ts.peek();
        if (!isImaginary(imag)) {
            throw st.syntaxError("imaginary number required in complex literal", imag);
        }
        ts.next();
        Ast.Expr imagValue = Literals.number(st, imag);
        return new Ast.BinOp(op.isOp("+") ? Ast.BinOpKind.ADD : Ast.BinOpKind.SUB, real, imagValue,
                real.line(), real.col());
    }

    private Token lastNumber;

    private Ast.Expr signedReal() throws PySyntaxError {
        Token start = ts.peek();
        boolean negative = start.isOp("-");
        if (negative) {
            ts.next();
        }
        Token number = ts.peek();
        if (number.kind() != TokenKind.NUMBER) {
            throw diag.invalidSyntax();
        }
        ts.next();
        lastNumber = number;
        Ast.Expr value = Literals.number(st, number);
        return negative ? new Ast.UnaryOp(Ast.UnaryOpKind.NEG, value, start.line(), start.col()) : value;
    }

    private static boolean isImaginary(Token number) {
        char last = number.text().charAt(number.text().length() - 1);
        return last == 'j' || last == 'J';
    }

    /** {@code (p)} a group, {@code ()} or {@code (p,)} or {@code (p, q)} a sequence. */
    private Ast.Pattern parenthesized(Token open) throws PySyntaxError {
        ts.next();
        if (ts.peek().isOp(")")) {
            ts.next();
            return new Ast.MatchSequence(List.of(), open.line(), open.col());
        }
        Ast.Pattern first = maybeStar();
        if (ts.peek().isOp(")") && !(first instanceof Ast.MatchStar)) {
            ts.next();
            return first;
        }
        if (!ts.peek().isOp(",")) {
            throw diag.invalidSyntax();
        }
        ts.next();
        List<Ast.Pattern> items = new ArrayList<>();
        items.add(first);
        items.addAll(sequenceItems(")"));
        return new Ast.MatchSequence(items, open.line(), open.col());
    }

    /** Comma-separated elements up to and including {@code close}, a trailing comma allowed. */
    private List<Ast.Pattern> sequenceItems(String close) throws PySyntaxError {
        List<Ast.Pattern> items = new ArrayList<>();
        while (!ts.peek().isOp(close)) {
            items.add(maybeStar());
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
        }
        if (!ts.peek().isOp(close)) {
            throw diag.invalidSyntax();
        }
        ts.next();
        return items;
    }

    /** {@code {key: p, ..., **rest}}: keys are literals or dotted names. */
    private Ast.Pattern mapping(Token open) throws PySyntaxError {
        ts.next();
        List<Ast.Expr> keys = new ArrayList<>();
        List<Ast.Pattern> values = new ArrayList<>();
        String rest = null;
        while (!ts.peek().isOp("}")) {
            if (ts.peek().isOp("**")) {
                ts.next();
                Token name = ts.peek();
                if (!name.isName() || name.text().equals("_")) {
                    throw diag.invalidSyntax();
                }
                ts.next();
                rest = name.identifier();
                if (ts.peek().isOp(",")) {
                    ts.next();
                }
                break;
            }
            keys.add(mappingKey());
            if (!ts.peek().isOp(":")) {
                throw diag.invalidSyntax();
            }
            ts.next();
            values.add(pattern());
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
        }
        if (!ts.peek().isOp("}")) {
            throw diag.invalidSyntax();
        }
        ts.next();
        return new Ast.MatchMapping(keys, values, rest, open.line(), open.col());
    }

    private Ast.Expr mappingKey() throws PySyntaxError {
        Token t = ts.peek();
        if (t.kind() == TokenKind.NUMBER || t.isOp("-")) {
            return signedNumber();
        }
        if (t.kind() == TokenKind.STRING) {
            return strings();
        }
        if (t.isKeyword("None") || t.isKeyword("True") || t.isKeyword("False")) {
            ts.next();
            Ast.ConstantKind kind = t.text().equals("None") ? Ast.ConstantKind.NONE
                    : t.text().equals("True") ? Ast.ConstantKind.TRUE : Ast.ConstantKind.FALSE;
            return new Ast.NamedConstant(kind, t.line(), t.col());
        }
        if (t.isName()) {
            Ast.Expr key = dottedName();
            if (key instanceof Ast.Attribute) {
                return key;
            }
        }
        throw diag.invalidSyntax();
    }

    /** {@code cls(p, ..., name=q, ...)}; the '(' is current. */
    private Ast.Pattern classPattern(Ast.Expr cls, Token start) throws PySyntaxError {
        ts.next();
        List<Ast.Pattern> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Ast.Pattern> keywords = new ArrayList<>();
        while (!ts.peek().isOp(")")) {
            Token t = ts.peek();
            if (t.isName() && ts.peek(1).isOp("=")) {
                ts.next();
                ts.next();
                names.add(t.identifier());
                keywords.add(pattern());
            } else {
                Ast.Pattern p = pattern();
                if (!keywords.isEmpty()) {
                    throw st.syntaxError("positional patterns follow keyword patterns", p);
                }
                positional.add(p);
            }
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
        }
        if (!ts.peek().isOp(")")) {
            throw diag.invalidSyntax();
        }
        ts.next();
        return new Ast.MatchClass(cls, positional, names, keywords, start.line(), start.col());
    }
}
