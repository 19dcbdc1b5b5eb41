package org.gilectomy.runtime.interp;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.gilectomy.locks.Gil;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Numbers;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;

/**
 * An interpreter's module table: the built-in modules {@code sys}, {@code time},
 * {@code threading}, {@code math}, {@code random}, {@code queue}, {@code socket}, each made
 * fresh for the interpreter on its first import; and {@code sys}'s own settings.
 */
final class Modules {
    private static final Map<String, Function<Interpreter, PyModule>> FACTORIES = Map.ofEntries(
            Map.entry("sys", Modules::sys),
            Map.entry("time", i -> time()),
            Map.entry("threading", i -> Threading.module()),
            Map.entry("math", i -> MathModule.module()),
            Map.entry("random", i -> RandomModule.module()),
            Map.entry("queue", i -> QueueModule.module()),
            Map.entry("socket", i -> SocketModule.module()),
            // CPython's C modules written in Java: runtime/.../modules/, one class each
            Map.entry("_io", i -> org.gilectomy.runtime.modules.IoModule.module("_io")),
            Map.entry("io", i -> org.gilectomy.runtime.modules.IoModule.module("io")),
            Map.entry("_collections", i -> org.gilectomy.runtime.modules.CollectionsModule.module()),
            Map.entry("itertools", i -> org.gilectomy.runtime.modules.ItertoolsModule.module()),
            Map.entry("_functools", i -> org.gilectomy.runtime.modules.FunctoolsModule.module()),
            Map.entry("_operator", i -> org.gilectomy.runtime.modules.OperatorModule.module()));

    private final Interpreter interp;
    private final Map<String, PyModule> loaded = new ConcurrentHashMap<>();
    /** What {@code sys.getswitchinterval()} reports, also in the free-threaded build (as CPython's). */
    private volatile double switchIntervalSeconds = 0.005;
    /** Whether the program changed the process-wide GIL settings (then put back at its end: SysKnobs). */
    private volatile boolean turnedProcessKnobs;

    Modules(Interpreter interp) {
        this.interp = interp;
    }

    boolean turnedProcessKnobs() {
        return turnedProcessKnobs;
    }

    /** Interpreter finalization: every imported module's namespace is released (--check-refs). */
    void finalizeAll() {
        for (PyModule m : loaded.values()) {
            m.clearForFinalization();
        }
        loaded.clear();
    }

    /** {@code import name}: a new reference to the module. */
    PyObject importModule(String name) {
        Function<Interpreter, PyModule> f = name.equals(TestHooks.NAME) && TestHooks.enabled()
                ? i -> TestHooks.module() : FACTORIES.get(name);
        if (f == null) {
            throw new PyException(PyExc.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'")
                    .withNote(org.gilectomy.objects.CPythonNames.moduleNote(name));
        }
        PyModule m = loaded.computeIfAbsent(name, k -> f.apply(interp));
        RefCount.incref(m);
        return m;
    }

    /** The namespaces of the modules imported so far. */
    List<org.gilectomy.objects.PyDict> loadedNamespaces() {
        List<org.gilectomy.objects.PyDict> r = new java.util.ArrayList<>();
        for (PyModule m : loaded.values()) {
            r.add(m.dictBorrowed());
        }
        return r;
    }

    static void def(PyModule m, String name, PyBuiltinFunction.Body body) {
        m.set(name, new PyBuiltinFunction(m.name() + "." + name, body));
    }

    private static PyModule sys(Interpreter interp) {
        Modules self = interp.modules;
        PyModule m = new PyModule("sys");
        PyList args = new PyList();
        for (String a : interp.argv) {
            PyStr s = PyStr.of(a);
            args.append(s);
            RefCount.decref(s);
        }
        m.set("argv", args);
        RefCount.decref(args);
        m.set("stdout", interp.sysStdout);
        m.set("stderr", interp.sysStderr);
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
            double s = asDouble(a[off]);
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
        return m;
    }

    static double asDouble(PyObject o) {
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

    private static PyModule time() {
        PyModule m = new PyModule("time");
        long originNanos = System.nanoTime();
        def(m, "time", (a, off, n, kw) -> {
            Args.exactly("time", n, 0, kw);
            java.time.Instant now = java.time.Instant.now();
            return PyFloat.of(now.getEpochSecond() + now.getNano() / 1e9);
        });
        PyBuiltinFunction.Body counter = (a, off, n, kw) -> {
            Args.exactly("perf_counter", n, 0, kw);
            return PyFloat.of((System.nanoTime() - originNanos) / 1e9);
        };
        def(m, "perf_counter", counter);
        def(m, "monotonic", counter);
        def(m, "process_time", (a, off, n, kw) -> {
            Args.exactly("process_time", n, 0, kw);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return PyFloat.of(os.getProcessCpuTime() / 1e9);
        });
        def(m, "thread_time", (a, off, n, kw) -> {
            Args.exactly("thread_time", n, 0, kw);
            return PyFloat.of(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
        });
        def(m, "sleep", (a, off, n, kw) -> {
            Args.exactly("sleep", n, 1, kw);
            double s = asDouble(a[off]);
            if (s < 0) {
                throw PyExc.valueError("sleep length must be non-negative");
            }
            long nanos = (long) (s * 1e9);
            Blocking.run(() -> sleepNanos(nanos));
            return PyNone.newRef();
        });
        return m;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
