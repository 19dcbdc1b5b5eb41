package org.gilectomy.runtime.compile;

import static org.gilectomy.runtime.compile.Opcode.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.runtime.parse.Ast;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Compiles a match statement (PEP 634) as CPython 3.11 does: the subject stays on the stack
 * while each case's pattern consumes a copy of it; a pattern that fails jumps to a label that
 * pops whatever the pattern had pushed so far and goes on to the next case.
 *
 * <p>Captures go to hidden slots ({@link Scope#matchTemp}) and are copied to their names only
 * when the whole pattern has matched, so a pattern that fails halfway binds nothing, as in
 * CPython (which keeps them on its stack instead).
 */
final class MatchCompiler {
    private final Compiler c;
    private final CodeBuilder b;
    /** Failure labels of the pattern being compiled: {@code failPop.get(k)} pops k items, then fails. */
    private List<CodeBuilder.Label> failPop;
    /** The stack depth the failure labels return to. */
    private int failBase;
    /** Whether a capture or wildcard may appear here (not where it would make later cases unreachable). */
    private boolean allowIrrefutable;
    /** The pattern compiled last, where CPython reports errors found after its sub-patterns. */
    private Ast.Pattern lastVisited;

    MatchCompiler(Compiler c, CodeBuilder b) {
        this.c = c;
        this.b = b;
    }

    void match(Ast.Match m) throws PySyntaxError {
        c.expr(m.subject());
        CodeBuilder.Label end = new CodeBuilder.Label();
        int n = m.cases().size();
        for (int i = 0; i < n; i++) {
            Ast.MatchCase mc = m.cases().get(i);
            boolean last = i == n - 1;
            b.setLine(mc.pattern().line());
            if (!last) {
                b.emit(DUP_TOP, 0, 1); // later cases need the subject again
            }
            failPop = new ArrayList<>();
            failBase = b.depth() - 1;
            allowIrrefutable = mc.guard() != null || last;
            List<String> names = new ArrayList<>();
            pattern(mc.pattern(), names);
            for (String name : names) {
                b.emit(LOAD_FAST, b.local(Scope.matchTemp(name)), 1);
                c.storeName(name);
            }
            if (mc.guard() != null) {
                c.expr(mc.guard());
                failJump(POP_JUMP_IF_FALSE);
            }
            if (!last) {
                b.emit(POP_TOP, 0, -1);
            }
            c.body(mc.body());
            b.emitJump(JUMP, end, 0);
            b.setLine(mc.pattern().line());
            emitFailPops();
        }
        b.bind(end);
    }

    // ------------------------------------------------------------------ failure paths

    /** Emits a conditional jump (popping its operand) to the failure label for the depth after it. */
    private void failJump(int op) {
        int k = b.depth() - 1 - failBase;
        while (failPop.size() <= k) {
            failPop.add(new CodeBuilder.Label());
        }
        b.emitJump(op, failPop.get(k), -1);
    }

    /** Binds the failure labels, deepest first, each popping one item and falling into the next. */
    private void emitFailPops() {
        if (failPop.isEmpty()) {
            return;
        }
        b.setDepth(failBase + failPop.size() - 1);
        for (int k = failPop.size() - 1; k >= 0; k--) {
            b.bind(failPop.get(k));
            if (k > 0) {
                b.emit(POP_TOP, 0, -1);
            }
        }
    }

    // ------------------------------------------------------------------ patterns

    /** Matches the subject on top of the stack, consuming it; captured names are added to {@code names}. */
    private void pattern(Ast.Pattern p, List<String> names) throws PySyntaxError {
        b.setLine(p.line());
        lastVisited = p;
        if (p instanceof Ast.MatchValue v) {
            if (!(v.value() instanceof Ast.Attribute) && !isLiteral(v.value())) {
                throw c.error("SyntaxError", "patterns may only match literals and attribute lookups", p);
            }
            c.expr(v.value());
            b.emit(COMPARE, CompareOp.EQ.ordinal(), -1);
            failJump(POP_JUMP_IF_FALSE);
        } else if (p instanceof Ast.MatchSingleton s) {
            PyObject value = switch (s.value()) {
                case NONE -> PyNone.NONE;
                case TRUE -> PyBool.TRUE;
                default -> PyBool.FALSE;
            };
            b.emit(LOAD_CONST, b.constant(s.value(), value), 1);
            b.emit(COMPARE, CompareOp.IS.ordinal(), -1);
            failJump(POP_JUMP_IF_FALSE);
        } else if (p instanceof Ast.MatchAs a) {
            asPattern(a, names);
        } else if (p instanceof Ast.MatchStar s) {
            capture(s.name(), p, names);
        } else if (p instanceof Ast.MatchOr o) {
            orPattern(o, names);
        } else if (p instanceof Ast.MatchSequence s) {
            sequence(s, names);
        } else if (p instanceof Ast.MatchMapping m) {
            mapping(m, names);
        } else if (p instanceof Ast.MatchClass k) {
            classPattern(k, names);
        }
    }

    /** A number, signed number, complex literal, string or bytes: what a literal pattern may be. */
    private static boolean isLiteral(Ast.Expr e) {
        if (e instanceof Ast.UnaryOp u) {
            return isLiteral(u.operand());
        }
        if (e instanceof Ast.BinOp bin) {
            return isLiteral(bin.left()) && isLiteral(bin.right());
        }
        return e instanceof Ast.IntLiteral || e instanceof Ast.FloatLiteral || e instanceof Ast.ImagLiteral || e instanceof Ast.StrLiteral
                || e instanceof Ast.BytesLiteral || e instanceof Ast.NamedConstant;
    }

    /** A sub-pattern of a sequence, mapping or class pattern: captures are always reachable there. */
    private void subpattern(Ast.Pattern p, List<String> names) throws PySyntaxError {
        boolean outer = allowIrrefutable;
        allowIrrefutable = true;
        pattern(p, names);
        allowIrrefutable = outer;
    }

    private void asPattern(Ast.MatchAs a, List<String> names) throws PySyntaxError {
        if (a.pattern() == null) {
            if (!allowIrrefutable) {
                throw c.error("SyntaxError", a.name() != null
                        ? "name capture '" + a.name() + "' makes remaining patterns unreachable"
                        : "wildcard makes remaining patterns unreachable", a);
            }
            capture(a.name(), a, names);
            return;
        }
        b.emit(DUP_TOP, 0, 1);
        pattern(a.pattern(), names);
        capture(a.name(), a, names);
    }

    /** Stores the subject for {@code name}, or drops it for a wildcard (name null). */
    private void capture(String name, Ast.Pattern at, List<String> names) throws PySyntaxError {
        if (name == null) {
            b.emit(POP_TOP, 0, -1);
            return;
        }
        if (name.equals("__debug__")) {
            throw c.error("SyntaxError", "cannot assign to __debug__", at);
        }
        if (names.contains(name)) {
            throw c.error("SyntaxError", "multiple assignments to name '" + name + "' in pattern", at);
        }
        names.add(name);
        b.emit(STORE_FAST, b.local(Scope.matchTemp(name)), -1);
    }

    /**
     * Each alternative but the last matches a copy of the subject with failure labels of its
     * own, which return to the next alternative; the last one fails as the whole pattern does.
     */
    private void orPattern(Ast.MatchOr o, List<String> names) throws PySyntaxError {
        List<CodeBuilder.Label> outerFail = failPop;
        int outerBase = failBase;
        boolean outerAllow = allowIrrefutable;
        CodeBuilder.Label matched = new CodeBuilder.Label();
        List<String> control = null;
        int n = o.patterns().size();
        for (int i = 0; i < n; i++) {
            Ast.Pattern alt = o.patterns().get(i);
            boolean last = i == n - 1;
            allowIrrefutable = last && outerAllow;
            if (!last) {
                b.emit(DUP_TOP, 0, 1);
                failPop = new ArrayList<>();
                failBase = b.depth() - 1;
            } else {
                failPop = outerFail;
                failBase = outerBase;
            }
            List<String> bound = new ArrayList<>();
            pattern(alt, bound);
            if (control == null) {
                control = bound;
            } else if (!new HashSet<>(control).equals(new HashSet<>(bound))) {
                throw c.error("SyntaxError", "alternative patterns bind different names", lastVisited);
            }
            if (!last) {
                b.emit(POP_TOP, 0, -1); // the subject, kept for the alternatives after this one
                b.emitJump(JUMP, matched, 0);
                emitFailPops();
            }
        }
        failPop = outerFail;
        failBase = outerBase;
        allowIrrefutable = outerAllow;
        b.bind(matched);
        for (String name : control) {
            if (names.contains(name)) {
                throw c.error("SyntaxError", "multiple assignments to name '" + name + "' in pattern", lastVisited);
            }
            names.add(name);
        }
    }

    private static boolean isWildcard(Ast.Pattern p) {
        return p instanceof Ast.MatchAs a && a.pattern() == null && a.name() == null
                || p instanceof Ast.MatchStar s && s.name() == null;
    }

    private void loadInt(long v) {
        b.emit(LOAD_CONST, b.constant(java.math.BigInteger.valueOf(v), PyInt.of(v)), 1);
    }

    /** Checks {@code len(subject) op n}, failing if false; the subject stays. */
    private void checkLength(int n, CompareOp op) {
        b.emit(GET_LEN, 0, 1);
        loadInt(n);
        b.emit(COMPARE, op.ordinal(), -1);
        failJump(POP_JUMP_IF_FALSE);
    }

    private void sequence(Ast.MatchSequence s, List<String> names) throws PySyntaxError {
        List<Ast.Pattern> items = s.patterns();
        int n = items.size();
        int star = -1;
        boolean onlyWildcards = true;
        for (int i = 0; i < n; i++) {
            if (items.get(i) instanceof Ast.MatchStar) {
                if (star >= 0) {
                    throw c.error("SyntaxError", "multiple starred names in sequence pattern", s);
                }
                star = i;
            }
            onlyWildcards &= isWildcard(items.get(i));
        }
        b.emit(MATCH_SEQUENCE, 0, 1);
        failJump(POP_JUMP_IF_FALSE);
        if (star < 0) {
            checkLength(n, CompareOp.EQ);
        } else if (n > 1) {
            checkLength(n - 1, CompareOp.GE);
        }
        if (onlyWildcards) {
            b.emit(POP_TOP, 0, -1);
        } else if (star >= 0 && isWildcard(items.get(star))) {
            // [a, *_, b]: index the sequence instead of unpacking the middle.
            for (int i = 0; i < n; i++) {
                Ast.Pattern item = items.get(i);
                if (isWildcard(item)) {
                    continue;
                }
                b.emit(DUP_TOP, 0, 1);
                loadInt(i < star ? i : i - n);
                b.emit(BINARY_SUBSCR, 0, -1);
                subpattern(item, names);
            }
            b.emit(POP_TOP, 0, -1);
        } else {
            if (star < 0) {
                b.emit(UNPACK_SEQUENCE, n, n - 1);
            } else {
                b.emit(UNPACK_EX, star | (n - star - 1) << 8, n - 1);
            }
            for (Ast.Pattern item : items) {
                subpattern(item, names);
            }
        }
    }

    /** Pushes None for the check that a MATCH_KEYS or MATCH_CLASS result is not None, then jumps if it is. */
    private void failIfNone() {
        b.emit(DUP_TOP, 0, 1);
        b.emit(LOAD_CONST, b.constant(Ast.ConstantKind.NONE, PyNone.NONE), 1);
        b.emit(COMPARE, CompareOp.IS_NOT.ordinal(), -1);
        failJump(POP_JUMP_IF_FALSE);
    }

    private void mapping(Ast.MatchMapping m, List<String> names) throws PySyntaxError {
        int n = m.keys().size();
        b.emit(MATCH_MAPPING, 0, 1);
        failJump(POP_JUMP_IF_FALSE);
        if (n == 0 && m.rest() == null) {
            b.emit(POP_TOP, 0, -1);
            return;
        }
        if (n > 0) {
            checkLength(n, CompareOp.GE);
        }
        Set<Object> seen = new HashSet<>();
        for (Ast.Expr key : m.keys()) {
            if (!(key instanceof Ast.Attribute) && !isLiteral(key)) {
                throw c.error("SyntaxError", "mapping pattern keys may only match literals and attribute lookups", m);
            }
            Object constant = constantKey(key);
            if (constant != null && !seen.add(constant)) {
                throw c.error("SyntaxError", "mapping pattern checks duplicate key (" + sourceRepr(key) + ")", m);
            }
            c.expr(key);
        }
        b.emit(BUILD_TUPLE, n, 1 - n);
        b.emit(MATCH_KEYS, 0, 1);
        failIfNone();
        if (n == 0) {
            b.emit(POP_TOP, 0, -1);
        } else {
            b.emit(UNPACK_SEQUENCE, n, n - 1);
        }
        for (Ast.Pattern p : m.patterns()) {
            subpattern(p, names);
        }
        if (m.rest() != null) {
            b.emit(COPY_DICT_WITHOUT_KEYS, 0, 0);
            capture(m.rest(), m, names);
        } else {
            b.emit(POP_TOP, 0, -1);
        }
        b.emit(POP_TOP, 0, -1);
    }

    /** A literal key's value for the duplicate check (1 and 1.0 and True are the same key); null if not a literal. */
    private static Object constantKey(Ast.Expr key) {
        if (key instanceof Ast.IntLiteral i) {
            return i.value().doubleValue() == i.value().longValue() ? (Object) i.value().doubleValue() : i.value();
        }
        if (key instanceof Ast.FloatLiteral f) {
            return f.value();
        }
        if (key instanceof Ast.StrLiteral s) {
            return "s" + s.value();
        }
        if (key instanceof Ast.BytesLiteral by) {
            return "b" + java.util.HexFormat.of().formatHex(by.value());
        }
        if (key instanceof Ast.NamedConstant k) {
            return switch (k.kind()) {
                case TRUE -> 1.0;
                case FALSE -> 0.0;
                default -> k.kind();
            };
        }
        if (key instanceof Ast.UnaryOp u && u.operand() instanceof Ast.IntLiteral i) {
            return constantKey(new Ast.IntLiteral(i.value().negate(), i.line(), i.col()));
        }
        if (key instanceof Ast.UnaryOp u && u.operand() instanceof Ast.FloatLiteral f) {
            return -f.value();
        }
        return null;
    }

    /** The repr CPython shows for a duplicate literal key. */
    private static String sourceRepr(Ast.Expr key) {
        if (key instanceof Ast.StrLiteral s) {
            return org.gilectomy.objects.Ops.repr(PyStr.internBorrowed(s.value()));
        }
        if (key instanceof Ast.IntLiteral i) {
            return i.value().toString();
        }
        if (key instanceof Ast.FloatLiteral f) {
            PyObject v = org.gilectomy.objects.PyFloat.of(f.value());
            try {
                return org.gilectomy.objects.Ops.repr(v);
            } finally {
                org.gilectomy.refcount.RefCount.decref(v);
            }
        }
        if (key instanceof Ast.UnaryOp u) {
            return "-" + sourceRepr(u.operand());
        }
        if (key instanceof Ast.NamedConstant k) {
            return switch (k.kind()) {
                case TRUE -> "True";
                case FALSE -> "False";
                case NONE -> "None";
                case ELLIPSIS -> "Ellipsis";
            };
        }
        return "...";
    }

    private void classPattern(Ast.MatchClass k, List<String> names) throws PySyntaxError {
        int nargs = k.patterns().size();
        int nkw = k.kwdAttrs().size();
        for (int i = 0; i < nkw; i++) {
            String attr = k.kwdAttrs().get(i);
            if (k.kwdAttrs().subList(0, i).contains(attr)) {
                throw c.error("SyntaxError", "attribute name repeated in class pattern: " + attr, k.kwdPatterns().get(i));
            }
        }
        c.expr(k.cls());
        PyStr[] attrs = new PyStr[nkw];
        for (int i = 0; i < nkw; i++) {
            attrs[i] = PyStr.internBorrowed(k.kwdAttrs().get(i));
        }
        b.emit(LOAD_CONST, b.constant("<match-attrs>" + k.kwdAttrs(), PyTuple.constant(attrs)), 1);
        b.setLine(k.line());
        b.emit(MATCH_CLASS, nargs, -2);
        failIfNone();
        int total = nargs + nkw;
        if (total == 0) {
            b.emit(POP_TOP, 0, -1);
        } else {
            b.emit(UNPACK_SEQUENCE, total, total - 1);
        }
        for (Ast.Pattern p : k.patterns()) {
            subpattern(p, names);
        }
        for (Ast.Pattern p : k.kwdPatterns()) {
            subpattern(p, names);
        }
    }
}
