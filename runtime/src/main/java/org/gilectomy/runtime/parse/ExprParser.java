package org.gilectomy.runtime.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for Python 3.11 expressions (the subset in {@link Ast}), plus the
 * diagnostics CPython gives for common mistakes ("Perhaps you forgot a comma?", "Maybe you meant
 * '=='...", ...). Node positions are those of the first token of the construct, parentheses
 * included, as in CPython's ast.
 *
 * <p>Recursion only happens for brackets, whose depth the tokenizer limits to 200, and for the
 * binary-operator precedence levels; chains of unary operators, {@code **}, {@code not} and
 * conditional expressions are parsed iteratively so that no input can exhaust the Java stack.
 */
final class ExprParser {
    private record BinaryOperator(Ast.BinOpKind kind, int precedence) {
    }

    /** Binary operators by precedence, loosest first. */
    private static final Map<String, BinaryOperator> BINARY_OPERATORS = Map.ofEntries(
            Map.entry("|", new BinaryOperator(Ast.BinOpKind.BITOR, 1)),
            Map.entry("^", new BinaryOperator(Ast.BinOpKind.BITXOR, 2)),
            Map.entry("&", new BinaryOperator(Ast.BinOpKind.BITAND, 3)),
            Map.entry("<<", new BinaryOperator(Ast.BinOpKind.LSHIFT, 4)),
            Map.entry(">>", new BinaryOperator(Ast.BinOpKind.RSHIFT, 4)),
            Map.entry("+", new BinaryOperator(Ast.BinOpKind.ADD, 5)),
            Map.entry("-", new BinaryOperator(Ast.BinOpKind.SUB, 5)),
            Map.entry("*", new BinaryOperator(Ast.BinOpKind.MUL, 6)),
            Map.entry("/", new BinaryOperator(Ast.BinOpKind.TRUEDIV, 6)),
            Map.entry("//", new BinaryOperator(Ast.BinOpKind.FLOORDIV, 6)),
            Map.entry("%", new BinaryOperator(Ast.BinOpKind.MOD, 6)),
            Map.entry("@", new BinaryOperator(Ast.BinOpKind.MATMUL, 6)));

    private static final Map<String, Ast.CmpOpKind> COMPARISON_OPERATORS = Map.of(
            "==", Ast.CmpOpKind.EQ, "!=", Ast.CmpOpKind.NE, "<", Ast.CmpOpKind.LT,
            "<=", Ast.CmpOpKind.LE, ">", Ast.CmpOpKind.GT, ">=", Ast.CmpOpKind.GE);

    private static final Map<String, Ast.UnaryOpKind> UNARY_OPERATORS = Map.of(
            "-", Ast.UnaryOpKind.NEG, "+", Ast.UnaryOpKind.POS, "~", Ast.UnaryOpKind.INVERT);

    private record Conditional(Token start, Ast.Expr body, Ast.Expr test) {
    }

    private record PowerBase(List<Token> prefix, Token start, Ast.Expr base) {
    }

    private final ParserState st;
    private final TokenStream ts;
    private final Parentheses parentheses = new Parentheses();
    private final Diagnosis diagnosis;

    ExprParser(ParserState st) {
        this.st = st;
        this.ts = st.tokens;
        this.diagnosis = new Diagnosis(st, this);
    }

    Diagnosis diagnosis() {
        return diagnosis;
    }

    // ------------------------------------------------------------------ entry points

    /** Diagnostics never look back past a statement: drop what was kept for them. */
    void startStatement() {
        diagnosis.startStatement();
        parentheses.reset();
    }

    /** Which expressions of the current statement were parenthesized. */
    Parentheses parentheses() {
        return parentheses;
    }

    /** {@code a, b, *c}: a tuple when there is a comma. */
    Ast.Expr starExpressions() throws PySyntaxError {
        return commaList(this::starExpression, Token::startsExpression);
    }

    /**
     * {@code item (, item)* [,]}: the item alone, or an unparenthesized tuple if there is a comma.
     * After a comma, another item follows only if {@code startsItem} accepts the next token.
     */
    private Ast.Expr commaList(Diagnosis.Attempt<Ast.Expr> item, Predicate<Token> startsItem) throws PySyntaxError {
        Token start = ts.peek();
        Ast.Expr first = item.run();
        if (!ts.peek().isOp(",")) {
            return first;
        }
        List<Ast.Expr> elts = new ArrayList<>();
        elts.add(first);
        while (ts.peek().isOp(",")) {
            ts.next();
            if (!startsItem.test(ts.peek())) {
                break;
            }
            elts.add(item.run());
        }
        return new Ast.TupleExpr(elts, start.line(), start.col());
    }

    /** The condition of if/elif/while (or a display element): an expression that could be {@code x := v}. */
    Ast.Expr namedExpression() throws PySyntaxError {
        return namedExpressionEnd(expression());
    }

    /**
     * The target list of a for statement. Like CPython's first pass this reads only what a target
     * can be made of (atoms with attributes, subscripts and calls), so {@code in} ends it and an
     * operator is an error at the operator; Parser diagnoses further.
     */
    Ast.Expr forTargets() throws PySyntaxError {
        return commaList(this::forTarget, Token::startsExpression);
    }

    private Ast.Expr forTarget() throws PySyntaxError {
        Token star = ts.peek();
        if (star.isOp("*")) {
            ts.next();
            return new Ast.Starred(primary(), star.line(), star.col());
        }
        return primary();
    }

    // ------------------------------------------------------------------ expressions, loosest first

    private Ast.Expr starExpression() throws PySyntaxError {
        Token star = ts.peek();
        if (!star.isOp("*")) {
            return expression();
        }
        ts.next();
        return new Ast.Starred(bitwiseOr(), star.line(), star.col());
    }

    Ast.Expr starNamedExpression() throws PySyntaxError {
        return ts.peek().isOp("*") ? starExpression() : namedExpression();
    }

    /** {@code body if test else orelse}, or a plain disjunction. */
    Ast.Expr expression() throws PySyntaxError {
        int startIndex = ts.mark();
        // Conditionals nest to the right (a if b else c if d else e); collect them, then build.
        Deque<Conditional> conditionals = null;
        Ast.Expr result;
        while (true) {
            Token start = ts.peek();
            if (start.isKeyword("lambda")) {
                result = lambda();
                break;
            }
            Ast.Expr body = disjunction();
            if (!ts.peek().isKeyword("if")) {
                result = body;
                break;
            }
            ts.next();
            Ast.Expr test = disjunction();
            if (!ts.peek().isKeyword("else")) {
                if (ts.peek().isOp(":")) {
                    throw diagnosis.invalidSyntax();
                }
                throw st.syntaxError("expected 'else' after 'if' expression", start);
            }
            ts.next();
            if (conditionals == null) {
                conditionals = new ArrayDeque<>();
            }
            conditionals.push(new Conditional(start, body, test));
        }
        boolean isDisjunction = conditionals == null;
        while (conditionals != null && !conditionals.isEmpty()) {
            Conditional c = conditionals.pop();
            result = new Ast.IfExp(c.test(), c.body(), result, c.start().line(), c.start().col());
        }
        diagnosis.expressionCompleted(startIndex, result, isDisjunction);
        return result;
    }

    private Ast.Expr disjunction() throws PySyntaxError {
        return boolOp(false);
    }

    /** {@code a or b} (isAnd false) over conjunctions, {@code a and b} (isAnd true) over inversions. */
    private Ast.Expr boolOp(boolean isAnd) throws PySyntaxError {
        Token start = ts.peek();
        String keyword = isAnd ? "and" : "or";
        Ast.Expr first = isAnd ? inversion() : boolOp(true);
        if (!ts.peek().isKeyword(keyword) || !ts.peek(1).startsOperandOrNot()) {
            return first;
        }
        List<Ast.Expr> values = new ArrayList<>();
        values.add(first);
        while (ts.peek().isKeyword(keyword) && ts.peek(1).startsOperandOrNot()) {
            ts.next();
            values.add(isAnd ? inversion() : boolOp(true));
        }
        return new Ast.BoolOp(isAnd, values, start.line(), start.col());
    }

    private Ast.Expr inversion() throws PySyntaxError {
        if (!ts.peek().isKeyword("not")) {
            return comparison();
        }
        List<Token> nots = new ArrayList<>();
        while (ts.peek().isKeyword("not")) {
            nots.add(ts.next());
        }
        Ast.Expr e = comparison();
        for (int i = nots.size() - 1; i >= 0; i--) {
            e = new Ast.UnaryOp(Ast.UnaryOpKind.NOT, e, nots.get(i).line(), nots.get(i).col());
        }
        return e;
    }

    private Ast.Expr comparison() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Expr left = bitwiseOr();
        Ast.CmpOpKind op = comparisonOperator();
        if (op == null) {
            return left;
        }
        List<Ast.CmpOpKind> ops = new ArrayList<>();
        List<Ast.Expr> comparators = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            comparators.add(bitwiseOr());
            op = comparisonOperator();
        }
        return new Ast.Compare(left, ops, comparators, start.line(), start.col());
    }

    /**
     * Consumes a comparison operator ({@code not in} and {@code is not} are two tokens) if an
     * operand follows it, else returns null.
     */
    private Ast.CmpOpKind comparisonOperator() throws PySyntaxError {
        Token t = ts.peek();
        Ast.CmpOpKind op = null;
        int length = 1;
        if (t.kind() == TokenKind.OP) {
            op = COMPARISON_OPERATORS.get(t.text());
        } else if (t.isKeyword("in")) {
            op = Ast.CmpOpKind.IN;
        } else if (t.isKeyword("not") && ts.peek(1).isKeyword("in")) {
            op = Ast.CmpOpKind.NOT_IN;
            length = 2;
        } else if (t.isKeyword("is")) {
            boolean not = ts.peek(1).isKeyword("not");
            op = not ? Ast.CmpOpKind.IS_NOT : Ast.CmpOpKind.IS;
            length = not ? 2 : 1;
        }
        if (op == null || !ts.peek(length).startsOperand()) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            ts.next();
        }
        return op;
    }

    private Ast.Expr bitwiseOr() throws PySyntaxError {
        return binary(1);
    }

    /** Precedence climbing over {@link #BINARY_OPERATORS}: all operands bind at least minPrecedence. */
    private Ast.Expr binary(int minPrecedence) throws PySyntaxError {
        Token start = ts.peek();
        Ast.Expr left = factor();
        while (true) {
            Token t = ts.peek();
            BinaryOperator op = t.kind() == TokenKind.OP ? BINARY_OPERATORS.get(t.text()) : null;
            if (op == null || op.precedence() < minPrecedence || !ts.peek(1).startsOperand()) {
                return left;
            }
            ts.next();
            Ast.Expr right = binary(op.precedence() + 1);
            left = new Ast.BinOp(op.kind(), left, right, start.line(), start.col());
        }
    }

    /**
     * Unary operators and {@code **}: {@code -x ** -y ** z} is {@code -(x ** -(y ** z))}. Each
     * operand before a {@code **} is stacked with its prefix operators, then the chain is built
     * from the right.
     */
    private Ast.Expr factor() throws PySyntaxError {
        Deque<PowerBase> bases = null;
        Ast.Expr result;
        while (true) {
            List<Token> prefix = null;
            while (ts.peek().kind() == TokenKind.OP && UNARY_OPERATORS.containsKey(ts.peek().text())) {
                if (prefix == null) {
                    prefix = new ArrayList<>();
                }
                prefix.add(ts.next());
            }
            Token start = ts.peek();
            Ast.Expr base = primary();
            if (!ts.peek().isOp("**") || !ts.peek(1).startsOperand()) {
                result = applyUnary(prefix, base);
                break;
            }
            ts.next();
            if (bases == null) {
                bases = new ArrayDeque<>();
            }
            bases.push(new PowerBase(prefix, start, base));
        }
        while (bases != null && !bases.isEmpty()) {
            PowerBase b = bases.pop();
            Ast.Expr power = new Ast.BinOp(Ast.BinOpKind.POW, b.base(), result, b.start().line(), b.start().col());
            result = applyUnary(b.prefix(), power);
        }
        return result;
    }

    private static Ast.Expr applyUnary(List<Token> prefix, Ast.Expr operand) {
        if (prefix == null) {
            return operand;
        }
        for (int i = prefix.size() - 1; i >= 0; i--) {
            Token op = prefix.get(i);
            operand = new Ast.UnaryOp(UNARY_OPERATORS.get(op.text()), operand, op.line(), op.col());
        }
        return operand;
    }

    /** An atom followed by attribute accesses, calls and subscripts. */
    Ast.Expr primary() throws PySyntaxError {
        Token start = ts.peek();
        if (start.isKeyword("await")) { // await_primary: 'await' primary
            ts.next();
            return new Ast.Await(primary(), start.line(), start.col());
        }
        Ast.Expr e = atom();
        while (true) {
            Token t = ts.peek();
            if (t.isOp(".") && ts.peek(1).isName()) {
                ts.next();
                Token name = ts.next();
                e = new Ast.Attribute(e, name.identifier(), start.line(), start.col());
            } else if (t.isOp("(") || t.isOp("[")) {
                // A malformed call or subscript leaves the expression before it, as CPython's PEG
                // parser backtracks; the error is then reported at the same furthest token, but
                // diagnoses that look at what follows the expression can apply.
                int mark = ts.mark();
                try {
                    e = t.isOp("(") ? call(e, start) : subscript(e, start);
                } catch (PySyntaxError failure) {
                    if (!ParserState.isGeneric(failure) || ts.tokenizer().raised(failure)) {
                        throw failure;
                    }
                    ts.reset(mark);
                    return e;
                }
            } else {
                return e;
            }
        }
    }

    private Ast.Expr subscript(Ast.Expr value, Token start) throws PySyntaxError {
        ts.next(); // '['
        Ast.Expr index = slices();
        expect("]");
        return new Ast.Subscript(value, index, start.line(), start.col());
    }

    private Ast.Expr atom() throws PySyntaxError {
        Token t = ts.peek();
        switch (t.kind()) {
            case NAME:
                return nameAtom(t);
            case NUMBER:
                ts.next();
                return Literals.number(st, t);
            case STRING:
                List<Token> parts = new ArrayList<>();
                while (ts.peek().kind() == TokenKind.STRING) {
                    parts.add(ts.next());
                }
                return Literals.strings(st, parts, ts.peek());
            case OP:
                switch (t.text()) {
                    case "(":
                        return parenthesized();
                    case "[":
                        return listDisplay();
                    case "{":
                        return braceDisplay();
                    case "...":
                        ts.next();
                        return new Ast.NamedConstant(Ast.ConstantKind.ELLIPSIS, t.line(), t.col());
                    default:
                        throw diagnosis.invalidSyntax();
                }
            default:
                throw diagnosis.invalidSyntax();
        }
    }

    /** {@code yield [expressions]} (lang-a: generators) or {@code yield from expression}. */
    private Ast.Expr yieldExpression() throws PySyntaxError {
        Token t = ts.next();
        if (ts.peek().isKeyword("from")) {
            ts.next();
            Ast.Expr value = expression();
            if (ts.peek().isOp(",")) { // one expression only, unlike yield's
                throw diagnosis.invalidSyntax();
            }
            return new Ast.Yield(value, true, t.line(), t.col());
        }
        Ast.Expr value = ts.peek().startsExpression() ? starExpressions() : null;
        return new Ast.Yield(value, false, t.line(), t.col());
    }

    private Ast.Expr nameAtom(Token t) throws PySyntaxError {
        Ast.ConstantKind constant;
        switch (t.text()) {
            case "None" -> constant = Ast.ConstantKind.NONE;
            case "True" -> constant = Ast.ConstantKind.TRUE;
            case "False" -> constant = Ast.ConstantKind.FALSE;
            case "yield" -> {
                return yieldExpression();
            }
            default -> {
                if (Keywords.isKeyword(t.text())) {
                    throw diagnosis.invalidSyntax();
                }
                ts.next();
                return new Ast.Name(t.identifier(), t.line(), t.col());
            }
        }
        ts.next();
        return new Ast.NamedConstant(constant, t.line(), t.col());
    }

    /** {@code ()}, {@code (x)}, {@code (x,)}, {@code (x, y)}. */
    private Ast.Expr parenthesized() throws PySyntaxError {
        Token open = ts.next();
        Ast.Expr result;
        if (ts.peek().isOp(")")) {
            ts.next();
            result = new Ast.TupleExpr(List.of(), open.line(), open.col());
        } else {
            Ast.Expr first = starNamedExpression();
            if (startsComprehension(ts.peek())) {
                rejectStarredElement(first);
                Ast.Expr gen = comprehension(Ast.ComprehensionKind.GENERATOR, first, null, open);
                expect(")");
                parentheses.add(gen);
                return gen;
            }
            if (ts.peek().isOp(")")) {
                ts.next();
                result = first;
            } else {
                if (!ts.peek().isOp(",")) {
                    throw diagnosis.invalidSyntax();
                }
                List<Ast.Expr> elts = new ArrayList<>();
                elts.add(first);
                sequenceTail(elts, ")");
                result = new Ast.TupleExpr(elts, open.line(), open.col());
            }
        }
        parentheses.add(result);
        return result;
    }

    private Ast.Expr listDisplay() throws PySyntaxError {
        Token open = ts.next();
        List<Ast.Expr> elts = new ArrayList<>();
        if (!ts.peek().isOp("]")) {
            elts.add(starNamedExpression());
            if (startsComprehension(ts.peek())) {
                rejectStarredElement(elts.get(0));
                Ast.Expr comp = comprehension(Ast.ComprehensionKind.LIST, elts.get(0), null, open);
                expect("]");
                return comp;
            }
        }
        sequenceTail(elts, "]");
        return new Ast.ListExpr(elts, open.line(), open.col());
    }

    /** The rest of a display after its first element: {@code , elt}* {@code [,]} then the closing bracket. */
    private void sequenceTail(List<Ast.Expr> elts, String close) throws PySyntaxError {
        while (ts.peek().isOp(",")) {
            ts.next();
            if (ts.peek().isOp(close)) {
                break;
            }
            elts.add(starNamedExpression());
        }
        expect(close);
    }

    /** A dict or set display, or a dict or set comprehension. */
    private Ast.Expr braceDisplay() throws PySyntaxError {
        Token open = ts.next();
        List<Ast.Expr> keys = new ArrayList<>();
        List<Ast.Expr> values = new ArrayList<>();
        if (ts.peek().isOp("}")) {
            ts.next();
            return new Ast.DictExpr(keys, values, open.line(), open.col());
        }
        if (ts.peek().isOp("**")) {
            Token stars = ts.next();
            keys.add(null);
            values.add(bitwiseOr());
            if (startsComprehension(ts.peek())) {
                throw st.syntaxError("dict unpacking cannot be used in dict comprehension", stars);
            }
        } else {
            Ast.Expr first = starNamedExpression();
            if (!ts.peek().isOp(":")) {
                List<Ast.Expr> elts = new ArrayList<>();
                elts.add(first);
                if (startsComprehension(ts.peek())) {
                    rejectStarredElement(first);
                    Ast.Expr comp = comprehension(Ast.ComprehensionKind.SET, first, null, open);
                    expect("}");
                    return comp;
                }
                sequenceTail(elts, "}");
                return new Ast.SetExpr(elts, open.line(), open.col());
            }
            keys.add(first);
            values.add(dictValue());
            if (startsComprehension(ts.peek())) {
                Ast.Expr comp = comprehension(Ast.ComprehensionKind.DICT, first, values.get(0), open);
                expect("}");
                return comp;
            }
        }
        while (ts.peek().isOp(",")) {
            ts.next();
            if (ts.peek().isOp("}")) {
                break;
            }
            if (ts.peek().isOp("**")) {
                ts.next();
                keys.add(null);
                values.add(bitwiseOr());
                continue;
            }
            Ast.Expr key = expression();
            if (!ts.peek().isOp(":")) {
                // CPython points just past the key.
                throw st.syntaxErrorAt("':' expected after dictionary key", key.line(), endColumn(ts.get(ts.mark() - 1)));
            }
            keys.add(key);
            values.add(dictValue());
        }
        expect("}");
        return new Ast.DictExpr(keys, values, open.line(), open.col());
    }

    /** After a key: the ':' and the value. */
    private Ast.Expr dictValue() throws PySyntaxError {
        Token colon = ts.next();
        Token t = ts.peek();
        if (t.isOp("}") || t.isOp(",")) {
            throw st.syntaxError("expression expected after dictionary key and ':'", colon);
        }
        if (t.isOp("*")) {
            ts.next();
            bitwiseOr();
            throw st.syntaxError("cannot use a starred expression in a dictionary value", t);
        }
        return expression();
    }

    /** The 0-based column just past a token (on its last line). */
    private static int endColumn(Token t) {
        String text = t.text();
        int newline = text.lastIndexOf('\n');
        return newline < 0 ? t.col() + text.codePointCount(0, text.length())
                : text.codePointCount(newline + 1, text.length());
    }


    private static boolean startsComprehension(Token t) {
        return t.isKeyword("for") || t.isKeyword("async");
    }

    private Ast.Expr call(Ast.Expr func, Token start) throws PySyntaxError {
        Token paren = ts.next();
        List<Ast.Expr> args = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        Set<String> keywordNames = new HashSet<>();
        boolean positionalAfterKeyword = false;
        boolean doubleStarSeen = false;
        boolean positionalAfterDoubleStar = false;
        while (!ts.peek().isOp(")")) {
            Token a = ts.peek();
            if (a.isOp("*")) {
                ts.next();
                if (doubleStarSeen) {
                    throw st.syntaxError("iterable argument unpacking follows keyword argument unpacking", a);
                }
                Ast.Expr value = expression();
                if (startsComprehension(ts.peek())) {
                    throw st.syntaxError("iterable unpacking cannot be used in comprehension", a);
                }
                args.add(new Ast.Starred(value, a.line(), a.col()));
            } else if (a.isOp("**")) {
                ts.next();
                doubleStarSeen = true;
                keywords.add(new Ast.Keyword(null, expression()));
            } else if ((a.isName() || a.isKeyword("True") || a.isKeyword("False") || a.isKeyword("None"))
                    && ts.peek(1).isOp("=")) {
                keywords.add(keywordArgument(a, keywordNames));
            } else {
                if (doubleStarSeen) {
                    positionalAfterDoubleStar = true;
                }
                Ast.Expr value = expression();
                Token after = ts.peek();
                if (after.isOp(":=")) {
                    value = walrus(value);
                    after = ts.peek();
                }
                if (after.isOp("=")) {
                    throw st.syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", value);
                }
                if (startsComprehension(after)) {
                    // f(x for x in y): the call's parentheses are the generator expression's.
                    value = comprehension(Ast.ComprehensionKind.GENERATOR, value, null, paren);
                    if (!args.isEmpty() || !keywords.isEmpty() || !ts.peek().isOp(")")) {
                        throw st.syntaxError("Generator expression must be parenthesized", a);
                    }
                }
                positionalAfterKeyword |= keywords.stream().anyMatch(k -> k.name() != null);
                args.add(value);
            }
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
        }
        if (positionalAfterDoubleStar) {
            throw st.syntaxError("positional argument follows keyword argument unpacking", ts.furthestToken());
        }
        if (positionalAfterKeyword) {
            // Reported once the whole argument list has been read, where CPython's parser stopped.
            throw st.syntaxError("positional argument follows keyword argument", ts.furthestToken());
        }
        expect(")");
        return new Ast.Call(func, args, keywords, start.line(), start.col());
    }

    /** {@code name=value}; the name token is current and an '=' follows it. */
    private Ast.Keyword keywordArgument(Token name, Set<String> seen) throws PySyntaxError {
        if (name.isKeyword("True") || name.isKeyword("False") || name.isKeyword("None")) {
            throw st.syntaxError("cannot assign to " + name.text(), name);
        }
        ts.next();
        ts.next();
        Ast.Expr value = expression();
        if (startsComprehension(ts.peek())) {
            throw st.syntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", name);
        }
        String id = name.identifier();
        if (!seen.add(id)) {
            st.deferCompileError("keyword argument repeated: " + id, name);
        }
        return new Ast.Keyword(id, value);
    }

    /** The index of a subscript: an expression, a slice, or a tuple of them. */
    private Ast.Expr slices() throws PySyntaxError {
        return commaList(this::slice, t -> !t.isOp("]"));
    }

    private Ast.Expr slice() throws PySyntaxError {
        Token start = ts.peek();
        if (start.isOp("*")) {
            ts.next();
            bitwiseOr();
            throw st.notSupported("starred expression", start);
        }
        Ast.Expr lower = null;
        if (!start.isOp(":")) {
            lower = expression();
            if (!ts.peek().isOp(":")) {
                return namedExpressionEnd(lower);
            }
        }
        ts.next(); // ':'
        Ast.Expr upper = ts.peek().startsExpression() ? expression() : null;
        Ast.Expr step = null;
        if (ts.peek().isOp(":")) {
            ts.next();
            step = ts.peek().startsExpression() ? expression() : null;
        }
        return new Ast.Slice(lower, upper, step, start.line(), start.col());
    }

    /** An identifier (a NAME that is not a keyword). */
    String name() throws PySyntaxError {
        Token t = ts.peek();
        if (!t.isName()) {
            throw diagnosis.invalidSyntax();
        }
        ts.next();
        return t.identifier();
    }

    private void expect(String op) throws PySyntaxError {
        if (!ts.peek().isOp(op)) {
            throw diagnosis.invalidSyntax();
        }
        ts.next();
    }

    // ------------------------------------------------------------------ diagnostics

    /**
     * Checks what follows an expression that could have been {@code name := value}: an '=' is
     * diagnosed as a mistyped comparison, a ':=' is refused.
     */
    private Ast.Expr namedExpressionEnd(Ast.Expr e) throws PySyntaxError {
        Token t = ts.peek();
        if (t.isOp(":=")) {
            return walrus(e);
        }
        if (t.isOp("=")) {
            PySyntaxError typo = diagnosis.comparisonTypo(e);
            // Only if an operand follows the '=' and no second '=' follows that.
            if (typo != null && Boolean.TRUE.equals(diagnosis.speculate(() -> {
                ts.next();
                bitwiseOr();
                return !ts.peek().isOp("=") && !ts.peek().isOp(":=");
            }))) {
                throw typo;
            }
            throw diagnosis.invalidSyntax();
        }
        return e;
    }

    /** {@code target := value}, the current token being ':=': a NamedExpr, or CPython's error for a non-name. */
    Ast.Expr walrus(Ast.Expr target) throws PySyntaxError {
        ts.next();
        Ast.Expr value = expression(); // a malformed value is reported as such
        if (target instanceof Ast.Name n && !parentheses.contains(target)) {
            Targets.rejectDebug(st, n);
            return new Ast.NamedExpr(n, value, n.line(), n.col());
        }
        throw st.syntaxError("cannot use assignment expressions with " + Targets.describe(target), target);
    }

    // ------------------------------------------------------------------ lambdas and comprehensions

    /** {@code lambda params: body}; 'lambda' is the current token. */
    private Ast.Expr lambda() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Parameters params = new ParameterParser(st, this).lambdaParameters();
        expect(":");
        Ast.Expr body = expression();
        return new Ast.Lambda(params, body, keyword.line(), keyword.col());
    }

    /** The {@code for ... in ... if ...} clauses after a comprehension's element; 'for' is next. */
    private Ast.Expr comprehension(Ast.ComprehensionKind kind, Ast.Expr elt, Ast.Expr value, Token open) throws PySyntaxError {
        List<Ast.Comprehension> generators = new ArrayList<>();
        while (startsComprehension(ts.peek())) {
            boolean isAsync = ts.peek().isKeyword("async");
            if (isAsync) {
                ts.next();
                if (!ts.peek().isKeyword("for")) {
                    throw diagnosis.invalidSyntax();
                }
            }
            ts.next();
            Ast.Expr target = forTargets();
            Ast.Expr invalid = Targets.firstInvalid(target);
            if (invalid != null) {
                throw st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
            }
            if (!ts.peek().isKeyword("in")) {
                throw diagnosis.invalidSyntax();
            }
            ts.next();
            Ast.Expr iter = disjunction();
            List<Ast.Expr> ifs = new ArrayList<>();
            while (ts.peek().isKeyword("if")) {
                ts.next();
                ifs.add(disjunction());
            }
            generators.add(new Ast.Comprehension(target, iter, ifs, isAsync));
        }
        return new Ast.ComprehensionExpr(kind, elt, value, generators, open.line(), open.col());
    }

    private void rejectStarredElement(Ast.Expr first) throws PySyntaxError {
        if (first instanceof Ast.Starred) {
            throw st.syntaxError("iterable unpacking cannot be used in comprehension", first);
        }
    }
}
