package org.gilectomy.bench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.gilectomy.locks.GilStats;
import org.gilectomy.runtime.cli.Backend;
import org.gilectomy.runtime.cli.BuildConfig;
import org.gilectomy.runtime.cli.StatsReport;

/**
 * A child for the harness tests: the real command line ({@code run --preset P --timing-file T
 * FILE N}) over a backend that does not run Python. It prints {@code threads=N}, and fails with
 * status 3 and a message on stderr when the first extra argument is {@code fail-with-N} and the
 * thread count is N.
 */
public final class FakeChild {
    public static void main(String[] args) {
        Backend fake = new Backend() {
            @Override
            public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
            }

            @Override
            public int run(Path file, List<String> a, PrintStream out, PrintStream err) {
                if (a.size() > 1 && a.get(1).equals("fail-with-" + a.get(0))) {
                    err.println("Traceback (most recent call last):\nRuntimeError: deliberate failure");
                    return 3;
                }
                out.println("threads=" + a.get(0));
                return 0;
            }

            @Override
            public StatsReport stats(BuildConfig config) {
                return new StatsReport(config, false, null,
                        config.gil().flagName().equals("none") ? null : new GilStats.Totals(5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0), null);
            }
        };
        System.exit(Main.newCommandLine(fake).execute(args));
    }
}
