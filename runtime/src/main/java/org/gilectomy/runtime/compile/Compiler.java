package org.gilectomy.runtime.compile;

import static org.gilectomy.runtime.compile.Opcode.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.parse.Ast;
import org.gilectomy.runtime.parse.Parser;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * Compiles a module's AST to code objects, one per function, lambda, comprehension and class
 * body plus the module's own. How each name is reached comes from {@link Scope}: function
 * locals live in fast slots, captured ones in cells, a class body's names in its namespace
 * dict; module-level names and names no enclosing function binds are globals (looked up in
 * the module dict, then the builtins).
 */
public final class Compiler {
    private final String filename;
    private final SourceLines source;
    final CodeBuilder b;
    private final Scope scope;          // null at module level and in class bodies
    private final Scope table;          // this code's symbol table (the module's at module level)
    private final Deque<Loop> loops = new ArrayDeque<>();
    /** compile(..., 'single') only: what an expression statement's value is passed to; else null. */
    private PyObject displayHook;

    private record Loop(CodeBuilder.Label continueTarget, CodeBuilder.Label breakTarget, boolean popsIterator) {
    }

    private Compiler(String filename, SourceLines source, Scope table) {
        this.filename = filename;
        this.source = source;
        this.b = new CodeBuilder();
        this.scope = table.isModule || table.isClass ? null : table;
        this.table = table;
    }

    /** {@code from __future__ import annotations}: annotations are kept as their source text (PEP 563). */
    private boolean stringAnnotations;

    /** Parses and compiles a whole file into its module code object. */
    public static PyCode compileModule(String text, String filename) throws PySyntaxError {
        Ast.Module m = Parser.parse(text, filename);
        SourceLines lines = new SourceLines(text);
        Compiler c = new Compiler(filename, lines, Scope.ofModule(m, filename, lines));
        c.stringAnnotations = c.futureFeatures(m.body());
        c.b.coFlags = c.stringAnnotations ? PyCode.CO_FUTURE_ANNOTATIONS : 0;
        if (!m.body().isEmpty() && m.body().get(0) instanceof Ast.ExprStmt doc && doc.value() instanceof Ast.StrLiteral s) {
            c.b.emit(LOAD_CONST, c.b.constant("s" + s.value(), PyStr.internBorrowed(s.value())));
            c.b.emit(STORE_GLOBAL, c.b.name("__doc__")); // the module's docstring, as CPython's compiler stores it
        }
        c.setupAnnotations(m.body());
        for (Ast.Stmt s : m.body()) {
            c.stmt(s);
        }
        c.b.emit(LOAD_CONST, c.b.constant("None", PyNone.NONE));
        c.b.emit(RETURN_VALUE, 0);
        return c.b.build("<module>", filename, 1, 0, true);
    }

    /**
     * The built-in {@code compile()}: mode {@code exec} (a module), {@code eval} (one
     * expression, whose value the code returns) or {@code single} (statements, each expression
     * statement's value passed to {@code displayHook}, as the interactive prompt does).
     */
    public static PyCode compile(String text, String filename, String mode, PyObject displayHook) throws PySyntaxError {
        if (mode.equals("exec")) {
            return compileModule(text, filename);
        }
        boolean eval = mode.equals("eval");
        String src = eval ? text.replaceFirst("^[ \t]+", "") : text;
        Ast.Module m = Parser.parse(src, filename);
        SourceLines lines = new SourceLines(src);
        Compiler c = new Compiler(filename, lines, Scope.ofModule(m, filename, lines));
        if (eval) {
            if (m.body().size() != 1 || !(m.body().get(0) instanceof Ast.ExprStmt e)) {
                int line = m.body().size() > 0 ? m.body().get(0).line() : 1;
                throw new PySyntaxError("SyntaxError", "invalid syntax", filename, line, 1, lines.line(line));
            }
            c.expr(e.value());
            c.b.emit(RETURN_VALUE, 0);
            return c.b.build("<module>", filename, 1, 0, true);
        }
        if (m.body().size() > 1) {
            int line = m.body().get(0).line();
            throw new PySyntaxError("SyntaxError", "multiple statements found while compiling a single statement",
                    filename, line, 1, lines.line(line));
        }
        c.displayHook = displayHook;
        for (Ast.Stmt s : m.body()) {
            c.stmt(s);
        }
        c.b.emit(LOAD_CONST, c.b.constant("None", PyNone.NONE));
        c.b.emit(RETURN_VALUE, 0);
        return c.b.build("<module>", filename, 1, 0, true);
    }

    PySyntaxError error(String type, String message, Ast.Node at) {
        return new PySyntaxError(type, message, filename, at.line(), at.col() + 1, source.line(at.line()));
    }

    private PySyntaxError unsupported(String feature, Ast.Node at) {
        return error("NotImplementedError", feature + " is not supported by this runtime", at);
    }

    // ------------------------------------------------------------------ statements

    void body(List<Ast.Stmt> stmts) throws PySyntaxError {
        for (Ast.Stmt s : stmts) {
            stmt(s);
        }
    }

    private void stmt(Ast.Stmt s) throws PySyntaxError {
        b.setLine(s.line());
        if (s instanceof Ast.ExprStmt e) {
            if (displayHook != null) { // compile(..., 'single'): the value is shown, as at the prompt
                b.emit(LOAD_CONST, b.constant("<displayhook>", displayHook));
                expr(e.value());
                b.emit(CALL, 1, -1);
            } else {
                expr(e.value());
            }
            b.emit(POP_TOP, 0);
        } else if (s instanceof Ast.Assign a) {
            expr(a.value());
            for (int i = 0; i < a.targets().size(); i++) {
                if (i < a.targets().size() - 1) {
                    b.emit(DUP_TOP, 0);
                }
                store(a.targets().get(i));
            }
        } else if (s instanceof Ast.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Ast.AnnAssign a) {
            annAssign(a);
        } else if (s instanceof Ast.If i) {
            CodeBuilder.Label orelse = new CodeBuilder.Label();
            CodeBuilder.Label end = new CodeBuilder.Label();
            expr(i.test());
            b.emitJump(POP_JUMP_IF_FALSE, orelse);
            body(i.body());
            if (!i.orelse().isEmpty()) {
                b.emitJump(JUMP, end);
            }
            b.bind(orelse);
            body(i.orelse());
            b.bind(end);
        } else if (s instanceof Ast.While w) {
            whileLoop(w);
        } else if (s instanceof Ast.For f) {
            forLoop(f);
        } else if (s instanceof Ast.Break br) {
            Loop l = loops.peek();
            if (l == null) {
                throw error("SyntaxError", "'break' outside loop", br);
            }
            int depthBefore = b.depth();
            List<Block> unwound = unwindBlocks(true);
            if (l.popsIterator) {
                b.emit(POP_TOP, 0);
                b.adjustDepth(1); // the fall-through path still has the iterator
            }
            b.emitJump(JUMP, l.breakTarget);
            rewindBlocks(unwound, depthBefore);
        } else if (s instanceof Ast.Continue c) {
            Loop l = loops.peek();
            if (l == null) {
                throw error("SyntaxError", "'continue' not properly in loop", c);
            }
            int depthBefore = b.depth();
            List<Block> unwound = unwindBlocks(true);
            b.emitJump(JUMP_BACKWARD, l.continueTarget);
            rewindBlocks(unwound, depthBefore);
        } else if (s instanceof Ast.Return r) {
            if (scope == null) {
                throw error("SyntaxError", "'return' outside function", r);
            }
            if (r.value() != null && scope.coFlags() == PyCode.CO_ASYNC_GENERATOR) {
                throw error("SyntaxError", "'return' with value in async generator", r);
            }
            if (r.value() == null) {
                loadNone();
            } else {
                expr(r.value());
            }
            if (blocks.stream().anyMatch(k -> k.kind != BlockKind.LOOP)) { // RETURN_VALUE drops loop iterators
                returnThroughBlocks();
                return;
            }
            b.emit(RETURN_VALUE, 0);
        } else if (s instanceof Ast.FunctionDef d) {
            functionDef(d);
        } else if (s instanceof Ast.Global || s instanceof Ast.Nonlocal || s instanceof Ast.Pass) {
            // Global and nonlocal were resolved by Scope; pass does nothing.
        } else if (s instanceof Ast.Import im) {
            for (int k = 0; k < im.names().size(); k++) {
                String name = im.names().get(k);
                String as = im.asNames().get(k);
                importName(name, 0, null);
                String[] parts = name.split("\\.");
                if (as != null) { // `import a.b.c as d` binds a.b.c itself: walk down from a
                    for (int p = 1; p < parts.length; p++) {
                        b.emit(IMPORT_FROM, b.name(parts[p]));
                        b.emit(ROT_TWO, 0);
                        b.emit(POP_TOP, 0);
                    }
                }
                storeName(as != null ? as : parts[0]);
            }
        } else if (s instanceof Ast.ImportFrom im) {
            importName(im.module() == null ? "" : im.module(), im.level(), im.names());
            if (im.names().equals(java.util.List.of("*"))) {
                if (!table.isModule) {
                    throw error("SyntaxError", "import * only allowed at module level", im);
                }
                b.emit(IMPORT_STAR, 0);
                return;
            }
            for (int k = 0; k < im.names().size(); k++) {
                String name = im.names().get(k);
                b.emit(IMPORT_FROM, b.name(name));
                String as = im.asNames().get(k);
                storeName(as != null ? as : name);
            }
            b.emit(POP_TOP, 0);
        } else if (!langAStmt(s)) {
            throw unsupported(s.getClass().getSimpleName() + " statement", s);
        }
    }

