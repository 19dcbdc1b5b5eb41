package org.gilectomy.runtime.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gilectomy.objects.Numbers;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.imports.StdlibLocation;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.ThreadState;
import org.gilectomy.runtime.modules.SysKnobs;

/**
 * An interpreter's module table: {@code sys.modules} (a dict the program may read and write),
 * {@code sys} itself and its settings, the import system ({@link ImportSystem}), and the
 * modules' release at finalization. The modules written in Java are listed in
 * {@link BuiltinModules}.
 */
public final class Modules {
    private final Interpreter interp;
    /** sys.modules: name -> module. Made with the sys module, on the main thread before __main__ runs. */
    private volatile PyDict sysModules;
    private volatile PyModule sys;
    /** Every module made for this interpreter (see {@link #created}). */
    private final List<PyModule> created = new ArrayList<>(); // guarded by itself
    /** See {@link #compiled}. */
    private final List<org.gilectomy.objects.PyCode> compiledCode = new ArrayList<>(); // guarded by itself
    public final ImportSystem imports;
    /** What {@code sys.getswitchinterval()} reports, also in the free-threaded build (as CPython's). */
    public volatile double switchIntervalSeconds = 0.005;
    /** What {@code sys.getrecursionlimit()} reports (the runtime's own limit stays ThreadState.RECURSION_LIMIT). */
    public volatile long recursionLimit = ThreadState.RECURSION_LIMIT;
    /** Whether the program changed the process-wide GIL settings (then put back at its end: SysKnobs). */
    public volatile boolean turnedProcessKnobs;

    public Modules(Interpreter interp) {
        this.interp = interp;
        this.imports = new ImportSystem(interp, this);
    }

    static {
        PyModule.TYPE.constructor = Modules::newModule;
        PyModule.TYPE.addGetter("__dict__", m -> {
            PyDict d = ((PyModule) m).dictBorrowed();
            RefCount.incref(d);
            return d;
        });
        PyModule.TYPE.addGetter("__class__", m -> {
            RefCount.incref(PyModule.TYPE);
            return PyModule.TYPE;
        });
    }

    /**
     * {@code types.ModuleType(name, doc=None)}: an empty module of this interpreter, with the
     * attributes CPython's module.__init__ sets (it is not put in sys.modules).
     */
    private static PyObject newModule(PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        PyObject[] p = org.gilectomy.runtime.interp.Params.bind("module", a, off, n, kw, 1, "name", "doc");
        if (!(p[0] instanceof PyStr name)) {
            throw PyExc.typeError("module() argument 'name' must be str, not " + p[0].type().name());
        }
        Interpreter interp = Interpreter.current();
        PyModule m = interp.deferred(new PyModule(name.value));
        interp.modules.created(m);
        m.set("__doc__", p[1] == null ? PyNone.NONE : p[1]);
        for (String attr : new String[] {"__package__", "__loader__", "__spec__"}) {
            m.set(attr, PyNone.NONE);
        }
        return m;
    }

    public boolean turnedProcessKnobs() {
        return turnedProcessKnobs;
    }

