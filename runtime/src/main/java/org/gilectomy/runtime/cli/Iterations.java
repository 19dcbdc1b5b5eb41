package org.gilectomy.runtime.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run --iterations N}: the program run N times in this JVM, each a fresh
 * {@code __main__}, each timed. Iteration 1 writes to the real stdout; the later ones' stdout
 * is discarded (their stderr is kept: an error must show). The first iteration that exits
 * with a status other than 0 stops the loop, since later iterations would not do the same work.
 *
 * @param requested   N
 * @param iterationNs the wall-clock time of each iteration run, in order (System.nanoTime
 *                    around {@link Backend#run}: reading, parsing, compiling and running)
 * @param status      the exit status of the last iteration run
 */
record Iterations(int requested, List<Long> iterationNs, int status) {
    /** Where later iterations' stdout goes. */
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    Iterations {
        iterationNs = List.copyOf(iterationNs);
    }

    static Iterations run(Backend backend, Path file, List<String> args, int count, PrintWriter err) {
        List<Long> times = new ArrayList<>(count);
        int status = 0;
        for (int i = 1; i <= count; i++) {
            PrintStream out = i == 1 ? System.out : DISCARD;
            long start = System.nanoTime();
            status = backend.run(file, args, out, System.err);
            times.add(System.nanoTime() - start);
            if (i == 1) {
                System.out.flush();
            }
            if (status != 0 && count > 1) {
                err.println(RunCommand.PROGRAM + ": iteration " + i + " of " + count + " exited with status "
                        + status + (i < count ? "; the remaining iterations were not run" : ""));
                err.flush();
                break;
            }
        }
        return new Iterations(count, times, status);
    }

    /** The JSON members: {@code iterations}, {@code completed}, {@code iteration_ns}, {@code exit_status}. */
    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", requested);
        m.put("completed", iterationNs.size());
        m.put("iteration_ns", iterationNs);
        m.put("exit_status", status);
        return m;
    }
}