    /** {@code IMPORT_NAME} with CPython's operands: the level and the from-list (None for {@code import m}). */
    private void importName(String module, int level, java.util.List<String> fromList) {
        b.emit(LOAD_CONST, b.constant("<import-level>" + level, PyInt.of(level)));
        if (fromList == null) {
            loadNone();
        } else {
            PyStr[] names = new PyStr[fromList.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = PyStr.internBorrowed(fromList.get(i));
            }
            b.emit(LOAD_CONST, b.constant("<import-from>" + fromList, PyTuple.constant(names)));
        }
        b.emit(IMPORT_NAME, b.name(module));
    }

    private void whileLoop(Ast.While w) throws PySyntaxError {
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label orelse = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        b.bind(top);
        expr(w.test());
        b.emitJump(POP_JUMP_IF_FALSE, orelse);
        loops.push(new Loop(top, end, false));
        blocks.push(new Block(BlockKind.LOOP, null, null, false));
        body(w.body());
        blocks.pop();
        loops.pop();
        b.emitJump(JUMP_BACKWARD, top);
        b.bind(orelse);
        body(w.orelse());
        b.bind(end);
    }

    private void forLoop(Ast.For f) throws PySyntaxError {
        if (f.isAsync()) {
            asyncForLoop(f);
            return;
        }
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label exhausted = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        expr(f.iter());
        b.emit(GET_ITER, 0);
        b.bind(top);
        b.emitJump(FOR_ITER, exhausted, 1);
        iterationBody(f, top, end);
        b.bind(exhausted);
        b.adjustDepth(-1); // FOR_ITER popped the iterator on this path
        body(f.orelse());
        b.bind(end);
    }

    /** A for loop's target and body, the iterator below them (break pops it); then back to {@code top}. */
    private void iterationBody(Ast.For f, CodeBuilder.Label top, CodeBuilder.Label end) throws PySyntaxError {
        store(f.target());
        loops.push(new Loop(top, end, true));
        blocks.push(new Block(BlockKind.LOOP, null, null, true));
        body(f.body());
        blocks.pop();
        loops.pop();
        b.emitJump(JUMP_BACKWARD, top, 0);
    }

    /**
     * {@code async for}: each item is {@code await ait.__anext__()}, the await protected by a
     * handler that ends the loop on StopAsyncIteration and re-raises anything else; the body
     * is outside it.
     */
    private void asyncForLoop(Ast.For f) throws PySyntaxError {
        requireAsync("'async for'", f);
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label handler = new CodeBuilder.Label();
        CodeBuilder.Label exhausted = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        expr(f.iter());
        b.setLine(f.line());
        b.emit(GET_AITER, 0, 0);
        int d = b.depth(); // the async iterator on top
        b.bind(top);
        Region next = new Region(handler, d);
        b.emit(GET_ANEXT, 0, 1);
        delegate();
        next.end();
        iterationBody(f, top, end);
        endOfAsyncIteration(handler, exhausted, d);
        body(f.orelse());
        b.bind(end);
    }

    /** CPython's error for async for/with (and async comprehensions) outside an async function. */
    private void requireAsync(String what, Ast.Node at) throws PySyntaxError {
        if (scope == null || !scope.isCoroutine) {
            throw error("SyntaxError", what + " outside async function", at);
        }
    }

    private void augAssign(Ast.AugAssign a) throws PySyntaxError {
        int op = binaryOp(a.op()).ordinal() | BinaryOp.IN_PLACE;
        Ast.Expr t = a.target();
        if (t instanceof Ast.Name n) {
            loadName(n);
            expr(a.value());
            b.emit(BINARY, op);
            storeName(n.id());
        } else if (t instanceof Ast.Subscript sub) {
            expr(sub.value());
            index(sub.index());
            b.emit(DUP_TOP_TWO, 0);
            b.emit(BINARY_SUBSCR, 0);
            expr(a.value());
            b.emit(BINARY, op);
            b.emit(ROT_THREE, 0);
            b.emit(STORE_SUBSCR, 0);
        } else if (t instanceof Ast.Attribute at) {
            expr(at.value());
            b.emit(DUP_TOP, 0);
            b.emit(LOAD_ATTR, b.name(at.attr()));
            expr(a.value());
            b.emit(BINARY, op);
            b.emit(ROT_TWO, 0);
            b.emit(STORE_ATTR, b.name(at.attr()));
        } else {
            throw error("SyntaxError", "'" + describe(t) + "' is an illegal expression for augmented assignment", t);
        }
    }

    private void functionDef(Ast.FunctionDef d) throws PySyntaxError {
        decorators(d.decorators());
        Scope inner = table.child(d);
        Compiler c = nested(inner, d);
        c.body(d.body());
        c.loadNone();
        c.b.emit(RETURN_VALUE, 0);
        b.setLine(d.line());
        PyCode code = c.buildFunction(d.name(), inner, d.line(), d.parameters());
        if (!d.body().isEmpty() && d.body().get(0) instanceof Ast.ExprStmt doc && doc.value() instanceof Ast.StrLiteral s) {
            code.doc = s.value(); // the function's __doc__, as CPython takes it from the body's first statement
        }
        makeFunction(code, inner, d.parameters(), d);
        if (!d.annotations().isEmpty()) { // f.__annotations__ = {name: annotation, ...}, before the decorators run
            b.emit(DUP_TOP, 0);
            for (Ast.Annotation an : d.annotations()) {
                b.emit(LOAD_CONST, b.constant("s" + an.name(), PyStr.internBorrowed(an.name())));
                annotationValue(an.value());
            }
            b.emit(BUILD_MAP, d.annotations().size(), 1 - 2 * d.annotations().size());
            b.emit(ROT_TWO, 0);
            b.emit(STORE_ATTR, b.name("__annotations__"));
        }
        applyDecorators(d.decorators());
        storeName(d.name());
    }

    // ---- annotations

    /**
     * The {@code from __future__ import ...} statements that open a module (after its
     * docstring), checked as CPython checks them; whether {@code annotations} is among them. One
     * anywhere else is CPython's SyntaxError.
     */
    private boolean futureFeatures(List<Ast.Stmt> body) throws PySyntaxError {
        boolean annotations = false;
        boolean opening = true;
        for (int i = 0; i < body.size(); i++) {
            Ast.Stmt s = body.get(i);
            if (i == 0 && s instanceof Ast.ExprStmt e && e.value() instanceof Ast.StrLiteral) {
                continue;
            }
            if (s instanceof Ast.ImportFrom im && "__future__".equals(im.module())) {
                if (!opening) {
                    throw error("SyntaxError", "from __future__ imports must occur at the beginning of the file", s);
                }
                for (String name : im.names()) {
                    if (!FUTURE_FEATURES.contains(name)) {
                        throw error("SyntaxError", name.equals("braces") ? "not a chance" : "future feature " + name + " is not defined", s);
                    }
                    annotations |= name.equals("annotations");
                }
            } else {
                opening = false;
            }
        }
        return annotations;
    }

    /** CPython 3.11's future features, all but annotations mandatory (no effect) by now. */
    private static final java.util.Set<String> FUTURE_FEATURES = java.util.Set.of("nested_scopes", "generators",
            "division", "absolute_import", "with_statement", "print_function", "unicode_literals",
            "barry_as_FLUFL", "generator_stop", "annotations");

    /**
     * A module or class body that annotates a simple name anywhere (outside nested functions
     * and classes) starts with an empty {@code __annotations__}, as CPython's SETUP_ANNOTATIONS.
     */
    private void setupAnnotations(List<Ast.Stmt> body) {
        if (AnnotationText.annotatesAName(body)) {
            b.emit(BUILD_MAP, 0, 1);
            storeName("__annotations__");
        }
    }

