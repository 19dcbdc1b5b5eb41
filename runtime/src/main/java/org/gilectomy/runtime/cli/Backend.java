package org.gilectomy.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RunCommand} does to the process, behind an interface so that the command line
 * can be tested without fixing the build of the test JVM (the build is chosen once per
 * process, in static finals): {@link #LIVE} is the real one.
 */
public interface Backend {
    /**
     * Selects the build: sets the system properties, then checks that the classes which read
     * them agree (they do unless something initialised them earlier in this JVM).
     *
     * @param config               the build
     * @param stats                whether to count lock and refcount statistics
     * @param switchIntervalNanos  the GIL's switch interval, or 0 for the default; ignored
     *                             without a GIL (as {@code sys.setswitchinterval} in CPython 3.13t)
     * @throws IllegalStateException if this JVM already runs another build
     */
    void select(BuildConfig config, boolean stats, long switchIntervalNanos);

    /** Runs the program; see {@code Interpreter.runMain}. */
    int run(Path file, List<String> args, PrintStream out, PrintStream err);

    /** The statistics of the run; called after {@link #run}. */
    StatsReport stats(BuildConfig config);

    /** The real backend: system properties, {@code Interpreter.runMain}, the real counters. */
    Backend LIVE = new LiveBackend();
}
