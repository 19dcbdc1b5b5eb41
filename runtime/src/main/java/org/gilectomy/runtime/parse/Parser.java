package org.gilectomy.runtime.parse;

import java.util.ArrayList;
import java.util.List;
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
    /** Valid statements this runtime does not implement. */
    private static final Set<String> UNSUPPORTED_SIMPLE = Set.of();

    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private final Diagnosis diag;
    private final AssignmentParser assignments;
    private final ImportParser imports;
    private int functionDepth;
    /** Class bodies enclosing the current statement (a nonlocal there may refer to a function's variable). */
    private int classDepth;
    /** Loops enclosing the current statement within the current function. */
    private int loopDepth;
    /** The loop depth at the start of the innermost {@code except*} body around, or -1 if none (in this function). */
    private int exceptStarLoops = -1;

    private Parser(ParserState st) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = new ExprParser(st);
        this.diag = this.expr.diagnosis();
        this.assignments = new AssignmentParser(st, expr);
        this.imports = new ImportParser(st, expr);
    }

    /**
     * Parses a whole file.
     *
     * @param source the program text
     * @param filename the name reported in errors
     * @throws PySyntaxError for any source that is not valid Python (pythonType SyntaxError,
     *     IndentationError or TabError), is nested too deeply to compile (RecursionError, as
     *     CPython), or uses a construct outside this runtime's subset (NotImplementedError);
     *     no other exception is thrown for any source text
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
            // Recursion is bounded (200 brackets, 100 indents) but a caller's thread may have a tiny stack.
            Token last = tokens.lastFetched();
            throw text.error("RecursionError", "maximum recursion depth exceeded during compilation",
                    last == null ? 1 : last.line(), 0);
        }
        st.throwDeferred();
        NestingLimit.check(module, text);
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
        ts.release();
        expr.startStatement();
        Token t = ts.peek();
        if (t.kind() == TokenKind.INDENT) {
            throw st.keepOverTokenizer(st.indentationError("unexpected indent", t));
        }
        if (t.kind() == TokenKind.NAME) {
            switch (t.text()) {
                case "def" -> {
                    out.add(functionDef(List.of()));
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
                case "class" -> {
                    out.add(classDef(List.of()));
                    return;
                }
                case "try" -> {
                    out.add(tryStatement());
                    return;
                }
                case "with" -> {
                    out.add(withStatement());
                    return;
                }
                case "match" -> {
                    MatchHead head = matchHead();
                    if (head != null && head.isStatement()) {
                        out.add(matchStatement());
                        return;
                    }
                    if (head != null && head.afterSubject().kind() == TokenKind.NEWLINE) {
                        matchWithoutColon(out, head.afterSubject());
                        return;
                    }
                }
                case "async" -> {
                    out.add(asyncStatement(List.of()));
                    return;
                }
                default -> { }
            }
        }
        if (t.isOp("@")) {
            out.add(decorated());
            return;
        }
        simpleStatements(out);
    }

    /** What follows {@code match <subject>}; a match statement if it is ':' and a newline. */
    private record MatchHead(Token afterSubject, boolean isStatement) {
    }

    /**
     * {@code match} is a soft keyword, starting a match statement only if a subject, ':' and a
     * newline follow. Returns null if no subject follows it.
     */
    private MatchHead matchHead() throws PySyntaxError {
        return diag.tryAlternative(() -> {
            ts.next();
            if (!ts.peek().startsExpression()) {
                return null;
            }
            expr.starExpressions();
            Token after = ts.peek();
            return new MatchHead(after, after.isOp(":") && ts.peek(1).kind() == TokenKind.NEWLINE);
        });
    }

    /** {@code match subject: NEWLINE INDENT case... DEDENT}; matchHead() found the ':' and newline. */
    private Ast.Stmt matchStatement() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Expr subject = expr.starExpressions();
        ts.next(); // ':'
        ts.next(); // NEWLINE
        if (ts.peek().kind() != TokenKind.INDENT) {
            throw st.indentationError("expected an indented block after 'match' statement on line " + keyword.line(), ts.peek());
        }
        ts.next();
        PatternParser patterns = new PatternParser(st, expr);
        List<Ast.MatchCase> cases = new ArrayList<>();
        do {
            ts.release();
            expr.startStatement();
            Token caseKeyword = ts.peek();
            if (!caseKeyword.isKeyword("case")) {
                throw diag.invalidSyntax();
            }
            ts.next();
            Ast.Pattern pattern = patterns.patterns();
            Ast.Expr guard = null;
            if (ts.peek().isKeyword("if")) {
                ts.next();
                guard = expr.namedExpression();
            }
            headerColon();
            cases.add(new Ast.MatchCase(pattern, guard, block("'case' statement", caseKeyword)));
        } while (ts.peek().kind() != TokenKind.DEDENT);
        ts.next();
        return new Ast.Match(subject, cases, keyword.line(), keyword.col());
    }

    /** {@code match x} alone on a line: an expression statement if valid, else a match missing its ':'. */
    private void matchWithoutColon(List<Ast.Stmt> out, Token newline) throws PySyntaxError {
        try {
            simpleStatements(out);
        } catch (PySyntaxError e) {
            throw ParserState.isGeneric(e) ? st.syntaxError("expected ':'", newline) : e;
        }
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
            throw diag.invalidSyntax();
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
                    if (loopDepth == exceptStarLoops) {
                        st.deferCompileError(EXCEPT_STAR_EXIT, t);
                    } else if (loopDepth == 0) {
                        st.deferCompileError("'break' outside loop", t);
                    }
                    return new Ast.Break(t.line(), t.col());
                case "continue":
                    ts.next();
                    if (loopDepth == exceptStarLoops) {
                        st.deferCompileError(EXCEPT_STAR_EXIT, t);
                    } else if (loopDepth == 0) {
                        st.deferCompileError("'continue' not properly in loop", t);
                    }
                    return new Ast.Continue(t.line(), t.col());
                case "return":
                    return returnStatement();
                case "global":
                    return globalStatement();
                case "nonlocal":
                    return nonlocalStatement();
                case "import":
                    return imports.importStatement();
                case "from":
                    return imports.fromImportStatement();
                case "raise":
                    return raiseStatement();
                case "del":
                    return delStatement();
                case "assert":
                    return assertStatement();
                default:
                    if (UNSUPPORTED_SIMPLE.contains(t.text())) {
                        throw st.notSupported("the '" + t.text() + "' statement", t);
                    }
            }
        }
        return assignments.expressionStatement();
    }

    private static final String EXCEPT_STAR_EXIT = "'break', 'continue' and 'return' cannot appear in an except* block";

    private Ast.Stmt returnStatement() throws PySyntaxError {
        Token t = ts.next();
        Ast.Expr value = ts.peek().startsExpression() ? expr.starExpressions() : null;
        if (functionDepth == 0) {
            st.deferCompileError("'return' outside function", t);
        } else if (exceptStarLoops >= 0) {
            if (value != null) {
                st.deferCompileError(EXCEPT_STAR_EXIT, value); // CPython points at the value
            } else {
                st.deferCompileError(EXCEPT_STAR_EXIT, t);
            }
        }
        return new Ast.Return(value, t.line(), t.col());
    }

    private Ast.Stmt globalStatement() throws PySyntaxError {
        Token t = ts.next();
        List<String> names = new ArrayList<>();
        names.add(expr.name());
        while (ts.peek().isOp(",")) {
            ts.next();
            names.add(expr.name());
        }
        return new Ast.Global(names, t.line(), t.col());
    }

    private Ast.Stmt nonlocalStatement() throws PySyntaxError {
        Token t = ts.peek();
        Ast.Global names = (Ast.Global) globalStatement();
        if (functionDepth == 0 && classDepth == 0) {
            st.deferSymtableError("nonlocal declaration not allowed at module level", t);
        }
        return new Ast.Nonlocal(names.names(), t.line(), t.col());
    }

    // ------------------------------------------------------------------ compound statements

    /**
     * {@code @expr NEWLINE} lines (any expression, PEP 614), then the def or class they
     * decorate.
     */
    private Ast.Stmt decorated() throws PySyntaxError {
        List<Ast.Expr> decorators = new ArrayList<>();
        while (ts.peek().isOp("@")) {
            ts.next();
            decorators.add(expr.namedExpression());
            if (ts.peek().kind() != TokenKind.NEWLINE) {
                throw diag.invalidSyntax();
            }
            ts.next();
        }
        Token t = ts.peek();
        if (t.isKeyword("def")) {
            return functionDef(decorators);
        }
        if (t.isKeyword("class")) {
            return classDef(decorators);
        }
        if (t.isKeyword("async") && ts.peek(1).isKeyword("def")) {
            return asyncStatement(decorators);
        }
        throw diag.invalidSyntax();
    }

    /**
     * {@code async def}, {@code async for}, {@code async with} (decorators only before a def):
     * the statement after the keyword, marked async, its position the keyword's as in CPython's ast.
     */
    private Ast.Stmt asyncStatement(List<Ast.Expr> decorators) throws PySyntaxError {
        Token async = ts.next();
        Token t = ts.peek();
        if (t.isKeyword("def")) {
            return functionDef(decorators, async);
        }
        if (t.isKeyword("for")) {
            Ast.For f = (Ast.For) forStatement();
            return new Ast.For(f.target(), f.iter(), f.body(), f.orelse(), async.line(), async.col(), true);
        }
        if (t.isKeyword("with")) {
            return withStatement(async);
        }
        throw diag.invalidSyntax();
    }

    private Ast.Stmt functionDef(List<Ast.Expr> decorators) throws PySyntaxError {
        return functionDef(decorators, null);
    }

    /** A def; {@code async} is the keyword before it in an {@code async def}, else null. */
    private Ast.Stmt functionDef(List<Ast.Expr> decorators, Token async) throws PySyntaxError {
        Token def = ts.next();
        Token nameToken = ts.peek();
        String name = expr.name();
        if (name.equals("__debug__")) {
            st.deferCompileError("cannot assign to __debug__", nameToken);
        }
        if (!ts.peek().isOp("(")) {
            throw st.syntaxError("expected '('", ts.peek());
        }
        ts.next();
        ParameterParser parameters = new ParameterParser(st, expr);
        Ast.Parameters params = parameters.defParameters();
        List<Ast.Annotation> annotations = new ArrayList<>(parameters.annotations());
        if (ts.peek().isOp("->")) {
            ts.next();
            annotations.add(new Ast.Annotation("return", expr.expression()));
        }
        if (!ts.peek().isOp(":")) {
            throw st.syntaxError("expected ':'", ts.peek());
        }
        ts.next();
        int outerLoops = loopDepth;
        int outerStar = exceptStarLoops;
        loopDepth = 0;
        exceptStarLoops = -1;
        functionDepth++;
        List<Ast.Stmt> body = block("function definition", def);
        functionDepth--;
        loopDepth = outerLoops;
        exceptStarLoops = outerStar;
        Token at = async != null ? async : def;
        return new Ast.FunctionDef(name, params, body, decorators, annotations, at.line(), at.col(), async != null);
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
        ts.next(); // 'in', which forTarget() checked
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
            Ast.Expr whole = diag.speculate(() -> {
                ts.reset(start);
                return expr.starExpressions();
            });
            invalid = whole == null ? null : Targets.firstInvalid(
                    whole instanceof Ast.Compare c && c.ops().get(0) == Ast.CmpOpKind.IN ? c.left() : whole);
            if (invalid == null) {
                throw failure != null ? failure : diag.invalidSyntax();
            }
        }
        if (invalid != null) {
            throw st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
        }
        Targets.rejectDebug(st, target);
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
            throw diag.invalidSyntax();
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
                throw diag.invalidSyntax();
            }
            statement(body);
        }
        ts.next();
        return body;
    }

    // ------------------------------------------------------------------ classes, try, with, raise, del, assert

    private Ast.Stmt classDef(List<Ast.Expr> decorators) throws PySyntaxError {
        Token keyword = ts.next();
        String name = expr.name();
        List<Ast.Expr> bases = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        if (ts.peek().isOp("(")) {
            ts.next();
            while (!ts.peek().isOp(")")) {
                if (ts.peek().isName() && ts.peek(1).isOp("=")) {
                    String kw = ts.next().text();
                    ts.next();
                    keywords.add(new Ast.Keyword(kw, expr.expression()));
                    if (!ts.peek().isOp(",")) {
                        break;
                    }
                    ts.next();
                    continue;
                }
                if (!keywords.isEmpty()) {
                    throw diag.invalidSyntax(); // a base after a keyword, as CPython refuses
                }
                if (ts.peek().isOp("*") || ts.peek().isOp("**")) {
                    throw st.notSupported("unpacking in a class's bases", ts.peek());
                }
                bases.add(expr.expression());
                if (!ts.peek().isOp(",")) {
                    break;
                }
                ts.next();
            }
            if (!ts.peek().isOp(")")) {
                throw diag.invalidSyntax();
            }
            ts.next();
        }
        headerColon();
        int outerLoops = loopDepth;
        int outerFunctions = functionDepth;
        int outerStar = exceptStarLoops;
        loopDepth = 0;
        functionDepth = 0;
        exceptStarLoops = -1;
        classDepth++;
        List<Ast.Stmt> body = block("class definition", keyword);
        classDepth--;
        exceptStarLoops = outerStar;
        loopDepth = outerLoops;
        functionDepth = outerFunctions;
        return new Ast.ClassDef(name, bases, keywords, body, decorators, keyword.line(), keyword.col());
    }

    private Ast.Stmt tryStatement() throws PySyntaxError {
        Token keyword = ts.next();
        headerColon();
        List<Ast.Stmt> body = block("'try' statement", keyword);
        List<Ast.ExceptHandler> handlers = new ArrayList<>();
        Boolean star = null;
        while (ts.peek().isKeyword("except")) {
            Token except = ts.next();
            boolean thisStar = ts.peek().isOp("*");
            if (star != null && star != thisStar) {
                throw st.syntaxError("cannot have both 'except' and 'except*' on the same 'try'", except);
            }
            star = thisStar;
            if (thisStar) {
                ts.next();
                if (ts.peek().isOp(":")) {
                    throw st.syntaxError("expected one or more exception types", ts.peek());
                }
            }
            if (!handlers.isEmpty() && handlers.get(handlers.size() - 1).type() == null) {
                Ast.ExceptHandler bare = handlers.get(handlers.size() - 1);
                throw st.syntaxErrorAt("default 'except:' must be last", bare.line(), bare.col() + 1);
            }
            Ast.Expr type = null;
            String name = null;
            if (!ts.peek().isOp(":")) {
                type = expr.expression();
                if (ts.peek().isOp(",")) {
                    throw st.syntaxError("multiple exception types must be parenthesized", type);
                }
                if (ts.peek().isKeyword("as")) {
                    ts.next();
                    name = expr.name();
                }
            }
            headerColon();
            int outerStar = exceptStarLoops;
            if (thisStar) {
                exceptStarLoops = loopDepth;
            }
            List<Ast.Stmt> handlerBody = block(thisStar ? "'except*' statement" : "'except' statement", except);
            exceptStarLoops = outerStar;
            handlers.add(new Ast.ExceptHandler(type, name, handlerBody, except.line(), except.col()));
        }
        List<Ast.Stmt> orelse = handlers.isEmpty() ? List.of() : elseBlock();
        List<Ast.Stmt> finalbody = List.of();
        if (ts.peek().isKeyword("finally")) {
            Token fin = ts.next();
            headerColon();
            finalbody = block("'finally' statement", fin);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw st.syntaxError("expected 'except' or 'finally' block", ts.peek());
        }
        return new Ast.Try(body, handlers, orelse, finalbody, keyword.line(), keyword.col(), Boolean.TRUE.equals(star));
    }

    private Ast.Stmt withStatement() throws PySyntaxError {
        return withStatement(null);
    }

    /** A with statement; {@code async} is the keyword before it in an {@code async with}, else null. */
    private Ast.Stmt withStatement(Token async) throws PySyntaxError {
        Token keyword = ts.next();
        Token at = async != null ? async : keyword;
        List<Ast.Expr> contexts = new ArrayList<>();
        List<Ast.Expr> targets = new ArrayList<>();
        // with (a as x, b as y): -- Python 3.9+'s parenthesized items, tried first as CPython's
        // grammar does; `with (a, b) as c:` and `with (a).b:` are then plain items.
        boolean parenthesized = ts.peek().isOp("(") && Boolean.TRUE.equals(diag.tryAlternative(() -> {
            ts.next();
            withItems(new ArrayList<>(), new ArrayList<>(), true);
            return ts.next().isOp(")") && ts.peek().isOp(":");
        }));
        if (parenthesized) {
            ts.next();
            withItems(contexts, targets, true);
            ts.next(); // ')'
        } else {
            withItems(contexts, targets, false);
        }
        headerColon();
        List<Ast.Stmt> body = block("'with' statement", keyword);
        for (int i = contexts.size() - 1; i >= 0; i--) {
            body = List.of(new Ast.With(contexts.get(i), targets.get(i), body, at.line(), at.col(), async != null));
        }
        return body.get(0);
    }

    /** {@code item [as target], ...}; inside brackets a trailing comma is allowed. */
    private void withItems(List<Ast.Expr> contexts, List<Ast.Expr> targets, boolean parenthesized) throws PySyntaxError {
        while (true) {
            contexts.add(expr.expression());
            Ast.Expr target = null;
            if (ts.peek().isKeyword("as")) {
                ts.next();
                target = expr.expression();
                Ast.Expr invalid = Targets.firstInvalid(target);
                if (invalid != null) {
                    throw st.syntaxError("cannot assign to " + Targets.describe(invalid), invalid);
                }
            }
            targets.add(target);
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
            if (parenthesized && ts.peek().isOp(")")) {
                break;
            }
        }
    }

    private Ast.Stmt raiseStatement() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Expr exc = null;
        Ast.Expr cause = null;
        if (ts.peek().startsExpression()) {
            exc = expr.expression();
            if (ts.peek().isKeyword("from")) {
                ts.next();
                cause = expr.expression();
            }
        }
        return new Ast.Raise(exc, cause, keyword.line(), keyword.col());
    }

    private Ast.Stmt delStatement() throws PySyntaxError {
        Token keyword = ts.next();
        List<Ast.Expr> targets = new ArrayList<>();
        while (true) {
            Ast.Expr t = expr.expression();
            if (!(t instanceof Ast.Name || t instanceof Ast.Attribute || t instanceof Ast.Subscript
                    || t instanceof Ast.TupleExpr || t instanceof Ast.ListExpr)) {
                throw st.syntaxError("cannot delete " + Targets.describe(t), t);
            }
            targets.add(t);
            if (!ts.peek().isOp(",")) {
                break;
            }
            ts.next();
            if (!ts.peek().startsExpression()) {
                break;
            }
        }
        return new Ast.Delete(targets, keyword.line(), keyword.col());
    }

    private Ast.Stmt assertStatement() throws PySyntaxError {
        Token keyword = ts.next();
        Ast.Expr test = expr.expression();
        Ast.Expr msg = null;
        if (ts.peek().isOp(",")) {
            ts.next();
            msg = expr.expression();
        }
        return new Ast.Assert(test, msg, keyword.line(), keyword.col());
    }
}
