package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The front end's entry point and statement parser: Python 3.11 source to {@link Ast.Module}.
 * Statements are parsed here, expressions by {@link ExprParser}.
 *
 * <p>Errors follow CPython 3.11 (type, message, line, column), including its rule that an error
 * the tokenizer would find later in the file replaces a parser error. Valid Python outside the
 * supported subset is reported as a {@code NotImplementedError}.
 */
public final class Parser {
    private static final Map<String, Ast.BinOpKind> AUGMENTED_ASSIGNMENTS = Map.ofEntries(
            Map.entry("+=", Ast.BinOpKind.ADD), Map.entry("-=", Ast.BinOpKind.SUB),
            Map.entry("*=", Ast.BinOpKind.MUL), Map.entry("/=", Ast.BinOpKind.TRUEDIV),
            Map.entry("//=", Ast.BinOpKind.FLOORDIV), Map.entry("%=", Ast.BinOpKind.MOD),
            Map.entry("**=", Ast.BinOpKind.POW), Map.entry("<<=", Ast.BinOpKind.LSHIFT),
            Map.entry(">>=", Ast.BinOpKind.RSHIFT), Map.entry("&=", Ast.BinOpKind.BITAND),
            Map.entry("|=", Ast.BinOpKind.BITOR), Map.entry("^=", Ast.BinOpKind.BITXOR));

    /** Valid statements this runtime does not implement. */
    private static final Set<String> UNSUPPORTED_COMPOUND = Set.of("class", "try", "with", "async");
    private static final Set<String> UNSUPPORTED_SIMPLE = Set.of("del", "assert", "raise", "nonlocal");

    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private int functionDepth;
    /** Loops enclosing the current statement within the current function. */
    private int loopDepth;