    /**
     * Before {@code __main__} runs (on the main thread): sys and sys.modules, with
     * {@code __main__} in it, and sys.path: the script's directory, PYTHONPATH, then the
     * standard library ({@link StdlibLocation}).
     */
    public void bootstrap(PyModule main, String filename) {
        PyDict table = new PyDict();
        sysModules = table;
        PyModule s = BuiltinModules.TABLE.get("sys").apply(interp);
        created(s);
        created(main);
        sys = s;
        table.putName("sys", s);
        table.putName("builtins", Builtins.INSTANCE.module);
        table.putName("__main__", main);
        PyList path = new PyList();
        Path script = Path.of(filename);
        addPath(path, filename.startsWith("<") || script.getParent() == null ? "" : script.getParent().toString());
        String pythonPath = System.getenv("PYTHONPATH");
        if (pythonPath != null && !pythonPath.isEmpty()) {
            for (String entry : pythonPath.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    addPath(path, Path.of(entry).toAbsolutePath().normalize().toString());
                }
            }
        }
        Path stdlib = StdlibLocation.get();
        if (stdlib != null) {
            addPath(path, stdlib.toString());
        }
        s.set("path", path);
        RefCount.decref(path);
        s.set("modules", table);
    }

    private static void addPath(PyList path, String entry) {
        PyStr e = PyStr.of(entry);
        path.append(e);
        RefCount.decref(e);
    }

    /**
     * A module the runtime just made for this interpreter (sys, a Java module, a .py file's):
     * finalized at the end even if the program took it out of sys.modules. Made immortal where
     * the build has immortal objects: a module lives as long as its interpreter anyway, and a
     * module made on a thread that ends must not have its process-lifetime count merged by
     * biased counting (a count that large overflows the merged word).
     */
    void created(PyModule m) {
        if (!m.collectable()) { // a program's module (PyModule.forSource) is freed as any object
            RefCount.makeImmortal(m);
        }
        synchronized (created) {
            created.add(m);
        }
    }

    /**
     * Code compiled while the program runs (imported modules, exec, compile): under
     * --check-refs, its constants are released at finalization ({@link PyCode#releaseConstantsForFinalization}).
     */
    public void compiled(org.gilectomy.objects.PyCode code) {
        if (org.gilectomy.refcount.RefCheck.ENABLED) {
            synchronized (compiledCode) {
                compiledCode.add(code);
            }
        }
    }

    /** sys.modules, borrowed. */
    public PyDict table() {
        return sysModules;
    }

    /** The sys module, borrowed. */
    PyModule sys() {
        return sys;
    }

    /** {@code sys.<name>}, a new reference, or null if sys lacks it (the program deleted it). */
    public PyObject sysAttr(String name) {
        return sys.dictBorrowed().getName(name);
    }

    /**
     * Interpreter finalization (--check-refs): sys.modules is emptied, then every module made
     * for this interpreter has its namespace released. The shared builtins module is left alone.
     */
    public void finalizeAll() {
        PyDict table = sysModules;
        if (table == null) {
            return;
        }
        table.clear();
        List<PyModule> all;
        synchronized (created) {
            all = new ArrayList<>(created);
            created.clear();
        }
        for (PyModule m : all) {
            m.clearForFinalization();
        }
        synchronized (compiledCode) {
            for (org.gilectomy.objects.PyCode c : compiledCode) {
                c.releaseConstantsForFinalization();
            }
            compiledCode.clear();
        }
        sysModules = null;
        RefCount.decref(table);
    }

    /**
     * For the cycle collector (the world stopped, or the GIL held): calls {@code alive} with
     * sys.modules and the namespace of each module in it, containers that live for sure (its
     * "mark alive" starts from them). Reads without locks or new references: nothing moves.
     */
    public void visitAliveNamespaces(java.util.function.Consumer<org.gilectomy.refcount.RefCounted> alive) {
        PyDict table = sysModules;
        if (table == null) {
            return;
        }
        alive.accept(table);
        table.traverse(o -> {
            if (o instanceof PyModule m) {
                alive.accept(m.dictBorrowed());
            }
        });
    }

    /** The namespaces of the modules in sys.modules (for the ALL_SHARED immortalisation). */
    public List<PyDict> loadedNamespaces() {
        List<PyDict> r = new ArrayList<>();
        PyDict table = sysModules;
        if (table == null) {
            return r;
        }
        for (Map.Entry<PyObject, PyObject> e : table.itemsSnapshot()) {
            if (e.getValue() instanceof PyModule m && m != Builtins.INSTANCE.module && m.dictBorrowed() != null) {
                r.add(m.dictBorrowed());
            }
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
        return r;
    }

    public static void def(PyModule m, String name, PyBuiltinFunction.Body body) {
        m.set(name, new PyBuiltinFunction(m.name() + "." + name, body));
    }

    public static double asDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value;
        }
        if (Numbers.isNumber(o)) {
            PyObject f = Ops.binary(org.gilectomy.objects.BinaryOp.TRUEDIV, o, PyInt.of(1));
            double d = ((PyFloat) f).value;
            RefCount.decref(f);
            return d;
        }
        throw PyExc.typeError("must be real number, not " + o.type().name());
    }

    /** A Python None or the string, as a new reference. */
    public static PyObject strOrNone(String s) {
        return s == null ? PyNone.newRef() : PyStr.of(s);
    }
}
