package org.gilectomy.refcount;

import java.util.Map;
import java.util.TreeMap;
import org.gilectomy.cacheline.TypeCounters;

/**
 * {@code --check-refs}: live objects per type, for leak reports, and use-after-free made fatal.
 *
 * <pre>
 * Overview
 *
 * A static final switch from -Dgilectomy.check-refs: with it off every call site (guarded by
 * ENABLED) folds away. With it on:
 *   RefCounted's constructor, for a mortal object (initial count below STATIC_REFS),
 *   and FreeList reuse                              -> allocated(o)   column ALLOCATED
 *   RefCount.freeNow (every strategy's free path)   -> freed(o)       column FREED
 *   makeImmortal of a counted object                -> column IMMORTALIZED (never freed, by design)
 * An object made immortal while a program runs (ALL_SHARED: functions once a second thread
 * starts, as CPython 3.13.0) still owns references: its globals dict, defaults, closure cells.
 * They are not leaks: the program's finalisation releases them (releaseImmortalOwners runs
 * each such object's dealloc once; the object itself stays immortal, counted as above), so
 * what only immortal objects kept alive is freed and counted as freed.
 * per thread (TypeCounters: no contention), so live(type) = allocated - freed - immortalized,
 * summed when asked (program end: after every thread has ended and buffered counts are
 * flushed). Objects created at STATIC_REFS (types, modules, code, interned strings, small ints)
 * live for the process and are never counted.
 *
 * A program's leaks are the live counts at its end minus those at its start (liveByType before
 * and after), so that one JVM can run many programs (the test suites do); the interpreter
 * tears its modules down before the second count, as CPython's finalization does.
 *
 * Use-after-free: every incref or decref of a poisoned count already throws UseAfterFreeError
 * (whatever this switch says); the interpreter reports it as a fatal error (exit status 70).
 *
 * Not promised: detection of a read of a freed object's fields (only count updates are
 * checked); exact live counts while threads are running.
 * </pre>
 */
public final class RefCheck {
    public static final String PROPERTY = org.gilectomy.locks.Build.PREFIX + "check-refs";
    public static final boolean ENABLED = org.gilectomy.locks.Build.flag("check-refs");

    private static final int ALLOCATED = 0;
    private static final int FREED = 1;
    private static final int IMMORTALIZED = 2;
    private static final TypeCounters COUNTS = new TypeCounters(3);
    /** Objects made immortal while a program ran, by program (scope), while check-refs is on. */
    private static final ScopedRegistry IMMORTAL_OWNERS = new ScopedRegistry();

    private RefCheck() {
    }

    static void allocated(RefCounted o) {
        COUNTS.add(o, ALLOCATED, 1);
    }

    static void freed(RefCounted o) {
        COUNTS.add(o, FREED, 1);
    }

    /** {@code o} was made immortal; {@code scope}, if not null, releases what it references at its finalisation. */
    static void immortalized(RefCounted o, Object scope) {
        COUNTS.add(o, IMMORTALIZED, 1);
        if (scope != null) {
            IMMORTAL_OWNERS.register(o, scope);
        }
    }

    /**
     * Finalisation of {@code scope} (no thread of it runs any more): releases the references
     * held by the objects it made immortal while running; returns how many objects. They must
     * not be used afterwards (their references are gone; their counts are never written).
     */
    public static int releaseImmortalOwners(Object scope) {
        if (!ENABLED) {
            return 0;
        }
        java.util.List<RefCounted> owners = IMMORTAL_OWNERS.takeAll(scope);
        for (RefCounted o : owners) {
            o.dealloc();
        }
        return owners.size();
    }

    /** Mortal objects alive now, by type name (types with none alive are absent). */
    public static Map<String, Long> liveByType() {
        Map<String, Long> r = new TreeMap<>();
        for (Map.Entry<String, long[]> e : COUNTS.sumByTypeName().entrySet()) {
            long[] c = e.getValue();
            long live = c[ALLOCATED] - c[FREED] - c[IMMORTALIZED];
            if (live != 0) {
                r.put(e.getKey(), live);
            }
        }
        return r;
    }

    /** The types with more live objects now than in {@code before}, and how many more. */
    public static Map<String, Long> leaksSince(Map<String, Long> before) {
        Map<String, Long> r = new TreeMap<>();
        for (Map.Entry<String, Long> e : liveByType().entrySet()) {
            long extra = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (extra > 0) {
                r.put(e.getKey(), extra);
            }
        }
        return r;
    }

    /** A leak report: one line per type, e.g. {@code   float: 3}; empty when there are none. */
    public static String describe(Map<String, Long> leaks) {
        if (leaks.isEmpty()) {
            return "";
        }
        long total = 0;
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Long> e : leaks.entrySet()) {
            total += e.getValue();
            rows.append(String.format(java.util.Locale.ROOT, "  %-20s %,d%n", e.getKey(), e.getValue()));
        }
        return String.format(java.util.Locale.ROOT, "check-refs: %,d object%s still alive at exit (leaked), by type:%n",
                total, total == 1 ? "" : "s") + rows;
    }
}