    /** The value an annotation stands for: the expression's, or under PEP 563 its text. */
    private void annotationValue(Ast.Expr annotation) throws PySyntaxError {
        if (!stringAnnotations) {
            expr(annotation);
            return;
        }
        String text;
        try {
            text = AnnotationText.of(annotation);
        } catch (IllegalArgumentException e) {
            throw unsupported("this annotation under 'from __future__ import annotations' (" + e.getMessage() + ")", annotation);
        }
        b.emit(LOAD_CONST, b.constant("s" + text, PyStr.internBorrowed(text)));
    }

    /**
     * {@code target: annotation [= value]} (CPython 3.11's order): the value is assigned first;
     * a module or class then records a simple name's annotation in {@code __annotations__}, and
     * evaluates (without recording) any other target's; a function evaluates none. A complex
     * target without a value still evaluates its object (and index).
     */
    private void annAssign(Ast.AnnAssign a) throws PySyntaxError {
        if (a.value() != null) {
            expr(a.value());
            store(a.target());
        }
        boolean recorded = table.isModule || table.isClass;
        if (a.target() instanceof Ast.Name n) {
            if (a.simple() && recorded) {
                annotationValue(a.annotation());
                loadName(new Ast.Name("__annotations__", a.line(), a.col()));
                b.emit(LOAD_CONST, b.constant("s" + n.id(), PyStr.internBorrowed(n.id())));
                b.emit(STORE_SUBSCR, 0);
            }
            return;
        }
        if (a.value() == null) {
            if (a.target() instanceof Ast.Attribute at) {
                expr(at.value());
                b.emit(POP_TOP, 0);
            } else if (a.target() instanceof Ast.Subscript sub) {
                expr(sub.value());
                b.emit(POP_TOP, 0);
                expr(sub.index());
                b.emit(POP_TOP, 0);
            }
        }
        if (recorded && !stringAnnotations) {
            expr(a.annotation());
            b.emit(POP_TOP, 0);
        }
    }

    /** Evaluates a def's or class's decorators, outermost first, before the definition itself. */
    private void decorators(List<Ast.Expr> decorators) throws PySyntaxError {
        for (Ast.Expr deco : decorators) {
            expr(deco);
        }
    }

    /** Calls the decorators left below the new function or class, innermost first, each at its own line. */
    private void applyDecorators(List<Ast.Expr> decorators) {
        for (int i = decorators.size() - 1; i >= 0; i--) {
            b.setLine(decorators.get(i).line());
            b.emit(CALL, 1, -1);
        }
    }

    // ------------------------------------------------------------------ names and targets

    private void loadName(Ast.Name n) {
        switch (table.access(n.id())) {
            case FAST -> b.emit(LOAD_FAST, b.local(n.id()));
            case DEREF -> b.emit(LOAD_DEREF, b.local(n.id()));
            case GLOBAL -> b.emit(LOAD_GLOBAL, b.name(n.id()));
            case NAME -> b.emit(LOAD_NAME, b.name(n.id()));
        }
    }

    void storeName(String name) {
        switch (table.access(name)) {
            case FAST -> b.emit(STORE_FAST, b.local(name));
            case DEREF -> b.emit(STORE_DEREF, b.local(name));
            case GLOBAL -> b.emit(STORE_GLOBAL, b.name(name));
            case NAME -> b.emit(STORE_NAME, b.name(name));
        }
    }

    private void store(Ast.Expr t) throws PySyntaxError {
        b.setLine(t.line());
        if (t instanceof Ast.Name n) {
            storeName(n.id());
        } else if (t instanceof Ast.Subscript s) {
            expr(s.value());
            index(s.index());
            b.emit(STORE_SUBSCR, 0);
        } else if (t instanceof Ast.Attribute a) {
            expr(a.value());
            b.emit(STORE_ATTR, b.name(a.attr()));
        } else if (t instanceof Ast.TupleExpr || t instanceof Ast.ListExpr) {
            List<Ast.Expr> elts = t instanceof Ast.TupleExpr tu ? tu.elts() : ((Ast.ListExpr) t).elts();
            if (!unpackStarred(t, elts)) {
                b.emit(UNPACK_SEQUENCE, elts.size(), elts.size() - 1);
            }
            for (Ast.Expr e : elts) {
                store(e instanceof Ast.Starred st ? st.value() : e);
            }
        } else if (t instanceof Ast.Starred) {
            throw error("SyntaxError", "starred assignment target must be in a list or tuple", t);
        } else {
            throw error("SyntaxError", "cannot assign to " + describe(t), t);
        }
    }

    private static String describe(Ast.Expr e) {
        if (e instanceof Ast.Call) {
            return "function call";
        }
        if (e instanceof Ast.IntLiteral || e instanceof Ast.FloatLiteral || e instanceof Ast.ImagLiteral || e instanceof Ast.StrLiteral
                || e instanceof Ast.BytesLiteral) {
            return "literal";
        }
        if (e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            return "expression";
        }
        if (e instanceof Ast.Compare) {
            return "comparison";
        }
        if (e instanceof Ast.NamedConstant c) {
            return switch (c.kind()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "ellipsis";
            };
        }
        return "expression";
    }

    // ------------------------------------------------------------------ expressions

    private void loadNone() {
        b.emit(LOAD_CONST, b.constant("None", PyNone.NONE));
    }

    /**
     * A literal's value and its key in the constant table (which tells 1, 1.0 and True apart);
     * {@code borrowed}: the value is a process-lifetime object lent, not a new reference.
     */
    private record Literal(Object key, PyObject value, boolean borrowed) {
        Literal(Object key, PyObject value) {
            this(key, value, false);
        }
    }

    /**
     * {@code e} as a constant made now, or null if it is not one: a number, string, bytes,
     * None/True/False/..., or a non-empty tuple display of those (folded into one tuple
     * constant, as CPython's compiler does: every run of the code, in every thread, then loads
     * the same object instead of building one).
     */
    private static Literal literal(Ast.Expr e) {
        if (e instanceof Ast.IntLiteral i) {
            return new Literal(i.value(), PyInt.of(i.value()));
        } else if (e instanceof Ast.ImagLiteral im) {
            return new Literal(Double.doubleToRawLongBits(im.value()) + "j",
                    new org.gilectomy.objects.PyComplex(0.0, im.value()));
        } else if (e instanceof Ast.FloatLiteral f) {
            return new Literal(Double.doubleToRawLongBits(f.value()) + "f", PyFloat.of(f.value()));
        } else if (e instanceof Ast.StrLiteral s) {
            return new Literal("s" + s.value(), PyStr.internBorrowed(s.value()), true);
        } else if (e instanceof Ast.BytesLiteral by) {
            return new Literal("b" + java.util.HexFormat.of().formatHex(by.value()),
                    org.gilectomy.objects.PyBytes.wrap(by.value()));
        } else if (e instanceof Ast.NamedConstant c) {
            PyObject v = switch (c.kind()) {
                case NONE -> PyNone.NONE;
                case TRUE -> PyBool.TRUE;
                case FALSE -> PyBool.FALSE;
                case ELLIPSIS -> org.gilectomy.objects.PyEllipsis.ELLIPSIS;
            };
            return new Literal(c.kind(), v, true);
        } else if (e instanceof Ast.TupleExpr t && !t.elts().isEmpty()) {
            List<Object> key = new ArrayList<>(List.of("t"));
            PyObject[] items = new PyObject[t.elts().size()];
            for (int i = 0; i < items.length; i++) {
                Literal item = literal(t.elts().get(i));
                if (item == null) {
                    for (int j = 0; j < i; j++) {
                        RefCount.decref(items[j]); // made for nothing
                    }
                    return null;
                }
                key.add(item.key());
                items[i] = item.value();
                if (item.borrowed()) {
                    RefCount.incref(item.value()); // the tuple owns its items
                }
            }
            return new Literal(key, PyTuple.steal(items));
        }
        return null;
    }

