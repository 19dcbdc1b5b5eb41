package org.gilectomy.locks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The build switch: the one class that reads the {@code gilectomy.*} system properties.
 *
 * <pre>
 * Overview
 *
 * A build is a preset (-Dgilectomy.preset=NAME, one of the historical systems) whose knobs
 * may be overridden one by one:
 *   -Dgilectomy.gil       none | old | new
 *   -Dgilectomy.refcount  plain | atomic | biased | buffered
 *   -Dgilectomy.lock      none | spinpark | pymutex | spin
 *   -Dgilectomy.immortal  none | singletons | all-shared
 *   -Dgilectomy.reads     locked | lock-free
 *   -Dgilectomy.deferred  off | on   (deferred reference counting, CPython 3.14t: not with buffered)
 * knob(k) = the property if set, else the preset's value (but with no preset named, reads
 * follows the refcount knob: lock-free iff biased, as in the table). With no property at all the preset
 * is gil (DEFAULT_PRESET): an embedder or a test that sets nothing gets the GIL build, never
 * the negative-control cell (no GIL, no locks) that "no property" used to mean.
 *
 * The classes that fix the build (Gil, ObjectLock, RefCount, ContainerReads) read knob(k) once,
 * at class initialisation, into static finals, so the JIT still folds every other build away.
 * Diagnostic switches (flag) and tunables (integer, longValue) come through here too, so
 * that one grep finds every property the runtime reads; they are read when asked, so a
 * benchmark may set a tunable before the class that reads it is initialised.
 *
 * Presets live here, in the lowest module, because Gil (locks) needs them; the typed view
 * (GilKind, RefCountKind, ...) is the runtime's cli.Preset, which wraps these constants.
 *
 * Not promised: that a property set after the class reading it was initialised changes
 * anything (a build is chosen once per process).
 * </pre>
 */
public final class Build {
    public static final String PREFIX = "gilectomy.";
    public static final String PRESET_PROPERTY = PREFIX + "preset";

    /** Knob names (the property is {@link #PREFIX} + name). */
    public static final String GIL = "gil";
    public static final String REFCOUNT = "refcount";
    public static final String LOCK = "lock";
    public static final String IMMORTAL = "immortal";
    public static final String READS = "reads";
    public static final String DEFERRED = "deferred";

    /** The historical systems, as the knob values each one stands for. */
    public enum Preset {
        /** CPython 3.2+. */
        GIL("gil", "new", "plain", "none", "none", "locked", "off",
                "CPython 3.2+: new GIL, plain refcounts"),
        /** CPython 2.x. */
        GIL_OLD("gil-old", "old", "plain", "none", "none", "locked", "off",
                "CPython 2.x: old GIL (release + re-acquire every 100 ticks), plain refcounts"),
        /** Larry Hastings' Gilectomy (2016): reads lock too. */
        GILECTOMY("gilectomy", "none", "atomic", "spinpark", "none", "locked", "off",
                "Gilectomy 2016: no GIL, atomic refcounts, per-object spin-then-park locks"),
        /** Hastings 2017: reference-count updates logged per thread, applied by one commit thread. */
        GILECTOMY_BUFFERED("gilectomy-buffered", "none", "buffered", "spinpark", "none", "locked", "off",
                "Gilectomy 2017: no GIL, buffered refcounts (commit thread), spin-then-park locks"),
        /** PEP 703 as CPython 3.14t ships it: deferred counts for functions, code, modules, classes. */
        NOGIL("nogil", "none", "biased", "pymutex", "singletons", "lock-free", "on",
                "PEP 703 / CPython 3.14t: no GIL, biased refcounts, immortal singletons and built-ins,"
                        + " deferred refcounts, PyMutex, lock-free reads"),
        /** CPython 3.13.0t: functions, code and modules made immortal when the second thread starts. */
        NOGIL_3_13("nogil-3.13", "none", "biased", "pymutex", "all-shared", "lock-free", "off",
                "CPython 3.13.0t: no GIL, biased refcounts, functions, code and modules immortal once a"
                        + " second thread starts, PyMutex, lock-free reads");

