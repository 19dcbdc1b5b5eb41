package org.gilectomy.runtime.compile;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.runtime.parse.Ast;

/** The statement lists nested directly in a compound statement, for the scope passes. */
final class Blocks {
    private Blocks() {
    }

    /** The statement lists directly inside a try or with statement (not a class or def body). */
    static List<List<Ast.Stmt>> nested(Ast.Stmt st) {
        List<List<Ast.Stmt>> r = new ArrayList<>();
        if (st instanceof Ast.Try t) {
            r.add(t.body());
            t.handlers().forEach(h -> r.add(h.body()));
            r.add(t.orelse());
            r.add(t.finalbody());
        } else if (st instanceof Ast.With w) {
            r.add(w.body());
        } else if (st instanceof Ast.If i) {
            r.add(i.body());
            r.add(i.orelse());
        } else if (st instanceof Ast.While w) {
            r.add(w.body());
            r.add(w.orelse());
        } else if (st instanceof Ast.For f) {
            r.add(f.body());
            r.add(f.orelse());
        }
        return r;
    }
}