    void expr(Ast.Expr e) throws PySyntaxError {
        b.setLine(e.line());
        Literal lit = literal(e);
        if (lit != null) {
            b.emit(LOAD_CONST, b.constant(lit.key(), lit.value()), 1);
        } else if (e instanceof Ast.Name n) {
            loadName(n);
        } else if (e instanceof Ast.BinOp o) {
            expr(o.left());
            expr(o.right());
            b.setLine(o.line());
            b.emit(BINARY, binaryOp(o.op()).ordinal());
        } else if (e instanceof Ast.UnaryOp u) {
            expr(u.operand());
            int op = switch (u.op()) {
                case NEG -> UNARY_NEGATIVE;
                case POS -> UNARY_POSITIVE;
                case INVERT -> UNARY_INVERT;
                case NOT -> UNARY_NOT;
            };
            b.emit(op, 0, 0);
        } else if (e instanceof Ast.BoolOp bo) {
            CodeBuilder.Label end = new CodeBuilder.Label();
            for (int i = 0; i < bo.values().size(); i++) {
                expr(bo.values().get(i));
                if (i < bo.values().size() - 1) {
                    b.emitJump(bo.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end, -1);
                }
            }
            b.bind(end);
        } else if (e instanceof Ast.Compare c) {
            compare(c);
        } else if (e instanceof Ast.Call c) {
            call(c);
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value());
            b.emit(LOAD_ATTR, b.name(a.attr()));
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value());
            index(s.index());
            b.emit(BINARY_SUBSCR, 0);
        } else if (e instanceof Ast.ListExpr l) {
            if (hasStarred(l.elts())) {
                starredDisplay(l.elts(), false);
                return;
            }
            for (Ast.Expr x : l.elts()) {
                expr(x);
            }
            b.emit(BUILD_LIST, l.elts().size(), 1 - l.elts().size());
        } else if (e instanceof Ast.TupleExpr t) {
            if (hasStarred(t.elts())) {
                starredDisplay(t.elts(), true);
                return;
            }
            for (Ast.Expr x : t.elts()) {
                expr(x);
            }
            b.emit(BUILD_TUPLE, t.elts().size(), 1 - t.elts().size());
        } else if (e instanceof Ast.DictExpr d && d.keys().contains(null)) {
            dictWithUnpacking(d);
        } else if (e instanceof Ast.DictExpr d) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
            b.emit(BUILD_MAP, d.keys().size(), 1 - 2 * d.keys().size());
        } else if (e instanceof Ast.IfExp ie) {
            CodeBuilder.Label orelse = new CodeBuilder.Label();
            CodeBuilder.Label end = new CodeBuilder.Label();
            expr(ie.test());
            b.emitJump(POP_JUMP_IF_FALSE, orelse);
            expr(ie.body());
            b.emitJump(JUMP, end);
            b.adjustDepth(-1);
            b.bind(orelse);
            expr(ie.orelse());
            b.bind(end);
        } else if (e instanceof Ast.Slice s) { // the parser allows one only in a subscript, alone or in a tuple
            for (Ast.Expr part : new Ast.Expr[] {s.lower(), s.upper(), s.step()}) {
                if (part == null) {
                    loadNone();
                } else {
                    expr(part);
                }
            }
            b.emit(BUILD_SLICE, 3, -2);
        } else if (e instanceof Ast.NamedExpr ne) {
            expr(ne.value());
            b.emit(DUP_TOP, 0);
            storeName(ne.target().id());
        } else if (e instanceof Ast.Yield y) {
            yieldExpr(y);
        } else if (e instanceof Ast.Await a) {
            awaitExpr(a);
        } else if (e instanceof Ast.Lambda l) {
            lambda(l);
        } else if (e instanceof Ast.ComprehensionExpr c) {
            comprehension(c);
        } else if (e instanceof Ast.SetExpr set) {
            setDisplay(set);
        } else if (e instanceof Ast.JoinedStr j) {
            joinedStr(j);
        } else if (e instanceof Ast.FormattedValue f) {
            formattedValue(f);
        } else if (e instanceof Ast.Starred st) {
            throw error("SyntaxError", "can't use starred expression here", st);
        } else {
            throw unsupported(e.getClass().getSimpleName() + " expression", e);
        }
    }

    private void index(Ast.Expr index) throws PySyntaxError {
        expr(index);
    }

    private void compare(Ast.Compare c) throws PySyntaxError {
        expr(c.left());
        int n = c.ops().size();
        if (n == 1) {
            expr(c.comparators().get(0));
            b.emit(COMPARE, compareOp(c.ops().get(0)).ordinal());
            return;
        }
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        for (int i = 0; i < n - 1; i++) {
            expr(c.comparators().get(i));
            b.emit(DUP_TOP, 0);
            b.emit(ROT_THREE, 0);
            b.emit(COMPARE, compareOp(c.ops().get(i)).ordinal());
            b.emitJump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        expr(c.comparators().get(n - 1));
        b.emit(COMPARE, compareOp(c.ops().get(n - 1)).ordinal());
        b.emitJump(JUMP, end);
        b.bind(cleanup);   // stack: middle operand, false result
        b.adjustDepth(1);
        b.emit(ROT_TWO, 0);
        b.emit(POP_TOP, 0);
        b.bind(end);
    }

    private void call(Ast.Call c) throws PySyntaxError {
        if (zeroArgumentSuper(c)) {
            return;
        }
        if (hasStarred(c.args()) || c.keywords().stream().anyMatch(k -> k.name() == null)) {
            callWithUnpacking(c);
            return;
        }
        int npos = c.args().size();
        int nkw = c.keywords().size();
        if (c.func() instanceof Ast.Attribute a && nkw == 0) {
            expr(a.value());
            b.emit(LOAD_METHOD, b.name(a.attr()));
            for (Ast.Expr x : c.args()) {
                expr(x);
            }
            b.setLine(c.line());
            b.emit(CALL_METHOD, npos, -npos - 1);
            return;
        }
        expr(c.func());
        for (Ast.Expr x : c.args()) {
            expr(x);
        }
        if (nkw == 0) {
            b.setLine(c.line());
            b.emit(callsFrameBuiltin(c) ? CALL_WITH_FRAME : CALL, npos, -npos);
            return;
        }
        PyObject[] kwnames = new PyObject[nkw];
        StringBuilder key = new StringBuilder("kw");
        for (int i = 0; i < nkw; i++) {
            Ast.Keyword k = c.keywords().get(i);
            for (int j = 0; j < i; j++) {
                if (c.keywords().get(j).name().equals(k.name())) {
                    throw error("SyntaxError", "keyword argument repeated: " + k.name(), c);
                }
            }
            expr(k.value());
            kwnames[i] = PyStr.internBorrowed(k.name());
            key.append(':').append(k.name());
        }
        b.emit(LOAD_CONST, b.constant(key.toString(), PyTuple.constant(kwnames)));
        b.setLine(c.line());
        b.emit(CALL_KW, npos + nkw, -(npos + nkw) - 1);
    }

    private static BinaryOp binaryOp(Ast.BinOpKind k) {
        return switch (k) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case TRUEDIV -> BinaryOp.TRUEDIV;
            case FLOORDIV -> BinaryOp.FLOORDIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case LSHIFT -> BinaryOp.LSHIFT;
            case RSHIFT -> BinaryOp.RSHIFT;
            case BITAND -> BinaryOp.AND;
            case BITOR -> BinaryOp.OR;
            case BITXOR -> BinaryOp.XOR;
            case MATMUL -> BinaryOp.MATMUL;
        };
    }

    private static CompareOp compareOp(Ast.CmpOpKind k) {
        return CompareOp.valueOf(k.name());
    }

    // ------------------------------------------------------------------ lang-a: classes, exceptions, with, generators, del, assert
    //
    // Exceptions use a table (PyCode.exceptionTable), not a block stack at run time: the
    // no-exception path executes no extra instruction. A handler is entered with the stack cut
    // to the region's depth and (prev exc) pushed; every instruction of a handler body is itself
    // covered by a cleanup region that restores prev before the exception moves on.

    /** Try, handler, with and loop blocks enclosing the current statement in this code object. */
    private final Deque<Block> blocks = new ArrayDeque<>();
    /** Where {@code return v} keeps v while finally bodies run; declared before the free variables. */
    private static final String RETURN_SLOT = ".return";

    private enum BlockKind { LOOP, FINALLY, HANDLER, FINALLY_EXCEPTIONAL, WITH, ASYNC_WITH }

    /** A try body, handler body, with body or loop; {@code region} is paused while control leaves it. */
    private record Block(BlockKind kind, Region region, List<Ast.Stmt> finalbody, boolean forLoop) {
    }

    /**
     * A protected range of code, possibly with holes (where a return or break leaves it and runs
     * unwinding code that must not be caught by it again).
     */
    private final class Region {
        private final CodeBuilder.Label handler;
        private final int depth;
        private final List<int[]> ranges = new java.util.ArrayList<>();
        private int start;

        Region(CodeBuilder.Label handler, int depth) {
            this.handler = handler;
            this.depth = depth;
            this.start = b.position();
        }

        void pause() {
            if (start >= 0) {
                ranges.add(new int[] {start, b.position()});
                start = -1;
            }
        }

        void resume() {
            start = b.position();
        }

        /** Closes the region; its ranges go to the table now, after any region nested in it. */
        void end() {
            pause();
            for (int[] r : ranges) {
                b.addHandler(r[0], r[1], handler, depth);
            }
        }
    }

    private boolean langAStmt(Ast.Stmt s) throws PySyntaxError {
        if (s instanceof Ast.ClassDef c) {
            classDef(c);
        } else if (s instanceof Ast.Try t) {
            if (!t.finalbody().isEmpty()) {
                tryFinally(t);
            } else {
                tryExcept(t);
            }
        } else if (s instanceof Ast.Raise r) {
            raise(r);
        } else if (s instanceof Ast.With w) {
            with(w);
        } else if (s instanceof Ast.Delete d) {
            for (Ast.Expr t : d.targets()) {
                delete(t);
            }
        } else if (s instanceof Ast.Assert a) {
            assertStmt(a);
        } else if (s instanceof Ast.Match m) {
            new MatchCompiler(this, b).match(m);
        } else {
            return false;
        }
        return true;
    }

    // ---- classes

    /**
     * A class body is compiled as a function of no parameters that runs with the class namespace
     * dict in slot 0 (LOAD_NAME/STORE_NAME), its closure made here as any function's; it returns
     * its {@code __class__} cell (or None), which BUILD_CLASS fills with the new class.
     */
    private void classDef(Ast.ClassDef c) throws PySyntaxError {
        decorators(c.decorators());
        Scope inner = table.child(c);
        Compiler body = nested(inner, c);
        body.setupAnnotations(c.body());
        body.body(c.body());
        if (inner.cells.contains(Scope.CLASS_CELL)) {
            body.b.emit(LOAD_CLOSURE, body.b.local(Scope.CLASS_CELL));
        } else {
            body.loadNone();
        }
        body.b.emit(RETURN_VALUE, 0);
        PyCode code = body.buildFunction(c.name(), inner, c.line(), Ast.Parameters.NONE);
        b.setLine(c.line());
        makeFunction(code, inner, Ast.Parameters.NONE, c);
        for (Ast.Expr base : c.bases()) {
            expr(base);
        }
        b.emit(BUILD_TUPLE, c.bases().size(), 1 - c.bases().size());
        int nkw = c.keywords().size();
        if (nkw > 0) { // (body bases v1..vn names -- cls), as CALL_KW passes keywords
            PyObject[] kwnames = new PyObject[nkw];
            StringBuilder key = new StringBuilder("kw");
            for (int i = 0; i < nkw; i++) {
                Ast.Keyword k = c.keywords().get(i);
                for (int j = 0; j < i; j++) {
                    if (c.keywords().get(j).name().equals(k.name())) {
                        throw error("SyntaxError", "keyword argument repeated: " + k.name(), c);
                    }
                }
                expr(k.value());
                kwnames[i] = PyStr.internBorrowed(k.name());
                key.append(':').append(k.name());
            }
            b.emit(LOAD_CONST, b.constant(key.toString(), PyTuple.constant(kwnames)));
        }
        b.setLine(c.line());
        b.emit(BUILD_CLASS, nkw, nkw > 0 ? -nkw - 2 : -1);
        applyDecorators(c.decorators());
        storeName(c.name());
    }

    /**
     * {@code super()} inside a method: the {@code __class__} cell and the first parameter. Any
     * other zero-argument super() calls the builtin, which raises CPython's RuntimeError.
     */
    /** Built-ins that read their caller's namespace when called without one (globals(), eval(src), ...). */
    private static final java.util.Set<String> FRAME_BUILTINS = java.util.Set.of(
            "globals", "locals", "vars", "dir", "exec", "eval", "__import__");

    /**
     * A call such as {@code globals()} or {@code eval(src)}: this runtime keeps no frame
     * objects, so such a call site passes its frame to the built-in (CALL_WITH_FRAME), which
     * runs as a plain CALL if the name is bound to anything else at run time.
     */
    private boolean callsFrameBuiltin(Ast.Call c) {
        return c.func() instanceof Ast.Name n && FRAME_BUILTINS.contains(n.id())
                && table.access(n.id()) != Scope.Access.FAST && table.access(n.id()) != Scope.Access.DEREF;
    }

    private boolean zeroArgumentSuper(Ast.Call c) {
        if (!(c.func() instanceof Ast.Name n) || !n.id().equals("super") || !c.args().isEmpty()
                || !c.keywords().isEmpty() || scope == null || table.access("super") != Scope.Access.GLOBAL
                || !table.frees.contains(Scope.CLASS_CELL) || table.positionalCount == 0) {
            return false;
        }
        b.emit(LOAD_CLOSURE, b.local(Scope.CLASS_CELL));
        loadName(new Ast.Name(table.params.get(0), c.line(), c.col()));
        b.setLine(c.line());
        b.emit(LOAD_SUPER, 0);
        return true;
    }

    // ---- exceptions

    private void raise(Ast.Raise r) throws PySyntaxError {
        if (r.exc() == null) {
            b.emit(RAISE_VARARGS, 0, 0);
            return;
        }
        expr(r.exc());
        if (r.cause() != null) {
            expr(r.cause());
        }
        b.setLine(r.line());
        int n = r.cause() == null ? 1 : 2;
        b.emit(RAISE_VARARGS, n, -n);
    }

    /**
     * The try body under a handler entry at depth {@code d}, the else body and a jump to
     * {@code end}; then the handler's start, where (prev exc) are on the stack.
     */
    private void protectedBodyThenHandler(Ast.Try t, int d, CodeBuilder.Label end) throws PySyntaxError {
        CodeBuilder.Label handler = new CodeBuilder.Label();
        Region protectedBody = new Region(handler, d);
        body(t.body());
        protectedBody.end();
        body(t.orelse());
        b.emitJump(JUMP, end);
        b.bind(handler);
        b.setDepth(d + 2);
    }

    private void tryExcept(Ast.Try t) throws PySyntaxError {
        if (t.star()) {
            tryExceptStar(t);
            return;
        }
        int d = b.depth();
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        protectedBodyThenHandler(t, d, end); // prev exc
        boolean lastIsBare = false;
        for (Ast.ExceptHandler h : t.handlers()) {
            b.setLine(h.line());
            Region handlerCode = new Region(cleanup, d + 1);
            CodeBuilder.Label next = new CodeBuilder.Label();
            if (h.type() != null) {
                expr(h.type());
                b.setLine(h.line());
                b.emit(CHECK_EXC_MATCH, 0);
                b.emitJump(POP_JUMP_IF_FALSE, next);
            }
            if (h.name() != null) {
                storeName(h.name());
            } else {
                b.emit(POP_TOP, 0);
            }
            blocks.push(new Block(BlockKind.HANDLER, handlerCode, null, false));
            body(h.body());
            blocks.pop();
            handlerCode.end();
            b.emit(POP_EXCEPT, 0);
            if (h.name() != null) {
                clearName(h.name());
            }
            b.emitJump(JUMP, end);
            b.bind(next);
            b.setDepth(d + 2);
            lastIsBare = h.type() == null;
        }
        if (!lastIsBare) {
            b.emit(RERAISE, 0);
        }
        b.bind(cleanup);
        b.setDepth(d + 3); // prev, then (prev2 exc2) pushed by the eval loop
        b.emit(CLEANUP_RERAISE, 0);
        b.bind(end);
        b.setDepth(d);
    }

    /**
     * {@code try ... except* E1 ... except* En} (PEP 654), as CPython 3.11 compiles it: the
     * handler keeps (orig, raised, rest) on the stack; each clause runs on the part of rest
     * that matches its types (CHECK_EG_MATCH) and rest keeps the others; what a clause raises
     * is appended to raised; at the end PREP_RERAISE_STAR combines raised and the final rest
     * into what leaves the statement, if anything. break, continue and return cannot leave a
     * clause (the parser refuses them), so no block is pushed for one.
     */
    private void tryExceptStar(Ast.Try t) throws PySyntaxError {
        int d = b.depth();
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label reraise = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        protectedBodyThenHandler(t, d, end); // prev orig
        Region handlers = new Region(cleanup, d + 1);
        b.emit(DUP_TOP, 0);
        b.emit(BUILD_LIST, 0, 1);
        b.emit(ROT_TWO, 0); // prev orig raised rest
        for (Ast.ExceptHandler h : t.handlers()) {
            CodeBuilder.Label matched = new CodeBuilder.Label();
            CodeBuilder.Label raised = new CodeBuilder.Label();
            CodeBuilder.Label next = new CodeBuilder.Label();
            b.setLine(h.line());
            expr(h.type());
            b.setLine(h.line());
            b.emit(CHECK_EG_MATCH, 0);
            b.emitJump(POP_JUMP_IF_TRUE, matched);
            b.emit(POP_TOP, 0);
            b.emitJump(JUMP, next);
            b.bind(matched);
            b.setDepth(d + 5);
            if (h.name() != null) {
                storeName(h.name());
            } else {
                b.emit(POP_TOP, 0);
            }
            Region clause = new Region(raised, d + 4);
            body(h.body());
            clause.end();
            if (h.name() != null) {
                clearName(h.name());
            }
            b.emitJump(JUMP, next);
            b.bind(raised);
            b.setDepth(d + 6); // prev orig raised rest prev2 exc2
            if (h.name() != null) {
                clearName(h.name());
            }
            b.emit(LIST_APPEND, 2);
            b.emit(POP_EXCEPT, 0); // the handled exception is this clause's match again
            b.emitJump(JUMP, next);
            b.bind(next);
            b.setDepth(d + 4);
        }
        b.emit(LIST_APPEND, 0);
        b.emit(PREP_RERAISE_STAR, 0);
        handlers.end();
        b.emitJump(POP_JUMP_IF_TRUE, reraise);
        b.emit(POP_TOP, 0);
        b.emit(POP_EXCEPT, 0);
        b.emitJump(JUMP, end);
        b.bind(reraise);
        b.setDepth(d + 2); // prev result
        b.emit(RERAISE, 0);
        cleanupThenEnd(cleanup, end, d);
    }

    /** A handler's cleanup (prev, then (prev2 exc2) pushed by the eval loop) re-raises; then the statement's end. */
    private void cleanupThenEnd(CodeBuilder.Label cleanup, CodeBuilder.Label end, int d) {
        b.bind(cleanup);
        b.setDepth(d + 3);
        b.emit(CLEANUP_RERAISE, 0);
        b.bind(end);
        b.setDepth(d);
    }

    /** {@code except E as name} ends with {@code name = None; del name}, as CPython. */
    private void clearName(String name) {
        loadNone();
        storeName(name);
        deleteName(name);
    }

    private void tryFinally(Ast.Try t) throws PySyntaxError {
        int d = b.depth();
        CodeBuilder.Label handler = new CodeBuilder.Label();
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        Region protectedBody = new Region(handler, d);
        blocks.push(new Block(BlockKind.FINALLY, protectedBody, t.finalbody(), false));
        if (t.handlers().isEmpty()) {
            body(t.body());
        } else {
            tryExcept(t);
        }
        blocks.pop();
        protectedBody.end();
        body(t.finalbody());
        b.emitJump(JUMP, end);

        b.bind(handler);
        b.setDepth(d + 2);
        Region finallyCode = new Region(cleanup, d + 1);
        blocks.push(new Block(BlockKind.FINALLY_EXCEPTIONAL, finallyCode, null, false));
        body(t.finalbody());
        blocks.pop();
        finallyCode.end();
        b.emit(RERAISE, 0);
        cleanupThenEnd(cleanup, end, d);
    }

    // ---- leaving blocks by break, continue and return

    /**
     * Emits what leaving the blocks inside the innermost loop (or all blocks, for return) needs:
     * handlers restore the exception they replaced, finally bodies run, with blocks call
     * {@code __exit__}. Returns the blocks left, innermost first, for {@link #rewindBlocks}.
     */
    private List<Block> unwindBlocks(boolean toInnermostLoop) throws PySyntaxError {
        List<Block> left = new java.util.ArrayList<>();
        while (!blocks.isEmpty()) {
            Block k = blocks.peek();
            if (k.kind == BlockKind.LOOP && toInnermostLoop) {
                break;
            }
            blocks.pop();
            left.add(k);
            if (k.region != null) {
                k.region.pause();
            }
            switch (k.kind) {
                case LOOP -> {
                    if (k.forLoop) {
                        b.emit(POP_TOP, 0);
                    }
                }
                case HANDLER -> b.emit(POP_EXCEPT, 0);
                case FINALLY_EXCEPTIONAL -> {
                    b.emit(POP_TOP, 0);
                    b.emit(POP_EXCEPT, 0);
                }
                case FINALLY -> body(k.finalbody);
                case WITH, ASYNC_WITH -> callExit(k.kind == BlockKind.ASYNC_WITH);
            }
        }
        return left;
    }

    /** Leaving a with block normally: exit(None, None, None), awaited for async with. */
    private void callExit(boolean async) {
        loadNone();
        loadNone();
        loadNone();
        b.emit(CALL, 3, -3);
        awaitIf(async, 2);
        b.emit(POP_TOP, 0, -1);
    }

    /** Awaits the value on top when {@code async}; {@code where} is GET_AWAITABLE's argument (1 __aenter__, 2 __aexit__). */
    private void awaitIf(boolean async, int where) {
        if (async) {
            b.emit(GET_AWAITABLE, where, 0);
            delegate();
        }
    }

    /** After the jump: the code that follows is still inside the blocks left. */
    private void rewindBlocks(List<Block> left, int depthBefore) {
        for (int i = left.size() - 1; i >= 0; i--) {
            Block k = left.get(i);
            blocks.push(k);
            if (k.region != null) {
                k.region.resume();
            }
        }
        b.setDepth(depthBefore);
    }

    /** {@code return v} inside blocks: v waits in a hidden local while the blocks are left. */
    private void returnThroughBlocks() throws PySyntaxError {
        int depthBefore = b.depth();
        int tmp = b.local(RETURN_SLOT);
        b.emit(STORE_FAST, tmp);
        List<Block> left = unwindBlocks(false);
        b.emit(LOAD_FAST, tmp);
        b.emit(RETURN_VALUE, 0);
        rewindBlocks(left, depthBefore - 1);
    }

    // ---- with

    /**
     * with, and async with: the same blocks, where async with awaits what __aenter__ and
     * __aexit__ return.
     */
    private void with(Ast.With w) throws PySyntaxError {
        if (w.isAsync()) {
            requireAsync("'async with'", w);
        }
        expr(w.context());
        b.setLine(w.line());
        b.emit(BEFORE_WITH, w.isAsync() ? 1 : 0, 1);
        awaitIf(w.isAsync(), 1);
        int d = b.depth() - 1; // exit stays below
        if (w.target() != null) {
            store(w.target());
        } else {
            b.emit(POP_TOP, 0);
        }
        CodeBuilder.Label handler = new CodeBuilder.Label();
        CodeBuilder.Label cleanup = new CodeBuilder.Label();
        CodeBuilder.Label suppress = new CodeBuilder.Label();
        CodeBuilder.Label end = new CodeBuilder.Label();
        Region protectedBody = new Region(handler, d);
        blocks.push(new Block(w.isAsync() ? BlockKind.ASYNC_WITH : BlockKind.WITH, protectedBody, null, false));
        body(w.body());
        blocks.pop();
        protectedBody.end();
        b.setLine(w.line());
        callExit(w.isAsync());
        b.emitJump(JUMP, end, 0);

        b.bind(handler);
        b.setDepth(d + 2); // exit prev exc
        Region exitCall = new Region(cleanup, d + 1);
        b.emit(WITH_EXCEPT_START, 0, 1);
        awaitIf(w.isAsync(), 2);
        b.emitJump(POP_JUMP_IF_TRUE, suppress, -1);
        exitCall.end();
        b.emit(RERAISE, 0);
        b.bind(suppress);
        b.setDepth(d + 2);
        b.emit(POP_TOP, 0);
        b.emit(POP_EXCEPT, 0);
        b.emit(POP_TOP, 0);
        b.emitJump(JUMP, end);
        b.bind(cleanup);
        b.setDepth(d + 3);
        b.emit(CLEANUP_RERAISE, 0);
        b.bind(end);
        b.setDepth(d - 1);
    }

    // ---- generators

    private void yieldExpr(Ast.Yield y) throws PySyntaxError {
        if (scope == null) { // Scope reports this first; kept for code compiled without it
            throw error("SyntaxError", "'yield' outside function", y);
        }
        if (y.isFrom()) {
            yieldFrom(y);
            return;
        }
        if (y.value() == null) {
            loadNone();
        } else {
            expr(y.value());
        }
        b.setLine(y.line());
        if (scope.isCoroutine) { // an async generator's own value, told apart from what its awaits yield
            b.emit(ASYNC_GEN_WRAP, 0, 0);
        }
        b.emit(YIELD_VALUE, 0, 0);
    }

    /**
     * {@code yield from v}: SEND passes the value sent in (None first) to v's iterator and
     * yields what it yields, until it finishes; its return value is the expression's.
     */
    private void yieldFrom(Ast.Yield y) throws PySyntaxError {
        if (scope.isCoroutine) {
            throw error("SyntaxError", "'yield from' inside async function", y);
        }
        expr(y.value());
        b.setLine(y.line());
        b.emit(GET_YIELD_FROM_ITER, 0);
        delegate();
    }

    /**
     * {@code await v}: as {@code yield from}, but on what GET_AWAITABLE makes of v (a
     * coroutine, or its {@code __await__} iterator); CPython's errors where await may not be.
     */
    private void awaitExpr(Ast.Await a) throws PySyntaxError {
        if (scope == null) {
            throw error("SyntaxError", "'await' outside function", a);
        }
        if (!scope.isCoroutine) {
            throw error("SyntaxError", "'await' outside async function", a);
        }
        expr(a.value());
        b.setLine(a.line());
        b.emit(GET_AWAITABLE, 0);
        delegate();
    }

    /**
     * The loop of {@code yield from} and {@code await}, the delegate on the stack: SEND passes
     * what the frame is sent (None first) on, and it yields what the delegate yields until the
     * delegate finishes; its result replaces it on the stack.
     */
    private void delegate() {
        loadNone();
        CodeBuilder.Label send = new CodeBuilder.Label();
        CodeBuilder.Label exit = new CodeBuilder.Label();
        b.bind(send);
        b.emitJump(SEND, exit);
        b.emit(YIELD_VALUE, 0);
        b.emitJump(JUMP_BACKWARD, send);
        b.bind(exit);
        b.adjustDepth(-1); // SEND jumps here with the result in place of the iterator and the value
    }

    // ---- del, assert

    private void delete(Ast.Expr t) throws PySyntaxError {
        b.setLine(t.line());
        if (t instanceof Ast.Name n) {
            deleteName(n.id());
        } else if (t instanceof Ast.Subscript s) {
            expr(s.value());
            index(s.index());
            b.emit(DELETE_SUBSCR, 0);
        } else if (t instanceof Ast.Attribute a) {
            expr(a.value());
            b.emit(DELETE_ATTR, b.name(a.attr()));
        } else if (t instanceof Ast.TupleExpr tu) {
            for (Ast.Expr x : tu.elts()) {
                delete(x);
            }
        } else if (t instanceof Ast.ListExpr l) {
            for (Ast.Expr x : l.elts()) {
                delete(x);
            }
        } else {
            throw error("SyntaxError", "cannot delete " + describe(t), t);
        }
    }

    private void deleteName(String name) {
        switch (table.access(name)) {
            case FAST -> b.emit(DELETE_FAST, b.local(name));
            case GLOBAL -> b.emit(DELETE_GLOBAL, b.name(name));
            case NAME -> b.emit(DELETE_NAME, b.name(name));
            case DEREF -> b.emit(DELETE_DEREF, b.local(name));
        }
    }

    private void assertStmt(Ast.Assert a) throws PySyntaxError {
        CodeBuilder.Label end = new CodeBuilder.Label();
        expr(a.test());
        b.emitJump(POP_JUMP_IF_TRUE, end);
        b.setLine(a.line());
        b.emit(LOAD_ASSERTION_ERROR, 0);
        if (a.msg() != null) {
            expr(a.msg());
            b.setLine(a.line());
            b.emit(CALL, 1, -1);
        }
        b.emit(RAISE_VARARGS, 1, -1);
        b.bind(end);
    }

    // ------------------------------------------------------------------ functions, closures, comprehensions,
    // unpacking and f-strings

    /**
     * The compiler of a function or class body nested here; its slots are the parameters (in
     * slot order; a class body's namespace instead), then the other locals (none in a class
     * body), the hidden return slot, the cells not among them, then the free variables, which
     * must come last.
     */
    private Compiler nested(Scope inner, Ast.Node at) {
        Compiler c = new Compiler(filename, source, inner);
        c.stringAnnotations = stringAnnotations;
        if (inner.isClass) {
            c.b.local(".namespace"); // slot 0: the class namespace dict
        }
        for (String p : inner.params) {
            c.b.local(p);
        }
        if (!inner.isClass) {
            for (String l : inner.locals) {
                c.b.local(l);
            }
        }
        if (inner.hasBlocks) {
            c.b.local(RETURN_SLOT);
        }
        for (String t : inner.matchTemps) {
            c.b.local(t);
        }
        for (String cell : inner.cells) {
            c.b.local(cell); // a class body's __class__; a function's cells are among its locals
        }
        for (String f : inner.frees) {
            c.b.local(f);
        }
        c.b.coFlags = inner.coFlags() | (stringAnnotations ? PyCode.CO_FUTURE_ANNOTATIONS : 0);
        c.b.setLine(at.line());
        return c;
    }

    private PyCode buildFunction(String name, Scope inner, int line, Ast.Parameters params) {
        int[] cellSlots = inner.cells.stream().mapToInt(b::local).toArray();
        int flags = (params.varargs() != null ? PyCode.VARARGS : 0) | (params.kwargs() != null ? PyCode.VARKEYWORDS : 0)
                | params.positionalOnly() << PyCode.POSITIONAL_ONLY_SHIFT;
        return b.build(name, inner.qualifiedName(), filename, line, params.positional().size(), params.kwonly().size(),
                flags, cellSlots, inner.frees.size());
    }

    /** Pushes a new function for {@code code}: defaults and closure are evaluated here. */
    private void makeFunction(PyCode code, Scope inner, Ast.Parameters params, Ast.Node at) throws PySyntaxError {
        int flags = 0;
        if (!params.defaults().isEmpty()) {
            for (Ast.Expr d : params.defaults()) {
                expr(d);
            }
            b.emit(BUILD_TUPLE, params.defaults().size(), 1 - params.defaults().size());
            flags |= 1;
        }
        int nkw = 0;
        for (int i = 0; i < params.kwonly().size(); i++) {
            Ast.Expr d = params.kwDefaults().get(i);
            if (d != null) {
                String name = params.kwonly().get(i);
                b.emit(LOAD_CONST, b.constant("s" + name, PyStr.internBorrowed(name)));
                expr(d);
                nkw++;
            }
        }
        if (nkw > 0) {
            b.emit(BUILD_MAP, nkw, 1 - 2 * nkw);
            flags |= 2;
        }
        if (!inner.frees.isEmpty()) {
            for (String f : inner.frees) {
                b.emit(LOAD_CLOSURE, b.local(f));
            }
            b.emit(BUILD_TUPLE, inner.frees.size(), 1 - inner.frees.size());
            flags |= 4;
        }
        b.setLine(at.line());
        int index = b.constant(code, code);
        if (flags == 0) {
            b.emit(MAKE_FUNCTION, index);
            return;
        }
        if (index > 0xffff) {
            throw unsupported("a code object with more than 65535 constants", at);
        }
        b.emit(MAKE_FUNCTION_EX, index | flags << 16, 1 - Integer.bitCount(flags));
    }

    private void lambda(Ast.Lambda l) throws PySyntaxError {
        Scope inner = table.child(l);
        Compiler c = nested(inner, l);
        c.expr(l.body());
        c.b.emit(RETURN_VALUE, 0);
        makeFunction(c.buildFunction("<lambda>", inner, l.line(), l.parameters()), inner, l.parameters(), l);
    }

    /**
     * A comprehension is a function of one parameter, the first iterator ({@code .0}), called
     * at once, as in CPython 3.11: its variables stay inside it. A generator expression's
     * function is a generator, which the call returns unstarted.
     */
    private void comprehension(Ast.ComprehensionExpr comp) throws PySyntaxError {
        Scope inner = table.child(comp);
        boolean awaited = inner.isCoroutine && comp.kind() != Ast.ComprehensionKind.GENERATOR;
        if (awaited && (scope == null || !scope.isCoroutine && !scope.isComprehension())) {
            throw error("SyntaxError", "asynchronous comprehension outside of an asynchronous function", comp);
        }
        Compiler c = nested(inner, comp);
        switch (comp.kind()) {
            case LIST -> c.b.emit(BUILD_LIST, 0, 1);
            case SET -> c.b.emit(BUILD_SET, 0, 1);
            case DICT -> c.b.emit(BUILD_MAP, 0, 1);
            case GENERATOR -> { }
        }
        c.comprehensionLoop(comp, 0);
        if (comp.kind() == Ast.ComprehensionKind.GENERATOR) {
            c.loadNone();
        }
        c.b.emit(RETURN_VALUE, 0);
        String name = comp.kind().codeName;
        Ast.Parameters params = new Ast.Parameters(List.of(".0"), List.of(), null, List.of(), List.of(), null);
        makeFunction(c.buildFunction(name, inner, comp.line(), params), inner, params, comp);
        expr(comp.generators().get(0).iter());
        b.emit(comp.generators().get(0).isAsync() ? GET_AITER : GET_ITER, 0);
        b.setLine(comp.line());
        b.emit(CALL, 1, -1);
        if (awaited) {
            b.emit(GET_AWAITABLE, 0);
            delegate();
        }
    }

    /** The k-th {@code for} clause; the result container sits under the k+1 iterators. */
    private void comprehensionLoop(Ast.ComprehensionExpr comp, int k) throws PySyntaxError {
        Ast.Comprehension gen = comp.generators().get(k);
        if (k == 0) {
            b.emit(LOAD_FAST, b.local(".0"));
        } else {
            expr(gen.iter());
            b.emit(gen.isAsync() ? GET_AITER : GET_ITER, 0);
        }
        CodeBuilder.Label top = new CodeBuilder.Label();
        CodeBuilder.Label next = new CodeBuilder.Label();
        CodeBuilder.Label exhausted = new CodeBuilder.Label();
        b.bind(top);
        CodeBuilder.Label handler = null;
        int d = b.depth(); // the (async) iterator on top
        if (gen.isAsync()) {
            handler = new CodeBuilder.Label();
            Region anext = new Region(handler, d);
            b.emit(GET_ANEXT, 0, 1);
            delegate();
            anext.end();
        } else {
            b.emitJump(FOR_ITER, exhausted);
        }
        store(gen.target());
        for (Ast.Expr cond : gen.ifs()) {
            expr(cond);
            b.emitJump(POP_JUMP_IF_FALSE, next);
        }
        int depth = k + 1;
        if (k + 1 < comp.generators().size()) {
            comprehensionLoop(comp, k + 1);
        } else if (comp.kind() == Ast.ComprehensionKind.DICT) {
            expr(comp.elt());
            expr(comp.value());
            b.emit(MAP_ADD, depth);
        } else if (comp.kind() == Ast.ComprehensionKind.GENERATOR) {
            expr(comp.elt());
            b.setLine(comp.line());
            if (scope.isCoroutine) { // an asynchronous generator expression
                b.emit(ASYNC_GEN_WRAP, 0, 0);
            }
            b.emit(YIELD_VALUE, 0);
            b.emit(POP_TOP, 0);
        } else {
            expr(comp.elt());
            b.emit(comp.kind() == Ast.ComprehensionKind.LIST ? LIST_APPEND : SET_ADD, depth, -1);
        }
        b.bind(next);
        b.emitJump(JUMP_BACKWARD, top);
        if (handler != null) {
            endOfAsyncIteration(handler, exhausted, d);
        } else {
            b.bind(exhausted);
            b.adjustDepth(-1); // FOR_ITER popped the iterator on this path
        }
    }

    /**
     * The handler around an {@code async for}'s await of {@code __anext__()} (the async iterator
     * at depth {@code d}): StopAsyncIteration ends the loop at {@code exhausted}, with the
     * iterator popped; anything else is raised again.
     */
    private void endOfAsyncIteration(CodeBuilder.Label handler, CodeBuilder.Label exhausted, int d) {
        CodeBuilder.Label stop = new CodeBuilder.Label();
        b.bind(handler);
        b.setDepth(d + 2); // ait prev exc
        b.emit(LOAD_CONST, b.constant("StopAsyncIteration", PyExc.STOP_ASYNC_ITERATION), 1);
        b.emit(CHECK_EXC_MATCH, 0, 0);
        b.emitJump(POP_JUMP_IF_TRUE, stop, -1);
        b.emit(RERAISE, 0, -2);
        b.bind(stop);
        b.setDepth(d + 2);
        b.emit(POP_TOP, 0, -1);
        b.emit(POP_EXCEPT, 0, -1);
        b.emit(POP_TOP, 0, -1); // the async iterator
        b.bind(exhausted);
    }

    private static boolean hasStarred(List<Ast.Expr> elts) {
        for (Ast.Expr e : elts) {
            if (e instanceof Ast.Starred) {
                return true;
            }
        }
        return false;
    }

    /** {@code [a, *b]} or {@code (a, *b)}: a list built piece by piece, then made a tuple. */
    private void starredDisplay(List<Ast.Expr> elts, boolean tuple) throws PySyntaxError {
        b.emit(BUILD_LIST, 0, 1);
        for (Ast.Expr e : elts) {
            if (e instanceof Ast.Starred st) {
                expr(st.value());
                b.emit(LIST_EXTEND, 0);
            } else {
                expr(e);
                b.emit(LIST_APPEND, 0);
            }
        }
        if (tuple) {
            b.emit(LIST_TO_TUPLE, 0);
        }
    }

    /** {@code {**a, k: v}}. */
    private void dictWithUnpacking(Ast.DictExpr d) throws PySyntaxError {
        b.emit(BUILD_MAP, 0, 1);
        for (int i = 0; i < d.keys().size(); i++) {
            Ast.Expr k = d.keys().get(i);
            if (k == null) {
                expr(d.values().get(i));
                b.emit(DICT_UPDATE, 0);
            } else {
                expr(k);
                expr(d.values().get(i));
                b.emit(MAP_ADD, 0);
            }
        }
    }

    private void setDisplay(Ast.SetExpr set) throws PySyntaxError {
        if (hasStarred(set.elts())) {
            b.emit(BUILD_SET, 0, 1);
            for (Ast.Expr e : set.elts()) {
                if (e instanceof Ast.Starred st) {
                    expr(st.value());
                    b.emit(SET_UPDATE, 0);
                } else {
                    expr(e);
                    b.emit(SET_ADD, 0);
                }
            }
            return;
        }
        for (Ast.Expr e : set.elts()) {
            expr(e);
        }
        b.setLine(set.line());
        b.emit(BUILD_SET, set.elts().size(), 1 - set.elts().size());
    }

    /**
     * {@code f(a, *b, k=v, **m)}: the positional arguments become one tuple and the keyword
     * arguments one dict (duplicates are a TypeError), then CALL_FUNCTION_EX.
     */
    private void callWithUnpacking(Ast.Call c) throws PySyntaxError {
        expr(c.func());
        b.emit(BUILD_LIST, 0, 1);
        for (Ast.Expr a : c.args()) {
            if (a instanceof Ast.Starred st) {
                expr(st.value());
                b.emit(LIST_EXTEND, 0x100); // 0x100: errors name the function being called
            } else {
                expr(a);
                b.emit(LIST_APPEND, 0);
            }
        }
        b.emit(LIST_TO_TUPLE, 0);
        boolean hasKeywords = !c.keywords().isEmpty();
        if (hasKeywords) {
            b.emit(BUILD_MAP, 0, 1);
            for (Ast.Keyword k : c.keywords()) {
                if (k.name() == null) {
                    expr(k.value());
                } else {
                    b.emit(LOAD_CONST, b.constant("s" + k.name(), PyStr.internBorrowed(k.name())));
                    expr(k.value());
                    b.emit(BUILD_MAP, 1, -1);
                }
                b.emit(DICT_MERGE, 0);
            }
        }
        b.setLine(c.line());
        b.emit(CALL_FUNCTION_EX, hasKeywords ? 1 : 0, hasKeywords ? -2 : -1);
    }

    /** Emits UNPACK_EX for a target list with a starred element; false if it has none. */
    private boolean unpackStarred(Ast.Expr t, List<Ast.Expr> elts) throws PySyntaxError {
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Ast.Starred) {
                if (star >= 0) {
                    throw error("SyntaxError", "multiple starred expressions in assignment", t);
                }
                star = i;
            }
        }
        if (star < 0) {
            return false;
        }
        int after = elts.size() - star - 1;
        if (star > 0xff || after > 0xffff) {
            throw error("SyntaxError", "too many expressions in star-unpacking assignment", t);
        }
        b.emit(UNPACK_EX, star | after << 8, elts.size() - 1);
        return true;
    }

    private void joinedStr(Ast.JoinedStr j) throws PySyntaxError {
        List<Ast.Expr> values = j.values();
        if (values.isEmpty()) {
            b.emit(LOAD_CONST, b.constant("s", PyStr.internBorrowed("")));
            return;
        }
        for (Ast.Expr v : values) {
            expr(v);
        }
        if (values.size() > 1 || !(values.get(0) instanceof Ast.FormattedValue)) {
            b.setLine(j.line());
            b.emit(BUILD_STRING, values.size(), 1 - values.size());
        }
    }

    private void formattedValue(Ast.FormattedValue f) throws PySyntaxError {
        expr(f.value());
        int arg = f.conversion();
        if (f.formatSpec() != null) {
            expr(f.formatSpec());
            arg |= 0x100;
        }
        b.setLine(f.line());
        b.emit(FORMAT_VALUE, arg, f.formatSpec() != null ? -1 : 0);
    }
}
