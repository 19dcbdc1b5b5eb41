package org.gilectomy.runtime.interp;

import java.util.Map;
import java.util.TreeSet;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyCell;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInstance;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Compiler;
import org.gilectomy.runtime.imports.ImportSystem;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.parse.PySyntaxError;

/**
 * The built-ins around namespaces: {@code globals}, {@code locals}, {@code vars}, {@code dir},
 * {@code exec}, {@code eval}, {@code compile}, {@code __import__}.
 *
 * <p>This runtime keeps no frame objects, so the ones that read their caller's namespace get
 * it from the call site: the compiler emits CALL_WITH_FRAME for a call of one of these names
 * ({@link #callWithFrame}). Called any other way (through another name, with keywords) they
 * work when given their namespace explicitly and otherwise raise an error saying so.
 */
public final class NamespaceBuiltins {
    /** The caller's namespace: its globals, and (in a function or class body) its locals. */
    private record Frame(PyDict globals, PyCode code, PyObject[] slots) {
        /** locals(): the globals at module level, the class namespace, or a snapshot of a function's variables; new reference. */
        PyDict locals() {
            return localsOf(globals, code, slots);
        }
    }

    /** The locals of a live frame (its code and slots; code null: module level): see {@link Frame#locals}. */
    static PyDict localsOf(PyDict globals, PyCode code, PyObject[] slots) {
        if (code == null || code.isModule) {
            RefCount.incref(globals);
            return globals;
        }
        if (code.varNames.length > 0 && code.varNames[0].equals(".namespace") && slots[0] instanceof PyDict ns) {
            RefCount.incref(ns);
            return ns;
        }
        PyDict d = new PyDict();
        for (int i = 0; i < code.varNames.length; i++) {
            PyObject v = slots[i];
            if (v instanceof PyCell c) {
                v = c.get();
                if (v == null) {
                    continue;
                }
                d.putName(code.varNames[i], v);
                RefCount.decref(v);
            } else if (v != null && !code.varNames[i].startsWith(".")) {
                d.putName(code.varNames[i], v);
            }
        }
        return d;
    }

    private interface FrameBody {
        PyObject call(PyObject[] a, int off, int n, Frame frame);
    }

    private static final Map<String, FrameBody> BODIES = Map.of(
            "globals", NamespaceBuiltins::globals,
            "locals", NamespaceBuiltins::locals,
            "vars", NamespaceBuiltins::vars,
            "dir", NamespaceBuiltins::dir,
            "exec", (a, off, n, f) -> run("exec", a, off, n, f),
            "eval", (a, off, n, f) -> run("eval", a, off, n, f),
            "__import__", NamespaceBuiltins::importBuiltin);
    /** The function objects, so that CALL_WITH_FRAME recognises them by identity. */
    private static final java.util.IdentityHashMap<PyObject, FrameBody> BY_FUNCTION = new java.util.IdentityHashMap<>();

    private NamespaceBuiltins() {
    }

    static void install(Builtins builtins) {
        for (Map.Entry<String, FrameBody> e : BODIES.entrySet()) {
            FrameBody body = e.getValue();
            PyBuiltinFunction f = new PyBuiltinFunction(e.getKey(), (a, off, n, kw) -> {
                if (kw != null && kw.size() > 0) {
                    throw PyExc.typeError(e.getKey() + "() takes no keyword arguments");
                }
                return body.call(a, off, n, null);
            });
            BY_FUNCTION.put(f, body);
            builtins.dict.putName(e.getKey(), f);
        }
        builtins.function("compile", NamespaceBuiltins::compile);
    }

    /** CALL_WITH_FRAME: {@code f(args)}, with the caller's namespace if f is one of these built-ins. A new reference. */
    static PyObject callWithFrame(PyObject f, PyObject[] a, int off, int n, PyDict globals, PyCode code, PyObject[] slots) {
        FrameBody body = BY_FUNCTION.get(f);
        if (body == null) {
            return Ops.call(f, a, off, n, null);
        }
        return body.call(a, off, n, new Frame(globals, code, slots));
    }

