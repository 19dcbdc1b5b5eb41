package org.gilectomy.runtime.modules;

import org.gilectomy.locks.Gil;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.imports.StdlibLocation;
import org.gilectomy.runtime.imports.BuiltinModules;
import org.gilectomy.runtime.interp.Eval;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.imports.Modules;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.interp.ThreadState;
import org.gilectomy.runtime.interp.Ticker;

/**
 * The {@code sys} module of one interpreter. Its structured values ({@code version_info},
 * {@code flags}, {@code float_info}, {@code int_info}, {@code hash_info},
 * {@code implementation}) are made by a few lines of Python ({@link #STRUCTS}) run when the
 * module is made, so that they are ordinary tuples and objects with attributes.
 * {@code sys.path} and {@code sys.modules} are set by {@link Modules#bootstrap}.
 */
public final class SysModule {
    static final int MAJOR = 3;
    static final int MINOR = 11;
    static final int MICRO = 7;
    /** version_info's named fields, in either of its two classes (see STRUCTS). */
    private static final String FIELDS = String.join("\n",
            "        major = property(lambda self: self[0])",
            "        minor = property(lambda self: self[1])",
            "        micro = property(lambda self: self[2])",
            "        releaselevel = property(lambda self: self[3])",
            "        serial = property(lambda self: self[4])",
            "        def __repr__(self):",
            "            return 'sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)' % tuple(self)");
    private static final String STRUCTS = String.join("\n",
            "try:",
            "    class version_info(tuple):",
            FIELDS,
            "except NotImplementedError:",
            "    # Until the runtime can subclass tuple: a sequence that compares as the tuple does.",
            "    class version_info:",
            FIELDS,
            "        def __init__(self, t):",
            "            self._t = t",
            "        def __getitem__(self, i):",
            "            return self._t[i]",
            "        def __len__(self):",
            "            return len(self._t)",
            "        def __iter__(self):",
            "            return iter(self._t)",
            "        def __hash__(self):",
            "            return hash(self._t)",
            "        def __eq__(self, o):",
            "            return self._t == tuple(o)",
            "        def __ne__(self, o):",
            "            return self._t != tuple(o)",
            "        def __lt__(self, o):",
            "            return self._t < tuple(o)",
            "        def __le__(self, o):",
            "            return self._t <= tuple(o)",
            "        def __gt__(self, o):",
            "            return self._t > tuple(o)",
            "        def __ge__(self, o):",
            "            return self._t >= tuple(o)",
            "class _Attrs:",
            "    def __init__(self, label, names, values):",
            "        self._name = label",
            "        self._keys = names.split()",
            "        for i in range(len(values)):",
            "            setattr(self, self._keys[i], values[i])",
            "    def __repr__(self):",
            "        return self._name + '(' + ', '.join([k + '=' + repr(getattr(self, k)) for k in self._keys]) + ')'",
            "def _make(gil):",
            "    vi = version_info((" + MAJOR + ", " + MINOR + ", " + MICRO + ", 'final', 0))",
            "    impl = _Attrs('namespace', 'name cache_tag version hexversion', ('gilectomy', None, vi, " + hexversion() + "))",
            "    flags = _Attrs('sys.flags', 'debug inspect interactive optimize dont_write_bytecode no_user_site no_site'",
            "        ' ignore_environment verbose bytes_warning quiet hash_randomization isolated dev_mode utf8_mode'",
            "        ' warn_default_encoding safe_path int_max_str_digits',",
            "        (0, 0, 0, 0, " + (dontWriteBytecode() ? 1 : 0) + ", 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, 4300))",
            "    fi = _Attrs('sys.float_info', 'max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds',",
            "        (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))",
            "    ii = _Attrs('sys.int_info', 'bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold',",
            "        (30, 4, 4300, 640))",
            "    hi = _Attrs('sys.hash_info', 'width modulus inf nan imag algorithm hash_bits seed_bits cutoff',",
            "        (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))",
            "    return vi, impl, flags, fi, ii, hi",
            "");

    private SysModule() {
    }

    /** As CPython: PYTHONDONTWRITEBYTECODE set and not empty. */
    private static boolean dontWriteBytecode() {
        String v = System.getenv("PYTHONDONTWRITEBYTECODE");
        return v != null && !v.isEmpty();
    }

    static long hexversion() {
        return (long) MAJOR << 24 | MINOR << 16 | MICRO << 8 | 0xf0;
    }

