package org.gilectomy.runtime.imports;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.gilectomy.objects.PyModule;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Interpreter;
import org.gilectomy.runtime.modules.GcModule;
import org.gilectomy.runtime.modules.MathModule;
import org.gilectomy.runtime.modules.QueueModule;
import org.gilectomy.runtime.modules.RandomModule;
import org.gilectomy.runtime.modules.SocketModule;
import org.gilectomy.runtime.modules.SysModule;
import org.gilectomy.runtime.modules.TestHooks;
import org.gilectomy.runtime.modules.Threading;
import org.gilectomy.runtime.modules.TimeModule;
import org.gilectomy.runtime.modules.sre.SreModule;

/**
 * The modules written in Java (CPython's built-in and extension modules): one line per module,
 * its name and how to make it for an interpreter. Each is made fresh per interpreter on its
 * first import, and wins over a same-named {@code .py} file anywhere on {@code sys.path}, as a
 * built-in module does in CPython. To add a module, add a line here.
 */
public final class BuiltinModules {
    private BuiltinModules() {
    }

    static final Map<String, Function<Interpreter, PyModule>> TABLE = Map.ofEntries(
            Map.entry("sys", SysModule::module),
            Map.entry("builtins", i -> Builtins.INSTANCE.module),
            Map.entry("time", i -> TimeModule.module()),
            Map.entry("threading", i -> Threading.module()),
            Map.entry("math", i -> MathModule.module()),
            Map.entry("random", i -> RandomModule.module()),
            Map.entry("queue", i -> QueueModule.module()),
            Map.entry("_sre", i -> SreModule.module()),
            Map.entry("socket", i -> SocketModule.module()),
            Map.entry("gc", i -> GcModule.module()),
            Map.entry("importlib", Importlib::module),
            // CPython's C modules written in Java: runtime/.../modules/, one class each
            Map.entry("_io", i -> org.gilectomy.runtime.modules.IoModule.module("_io")),
            Map.entry("io", i -> org.gilectomy.runtime.modules.IoModule.module("io")),
            Map.entry("_collections", i -> org.gilectomy.runtime.modules.CollectionsModule.module()),
            Map.entry("itertools", i -> org.gilectomy.runtime.modules.ItertoolsModule.module()),
            Map.entry("_functools", i -> org.gilectomy.runtime.modules.FunctoolsModule.module()),
            Map.entry("_weakref", i -> org.gilectomy.runtime.modules.WeakrefModule.module()),
            Map.entry("_operator", i -> org.gilectomy.runtime.modules.OperatorModule.module()),
            Map.entry("_string", i -> org.gilectomy.runtime.modules.StringModule.module()),
            Map.entry("errno", i -> org.gilectomy.runtime.modules.ErrnoModule.module()),
            Map.entry("_thread", i -> org.gilectomy.runtime.modules.ThreadModule.module()),
            Map.entry("atexit", i -> org.gilectomy.runtime.modules.AtexitModule.module()),
            Map.entry("_contextvars", i -> org.gilectomy.runtime.modules.ContextvarsModule.module()),
            Map.entry("_signal", i -> org.gilectomy.runtime.modules.SignalModule.module()),
            Map.entry("posix", i -> org.gilectomy.runtime.modules.PosixModule.module()),
            Map.entry("_struct", i -> org.gilectomy.runtime.modules.StructModule.module()),
            Map.entry("_md5", i -> org.gilectomy.runtime.modules.HashModules.module("_md5")),
            Map.entry("_sha1", i -> org.gilectomy.runtime.modules.HashModules.module("_sha1")),
            Map.entry("_sha256", i -> org.gilectomy.runtime.modules.HashModules.module("_sha256")),
            Map.entry("_sha512", i -> org.gilectomy.runtime.modules.HashModules.module("_sha512")),
            Map.entry("_sha3", i -> org.gilectomy.runtime.modules.HashModules.module("_sha3")),
            Map.entry("_blake2", i -> org.gilectomy.runtime.modules.HashModules.module("_blake2")),
            Map.entry("binascii", i -> org.gilectomy.runtime.modules.BinasciiModule.module()),
            Map.entry("array", i -> org.gilectomy.runtime.modules.ArrayModule.module()));

    /** The maker of the Java module {@code name}, or null: the test hooks only when enabled. */
    static Function<Interpreter, PyModule> get(String name) {
        if (name.equals(TestHooks.NAME) && TestHooks.enabled()) {
            return i -> TestHooks.module();
        }
        return TABLE.get(name);
    }

    /** {@code sys.builtin_module_names}: sorted. */
    public static String[] names() {
        return new TreeSet<>(TABLE.keySet()).toArray(new String[0]);
    }
}