    private static Frame need(Frame f, String fn) {
        if (f == null) {
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, fn + "() without an explicit namespace, called other than by its"
                    + " own name, is not supported by this runtime (it keeps no frame objects)");
        }
        return f;
    }

    private static PyObject globals(PyObject[] a, int off, int n, Frame f) {
        Args.exactly("globals", n, 0, null);
        PyDict g = need(f, "globals").globals;
        RefCount.incref(g);
        return g;
    }

    private static PyObject locals(PyObject[] a, int off, int n, Frame f) {
        Args.exactly("locals", n, 0, null);
        return need(f, "locals").locals();
    }

    private static PyObject vars(PyObject[] a, int off, int n, Frame f) {
        Args.between("vars", n, 0, 1, null);
        if (n == 0) {
            return need(f, "vars").locals();
        }
        PyObject d = ImportSystem.attrOrNull(a[off], "__dict__");
        if (d == null && a[off] instanceof PyModule m) {
            d = m.dictBorrowed();
            RefCount.incref(d);
        }
        if (d == null) {
            throw PyExc.typeError("vars() argument must have __dict__ attribute");
        }
        return d;
    }

    private static PyObject dir(PyObject[] a, int off, int n, Frame f) {
        Args.between("dir", n, 0, 1, null);
        TreeSet<String> names = new TreeSet<>();
        PyDict source;
        if (n == 0) {
            source = need(f, "dir").locals();
        } else if (a[off] instanceof PyModule m) {
            source = m.dictBorrowed();
            RefCount.incref(source);
        } else {
            // An object's own attributes, then its class's and its bases' (heap types' namespaces).
            if (a[off] instanceof PyInstance i && !(a[off] instanceof PyType)) {
                addKeys(names, i.dictBorrowed());
            }
            for (PyType t = a[off] instanceof PyType pt ? pt : a[off].type(); t != null; t = t.base()) {
                addKeys(names, t.dictBorrowed());
            }
            return strList(names);
        }
        try {
            addKeys(names, source);
        } finally {
            RefCount.decref(source);
        }
        return strList(names);
    }

    private static void addKeys(TreeSet<String> names, PyDict d) {
        if (d == null) {
            return;
        }
        for (Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
            names.add(e.getKey().toString());
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
    }

    private static PyList strList(java.util.Collection<String> names) {
        PyList l = new PyList();
        for (String s : names) {
            PyStr p = PyStr.of(s);
            l.append(p);
            RefCount.decref(p);
        }
        return l;
    }

    /** exec(source, globals=None, locals=None) and eval(...). */
    private static PyObject run(String fn, PyObject[] a, int off, int n, Frame f) {
        Args.between(fn, n, 1, 3, null);
        PyObject g = n > 1 ? a[off + 1] : PyNone.NONE;
        PyObject l = n > 2 ? a[off + 2] : PyNone.NONE;
        PyDict globals;
        if (g == PyNone.NONE) {
            Frame frame = need(f, fn);
            if (frame.code != null && !frame.code.isModule && l == PyNone.NONE) {
                throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, fn + "() inside a function without an explicit "
                        + "globals dict is not supported by this runtime (it cannot write the function's variables)");
            }
            globals = frame.globals;
        } else if (g instanceof PyDict d) {
            globals = d;
        } else {
            throw PyExc.typeError(fn.equals("exec") ? "exec() globals must be a dict, not " + g.type().name()
                    : "globals must be a dict");
        }
        if (l != PyNone.NONE && l != globals) {
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, fn + "() with a locals mapping other than its globals "
                    + "is not supported by this runtime");
        }
        if (globals.getBorrowed(PyStr.internBorrowed("__builtins__")) == null) {
            globals.putName("__builtins__", Builtins.INSTANCE.module);
        }
        PyCode code;
        PyObject src = a[off];
        if (src instanceof PyCode c) {
            code = c;
            RefCount.incref(code);
        } else if (src instanceof PyStr s) {
            code = compileText(s.toString(), "<string>", fn);
        } else {
            throw PyExc.typeError(fn + "() arg 1 must be a string, bytes or code object");
        }
        PyObject r;
        try {
            r = Eval.runModule(ThreadState.current(), code, globals);
        } finally {
            RefCount.decref(code);
        }
        if (fn.equals("exec")) {
            RefCount.decref(r);
            return PyNone.newRef();
        }
        return r;
    }

    private static PyCode compileText(String text, String filename, String mode) {
        try {
            PyCode code = Compiler.compile(text, filename, mode, DISPLAY_HOOK);
            Interpreter interp = Interpreter.current();
            interp.modules.compiled(code);
            interp.tracebacks.registerSource(filename, text);
            return code;
        } catch (PySyntaxError e) {
            throw syntaxError(e);
        }
    }

    /** What 'single' mode does with an expression statement's value: print its repr unless None. */
    private static final PyBuiltinFunction DISPLAY_HOOK = new PyBuiltinFunction("displayhook", (a, off, n, kw) -> {
        Args.exactly("displayhook", n, 1, kw);
        if (a[off] != PyNone.NONE) {
            PyObject out = Interpreter.current().modules.sysAttr("stdout");
            try {
                StdStreams.write(out, Ops.repr(a[off]) + "\n", false);
            } finally {
                RefCount.xdecref(out);
            }
        }
        return PyNone.newRef();
    });

    /** compile(source, filename, mode): a code object exec() and eval() run. */
    private static PyObject compile(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("compile", a, off, n, kw, 3, "source", "filename", "mode", "flags", "dont_inherit", "optimize");
        if (p[0] instanceof PyCode c) {
            RefCount.incref(c);
            return c;
        }
        if (!(p[0] instanceof PyStr src)) {
            throw PyExc.typeError("compile() arg 1 must be a string, bytes or AST object");
        }
        String mode = p[2].toString();
        if (!mode.equals("exec") && !mode.equals("eval") && !mode.equals("single")) {
            throw PyExc.valueError("compile() mode must be 'exec', 'eval' or 'single'");
        }
        if (p[3] != null && !(p[3] instanceof PyInt i && i.value == 0)) {
            throw new PyException(PyExc.NOT_IMPLEMENTED_ERROR, "compile() flags are not supported by this runtime");
        }
        return compileText(src.toString(), p[1].toString(), mode);
    }

    /** A SyntaxError (or IndentationError...) as a Python exception, from the compiler's. */
    public static PyException syntaxError(PySyntaxError e) {
        PyType type = PyExc.SYNTAX_ERROR;
        PyObject t = Builtins.INSTANCE.dict.getBorrowed(PyStr.internBorrowed(e.pythonType()));
        if (t instanceof PyType pt && pt.isSubtypeOf(PyExc.SYNTAX_ERROR)) {
            type = pt;
        } else if (!e.pythonType().equals("SyntaxError")) {
            return new PyException(PyExc.NOT_IMPLEMENTED_ERROR, e.getMessage());
        }
        PyException r = new PyException(type, e.getMessage());
        PyInstance v = r.value();
        setOwn(v, "msg", PyStr.of(e.getMessage()));
        setOwn(v, "filename", Modules.strOrNone(e.filename()));
        setOwn(v, "lineno", PyInt.of(e.line()));
        setOwn(v, "offset", PyInt.of(e.column()));
        setOwn(v, "text", Modules.strOrNone(e.sourceLine()));
        return r;
    }

    private static void setOwn(PyInstance o, String attr, PyObject owned) {
        o.setOwn(PyStr.internBorrowed(attr), owned);
        RefCount.decref(owned);
    }

    /** __import__(name, globals=None, locals=None, fromlist=(), level=0). */
    private static PyObject importBuiltin(PyObject[] a, int off, int n, Frame f) {
        Args.between("__import__", n, 1, 5, null);
        if (!(a[off] instanceof PyStr name)) {
            throw PyExc.typeError("__import__() argument 1 must be str, not " + a[off].type().name());
        }
        PyDict globals = n > 1 && a[off + 1] instanceof PyDict d ? d : f != null ? f.globals : null;
        PyObject fromList = n > 3 ? a[off + 3] : null;
        int level = n > 4 ? (int) Args.asLong(a[off + 4]) : 0;
        return Interpreter.current().modules.imports.importName(name.toString(), globals, fromList, level);
    }
}
