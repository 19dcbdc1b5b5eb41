package org.gilectomy.runtime.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.locks.Build;
import org.gilectomy.locks.Gil;
import org.gilectomy.locks.LockStats;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Interpreter;

/**
 * The real {@link Backend}. The order matters: the system properties are set before anything
 * touches {@code Gil}, {@code ObjectLock}, {@code RefCount}, {@code LockStats} or
 * {@code Interpreter}, whose static finals read them.
 */
final class LiveBackend implements Backend {
    @Override
    public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
        // A knob left over from the JVM's command line would override the preset: the
        // command line's build is exactly config, so clear the knobs it has flags for
        // (-Dgilectomy.reads, which has none, still applies).
        for (String knob : new String[] {Build.GIL, Build.REFCOUNT, Build.LOCK, Build.IMMORTAL, Build.DEFERRED}) {
            System.clearProperty(Build.PREFIX + knob);
        }
        for (Map.Entry<String, String> e : config.systemProperties().entrySet()) {
            System.setProperty(e.getKey(), e.getValue());
        }
        if (stats) {
            System.setProperty(LockStats.PROPERTY, "true");
        }
        // Only now may the classes that read the properties be initialised.
        if (Gil.KIND != config.gil() || RefCount.KIND != config.refcount() || ObjectLock.KIND != config.lock()
                || RefCount.IMMORTAL != config.immortal()
                || RefCount.DEFERRED != (config.deferred() == org.gilectomy.refcount.DeferredKind.ON)
                || (stats && !LockStats.ENABLED)) {
            throw new IllegalStateException("this JVM already runs another build (gil="
                    + Gil.KIND.flagName() + ", refcount=" + RefCount.KIND.flagName()
                    + ", lock=" + ObjectLock.KIND.flagName() + ", immortal=" + RefCount.IMMORTAL.flagName()
                    + ", deferred=" + RefCount.DEFERRED
                    + ", stats=" + LockStats.ENABLED
                    + "); the build can be chosen only once per process");
        }
        if (switchIntervalNanos > 0 && Gil.INSTANCE != null) {
            Gil.INSTANCE.setSwitchIntervalNanos(switchIntervalNanos);
        }
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
    }

    /**
     * A standard stream that writes UTF-8, as CPython does in every locale (the C locale is
     * coerced to UTF-8); Java's own encode in the locale's charset and print '?' for the rest.
     * Buffered and flushed at newlines like the streams it replaces.
     */
    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 128), true, StandardCharsets.UTF_8);
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err) {
        return Interpreter.runMain(file, args, out, err);
    }

    @Override
    public StatsReport stats(BuildConfig config) {
        return StatsReport.collect(config);
    }
}
