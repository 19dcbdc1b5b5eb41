package org.gilectomy.runtime.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInstance;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.compile.Compiler;
import org.gilectomy.runtime.imports.StdlibLocation;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Eval;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.interp.NamespaceBuiltins;
import org.gilectomy.runtime.interp.ThreadState;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.gilectomy.runtime.parse.SourceDecoder;

/**
 * The import system of one interpreter, as CPython 3.11's {@code importlib._bootstrap} and
 * {@code import.c} behave: {@code __import__} (what IMPORT_NAME runs), the from-list of
 * packages, relative names, IMPORT_FROM's fallback to submodules and its errors, and
 * {@code from m import *}.
 *
 * <p>Finding: a top-level name is first looked up among the Java modules ({@link BuiltinModules});
 * then each directory of {@code sys.path} (read at each import: programs may change it) is
 * tried for {@code name/__init__.py} (a package) and {@code name.py}; a directory {@code name}
 * without {@code __init__.py} is a portion of a namespace package, used only if no regular
 * package or module is found. A submodule is looked for in its parent's {@code __path__}.
 *
 * <p>Loading: the module goes into sys.modules before its body runs (so a circular import gets
 * the partly initialised module), under the name's import lock ({@link ModuleLocks}); its name
 * is in {@link #initializing} while the body runs. If the body raises, the module is removed
 * from sys.modules again.
 */
public final class ImportSystem {
    /** {@code __spec__}'s class: a plain object with name, origin, parent, submodule_search_locations. */
    static final PyType MODULE_SPEC = PyType.ofModule("importlib._bootstrap", "ModuleSpec", null);

    private final Interpreter interp;
    private final Modules modules;
    private final ModuleLocks locks = new ModuleLocks();
    /** The modules whose body is running (CPython's {@code __spec__._initializing}). */
    private final Set<String> initializing = ConcurrentHashMap.newKeySet();

    ImportSystem(Interpreter interp, Modules modules) {
        this.interp = interp;
        this.modules = modules;
    }

    // ------------------------------------------------------------------ __import__

    /**
     * {@code __import__(name, globals, None, fromlist, level)}: a new reference to the module
     * the import statement binds (the top-level package for {@code import a.b}).
     */
    public PyObject importName(String name, PyDict globals, PyObject fromList, int level) {
        if (level < 0) {
            throw PyExc.valueError("level must be >= 0");
        }
        String absolute = level > 0 ? resolveName(name, globals, level) : name;
        if (level == 0 && name.isEmpty()) {
            throw PyExc.valueError("Empty module name");
        }
        PyObject module = findAndLoad(absolute);
        if (fromList == null || fromList == PyNone.NONE || !Ops.isTrue(fromList)) {
            int dot = name.indexOf('.');
            if (dot < 0 || (level > 0 && name.isEmpty())) {
                return module;
            }
            RefCount.decref(module);
            if (level == 0) {
                return findAndLoad(name.substring(0, dot));
            }
            String top = absolute.substring(0, absolute.length() - (name.length() - dot));
            return lookup(top);
        }
        if (hasAttr(module, "__path__")) {
            try {
                handleFromList(module, fromList, false);
            } catch (PyException e) {
                RefCount.decref(module);
                throw e;
            }
        }
        return module;
    }

    /** The absolute name of a relative import ({@code level} dots) made in {@code globals}. */
    private String resolveName(String name, PyDict globals, int level) {
        return resolveName(name, packageOf(globals), level);
    }