    private Parser(ParserState st) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = new ExprParser(st);
    }

    /**
     * Parses a whole file.
     *
     * @param source the program text
     * @param filename the name reported in errors
     * @throws PySyntaxError for any source that is not valid Python (pythonType SyntaxError,
     *     IndentationError or TabError) or uses a construct outside this runtime's subset
     *     (pythonType NotImplementedError); no other exception is thrown for any source text
     */
    public static Ast.Module parse(String source, String filename) throws PySyntaxError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filename, "filename");
        if (source.indexOf('\0') >= 0) {
            throw new PySyntaxError("SyntaxError", "source code string cannot contain null bytes", filename, 0, 0, null);
        }
        SourceText text = new SourceText(source, filename);
        TokenStream tokens = new TokenStream(new Tokenizer(text));
        ParserState st = new ParserState(text, tokens);
        Ast.Module module;
        try {
            module = new Parser(st).module();
        } catch (PySyntaxError e) {
            throw preferTokenizerError(e, st);
        } catch (StackOverflowError e) {
            // Nesting is bounded (200 brackets, 100 indents) but a caller's thread may have a tiny stack.
            Token last = tokens.lastFetched();
            int line = last == null ? 1 : last.line();
            throw text.error("SyntaxError", "too many nested parentheses", line, 0);
        }
        st.throwDeferred();
        return module;
    }

    /**
     * CPython tokenizes the rest of the file after a parser error, and a tokenizer error found
     * there (an unterminated string, say) is reported instead.
     */
    private static PySyntaxError preferTokenizerError(PySyntaxError e, ParserState st) {
        Tokenizer tokenizer = st.tokens.tokenizer();
        if (tokenizer.raised(e) || st.isKeptOverTokenizer(e)) {
            return e;
        }
        Token last = st.tokens.lastFetched();
        PySyntaxError later = tokenizer.drain(last == null ? 0 : last.line());
        return later != null ? later : e;
    }

    private Ast.Module module() throws PySyntaxError {
        List<Ast.Stmt> body = new ArrayList<>();
        while (ts.peek().kind() != TokenKind.ENDMARKER) {
            statement(body);
        }
        return new Ast.Module(body);
    }

    /** One line's worth: a compound statement, or simple statements separated by ';'. */
    private void statement(List<Ast.Stmt> out) throws PySyntaxError {
        Token t = ts.peek();
        if (t.kind() == TokenKind.INDENT) {
            throw st.keepOverTokenizer(st.indentationError("unexpected indent", t));
        }
        if (t.kind() == TokenKind.NAME) {
            switch (t.text()) {
                case "def" -> {
                    out.add(functionDef());
                    return;
                }
                case "if" -> {
                    out.add(ifStatement());
                    return;
                }
                case "while" -> {
                    out.add(whileStatement());
                    return;
                }
                case "for" -> {
                    out.add(forStatement());
                    return;
                }
                case "match" -> {
                    if (isMatchStatement()) {
                        throw st.notSupported("the 'match' statement", t);
                    }
                }
                default -> {
                    if (UNSUPPORTED_COMPOUND.contains(t.text())) {
                        throw st.notSupported("the '" + t.text() + "' statement", t);
                    }
                }
            }
        }
        if (t.isOp("@")) {
            throw st.notSupported("decorators", t);
        }
        simpleStatements(out);
    }

    /** {@code match} is a soft keyword: a statement only if a subject, ':' and a newline follow. */
    private boolean isMatchStatement() throws PySyntaxError {
        Boolean match = expr.tryParse(() -> {
            ts.next();
            if (!expr.startsExpression(ts.peek())) {
                return false;
            }
            expr.starExpressions();
            return ts.peek().isOp(":") && ts.peek(1).kind() == TokenKind.NEWLINE;
        });
        return Boolean.TRUE.equals(match);
    }

    private void simpleStatements(List<Ast.Stmt> out) throws PySyntaxError {
        while (true) {
            out.add(simpleStatement());
            if (!ts.peek().isOp(";")) {
                break;
            }
            ts.next();
            if (ts.peek().kind() == TokenKind.NEWLINE) {
                break;
            }
        }
        if (ts.peek().kind() != TokenKind.NEWLINE) {
            throw expr.invalidSyntax();
        }
        ts.next();
    }

    private Ast.Stmt simpleStatement() throws PySyntaxError {
        Token t = ts.peek();
        if (t.kind() == TokenKind.NAME) {
            switch (t.text()) {
                case "pass":
                    ts.next();
                    return new Ast.Pass(t.line(), t.col());
                case "break":
                    ts.next();
                    if (loopDepth == 0) {
                        st.deferCompileError("'break' outside loop", t);
                    }
                    return new Ast.Break(t.line(), t.col());
                case "continue":
                    ts.next();
                    if (loopDepth == 0) {
                        st.deferCompileError("'continue' not properly in loop", t);
                    }
                    return new Ast.Continue(t.line(), t.col());
                case "return":
                    return returnStatement();
                case "global":
                    return globalStatement();
                case "import":
                    return importStatement();
                case "from":
                    return fromImportStatement();
                default:
                    if (UNSUPPORTED_SIMPLE.contains(t.text())) {
                        throw st.notSupported("the '" + t.text() + "' statement", t);
                    }
            }
        }
        return expressionStatement();
    }

    private Ast.Stmt returnStatement() throws PySyntaxError {
        Token t = ts.next();
        Ast.Expr value = expr.startsExpression(ts.peek()) ? expr.starExpressions() : null;
        if (functionDepth == 0) {
            st.deferCompileError("'return' outside function", t);
        }
        return new Ast.Return(value, t.line(), t.col());
    }

    private Ast.Stmt globalStatement() throws PySyntaxError {
        Token t = ts.next();
        List<String> names = new ArrayList<>();
        names.add(name());
        while (ts.peek().isOp(",")) {
            ts.next();
            names.add(name());
        }
        return new Ast.Global(names, t.line(), t.col());
    }

    /** {@code import a.b [as c], ...}. */
    private Ast.Stmt importStatement() throws PySyntaxError {
        Token t = ts.next();
        List<String> names = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                ts.next(); // ','
            }
            names.add(dottedName());
            asNames.add(asName());
        } while (ts.peek().isOp(","));
        return new Ast.Import(names, asNames, t.line(), t.col());
    }

    /** {@code from a.b import c [as d], ...} or with the names in parentheses. */
    private Ast.Stmt fromImportStatement() throws PySyntaxError {
        Token t = ts.next();
        Token dot = ts.peek();
        if (dot.isOp(".") || dot.isOp("...")) {
            throw st.notSupported("relative import", dot);
        }
        String module = dottedName();
        if (!ts.peek().isKeyword("import")) {
            throw expr.invalidSyntax();
        }
        ts.next();
        Token star = ts.peek();
        if (star.isOp("*")) {
            throw st.notSupported("'from ... import *'", star);
        }
        boolean parenthesized = star.isOp("(");
        if (parenthesized) {
            ts.next();
        }
        List<String> names = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        while (true) {
            names.add(name());
            asNames.add(asName());
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
            if (parenthesized && ts.peek().isOp(")")) {
                break;
            }
            if (!parenthesized && ts.peek().kind() == TokenKind.NEWLINE) {
                throw st.syntaxError("trailing comma not allowed without surrounding parentheses", ts.peek());
            }
        }
        if (parenthesized) {
            if (!ts.peek().isOp(")")) {
                throw expr.invalidSyntax();
            }
            ts.next();
        }
        return new Ast.ImportFrom(module, names, asNames, t.line(), t.col());
    }

    private String dottedName() throws PySyntaxError {
        StringBuilder sb = new StringBuilder(name());
        while (ts.peek().isOp(".")) {
            ts.next();
            sb.append('.').append(name());
        }
        return sb.toString();
    }

    private String asName() throws PySyntaxError {
        if (!ts.peek().isKeyword("as")) {
            return null;
        }
        ts.next();
        return name();
    }

    private String name() throws PySyntaxError {
        Token t = ts.peek();
        if (!t.isName()) {
            throw expr.invalidSyntax();
        }
        ts.next();
        return t.identifier();
    }

    // ------------------------------------------------------------------ assignments

    private Ast.Stmt expressionStatement() throws PySyntaxError {
        Token start = ts.peek();
        Ast.Expr first = expr.starExpressions();
        Token t = ts.peek();
        if (t.isOp("=")) {
            return assignment(start, first);
        }
        if (t.isOp("@=")) {
            throw st.notSupported("the '@=' operator", t);
        }
        Ast.BinOpKind op = t.kind() == TokenKind.OP ? AUGMENTED_ASSIGNMENTS.get(t.text()) : null;
        if (op != null) {
            ts.next();
            Ast.Expr value = expr.starExpressions();
            if (!Targets.isSingleTarget(first)) {
                throw st.syntaxError("'" + Targets.describe(first) + "' is an illegal expression for augmented assignment", first);
            }
            checkDebugAssignment(first);
            return new Ast.AugAssign(first, op, value, start.line(), start.col());
        }
        if (t.isOp(":")) {
            throw annotation(first);
        }
        if (t.isOp(":=")) {
            if (first instanceof Ast.Name && !expr.isParenthesized(first)) {
                throw expr.invalidSyntax(); // valid only in parentheses
            }
            throw expr.walrus(first);
        }
        if (first instanceof Ast.TupleExpr && !expr.isParenthesized(first) && expr.startsExpression(t)) {
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
        targets.forEach(this::checkDebugAssignment);
        return new Ast.Assign(targets, value, start.line(), start.col());
    }

    /**
     * After {@code a, b} another expression starts, so the statement is invalid. CPython's error
     * pass reads on through further lists ({@code star_named_expressions*} in its
     * invalid_assignment rule), reporting e.g. {@code c = d} inside them as a mistyped comparison.
     */
    private void diagnoseTupleContinuation() throws PySyntaxError {
        expr.speculate(() -> {
            while (expr.startsExpression(ts.peek())) {
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
        if (t1 instanceof Ast.TupleExpr t && !expr.isParenthesized(t1) && !t.elts().isEmpty()) {
            t1 = t.elts().get(t.elts().size() - 1);
        }
        Ast.Expr e1 = targets.size() > 1 ? targets.get(1) : value; // null if it failed to parse
        boolean e1FollowedByAssign = targets.size() > 1;
        if (e1 != null && expr.startsWithBitwiseOr(e1) && !(e1FollowedByAssign && expr.isBitwiseOrLevel(e1))) {
            PySyntaxError typo = expr.comparisonTypo(t1);
            if (typo != null) {
                return typo;
            }
        }
        Ast.Expr invalid = targets.stream().map(Targets::firstInvalid).filter(Objects::nonNull).findFirst().orElse(t1);
        return st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
    }

    /**
     * {@code target: annotation [= value]}, the current token being the ':': unsupported when
     * valid, otherwise CPython's error.
     */
    private PySyntaxError annotation(Ast.Expr target) throws PySyntaxError {
        Token colon = ts.peek();
        if (Targets.isSingleTarget(target)) {
            // CPython parses these annotations in its first pass, so their errors are plain ones.
            ts.next();
            if (!expr.startsExpression(ts.peek())) {
                return expr.invalidSyntax();
            }
            expr.expression();
            return st.notSupported("variable annotation", colon);
        }
        // Other targets are only diagnosed if an annotation follows.
        if (expr.speculate(() -> {
            ts.next();
            return expr.expression();
        }) == null) {
            return expr.invalidSyntax();
        }
        if (target instanceof Ast.TupleExpr) {
            return st.syntaxError("only single target (not tuple) can be annotated", target);
        }
        if (target instanceof Ast.ListExpr) {
            return st.syntaxError("only single target (not list) can be annotated", target);
        }
        return st.syntaxError("illegal target for annotation", target);
    }

    private void checkDebugAssignment(Ast.Expr target) {
        Ast.Name debug = Targets.debugName(target);
        if (debug != null) {
            st.deferCompileError("cannot assign to __debug__", debug);
        }
    }

    // ------------------------------------------------------------------ compound statements

    private Ast.Stmt functionDef() throws PySyntaxError {
        Token def = ts.next();
        Token nameToken = ts.peek();
        String name = name();
        if (name.equals("__debug__")) {
            st.deferCompileError("cannot assign to __debug__", nameToken);
        }
        if (!ts.peek().isOp("(")) {
            throw st.syntaxError("expected '('", ts.peek());
        }
        ts.next();
        List<String> params = parameters();
        if (ts.peek().isOp("->")) {
            throw st.notSupported("return annotation", ts.peek());
        }
        if (!ts.peek().isOp(":")) {
            throw st.syntaxError("expected ':'", ts.peek());
        }
        ts.next();
        int outerLoops = loopDepth;
        loopDepth = 0;
        functionDepth++;
        List<Ast.Stmt> body = block("function definition", def);
        functionDepth--;
        loopDepth = outerLoops;
        return new Ast.FunctionDef(name, params, body, def.line(), def.col());
    }

    /** Plain positional parameters up to and including the ')'. */
    private List<String> parameters() throws PySyntaxError {
        List<String> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (!ts.peek().isOp(")")) {
            Token p = ts.peek();
            if (p.isOp("*")) {
                throw st.notSupported(ts.peek(1).isName() ? "'*args' parameter" : "keyword-only parameters", p);
            }
            if (p.isOp("**")) {
                throw st.notSupported("'**kwargs' parameter", p);
            }
            if (p.isOp("/")) {
                throw st.notSupported("positional-only parameters", p);
            }
            if (p.isOp("(") && parenthesizedParameters()) {
                throw st.syntaxError("Function parameters cannot be parenthesized", p);
            }
            String param = name();
            Token after = ts.peek();
            if (after.isOp("=")) {
                throw st.notSupported("default parameter values", after);
            }
            if (after.isOp(":")) {
                throw st.notSupported("parameter annotation", after);
            }
            if (!seen.add(param)) {
                st.deferSymtableError("duplicate argument '" + param + "' in function definition", p);
            }
            if (param.equals("__debug__")) {
                st.deferCompileError("cannot assign to __debug__", p);
            }
            params.add(param);
            if (!after.isOp(",")) {
                break;
            }
            ts.next();
        }
        if (!ts.peek().isOp(")")) {
            throw expr.invalidSyntax();
        }
        ts.next();
        return params;
    }

    /** Whether {@code (a, b)} follows, a Python 2 tuple parameter. */
    private boolean parenthesizedParameters() throws PySyntaxError {
        return Boolean.TRUE.equals(expr.speculate(() -> {
            ts.next();
            name();
            while (ts.peek().isOp(",") && ts.peek(1).isName()) {
                ts.next();
                name();
            }
            if (ts.peek().isOp(",")) {
                ts.next();
            }
            return ts.peek().isOp(")");
        }));
    }

    /** if/elif/else; the elif chain is parsed iteratively, then nested from the last one out. */
    private Ast.Stmt ifStatement() throws PySyntaxError {
        List<Token> keywords = new ArrayList<>();
        List<Ast.Expr> tests = new ArrayList<>();
        List<List<Ast.Stmt>> bodies = new ArrayList<>();
        do {
            Token keyword = ts.next();
            keywords.add(keyword);
            tests.add(condition());
            bodies.add(block("'" + keyword.text() + "' statement", keyword));
        } while (ts.peek().isKeyword("elif"));
        List<Ast.Stmt> orelse = elseBlock();
        for (int i = keywords.size() - 1; i >= 0; i--) {
            Token keyword = keywords.get(i);
            orelse = List.of(new Ast.If(tests.get(i), bodies.get(i), orelse, keyword.line(), keyword.col()));
        }
        return orelse.get(0);
    }

    private Ast.Stmt whileStatement() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Expr test = condition();
        List<Ast.Stmt> body = loopBody("'while' statement", keyword);
        return new Ast.While(test, body, elseBlock(), keyword.line(), keyword.col());
    }

    private Ast.Stmt forStatement() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Expr target = forTarget();
        ts.next();
        Ast.Expr iter = expr.starExpressions();
        headerColon();
        List<Ast.Stmt> body = loopBody("'for' statement", keyword);
        return new Ast.For(target, iter, body, elseBlock(), keyword.line(), keyword.col());
    }

    /** The target of a for statement, up to the 'in'. */
    private Ast.Expr forTarget() throws PySyntaxError {
        int start = ts.mark();
        Ast.Expr target = null;
        PySyntaxError failure = null;
        try {
            target = expr.forTargets();
        } catch (PySyntaxError e) {
            if (!ParserState.isGeneric(e)) {
                throw e;
            }
            failure = e;
        }
        Ast.Expr invalid = target == null ? null : Targets.firstInvalid(target);
        if (invalid == null && (target == null || !ts.peek().isKeyword("in"))) {
            // CPython rereads `for <expressions>` to find a bad target: `for a + b in c`.
            Ast.Expr whole = expr.speculate(() -> {
                ts.reset(start);
                return expr.starExpressions();
            });
            invalid = whole == null ? null : Targets.firstInvalid(
                    whole instanceof Ast.Compare c && c.ops().get(0) == Ast.CmpOpKind.IN ? c.left() : whole);
            if (invalid == null) {
                throw failure != null ? failure : expr.invalidSyntax();
            }
        }
        if (invalid != null) {
            throw st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
        }
        checkDebugAssignment(target);
        return target;
    }

    /** The test of if/elif/while and the ':' after it. */
    private Ast.Expr condition() throws PySyntaxError {
        Ast.Expr test = expr.namedExpression();
        headerColon();
        return test;
    }

    /** CPython says "expected ':'" only when the header line ends without it. */
    private void headerColon() throws PySyntaxError {
        Token t = ts.peek();
        if (t.kind() == TokenKind.NEWLINE) {
            throw st.syntaxError("expected ':'", t);
        }
        if (!t.isOp(":")) {
            throw expr.invalidSyntax();
        }
        ts.next();
    }

    private List<Ast.Stmt> loopBody(String what, Token keyword) throws PySyntaxError {
        loopDepth++;
        List<Ast.Stmt> body = block(what, keyword);
        loopDepth--;
        return body;
    }

    /** An optional {@code else:} block; empty when absent. */
    private List<Ast.Stmt> elseBlock() throws PySyntaxError {
        if (!ts.peek().isKeyword("else")) {
            return List.of();
        }
        Token keyword = ts.next();
        if (!ts.peek().isOp(":")) {
            throw st.syntaxError("expected ':'", ts.peek());
        }
        ts.next();
        return block("'else' statement", keyword);
    }

    /** The suite after a header's ':': an indented block, or simple statements on the same line. */
    private List<Ast.Stmt> block(String what, Token header) throws PySyntaxError {
        List<Ast.Stmt> body = new ArrayList<>();
        if (ts.peek().kind() != TokenKind.NEWLINE) {
            simpleStatements(body);
            return body;
        }
        ts.next();
        if (ts.peek().kind() != TokenKind.INDENT) {
            throw st.indentationError("expected an indented block after " + what + " on line " + header.line(), ts.peek());
        }
        ts.next();
        while (ts.peek().kind() != TokenKind.DEDENT) {
            if (ts.peek().kind() == TokenKind.ENDMARKER) {
                throw expr.invalidSyntax();
            }
            statement(body);
        }
        ts.next();
        return body;
    }
}