        private final String flagName;
        private final String gil;
        private final String refcount;
        private final String lock;
        private final String immortal;
        private final String reads;
        private final String deferred;
        private final String description;

        Preset(String flagName, String gil, String refcount, String lock, String immortal, String reads,
               String deferred, String description) {
            this.flagName = flagName;
            this.gil = gil;
            this.refcount = refcount;
            this.lock = lock;
            this.immortal = immortal;
            this.reads = reads;
            this.deferred = deferred;
            this.description = description;
        }

        /** The name on the command line and in -Dgilectomy.preset. */
        public String flagName() {
            return flagName;
        }

        public String description() {
            return description;
        }

        /** This preset's value of a knob ({@link #GIL}, {@link #REFCOUNT}, ...). */
        public String knob(String knob) {
            return switch (knob) {
                case Build.GIL -> gil;
                case Build.REFCOUNT -> refcount;
                case Build.LOCK -> lock;
                case Build.IMMORTAL -> immortal;
                case Build.READS -> reads;
                case Build.DEFERRED -> deferred;
                default -> throw new IllegalArgumentException("no build knob '" + knob + "'");
            };
        }

        /**
         * Parses a name ({@code gil}, {@code GIL}, {@code gil_old} and {@code gil-old} are all
         * accepted).
         *
         * @throws IllegalArgumentException naming the valid presets
         */
        public static Preset parse(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Preset p : values()) {
                if (p.flagName.equals(wanted)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown preset '" + name + "' (expected one of: " + names() + ")");
        }

        /** The valid names, comma-separated, for messages and help. */
        public static String names() {
            return Arrays.stream(values()).map(Preset::flagName).collect(Collectors.joining(", "));
        }
    }

    /** The build when no property names one: the GIL build. */
    public static final Preset DEFAULT_PRESET = Preset.GIL;

    private Build() {
    }

    /** The preset this process runs: {@code -Dgilectomy.preset}, else {@link #DEFAULT_PRESET}. */
    public static Preset preset() {
        String name = System.getProperty(PRESET_PROPERTY);
        return name == null ? DEFAULT_PRESET : Preset.parse(name);
    }

    /**
     * A build knob's value: its own property if set, else the preset's. One exception keeps
     * knob-only command lines (jcstress, JMH forks) meaning what they meant: with no preset
     * named, {@code reads} follows the reference-count strategy, as the presets' values do
     * (lock-free exactly for biased counts, which only {@code nogil} uses).
     */
    public static String knob(String knob) {
        String v = System.getProperty(PREFIX + knob);
        if (v != null) {
            return v;
        }
        if (knob.equals(READS) && System.getProperty(PRESET_PROPERTY) == null) {
            return Preset.NOGIL.refcount.equals(knob(REFCOUNT)) ? Preset.NOGIL.reads : DEFAULT_PRESET.reads;
        }
        return preset().knob(knob);
    }

    /** A diagnostic switch ({@code -Dgilectomy.<name>=true}); off unless set. */
    public static boolean flag(String name) {
        return Boolean.parseBoolean(System.getProperty(PREFIX + name));
    }

    /** A tunable ({@code -Dgilectomy.<name>=N}), or {@code defaultValue}. */
    public static int integer(String name, int defaultValue) {
        return Integer.getInteger(PREFIX + name, defaultValue);
    }

    /** A tunable ({@code -Dgilectomy.<name>=N}), or {@code defaultValue}. */
    public static long longValue(String name, long defaultValue) {
        return Long.getLong(PREFIX + name, defaultValue);
    }

    /** A diagnostic choice ({@code -Dgilectomy.<name>=VALUE}), or {@code defaultValue}. */
    public static String text(String name, String defaultValue) {
        return System.getProperty(PREFIX + name, defaultValue);
    }
}