    private static String resolveName(String name, String pkg, int level) {
        if (pkg.isEmpty()) {
            throw importError(PyExc.IMPORT_ERROR, "attempted relative import with no known parent package", null, null);
        }
        String base = pkg;
        for (int k = 1; k < level; k++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw importError(PyExc.IMPORT_ERROR, "attempted relative import beyond top-level package", null, null);
            }
            base = base.substring(0, dot);
        }
        return name.isEmpty() ? base : base + "." + name;
    }

    /** {@code importlib.import_module(name, package)}: the module itself (not its top-level package); a new reference. */
    public PyObject importModule(String name, String pkg) {
        int level = 0;
        while (level < name.length() && name.charAt(level) == '.') {
            level++;
        }
        if (level > 0 && pkg == null) {
            throw PyExc.typeError("the 'package' argument is required to perform a relative import for " + PyStr.repr(name));
        }
        String rest = name.substring(level);
        if (level == 0 && rest.isEmpty()) {
            throw PyExc.valueError("Empty module name");
        }
        return findAndLoad(level > 0 ? resolveName(rest, pkg, level) : rest);
    }

    /** CPython's {@code _calc___package__}: __package__, else __spec__.parent, else from __name__. */
    private static String packageOf(PyDict globals) {
        PyObject pkg = globals == null ? null : globals.getBorrowed(PyStr.internBorrowed("__package__"));
        if (pkg != null && pkg != PyNone.NONE) {
            if (!(pkg instanceof PyStr)) {
                throw PyExc.typeError("package must be a string");
            }
            return pkg.toString();
        }
        PyObject spec = globals == null ? null : globals.getBorrowed(PyStr.internBorrowed("__spec__"));
        if (spec != null && spec != PyNone.NONE) {
            PyObject parent = Ops.getAttr(spec, "parent");
            String r = parent instanceof PyStr ? parent.toString() : "";
            RefCount.decref(parent);
            return r;
        }
        PyObject n = globals == null ? null : globals.getBorrowed(PyStr.internBorrowed("__name__"));
        if (!(n instanceof PyStr)) {
            throw importError(PyExc.KEY_ERROR, "'__name__' not in globals", null, null);
        }
        String modName = n.toString();
        if (globals.getBorrowed(PyStr.internBorrowed("__path__")) != null) {
            return modName;
        }
        int dot = modName.lastIndexOf('.');
        return dot < 0 ? "" : modName.substring(0, dot);
    }

    /** Imports the submodules a from-list names that the package does not have as attributes. */
    private void handleFromList(PyObject module, PyObject fromList, boolean fromAll) {
        PyObject[] items = Ops.collect(fromList);
        try {
            for (PyObject x : items) {
                if (!(x instanceof PyStr)) {
                    String where = fromAll ? moduleName(module) + ".__all__" : "``from list''";
                    throw PyExc.typeError("Item in " + where + " must be str, not " + x.type().name());
                }
                String attr = x.toString();
                if (attr.equals("*")) {
                    if (!fromAll) {
                        PyObject all = attrOrNull(module, "__all__");
                        if (all != null) {
                            try {
                                handleFromList(module, all, true);
                            } finally {
                                RefCount.decref(all);
                            }
                        }
                    }
                } else if (!hasAttr(module, attr)) {
                    String full = moduleName(module) + "." + attr;
                    try {
                        RefCount.decref(findAndLoad(full));
                    } catch (PyException e) {
                        // A submodule that does not exist is the caller's ImportError to raise (IMPORT_FROM).
                        if (!e.matches(PyExc.MODULE_NOT_FOUND_ERROR) || !full.equals(errorName(e))
                                || modules.table().getBorrowed(PyStr.internBorrowed(full)) == PyNone.NONE) {
                            throw e;
                        }
                        e.release();
                    }
                }
            }
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
    }

    // ------------------------------------------------------------------ finding and loading

    /** CPython's {@code _find_and_load}: the module {@code name}, imported if it is not yet; a new reference. */
    PyObject findAndLoad(String name) {
        PyDict table = modules.table();
        PyObject m = table.get(PyStr.internBorrowed(name));
        if (m != null && !initializing.contains(name)) {
            return notNone(m, name);
        }
        if (m != null) { // another thread's (or this thread's, circularly) body is running: wait for it
            if (locks.acquire(name)) {
                locks.release(name);
            }
            return notNone(m, name);
        }
        if (!locks.acquire(name)) {
            throw importError(PyExc.IMPORT_ERROR, "deadlock detected by _ModuleLock('" + name + "')", name, null);
        }
        try {
            m = table.get(PyStr.internBorrowed(name));
            if (m != null) {
                return notNone(m, name);
            }
            return findAndLoadUnlocked(name);
        } finally {
            locks.release(name);
        }
    }

    private static PyObject notNone(PyObject m, String name) {
        if (m == PyNone.NONE) {
            RefCount.decref(m);
            throw importError(PyExc.MODULE_NOT_FOUND_ERROR, "import of " + name + " halted; None in sys.modules", name, null);
        }
        return m;
    }

    /** A new reference to sys.modules[name]; KeyError if the module took itself out. */
    private PyObject lookup(String name) {
        PyObject m = modules.table().get(PyStr.internBorrowed(name));
        if (m == null) {
            throw Ops.keyError(PyStr.internBorrowed(name));
        }
        return m;
    }

    private PyObject findAndLoadUnlocked(String name) {
        int dot = name.lastIndexOf('.');
        PyObject parentModule = null;
        List<String> searchPath;
        if (dot >= 0) {
            String parent = name.substring(0, dot);
            PyObject p = findAndLoad(parent);
            RefCount.decref(p);
            PyObject already = modules.table().get(PyStr.internBorrowed(name)); // the parent's body may have imported it
            if (already != null) {
                return already;
            }
            parentModule = lookup(parent);
            PyObject path = attrOrNull(parentModule, "__path__");
            if (path == null) {
                RefCount.decref(parentModule);
                throw importError(PyExc.MODULE_NOT_FOUND_ERROR,
                        "No module named '" + name + "'; '" + parent + "' is not a package", name, null);
            }
            searchPath = strings(path);
            RefCount.decref(path);
        } else {
            Function<Interpreter, PyModule> java = BuiltinModules.get(name);
            if (java != null) {
                return loadJava(name, java);
            }
            searchPath = sysPath();
        }
        try {
            Found found = find(name.substring(dot + 1), searchPath);
            if (found == null) {
                PyException e = importError(PyExc.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'", name, null);
                if (StdlibLocation.get() == null) {
                    e.withNote(StdlibLocation.MISSING_NOTE);
                } else if (BuiltinModules.get(name) == null) {
                    String note = org.gilectomy.objects.CPythonNames.moduleNote(name);
                    if (note != null) {
                        e.withNote(note);
                    }
                }
                throw e;
            }
            PyObject module = load(name, found);
            if (parentModule != null) {
                Ops.setAttr(parentModule, name.substring(dot + 1), module);
            }
            return module;
        } finally {
            if (parentModule != null) {
                RefCount.decref(parentModule);
            }
        }
    }

    /** Where a module was found: its source file (null for a namespace package) and, for a package, its directories. */
    private record Found(Path file, List<String> packagePath) {
    }

    private static Found find(String simpleName, List<String> searchPath) {
        List<String> namespace = new ArrayList<>();
        for (String entry : searchPath) {
            Path dir;
            try {
                dir = Path.of(entry.isEmpty() ? "." : entry);
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            Path pkg = dir.resolve(simpleName);
            if (Files.isDirectory(pkg)) {
                Path init = pkg.resolve("__init__.py");
                if (Files.isRegularFile(init)) {
                    return new Found(absolute(init), List.of(absolute(pkg).toString()));
                }
            }
            Path file = dir.resolve(simpleName + ".py");
            if (Files.isRegularFile(file)) {
                return new Found(absolute(file), null);
            }
            if (Files.isDirectory(pkg)) {
                namespace.add(absolute(pkg).toString());
            }
        }
        return namespace.isEmpty() ? null : new Found(null, namespace);
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** sys.path's string entries, read now. */
    private List<String> sysPath() {
        PyObject path = modules.sysAttr("path");
        if (path == null) {
            return List.of();
        }
        try {
            return strings(path);
        } finally {
            RefCount.decref(path);
        }
    }

    private static List<String> strings(PyObject iterable) {
        List<String> r = new ArrayList<>();
        for (PyObject o : Ops.collect(iterable)) {
            if (o instanceof PyStr) {
                r.add(o.toString());
            }
            RefCount.decref(o);
        }
        return r;
    }

    private PyObject loadJava(String name, Function<Interpreter, PyModule> maker) {
        PyModule m = maker.apply(interp);
        modules.created(m);
        if (m.dictBorrowed().getBorrowed(PyStr.internBorrowed("__spec__")) == null) {
            PyObject spec = spec(name, "built-in", null);
            m.set("__spec__", spec);
            RefCount.decref(spec);
        }
        modules.table().putName(name, m);
        return m; // the maker's reference, now the caller's
    }

    /** Makes the module, runs its body with it in sys.modules; a new reference to sys.modules[name] after. */
    private PyObject load(String name, Found found) {
        PyModule m = interp.deferred(PyModule.forSource(name));
        modules.created(m);
        boolean isPackage = found.packagePath() != null;
        String file = found.file() == null ? null : found.file().toString();
        PyObject spec = spec(name, file, found.packagePath());
        m.set("__spec__", spec);
        RefCount.decref(spec);
        String parent = isPackage ? name : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        setStr(m, "__package__", parent);
        if (file != null) {
            setStr(m, "__file__", file);
        } else {
            m.set("__file__", PyNone.NONE); // a namespace package
        }
        if (isPackage) {
            PyObject path = strList(found.packagePath());
            m.set("__path__", path);
            RefCount.decref(path);
        }
        m.set("__doc__", PyNone.NONE);
        m.set("__builtins__", Builtins.INSTANCE.dict);
        PyCode code = file == null ? null : compile(found.file(), file);
        PyDict table = modules.table();
        table.putName(name, m);
        if (code == null) {
            RefCount.decref(m); // sys.modules holds it now
            return lookup(name);
        }
        initializing.add(name);
        try {
            PyObject r = Eval.runModule(ThreadState.current(), code, m.dictBorrowed());
            RefCount.decref(r);
        } catch (PyException e) {
            table.remove(PyStr.internBorrowed(name));
            throw e;
        } finally {
            initializing.remove(name);
            RefCount.decref(code);
            RefCount.decref(m); // held while its body ran: the body may take it out of sys.modules
        }
        PyObject result = table.get(PyStr.internBorrowed(name));
        if (result == null) {
            throw importError(PyExc.IMPORT_ERROR, "Loaded module " + name + " not found in sys.modules", name, null);
        }
        return result;
    }

    /** The module's code, its source registered for tracebacks; a SyntaxError as Python's. */
    private PyCode compile(Path path, String file) {
        String text;
        try {
            text = SourceDecoder.decode(Files.readAllBytes(path), file);
            PyCode code = Compiler.compileModule(text, file);
            modules.compiled(code);
            interp.tracebacks.registerSource(file, text);
            return code;
        } catch (IOException e) {
            throw new PyException(PyExc.OS_ERROR, "[Errno 2] No such file or directory: '" + file + "'");
        } catch (PySyntaxError e) {
            throw NamespaceBuiltins.syntaxError(e);
        }
    }

    static PyObject spec(String name, String origin, List<String> searchLocations) {
        PyInstance spec = new PyInstance(MODULE_SPEC);
        setOwn(spec, "name", PyStr.of(name));
        setOwn(spec, "origin", Modules.strOrNone(origin));
        setOwn(spec, "submodule_search_locations", searchLocations == null ? PyNone.newRef() : strList(searchLocations));
        String parent = searchLocations != null ? name : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        setOwn(spec, "parent", PyStr.of(parent));
        setOwn(spec, "has_location", org.gilectomy.objects.PyBool.of(origin != null && !origin.equals("built-in")));
        setOwn(spec, "loader", PyNone.newRef());
        setOwn(spec, "cached", PyNone.newRef());
        return spec;
    }

    private static void setOwn(PyInstance o, String attr, PyObject owned) {
        o.setOwn(PyStr.internBorrowed(attr), owned);
        RefCount.decref(owned);
    }

    private static void setStr(PyModule m, String attr, String value) {
        PyStr s = PyStr.of(value);
        m.set(attr, s);
        RefCount.decref(s);
    }

    private static PyList strList(List<String> items) {
        PyList l = new PyList();
        for (String s : items) {
            PyStr p = PyStr.of(s);
            l.append(p);
            RefCount.decref(p);
        }
        return l;
    }

    // ------------------------------------------------------------------ IMPORT_FROM, import *

    /**
     * IMPORT_FROM: {@code module.name}, else the submodule {@code module.__name__ + '.' + name}
     * from sys.modules; else CPython's ImportError. A new reference.
     */
    public PyObject importFrom(PyObject module, String name) {
        PyObject v = attrOrNull(module, name);
        if (v != null) {
            return v;
        }
        PyObject modName = attrOrNull(module, "__name__");
        if (!(modName instanceof PyStr)) {
            RefCount.xdecref(modName);
            throw importError(PyExc.IMPORT_ERROR, "cannot import name '" + name + "' from <unknown module name>", null, null);
        }
        String pkg = modName.toString();
        RefCount.decref(modName);
        PyObject sub = modules.table().get(PyStr.internBorrowed(pkg + "." + name));
        if (sub != null) {
            return sub;
        }
        PyObject fileObj = attrOrNull(module, "__file__");
        String file = fileObj instanceof PyStr ? fileObj.toString() : null;
        RefCount.xdecref(fileObj);
        String where = file == null ? "unknown location" : file;
        PyException e;
        if (initializing.contains(pkg)) {
            e = importError(PyExc.IMPORT_ERROR, "cannot import name '" + name + "' from partially initialized module '"
                    + pkg + "' (most likely due to a circular import) (" + where + ")", pkg, file);
        } else {
            e = importError(PyExc.IMPORT_ERROR, "cannot import name '" + name + "' from '" + pkg + "' (" + where + ")", pkg, file);
        }
        String note = file == null ? org.gilectomy.objects.CPythonNames.attributeNote(pkg, name) : null;
        return throwWithNote(e, note);
    }

    private static PyObject throwWithNote(PyException e, String note) {
        throw note == null ? e : e.withNote(note);
    }

    /** {@code from module import *} into {@code globals}: {@code __all__}'s names, else the public ones. */
    public void importStar(PyObject module, PyDict globals) {
        PyObject all = attrOrNull(module, "__all__");
        List<PyObject> names = new ArrayList<>();
        boolean fromAll = all != null;
        if (all != null) {
            try {
                names.addAll(List.of(Ops.collect(all)));
            } finally {
                RefCount.decref(all);
            }
        } else {
            PyObject dict = attrOrNull(module, "__dict__");
            PyDict d = dict instanceof PyDict pd ? pd : module instanceof PyModule pm ? pm.dictBorrowed() : null;
            if (d == null) {
                RefCount.xdecref(dict);
                throw importError(PyExc.IMPORT_ERROR, "from-import-* object has no __dict__ and no __all__", null, null);
            }
            for (java.util.Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
                RefCount.decref(e.getValue());
                if (e.getKey() instanceof PyStr s && !s.toString().startsWith("_")) {
                    names.add(e.getKey());
                } else {
                    RefCount.decref(e.getKey());
                }
            }
            RefCount.xdecref(dict);
        }
        try {
            for (PyObject n : names) {
                if (!(n instanceof PyStr)) {
                    throw PyExc.typeError("Item in " + moduleName(module) + (fromAll ? ".__all__" : ".__dict__")
                            + " must be str, not " + n.type().name());
                }
                PyObject v = Ops.getAttr(module, n.toString());
                globals.put(n, v);
                RefCount.decref(v);
            }
        } finally {
            for (PyObject n : names) {
                RefCount.decref(n);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** {@code getattr(o, name, None)} without the None: a new reference or null (AttributeError only). */
    public static PyObject attrOrNull(PyObject o, String name) {
        if (o instanceof PyModule m) {
            PyDict d = m.dictBorrowed();
            return d == null ? null : d.getName(name);
        }
        return Ops.attrOrNull(o, name);
    }

    private static boolean hasAttr(PyObject o, String name) {
        PyObject v = attrOrNull(o, name);
        RefCount.xdecref(v);
        return v != null;
    }

    private static String moduleName(PyObject module) {
        PyObject n = attrOrNull(module, "__name__");
        String r = n instanceof PyStr ? n.toString() : "?";
        RefCount.xdecref(n);
        return r;
    }

    /** An ImportError (or subclass) with CPython's {@code name} and {@code path} attributes. */
    static PyException importError(PyType type, String message, String name, String path) {
        PyException e = new PyException(type, message);
        PyBaseException v = e.value();
        if (type.isSubtypeOf(PyExc.IMPORT_ERROR)) {
            setOwn(v, "name", Modules.strOrNone(name));
            setOwn(v, "path", Modules.strOrNone(path));
            setOwn(v, "msg", PyStr.of(message));
        }
        return e;
    }

    /** The {@code name} attribute of an ImportError, or null. */
    private static String errorName(PyException e) {
        PyObject n = e.value().getOwn(PyStr.internBorrowed("name"));
        String r = n instanceof PyStr ? n.toString() : null;
        RefCount.xdecref(n);
        return r;
    }
}
