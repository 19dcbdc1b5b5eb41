package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every static field of the main sources that threads can write at run time, each with the
 * reason it is not written on a hot path: a static field written per call, per object or
 * per bytecode is a cache line that every thread of a free-threaded build would write
 * (docs/scaling-limiters.md). A new non-final static, or a new static atomic counter, fails
 * this test until it is reviewed and listed here.
 *
 * <p>What it reads: the declared fields of every class in the locks, refcount, objects and
 * runtime modules (loaded without initialisation, so no static initialiser runs), keeping
 * the non-final statics and the static finals of a {@code java.util.concurrent.atomic} type.
 * It does not see mutable objects behind other static finals (registries, interned strings,
 * caches), which the same document lists by hand.
 */
class StaticMutableStateTest {
    /** Reviewed fields: why each is written only off the hot paths. */
    static final Map<String, String> REVIEWED = Map.ofEntries(
            Map.entry("org.gilectomy.threadstate.BaseThreadState.foreignFactory", "set once per module at class initialisation"),
            Map.entry("org.gilectomy.threadstate.EvalBreaker.all", "requests for every thread: GIL drop, signals, stop-the-world"),
            Map.entry("org.gilectomy.cacheline.TypeCounters.samplesKnown", "--count-transfers only: a new type's first transfer"),
            Map.entry("org.gilectomy.cacheline.TypeCounters.NEXT_INDEX", "--count-transfers only: a new type's first transfer"),
            Map.entry("org.gilectomy.threadstate.ThreadCounters.SLOTS", "one per statistics table, at class initialisation"),
            Map.entry("org.gilectomy.locks.LockOrdered$Ids.NEXT", "a container's first multi-object lock"),
            Map.entry("org.gilectomy.threadstate.StatefulThread.ENDED_CPU_NANOS", "once per thread, as it ends (--iterations)"),
            Map.entry("org.gilectomy.threadstate.StatefulThread.countCpu", "set once by --iterations; read as a thread ends"),
            Map.entry("org.gilectomy.refcount.BufferedCounts.requests", "gilectomy-buffered: flush() calls"),
            Map.entry("org.gilectomy.refcount.BufferedCounts.served", "gilectomy-buffered: the commit thread, once per round"),
            Map.entry("org.gilectomy.refcount.BiasedCounts.DETACHED_IDS", "tests and benchmarks only"),
            Map.entry("org.gilectomy.refcount.FreeList.LISTS", "one per free list, at class initialisation"),
            Map.entry("org.gilectomy.objects.Ops.invoker", "set once when the runtime starts"),
            Map.entry("org.gilectomy.refcount.CycleCollector.count0", "every 32 (GIL) or 512 (free-threaded) containers a thread makes"),
            Map.entry("org.gilectomy.refcount.CycleCollector.collecting", "once per cycle collection"),
            Map.entry("org.gilectomy.refcount.CycleCollector.enabled", "gc.enable / gc.disable"),
            Map.entry("org.gilectomy.refcount.CycleCollector.thresholds", "gc.set_threshold"),
            Map.entry("org.gilectomy.refcount.CycleCollector.roots", "set once when the runtime starts"),
            Map.entry("org.gilectomy.refcount.CycleCollector.aliveRoots", "set once when the runtime starts"),
            Map.entry("org.gilectomy.refcount.CycleCollector$Pass.work", "the collecting thread's work stack (collections are serialised)"),
            Map.entry("org.gilectomy.refcount.CollectorStats.explicit", "once per cycle collection, by the collecting thread"),
            Map.entry("org.gilectomy.objects.ReprGuard.current", "set once when the runtime starts"),
            Map.entry("org.gilectomy.objects.Unraisable.writer", "set once when the runtime starts"),
            Map.entry("org.gilectomy.refcount.Finalizers.weakClearer", "set once, when the weak reference type is initialised"),
            Map.entry("org.gilectomy.objects.PyType.finalizersDefined", "the first class given a __del__ (read per instance free)"),
            Map.entry("org.gilectomy.runtime.modules.ThreadModule.STACK_SIZE", "_thread.stack_size(n) calls"),
            Map.entry("org.gilectomy.objects.PyInt.maxStrDigits", "sys.set_int_max_str_digits"),
            Map.entry("org.gilectomy.runtime.interp.Signals.installed", "once per process"),
            Map.entry("org.gilectomy.runtime.imports.StdlibLocation.commandLine", "the command line, once"),
            Map.entry("org.gilectomy.runtime.imports.StdlibLocation.found", "the first import that needs the standard library"),
            Map.entry("org.gilectomy.runtime.imports.StdlibLocation.resolved", "the first import that needs the standard library"),
            Map.entry("org.gilectomy.runtime.interp.Ticker.interval", "sys.setcheckinterval; read by the old GIL only"));

    static final List<Class<?>> MODULE_ANCHORS = List.of(org.gilectomy.locks.Lockable.class,
            org.gilectomy.refcount.RefCount.class, org.gilectomy.objects.PyObject.class,
            org.gilectomy.runtime.interp.Eval.class);

    @Test
    void everyStaticThatThreadsWriteIsReviewed() throws Exception {
        Map<String, String> found = writableStatics();
        assertTrue(found.containsKey("org.gilectomy.runtime.interp.Ticker.interval"),
                "the scan must see a known non-final static, or it proves nothing: " + found.keySet());
        assertTrue(found.containsKey("org.gilectomy.refcount.FreeList.LISTS"),
                "the scan must see a known static atomic counter: " + found.keySet());
        TreeSet<String> unreviewed = new TreeSet<>(found.keySet());
        unreviewed.removeAll(REVIEWED.keySet());
        assertEquals(new TreeSet<String>(), unreviewed, "static fields threads may write, not yet reviewed for the hot "
                + "paths (add each to REVIEWED with the reason it is cold, or make it per-thread): " + found);
        TreeSet<String> gone = new TreeSet<>(REVIEWED.keySet());
        gone.removeAll(found.keySet());
        assertEquals(new TreeSet<String>(), gone, "reviewed fields that no longer exist: drop them from REVIEWED");
    }

    /** Field name to its type, for every writable static of the four modules. */
    static Map<String, String> writableStatics() throws IOException, URISyntaxException, ClassNotFoundException {
        Map<String, String> found = new TreeMap<>();
        ClassLoader loader = StaticMutableStateTest.class.getClassLoader();
        for (Class<?> anchor : MODULE_ANCHORS) {
            for (String name : classNames(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
                Class<?> c = Class.forName(name, false, loader);
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m) || f.isSynthetic()) {
                        continue;
                    }
                    boolean atomic = f.getType().getName().startsWith("java.util.concurrent.atomic.");
                    if (!Modifier.isFinal(m) || atomic) {
                        found.put(name + "." + f.getName(), f.getType().getSimpleName());
                    }
                }
            }
        }
        return found;
    }

    /** The classes of a module: its classes directory (a reactor build) or its jar. */
    static List<String> classNames(Path location) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(className(location.relativize(p).toString().replace('\\', '/'))));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String entry = e.nextElement().getName();
                    if (entry.endsWith(".class") && entry.startsWith("org/gilectomy/")) {
                        names.add(className(entry));
                    }
                }
            }
        }
        names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
