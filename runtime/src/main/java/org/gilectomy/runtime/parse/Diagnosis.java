package org.gilectomy.runtime.parse;

/**
 * Chooses the error to report when the expression grammar fails, reproducing the diagnoses of
 * CPython's second ("invalid_*" rules) parser pass for common mistakes, and runs the trial parses
 * those diagnoses need.
 */
final class Diagnosis {
    /** The most recent expression() result, for the diagnostics in invalidSyntax(). */
    private record Completed(int startIndex, int endIndex, Ast.Expr expr, boolean isDisjunction) {
    }

    interface Attempt<T> {
        T run() throws PySyntaxError;
    }

    private static final long TRIAL_WORK_PER_TOKEN = 20;
    private static final long TRIAL_WORK_BASE = 100_000;

    private final ParserState st;
    private final TokenStream ts;
    private final ExprParser expr;
    private Completed lastCompleted;
    /** Tokens looked at by trial parses so far; see {@link #attempt}. */
    private long trialWork;

    Diagnosis(ParserState st, ExprParser expr) {
        this.st = st;
        this.ts = st.tokens;
        this.expr = expr;
    }

    void startStatement() {
        lastCompleted = null;
    }

    /** Records that expression() parsed {@code e} from token {@code startIndex} to the current one. */
    void expressionCompleted(int startIndex, Ast.Expr e, boolean isDisjunction) {
        lastCompleted = new Completed(startIndex, ts.mark(), e, isDisjunction);
    }

    /**
     * CPython's reading of {@code target = ...} as a comparison typed with '=' (from its
     * invalid_named_expression rule), or null when {@code target} does not qualify. The caller
     * checks that an operand follows the '='.
     */
    PySyntaxError comparisonTypo(Ast.Expr target) {
        if (target instanceof Ast.Name && !expr.parentheses().contains(target)) {
            return st.syntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target);
        }
        if (expr.parentheses().isOperand(target) && !expr.parentheses().startsWithDisplayOrConstant(target)) {
            return st.syntaxError("cannot assign to " + Targets.describe(target) + " here. Maybe you meant '==' instead of '='?", target);
        }
        return null;
    }

    /**
     * The error for a token no rule accepts. Where an expression has just ended and another one
     * starts, CPython explains: a missing comma inside brackets, or a Python 2 print statement.
     * Otherwise it is "invalid syntax" at the furthest token looked at.
     */
    PySyntaxError invalidSyntax() throws PySyntaxError {
        Completed a = lastCompleted;
        if (a != null && a.endIndex() == ts.mark() && ts.peek().startsExpression()) {
            // While trying the second expression, don't diagnose it as following `a` again.
            lastCompleted = null;
            try {
                PySyntaxError juxtaposed = juxtaposedExpressions(a);
                if (juxtaposed != null) {
                    return juxtaposed;
                }
            } finally {
                lastCompleted = a;
            }
        }
        Token at = ts.furthestToken();
        if (at.kind() == TokenKind.INDENT) {
            return st.keepOverTokenizer(st.indentationError("unexpected indent", at));
        }
        if (at.kind() == TokenKind.DEDENT) {
            return st.keepOverTokenizer(st.indentationError("unexpected unindent", at));
        }
        return st.syntaxError("invalid syntax", at);
    }

    private PySyntaxError juxtaposedExpressions(Completed a) throws PySyntaxError {
        Token aStart = ts.get(a.startIndex());
        Ast.Name name = a.expr() instanceof Ast.Name n && a.endIndex() == a.startIndex() + 1 ? n : null;
        boolean commaCandidate = ts.peek().startsOperandOrNot() || ts.peek().isKeyword("lambda");
        if (name == null && !commaCandidate) {
            return null;
        }
        // One trial parse of b serves both of CPython's rules. After a name it is the rule for
        // `print x`, which reads b with the error rules on, so an error inside b is reported
        // first; otherwise it is the comma rule, which reads b without them
        // (expression_without_invalid). The result is the bracket level after b.
        Diagnosis.Attempt<Integer> parseB = () -> {
            if (!commaCandidate) {
                expr.starExpressions();
                return 0;
            }
            expr.expression();
            return ts.get(ts.mark() - 1).level();
        };
        Integer levelAfter = name != null ? speculate(parseB) : tryParse(parseB);
        if (levelAfter == null) {
            return null;
        }
        if (name != null && (name.id().equals("print") || name.id().equals("exec"))) {
            return st.syntaxError("Missing parentheses in call to '" + name.id() + "'. Did you mean " + name.id() + "(...)?", aStart);
        }
        // Only inside brackets; CPython skips NAME STRING (a forgotten string prefix) and soft keywords.
        boolean excluded = aStart.kind() == TokenKind.NAME && (ts.get(a.startIndex() + 1).kind() == TokenKind.STRING
                || Keywords.passesCPythonSoftKeywordTest(aStart.text()));
        if (!commaCandidate || levelAfter == 0 || !a.isDisjunction() || excluded) {
            return null;
        }
        return st.syntaxError("invalid syntax. Perhaps you forgot a comma?", aStart);
    }

    /**
     * Runs a trial parse made while diagnosing an error and rewinds; returns its result, or null
     * if it failed. Errors it meets other than "invalid syntax" are thrown: like CPython's second
     * pass, which raises a specific error wherever one of its error rules matches.
     */
    <T> T speculate(Attempt<T> attempt) throws PySyntaxError {
        return attempt(attempt, true, false);
    }

    /**
     * A trial parse made while diagnosing, without error rules (like CPython's rules named
     * *_without_invalid): only tokenizer errors are thrown.
     */
    <T> T tryParse(Attempt<T> attempt) throws PySyntaxError {
        return attempt(attempt, false, false);
    }

    /**
     * An alternative that CPython's first pass tries on possibly valid code: no error rules, and
     * the tokens it looks at count for where a later "invalid syntax" is reported.
     */
    <T> T tryAlternative(Attempt<T> attempt) throws PySyntaxError {
        return attempt(attempt, false, true);
    }

    private <T> T attempt(Attempt<T> attempt, boolean diagnosing, boolean firstPass) throws PySyntaxError {
        // Trial parses nest (a diagnosis inside a trial parse may try another), which on crafted
        // input could multiply the work; past a budget linear in the input they are skipped,
        // which at worst turns a specific message into "invalid syntax".
        if (trialWork > TRIAL_WORK_PER_TOKEN * (long) ts.lastFetchedIndex() + TRIAL_WORK_BASE) {
            return null;
        }
        int mark = ts.mark();
        int furthest = ts.furthestMark();
        Completed completed = lastCompleted;
        try {
            return attempt.run();
        } catch (PySyntaxError e) {
            if (ts.tokenizer().raised(e) || (diagnosing && !ParserState.isGeneric(e))) {
                throw e;
            }
            return null;
        } finally {
            trialWork += ts.furthestMark() - mark + 1;
            ts.reset(mark);
            if (!firstPass) {
                ts.restoreFurthest(furthest);
            }
            lastCompleted = completed;
        }
    }
}
