package org.gilectomy.runtime.compile;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gilectomy.runtime.parse.Ast;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Which names of a function are local: its parameters and every name it binds (assignment,
 * for target, def, import), minus those declared {@code global}. Everything else is global.
 */
final class Scope {
    final Set<String> locals = new LinkedHashSet<>();
    final Set<String> globals = new HashSet<>();

    static Scope ofFunction(Ast.FunctionDef def, String filename, SourceLines src) throws PySyntaxError {
        Scope s = new Scope();
        for (Ast.Stmt st : def.body()) {
            s.collectGlobals(st, def.params(), filename, src);
        }
        s.locals.addAll(def.params());
        for (Ast.Stmt st : def.body()) {
            s.collectBindings(st);
        }
        s.locals.removeAll(s.globals);
        return s;
    }

    private void collectGlobals(Ast.Stmt st, List<String> params, String filename, SourceLines src) throws PySyntaxError {
        if (st instanceof Ast.Global g) {
            for (String n : g.names()) {
                if (params.contains(n)) {
                    throw new PySyntaxError("SyntaxError", "name '" + n + "' is parameter and global",
                            filename, g.line(), g.col() + 1, src.line(g.line()));
                }
                globals.add(n);
            }
        } else if (st instanceof Ast.If i) {
            for (Ast.Stmt x : i.body()) {
                collectGlobals(x, params, filename, src);
            }
            for (Ast.Stmt x : i.orelse()) {
                collectGlobals(x, params, filename, src);
            }
        } else if (st instanceof Ast.While w) {
            for (Ast.Stmt x : w.body()) {
                collectGlobals(x, params, filename, src);
            }
            for (Ast.Stmt x : w.orelse()) {
                collectGlobals(x, params, filename, src);
            }
        } else if (st instanceof Ast.For f) {
            for (Ast.Stmt x : f.body()) {
                collectGlobals(x, params, filename, src);
            }
            for (Ast.Stmt x : f.orelse()) {
                collectGlobals(x, params, filename, src);
            }
        } else {
            for (List<Ast.Stmt> block : Blocks.nested(st)) {
                for (Ast.Stmt x : block) {
                    collectGlobals(x, params, filename, src);
                }
            }
        }
    }

    private void collectBindings(Ast.Stmt st) {
        if (st instanceof Ast.Assign a) {
            for (Ast.Expr t : a.targets()) {
                bindTarget(t);
            }
        } else if (st instanceof Ast.AugAssign a) {
            bindTarget(a.target());
        } else if (st instanceof Ast.For f) {
            bindTarget(f.target());
            f.body().forEach(this::collectBindings);
            f.orelse().forEach(this::collectBindings);
        } else if (st instanceof Ast.While w) {
            w.body().forEach(this::collectBindings);
            w.orelse().forEach(this::collectBindings);
        } else if (st instanceof Ast.If i) {
            i.body().forEach(this::collectBindings);
            i.orelse().forEach(this::collectBindings);
        } else if (st instanceof Ast.FunctionDef d) {
            locals.add(d.name());
        } else if (st instanceof Ast.ClassDef c) {
            locals.add(c.name());
        } else if (st instanceof Ast.Delete d) {
            d.targets().forEach(this::bindTarget);
        } else if (st instanceof Ast.Try || st instanceof Ast.With) {
            if (st instanceof Ast.With w && w.target() != null) {
                bindTarget(w.target());
            }
            if (st instanceof Ast.Try t) {
                for (Ast.ExceptHandler h : t.handlers()) {
                    if (h.name() != null) {
                        locals.add(h.name());
                    }
                }
            }
            for (List<Ast.Stmt> block : Blocks.nested(st)) {
                block.forEach(this::collectBindings);
            }
        } else if (st instanceof Ast.Import im) {
            for (int k = 0; k < im.names().size(); k++) {
                String as = im.asNames().get(k);
                locals.add(as != null ? as : im.names().get(k).split("\\.")[0]);
            }
        } else if (st instanceof Ast.ImportFrom im) {
            for (int k = 0; k < im.names().size(); k++) {
                String as = im.asNames().get(k);
                locals.add(as != null ? as : im.names().get(k));
            }
        }
    }

    private void bindTarget(Ast.Expr t) {
        if (t instanceof Ast.Name n) {
            locals.add(n.id());
        } else if (t instanceof Ast.TupleExpr tu) {
            tu.elts().forEach(this::bindTarget);
        } else if (t instanceof Ast.ListExpr l) {
            l.elts().forEach(this::bindTarget);
        }
    }
}
