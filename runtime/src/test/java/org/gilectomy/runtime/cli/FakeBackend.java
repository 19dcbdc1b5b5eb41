package org.gilectomy.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.locks.GilStats;
import org.gilectomy.locks.LockStats;
import org.gilectomy.refcount.RefCountStats;

/**
 * A backend that records what it is asked and never touches the process's build (so the test
 * JVM's Gil, ObjectLock and RefCount stay uninitialised).
 */
final class FakeBackend implements Backend {
    BuildConfig selected;
    boolean statsSelected;
    long switchIntervalNanos;
    Path ranFile;
    List<String> ranArgs;
    int status;
    RuntimeException toThrow;
    final List<String> calls = new ArrayList<>();

    @Override
    public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
        calls.add("select");
        selected = config;
        statsSelected = stats;
        this.switchIntervalNanos = switchIntervalNanos;
    }

    @Override
    public int run(Path file, List<String> args, PrintStream out, PrintStream err) {
        calls.add("run");
        ranFile = file;
        ranArgs = List.copyOf(args);
        if (toThrow != null) {
            throw toThrow;
        }
        return status;
    }

    @Override
    public StatsReport stats(BuildConfig config) {
        calls.add("stats");
        return sampleReport(config, statsSelected);
    }

    static StatsReport sampleReport(BuildConfig config, boolean counting) {
        return new StatsReport(config, counting,
                counting ? new LockStats.Totals(1000, 10, 250, 3, 4_000_000, 1_500_000) : null,
                config.gil().flagName().equals("none") ? null
                        : new GilStats.Totals(500, 120, 110, 100, 130, 7, 600_000_000, 5_200_000, 4_000_000, 5_000_000, 5_200_000),
                counting ? new RefCountStats.Totals(1_234_567, 1_234_000, 42) : null);
    }
}