    public static PyModule module(Interpreter interp) {
        Modules self = interp.modules;
        PyModule m = new PyModule("sys");
        PyList args = new PyList();
        for (String a : interp.argv()) {
            PyStr s = PyStr.of(a);
            args.append(s);
            RefCount.decref(s);
        }
        m.set("argv", args);
        m.set("orig_argv", args);
        RefCount.decref(args);
        m.set("stdout", interp.sysStdout());
        m.set("stderr", interp.sysStderr());
        m.set("__stdout__", interp.sysStdout());
        m.set("__stderr__", interp.sysStderr());
        m.set("stdin", interp.sysStdin());
        m.set("__stdin__", interp.sysStdin());
        constants(m);
        structs(m, interp);
        functions(m, self);
        return m;
    }

    private static void put(PyModule m, String name, PyObject owned) {
        m.set(name, owned);
        RefCount.decref(owned);
    }

    private static void constants(PyModule m) {
        put(m, "version", PyStr.of(MAJOR + "." + MINOR + "." + MICRO + " (gilectomy, Java " + Runtime.version() + ")"));
        put(m, "hexversion", PyInt.of(hexversion()));
        put(m, "api_version", PyInt.of(1013));
        put(m, "platform", PyStr.of(platform()));
        put(m, "byteorder", PyStr.of(java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big"));
        put(m, "maxsize", PyInt.of(Long.MAX_VALUE));
        put(m, "maxunicode", PyInt.of(0x10FFFF));
        put(m, "meta_path", new PyList());
        put(m, "path_hooks", new PyList());
        put(m, "path_importer_cache", new PyDict());
        put(m, "warnoptions", new PyList());
        put(m, "_xoptions", new PyDict());
        m.set("dont_write_bytecode", PyBool.of(dontWriteBytecode())); // nothing is written either way
        put(m, "abiflags", PyStr.of(""));
        put(m, "platlibdir", PyStr.of("lib"));
        put(m, "float_repr_style", PyStr.of("short"));
        java.nio.file.Path stdlib = StdlibLocation.get();
        // sys.prefix: the installation the standard library comes from (<prefix>/lib/python3.11).
        java.nio.file.Path prefix = stdlib != null && stdlib.getParent() != null && stdlib.getParent().getParent() != null
                ? stdlib.getParent().getParent() : java.nio.file.Path.of("/usr");
        for (String p : new String[] {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"}) {
            put(m, p, PyStr.of(prefix.toString()));
        }
        put(m, "executable", PyStr.of(ProcessHandle.current().info().command().orElse("")));
        put(m, "_base_executable", PyStr.of(ProcessHandle.current().info().command().orElse("")));
        String[] names = BuiltinModules.names();
        PyObject[] items = new PyObject[names.length];
        for (int i = 0; i < names.length; i++) {
            items[i] = PyStr.of(names[i]);
        }
        put(m, "builtin_module_names", PyTuple.steal(items));
        PySet stdlibNames = new PySet(true);
        for (String name : org.gilectomy.objects.CPythonNames.stdlibModules()) {
            PyStr s = PyStr.of(name);
            stdlibNames.add(s);
            RefCount.decref(s);
        }
        put(m, "stdlib_module_names", stdlibNames);
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : os;
    }

    /** version_info and the other structured values: the Python of {@link #STRUCTS}, run in a namespace of its own. */
    private static void structs(PyModule m, Interpreter interp) {
        PyModule scratch = new PyModule("sys");
        try {
            org.gilectomy.objects.PyCode code = org.gilectomy.runtime.compile.Compiler.compileModule(STRUCTS, "<sys>");
            interp.modules.compiled(code);
            try {
                RefCount.decref(Eval.runModule(ThreadState.current(), code, scratch.dictBorrowed()));
            } finally {
                RefCount.decref(code);
            }
            PyObject make = scratch.dictBorrowed().getName("_make");
            PyObject t = Ops.call(make, PyBool.of(Gil.ENABLED));
            RefCount.decref(make);
            String[] names = {"version_info", "implementation", "flags", "float_info", "int_info", "hash_info"};
            PyTuple tuple = (PyTuple) t;
            for (int i = 0; i < names.length; i++) {
                m.set(names[i], tuple.getBorrowed(i));
            }
            RefCount.decref(t);
        } catch (org.gilectomy.runtime.parse.PySyntaxError e) {
            throw new IllegalStateException("sys's own Python does not compile: " + e.getMessage(), e);
        } finally {
            scratch.clearForFinalization();
        }
    }

    private static void functions(PyModule m, Modules self) {
        def(m, "exit", (a, off, n, kw) -> {
            Args.between("exit", n, 0, 1, kw);
            PyObject code = n == 0 ? PyNone.NONE : a[off];
            RefCount.incref(code); // the exception's, released with it
            throw new PyException(PyExc.SYSTEM_EXIT, code == PyNone.NONE ? "" : Ops.str(code), code);
        });
        def(m, "set_int_max_str_digits", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("set_int_max_str_digits", a, off, n, kw, 1, "maxdigits");
            PyInt.setMaxStrDigits(Args.asLong(p[0]));
            return PyNone.newRef();
        });
        def(m, "get_int_max_str_digits", (a, off, n, kw) -> {
            Args.exactly("get_int_max_str_digits", n, 0, kw);
            return PyInt.of(PyInt.maxStrDigits());
        });
        def(m, "setswitchinterval", (a, off, n, kw) -> {
            Args.exactly("setswitchinterval", n, 1, kw);
            double s = Modules.asDouble(a[off]);
            if (!(s > 0)) {
                throw PyExc.valueError("switch interval must be strictly positive");
            }
            self.switchIntervalSeconds = s;
            self.turnedProcessKnobs = true;
            if (Gil.ENABLED) { // one GIL per process: every interpreter's (see Interpreter's overview)
                Gil.INSTANCE.setSwitchIntervalNanos(Math.max(1L, (long) (s * 1e9)));
            }
            return PyNone.newRef();
        });
        def(m, "getswitchinterval", (a, off, n, kw) -> {
            Args.exactly("getswitchinterval", n, 0, kw);
            return PyFloat.of(self.switchIntervalSeconds);
        });
        // Python 2's knob for the old GIL (removed from CPython in 3.9; kept here for gil-old).
        def(m, "setcheckinterval", (a, off, n, kw) -> {
            Args.exactly("setcheckinterval", n, 1, kw);
            long ticks = Args.asLong(a[off]);
            Ticker.setInterval((int) Math.max(1, Math.min(Integer.MAX_VALUE, ticks)));
            self.turnedProcessKnobs = true;
            return PyNone.newRef();
        });
        def(m, "getcheckinterval", (a, off, n, kw) -> {
            Args.exactly("getcheckinterval", n, 0, kw);
            return PyInt.of(Ticker.interval());
        });
        def(m, "getrefcount", (a, off, n, kw) -> {
            Args.exactly("getrefcount", n, 1, kw);
            return PyInt.of(a[off].refCountOpaque());
        });
        def(m, "getdefaultencoding", (a, off, n, kw) -> constantString("getdefaultencoding", n, kw, "utf-8"));
        def(m, "getfilesystemencoding", (a, off, n, kw) -> constantString("getfilesystemencoding", n, kw, "utf-8"));
        def(m, "getfilesystemencodeerrors", (a, off, n, kw) -> constantString("getfilesystemencodeerrors", n, kw, "surrogateescape"));
        def(m, "getrecursionlimit", (a, off, n, kw) -> {
            Args.exactly("getrecursionlimit", n, 0, kw);
            return PyInt.of(self.recursionLimit);
        });
        def(m, "setrecursionlimit", (a, off, n, kw) -> {
            Args.exactly("setrecursionlimit", n, 1, kw);
            long limit = Args.asLong(a[off]);
            if (limit < 1) {
                throw PyExc.valueError("recursion limit must be greater or equal than 1");
            }
            // Recorded and reported; the depth at which RecursionError is raised stays the
            // runtime's fixed ThreadState.RECURSION_LIMIT (a constant the eval loop folds).
            self.recursionLimit = limit;
            return PyNone.newRef();
        });
        def(m, "intern", (a, off, n, kw) -> {
            Args.exactly("intern", n, 1, kw);
            if (!(a[off] instanceof PyStr s)) {
                throw PyExc.typeError("intern() argument must be str, not " + a[off].type().name());
            }
            PyStr r = PyStr.internBorrowed(s.toString());
            RefCount.incref(r);
            return r;
        });
        def(m, "exc_info", (a, off, n, kw) -> {
            Args.exactly("exc_info", n, 0, kw);
            PyBaseException h = ThreadState.current().handled();
            if (h == null) {
                return PyTuple.steal(new PyObject[] {PyNone.newRef(), PyNone.newRef(), PyNone.newRef()});
            }
            RefCount.incref(h.type());
            RefCount.incref(h);
            return PyTuple.steal(new PyObject[] {h.type(), h, PyNone.newRef()});
        });
        def(m, "exception", (a, off, n, kw) -> {
            Args.exactly("exception", n, 0, kw);
            PyBaseException h = ThreadState.current().handled();
            if (h == null) {
                return PyNone.newRef();
            }
            RefCount.incref(h);
            return h;
        });
        def(m, "_is_gil_enabled", (a, off, n, kw) -> {
            Args.exactly("_is_gil_enabled", n, 0, kw);
            return PyBool.of(Gil.ENABLED);
        });
    }

    private static void def(PyModule m, String name, org.gilectomy.objects.PyBuiltinFunction.Body body) {
        Modules.def(m, name, body);
    }

    private static PyObject constantString(String fn, int n, PyTuple kw, String value) {
        Args.exactly(fn, n, 0, kw);
        return PyStr.of(value);
    }
}
