package org.gilectomy.bench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.runtime.cli.Backend;
import org.gilectomy.runtime.cli.BuildConfig;
import org.gilectomy.runtime.cli.StatsReport;

/**
 * The command line with python3 in place of the runtime, to try the harness end to end before
 * the interpreter works (the preset is ignored; no statistics):
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar:bench/target/test-classes org.gilectomy.bench.cli.Main \
 *     compare bench/workloads/fib.py --child-main org.gilectomy.bench.cli.Python3Main
 * </pre>
 */
public final class Python3Main {
    public static void main(String[] args) {
        Backend python3 = new Backend() {
            @Override
            public void select(BuildConfig config, boolean stats, long switchIntervalNanos) {
            }

            @Override
            public int run(Path file, List<String> a, PrintStream out, PrintStream err) {
                List<String> cmd = new ArrayList<>(List.of(System.getenv().getOrDefault("PYTHON", "python3"), file.toString()));
                cmd.addAll(a);
                try {
                    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start python3", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }

            @Override
            public StatsReport stats(BuildConfig config) {
                return new StatsReport(config, false, null, null, null);
            }
        };
        System.exit(Main.newCommandLine(python3).execute(args));
    }
}
