package org.gilectomy.runtime.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gilectomy.runtime.parse.Ast;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * The symbol table: one Scope per module, class body, function, lambda and comprehension (a
 * comprehension is a function of its own, as in CPython 3.11, so its variables do not leak).
 *
 * <p>A class body is a namespace, not a function: its names live in a dict (Access NAME) and
 * functions nested in it do not see them, as in CPython. A method that uses {@code super} or
 * {@code __class__} gets the implicit {@code __class__} free variable; the class body holds it
 * as a cell, filled with the new class when the class statement finishes.
 *
 * <p>Built in two passes. {@link #analyze} walks the tree recording, per scope, the names it
 * binds, uses, and declares global or nonlocal; then {@link #resolve} decides top-down which
 * names are local (fast slots), which are captured by inner scopes (cells), which come from
 * enclosing functions (free variables, passed in the function's closure), and which are
 * global. Module-level names are always global, never cells.
 */
final class Scope {
    /** How the compiler reaches a name. */
    enum Access { FAST, DEREF, GLOBAL, NAME }

    /** The implicit free variable of zero-argument super(). */
    static final String CLASS_CELL = "__class__";

    /** The hidden slot where a pattern keeps its capture of {@code name} (no identifier starts with '.'). */
    static String matchTemp(String name) {
        return ".m:" + name;
    }

    final Scope parent;
    final boolean isModule;
    /** A class body: names in its namespace dict, invisible to nested scopes. */
    final boolean isClass;
    /** A function whose body yields: calling it makes a generator (an async generator if {@link #isCoroutine}). */
    boolean isGenerator;
    /**
     * An {@code async def}: calling it makes a coroutine. Also an asynchronous comprehension
     * (one with {@code async for} or {@code await}): a coroutine the enclosing code awaits, or
     * for a generator expression an asynchronous generator.
     */
    boolean isCoroutine;
    /** An {@code await} in this scope's own code, or an asynchronous comprehension (not a generator expression) in it. */
    boolean awaits;
    /** Whether the body has try or with blocks (a return inside them needs a hidden slot). */
    boolean hasBlocks;
    /** Positional parameters (the first of them is what zero-argument super() binds to). */
    int positionalCount;
    /** The qualified name prefix children use: {@code outer.<locals>.}. */
    final String qualname;
    final List<String> params = new ArrayList<>();
    /** Every name bound here (parameters first), before removing globals and nonlocals. */
    private final Set<String> bound = new LinkedHashSet<>();
    private final Set<String> used = new HashSet<>();
    /** Names annotated by {@code name: T} in this scope (a later global/nonlocal of one is an error). */
    private final Set<String> annotated = new HashSet<>();
    final Set<String> globals = new HashSet<>();
    private final Set<String> nonlocals = new HashSet<>();
    /** The global or nonlocal statement that declared each name (CPython reports conflicts at the first). */
    private final Map<String, Ast.Stmt> declarations = new java.util.HashMap<>();
    /** Locals in slot order (parameters first); a class body's names in its namespace instead. */
    final Set<String> locals = new LinkedHashSet<>();
    /** Locals that inner scopes capture; a class body's only cell is {@link #CLASS_CELL}. */
    final Set<String> cells = new LinkedHashSet<>();
    /** Hidden slots where a match statement's patterns keep captures until the whole pattern matched. */
    final Set<String> matchTemps = new LinkedHashSet<>();
    /** Names taken from enclosing functions, in closure order. */
    final Set<String> frees = new LinkedHashSet<>();
    /** The comprehension this scope compiles, or null. */
    private Ast.ComprehensionExpr comprehension;
    /** Child scopes by the node that opens them (FunctionDef, ClassDef, Lambda, ComprehensionExpr). */
    final Map<Object, Scope> children;

    private Scope(Scope parent, boolean isModule, boolean isClass, String qualname) {
        this.parent = parent;
        this.isModule = isModule;
        this.isClass = isClass;
        this.qualname = qualname;
        this.children = parent == null ? new IdentityHashMap<>() : parent.children;
    }

    Access access(String name) {
        if (isModule) {
            return Access.GLOBAL;
        }
        if (isClass) {
            if (locals.contains(name)) {
                return Access.NAME;
            }
            if (globals.contains(name)) {
                return Access.GLOBAL;
            }
            return frees.contains(name) ? Access.DEREF : Access.NAME;
        }
        if (cells.contains(name) || frees.contains(name)) {
            return Access.DEREF;
        }
        return locals.contains(name) ? Access.FAST : Access.GLOBAL;
    }

    Scope child(Object node) {
        return children.get(node);
    }

    // ------------------------------------------------------------------ building

    /** The module's scope, with every nested scope reachable through {@link #child}. */
    static Scope ofModule(Ast.Module m, String filename, SourceLines src) throws PySyntaxError {
        Scope s = new Scope(null, true, false, "");
        Walker w = new Walker(filename, src);
        w.body(s, m.body());
        s.resolve(Set.of(), filename, src);
        return s;
    }

    private Scope open(Object node, String name, List<String> parameters, boolean isClass) {
        String prefix = isModule ? "" : this.isClass ? qualname + "." : qualname + ".<locals>.";
        Scope s = new Scope(this, false, isClass, prefix + name);
        s.params.addAll(parameters);
        s.bound.addAll(parameters);
        children.put(node, s);
        return s;
    }

    /** CPython's co_flags bit for what calling this function makes, or 0 for a plain function. */
    int coFlags() {
        if (isCoroutine) {
            return isGenerator ? org.gilectomy.objects.PyCode.CO_ASYNC_GENERATOR : org.gilectomy.objects.PyCode.CO_COROUTINE;
        }
        return isGenerator ? org.gilectomy.objects.PyCode.CO_GENERATOR : 0;
    }

    /** Whether this scope is a comprehension's function. */
    boolean isComprehension() {
        return comprehension != null;
    }

    /** The qualified name of the function this scope compiles. */
    String qualifiedName() {
        return qualname;
    }

    /**
     * Decides every name's access; {@code enclosing} holds the names bound by enclosing
     * functions (what a free variable may refer to).
     */
    private void resolve(Set<String> enclosing, String filename, SourceLines src) throws PySyntaxError {
        for (String n : bound) {
            if (!globals.contains(n) && !nonlocals.contains(n)) {
                locals.add(n);
            }
        }
        for (String n : nonlocals) {
            frees.add(n);
        }
        if (!isModule) {
            for (String n : used) {
                if (!locals.contains(n) && !globals.contains(n) && enclosing.contains(n)) {
                    frees.add(n);
                }
            }
        }
        Set<String> inner = new HashSet<>();
        if (isClass) {
            inner.addAll(enclosing); // a class's own names are invisible to nested scopes
            inner.add(CLASS_CELL);
        } else if (!isModule) {
            inner.addAll(enclosing);
            inner.removeAll(globals);
            inner.addAll(locals);
        }
        for (Map.Entry<Object, Scope> e : children.entrySet()) {
            Scope c = e.getValue();
            if (c.parent != this) {
                continue;
            }
            c.resolve(inner, filename, src);
            for (String f : c.frees) {
                if (isClass ? f.equals(CLASS_CELL) : locals.contains(f)) {
                    cells.add(f);
                } else if (!isModule) {
                    frees.add(f);
                }
            }
        }
    }

    /** The tree walk of the first pass. */
    private static final class Walker {
        private final String filename;
        private final SourceLines src;

        Walker(String filename, SourceLines src) {
            this.filename = filename;
            this.src = src;
        }

        private PySyntaxError error(String message, Ast.Node at) {
            return new PySyntaxError("SyntaxError", message, filename, at.line(), at.col() + 1, src.line(at.line()));
        }

        void body(Scope s, List<Ast.Stmt> stmts) throws PySyntaxError {
            for (Ast.Stmt st : stmts) {
                stmt(s, st);
            }
        }

        void stmt(Scope s, Ast.Stmt st) throws PySyntaxError {
            if (st instanceof Ast.Assign a) {
                expr(s, a.value());
                for (Ast.Expr t : a.targets()) {
                    target(s, t);
                }
            } else if (st instanceof Ast.AugAssign a) {
                expr(s, a.value());
                expr(s, a.target());
                target(s, a.target());
            } else if (st instanceof Ast.AnnAssign a) {
                annAssign(s, a);
            } else if (st instanceof Ast.For f) {
                expr(s, f.iter());
                target(s, f.target());
                body(s, f.body());
                body(s, f.orelse());
            } else if (st instanceof Ast.While w) {
                expr(s, w.test());
                body(s, w.body());
                body(s, w.orelse());
            } else if (st instanceof Ast.If i) {
                expr(s, i.test());
                body(s, i.body());
                body(s, i.orelse());
            } else if (st instanceof Ast.FunctionDef d) {
                exprs(s, d.decorators());
                defaults(s, d.parameters());
                for (Ast.Annotation an : d.annotations()) {
                    expr(s, an.value()); // evaluated where the def runs
                }
                s.bound.add(d.name());
                Scope inner = s.open(d, d.name(), d.parameters().slotOrder(), false);
                inner.isCoroutine = d.isAsync();
                inner.positionalCount = d.parameters().positional().size();
                body(inner, d.body());
                checkNonlocals(inner, d, d.body());
            } else if (st instanceof Ast.ClassDef c) {
                exprs(s, c.decorators());
                for (Ast.Expr base : c.bases()) {
                    expr(s, base);
                }
                s.bound.add(c.name());
                Scope inner = s.open(c, c.name(), List.of(), true);
                body(inner, c.body());
                checkNonlocals(inner, c, c.body());
            } else if (st instanceof Ast.Try t) {
                s.hasBlocks = true;
                body(s, t.body());
                for (Ast.ExceptHandler h : t.handlers()) {
                    expr(s, h.type());
                    if (h.name() != null) {
                        s.bound.add(h.name());
                    }
                    body(s, h.body());
                }
                body(s, t.orelse());
                body(s, t.finalbody());
            } else if (st instanceof Ast.With w) {
                s.hasBlocks = true;
                expr(s, w.context());
                if (w.target() != null) {
                    target(s, w.target());
                }
                body(s, w.body());
            } else if (st instanceof Ast.Delete d) {
                for (Ast.Expr t : d.targets()) {
                    target(s, t); // del x makes x local, as an assignment does
                }
            } else if (st instanceof Ast.Raise r) {
                expr(s, r.exc());
                expr(s, r.cause());
            } else if (st instanceof Ast.Assert a) {
                expr(s, a.test());
                expr(s, a.msg());
            } else if (st instanceof Ast.Return r) {
                expr(s, r.value());
            } else if (st instanceof Ast.ExprStmt e) {
                expr(s, e.value());
            } else if (st instanceof Ast.Global g) {
                declare(s, g.names(), true, g);
            } else if (st instanceof Ast.Nonlocal n) {
                declare(s, n.names(), false, n);
            } else if (st instanceof Ast.Import im) {
                for (int k = 0; k < im.names().size(); k++) {
                    String as = im.asNames().get(k);
                    s.bound.add(as != null ? as : im.names().get(k).split("\\.")[0]);
                }
            } else if (st instanceof Ast.ImportFrom im) {
                for (int k = 0; k < im.names().size() && !im.names().get(k).equals("*"); k++) {
                    String as = im.asNames().get(k);
                    s.bound.add(as != null ? as : im.names().get(k));
                }
            } else if (st instanceof Ast.Match m) {
                expr(s, m.subject());
                for (Ast.MatchCase c : m.cases()) {
                    pattern(s, c.pattern());
                    expr(s, c.guard());
                    body(s, c.body());
                }
            } else if (st instanceof Record r) {
                components(s, r); // statements this walker has no rule for: their uses and inner scopes
            }
        }

        /**
         * Visits the sub-statements and sub-expressions of a node kind without a rule of its own,
         * so that names it uses are resolved and functions inside it get scopes. Names such a
         * node binds need a rule in {@link #stmt}.
         */
        private void components(Scope s, Record r) throws PySyntaxError {
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                component(s, read(c, r));
            }
        }

        private static Object read(java.lang.reflect.RecordComponent c, Record r) {
            try {
                return c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }

        private void component(Scope s, Object v) throws PySyntaxError {
            if (v instanceof Ast.Stmt st) {
                stmt(s, st);
            } else if (v instanceof Ast.Expr e) {
                expr(s, e);
            } else if (v instanceof List<?> list) {
                for (Object o : list) {
                    component(s, o);
                }
            } else if (v instanceof Record r) {
                components(s, r);
            }
        }

        private void declare(Scope s, List<String> names, boolean global, Ast.Stmt at) throws PySyntaxError {
            String kind = global ? "global" : "nonlocal";
            for (String n : names) {
                if (s.params.contains(n)) {
                    throw error("name '" + n + "' is parameter and " + kind, at);
                }
                if ((global ? s.nonlocals : s.globals).contains(n)) {
                    throw error("name '" + n + "' is nonlocal and global", s.declarations.get(n));
                }
                if (s.annotated.contains(n)) {
                    throw error("annotated name '" + n + "' can't be " + kind, at);
                }
                if (s.bound.contains(n)) {
                    throw error("name '" + n + "' is assigned to before " + kind + " declaration", at);
                }
                if (s.used.contains(n)) {
                    throw error("name '" + n + "' is used prior to " + kind + " declaration", at);
                }
                (global ? s.globals : s.nonlocals).add(n);
                s.declarations.putIfAbsent(n, at);
            }
        }

        /** CPython checks nonlocal bindings when the function's table is complete. */
        private void checkNonlocals(Scope inner, Ast.Stmt def, List<Ast.Stmt> body) throws PySyntaxError {
            for (String n : inner.nonlocals) {
                boolean found = false;
                for (Scope p = inner.parent; p != null && !p.isModule; p = p.parent) {
                    if (p.isClass) {
                        continue; // a class's names are not enclosing variables
                    }
                    if (p.bound.contains(n) && !p.globals.contains(n)) {
                        found = true;
                        break;
                    }
                    if (p.globals.contains(n)) {
                        break;
                    }
                }
                if (!found) {
                    throw error("no binding for nonlocal '" + n + "' found", findNonlocal(def, body, n));
                }
            }
        }

        private static Ast.Stmt findNonlocal(Ast.Stmt def, List<Ast.Stmt> body, String name) {
            List<Ast.Stmt> todo = new ArrayList<>(body);
            while (!todo.isEmpty()) {
                Ast.Stmt st = todo.remove(0);
                if (st instanceof Ast.Nonlocal n && n.names().contains(name)) {
                    return n;
                } else if (st instanceof Ast.If i) {
                    todo.addAll(i.body());
                    todo.addAll(i.orelse());
                } else if (st instanceof Ast.While w) {
                    todo.addAll(w.body());
                    todo.addAll(w.orelse());
                } else if (st instanceof Ast.For f) {
                    todo.addAll(f.body());
                    todo.addAll(f.orelse());
                } else if (st instanceof Ast.With w) {
                    todo.addAll(w.body());
                } else if (st instanceof Ast.Try t) {
                    todo.addAll(t.body());
                    t.handlers().forEach(h -> todo.addAll(h.body()));
                    todo.addAll(t.orelse());
                    todo.addAll(t.finalbody());
                }
            }
            return def;
        }

        /** A pattern's captures are bound in {@code s} (through a hidden slot each); its values are uses. */
        private void pattern(Scope s, Ast.Pattern p) throws PySyntaxError {
            String name = null;
            if (p instanceof Ast.MatchValue v) {
                expr(s, v.value());
            } else if (p instanceof Ast.MatchSequence q) {
                for (Ast.Pattern e : q.patterns()) {
                    pattern(s, e);
                }
            } else if (p instanceof Ast.MatchStar star) {
                name = star.name();
            } else if (p instanceof Ast.MatchMapping m) {
                exprs(s, m.keys());
                for (Ast.Pattern e : m.patterns()) {
                    pattern(s, e);
                }
                name = m.rest();
            } else if (p instanceof Ast.MatchClass c) {
                expr(s, c.cls());
                for (Ast.Pattern e : c.patterns()) {
                    pattern(s, e);
                }
                for (Ast.Pattern e : c.kwdPatterns()) {
                    pattern(s, e);
                }
            } else if (p instanceof Ast.MatchAs a) {
                if (a.pattern() != null) {
                    pattern(s, a.pattern());
                }
                name = a.name();
            } else if (p instanceof Ast.MatchOr o) {
                for (Ast.Pattern e : o.patterns()) {
                    pattern(s, e);
                }
            }
            if (name != null) {
                s.bound.add(name);
                s.matchTemps.add(matchTemp(name));
            }
        }

        private void defaults(Scope s, Ast.Parameters p) throws PySyntaxError {
            exprs(s, p.defaults());
            exprs(s, p.kwDefaults());
        }

        private void exprs(Scope s, List<Ast.Expr> es) throws PySyntaxError {
            for (Ast.Expr e : es) {
                expr(s, e);
            }
        }

        /**
         * {@code target: annotation [= value]}: a simple name becomes local even without a value
         * (CPython's symtable), other targets are assigned only when there is a value.
         */
        private void annAssign(Scope s, Ast.AnnAssign a) throws PySyntaxError {
            if (a.target() instanceof Ast.Name n && a.simple()) {
                boolean declared = s.globals.contains(n.id()) || s.nonlocals.contains(n.id());
                if (declared && !s.isModule) {
                    throw error("annotated name '" + n.id() + "' can't be "
                            + (s.globals.contains(n.id()) ? "global" : "nonlocal"), a);
                }
                s.annotated.add(n.id());
            }
            expr(s, a.annotation());
            expr(s, a.value());
            if (!(a.target() instanceof Ast.Name) || a.simple() || a.value() != null) {
                target(s, a.target());
            }
        }

        void target(Scope s, Ast.Expr t) throws PySyntaxError {
            if (t instanceof Ast.Name n) {
                s.bound.add(n.id());
            } else if (t instanceof Ast.TupleExpr tu) {
                for (Ast.Expr e : tu.elts()) {
                    target(s, e);
                }
            } else if (t instanceof Ast.ListExpr l) {
                for (Ast.Expr e : l.elts()) {
                    target(s, e);
                }
            } else if (t instanceof Ast.Starred st) {
                target(s, st.value());
            } else if (t instanceof Ast.Attribute a) {
                expr(s, a.value());
            } else if (t instanceof Ast.Subscript sub) {
                expr(s, sub.value());
                expr(s, sub.index());
            }
        }

        void expr(Scope s, Ast.Expr e) throws PySyntaxError {
            if (e == null) {
                return;
            }
            if (e instanceof Ast.Await) {
                s.awaits = true; // and on below, through children()
            }
            if (e instanceof Ast.Name n) {
                s.used.add(n.id());
                if (n.id().equals("super") && !s.isClass && !s.isModule) {
                    s.used.add(CLASS_CELL); // zero-argument super() reads the class cell
                }
            } else if (e instanceof Ast.Lambda l) {
                defaults(s, l.parameters());
                Scope inner = s.open(l, "<lambda>", l.parameters().slotOrder(), false);
                inner.positionalCount = l.parameters().positional().size();
                expr(inner, l.body());
            } else if (e instanceof Ast.NamedExpr ne) {
                expr(s, ne.value());
                namedTarget(s, ne);
            } else if (e instanceof Ast.Yield y) {
                yieldExpr(s, y);
            } else if (e instanceof Ast.ComprehensionExpr c) {
                comprehension(s, c);
            } else {
                for (Ast.Expr child : children(e)) {
                    expr(s, child);
                }
            }
        }

        private void comprehension(Scope s, Ast.ComprehensionExpr c) throws PySyntaxError {
            List<Ast.Comprehension> gens = c.generators();
            expr(s, gens.get(0).iter()); // evaluated in the enclosing scope
            Scope inner = s.open(c, c.kind().codeName, List.of(".0"), false);
            inner.comprehension = c;
            inner.isGenerator = c.kind() == Ast.ComprehensionKind.GENERATOR;
            for (int k = 0; k < gens.size(); k++) {
                Ast.Comprehension g = gens.get(k);
                if (k > 0) {
                    expr(inner, g.iter());
                }
                target(inner, g.target());
                for (Ast.Expr cond : g.ifs()) {
                    expr(inner, cond);
                }
            }
            expr(inner, c.elt());
            expr(inner, c.value());
            inner.isCoroutine = inner.awaits || gens.stream().anyMatch(Ast.Comprehension::isAsync);
            if (inner.isCoroutine && !inner.isGenerator) {
                s.awaits = true; // the enclosing code awaits it (CPython's symtable does the same)
            }
        }

        /**
         * The target of {@code x := v}: bound where it stands, except in a comprehension, which
         * binds it in the nearest enclosing scope that is not one (PEP 572): global there if that
         * is the module, a free variable of every comprehension in between otherwise.
         */
        private void namedTarget(Scope s, Ast.NamedExpr ne) throws PySyntaxError {
            String name = ne.target().id();
            Scope owner = s;
            while (owner.comprehension != null) {
                for (Ast.Comprehension g : owner.comprehension.generators()) {
                    if (bindsName(g.target(), name)) {
                        throw error("assignment expression cannot rebind comprehension iteration variable '" + name + "'", ne.target());
                    }
                }
                owner = owner.parent;
            }
            if (owner == s) {
                s.bound.add(name);
                return;
            }
            if (owner.isClass) {
                throw error("assignment expression within a comprehension cannot be used in a class body", ne.target());
            }
            boolean global = owner.isModule || owner.globals.contains(name);
            for (Scope c = s; c != owner; c = c.parent) {
                (global ? c.globals : c.nonlocals).add(name);
            }
            owner.bound.add(name);
        }

        private static boolean bindsName(Ast.Expr target, String name) {
            if (target instanceof Ast.Name n) {
                return n.id().equals(name);
            }
            List<Ast.Expr> elts = target instanceof Ast.TupleExpr t ? t.elts() : target instanceof Ast.ListExpr l ? l.elts() : List.of();
            for (Ast.Expr e : elts) {
                if (bindsName(e instanceof Ast.Starred st ? st.value() : e, name)) {
                    return true;
                }
            }
            return false;
        }

        /** Marks the function a generator; CPython's errors where a yield may not be. */
        private void yieldExpr(Scope s, Ast.Yield y) throws PySyntaxError {
            if (s.comprehension != null) {
                throw error("'yield' inside " + s.comprehension.kind().description, y);
            }
            if (s.isModule || s.isClass) {
                throw error("'yield' outside function", y);
            }
            s.isGenerator = true;
            expr(s, y.value());
        }

        /** The direct sub-expressions of the expression kinds that open no scope. */
        private static List<Ast.Expr> children(Ast.Expr e) {
            List<Ast.Expr> r = new ArrayList<>();
            if (e instanceof Ast.Await a) {
                r.add(a.value());
            } else if (e instanceof Ast.BinOp b) {
                r.add(b.left());
                r.add(b.right());
            } else if (e instanceof Ast.UnaryOp u) {
                r.add(u.operand());
            } else if (e instanceof Ast.BoolOp b) {
                r.addAll(b.values());
            } else if (e instanceof Ast.Compare c) {
                r.add(c.left());
                r.addAll(c.comparators());
            } else if (e instanceof Ast.Call c) {
                r.add(c.func());
                r.addAll(c.args());
                c.keywords().forEach(k -> r.add(k.value()));
            } else if (e instanceof Ast.Attribute a) {
                r.add(a.value());
            } else if (e instanceof Ast.Subscript s) {
                r.add(s.value());
                r.add(s.index());
            } else if (e instanceof Ast.Slice s) {
                r.add(s.lower());
                r.add(s.upper());
                r.add(s.step());
            } else if (e instanceof Ast.ListExpr l) {
                r.addAll(l.elts());
            } else if (e instanceof Ast.TupleExpr t) {
                r.addAll(t.elts());
            } else if (e instanceof Ast.SetExpr t) {
                r.addAll(t.elts());
            } else if (e instanceof Ast.DictExpr d) {
                r.addAll(d.keys());
                r.addAll(d.values());
            } else if (e instanceof Ast.IfExp i) {
                r.add(i.test());
                r.add(i.body());
                r.add(i.orelse());
            } else if (e instanceof Ast.Starred s) {
                r.add(s.value());
            } else if (e instanceof Ast.JoinedStr j) {
                r.addAll(j.values());
            } else if (e instanceof Ast.FormattedValue f) {
                r.add(f.value());
                r.add(f.formatSpec());
            } else {
                // A kind without a rule here (leaves have no expression components).
                for (java.lang.reflect.RecordComponent c : ((Record) e).getClass().getRecordComponents()) {
                    Object v = read(c, (Record) e);
                    if (v instanceof Ast.Expr x) {
                        r.add(x);
                    } else if (v instanceof List<?> list) {
                        list.stream().filter(o -> o instanceof Ast.Expr).forEach(o -> r.add((Ast.Expr) o));
                    }
                }
            }
            return r;
        }
    }
}
