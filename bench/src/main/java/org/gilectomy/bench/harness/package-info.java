/**
 * The comparison harness behind {@code gilectomy compare}.
 *
 * <pre>
 * gilectomy compare FILE.py [--presets gil,gilectomy] [--threads 1,2] [--repeat 3] [--warmup 1]
 *                   [--out DIR] [--stats] [--count-transfers] [--perf] [--peer python3,pypy3,jython]
 *                   [--timeout SECONDS] [--jvm-arg=OPT]... [-- EXTRA ARGS...]
 * </pre>
 *
 * <h2>The program's contract</h2>
 * <b>The program reads its thread count from {@code sys.argv[1]}</b>; EXTRA ARGS follow it. For
 * the speedup column to mean something, the program does a fixed total amount of work split over
 * its threads (see {@code bench/workloads/fib.py}, {@code count.py}); a program whose work grows
 * with the threads ({@code shared_list.py}) measures contention instead. A deterministic program
 * prints the same output for every preset at a given thread count: the harness warns when it
 * does not (a lost update under the free-threaded build, typically).
 *
 * <h2>How the numbers are obtained</h2>
 * <ul>
 * <li>Every run is a fresh JVM ({@link org.gilectomy.bench.harness.ChildJvm}): the same
 *     {@code java}, the JVM options that matter ({@code -Xss}, {@code -Xmx}, {@code -XX:},
 *     {@code -D}...), the same class path, and
 *     {@code org.gilectomy.bench.cli.Main run --preset P --timing-file T FILE N EXTRA...}. The
 *     build is a static final of the process, so a fresh process per cell is the only honest
 *     way to compare builds.</li>
 * <li>wall and cpu come from the child's timing file: they cover the program only, not JVM
 *     start-up; cpu is the whole process's CPU time, JIT compiler and GC threads included.</li>
 * <li>Runs go in rounds, warm-up rounds first (discarded); in each round every cell runs once,
 *     the order rotated by one each round ({@link org.gilectomy.bench.harness.Schedule}), so
 *     machine drift spreads over all cells.</li>
 * <li>Per cell: median wall [min-max], median cpu. speedup = median wall(P, smallest thread
 *     count) / median wall(P, N); slowdown = median wall(P, N) / median wall(first preset, N)
 *     ({@link org.gilectomy.bench.harness.Summary}). Ratios are taken within one invocation of the
 *     harness, never across machines or sessions.</li>
 * <li>A child that exits non-zero, times out or writes no timing file stops the comparison; its
 *     command line and stderr are shown and the exit status is 1.</li>
 * </ul>
 *
 * <h2>Files</h2>
 * In {@code --out DIR} (default {@code results/compare-<yyyyMMdd-HHmmss>} under the current
 * directory; {@code results/} is git-ignored): {@code results.csv} and {@code results.json}, one
 * record per measured run (preset, threads, repeat, wall_s, cpu_s, then the build and a column per
 * statistic, see {@link org.gilectomy.bench.harness.ResultFiles}), {@code table.txt}, the
 * table as printed, and {@code speedup.png} and {@code cpu.png} ({@link org.gilectomy.bench.harness.Charts}).
 *
 * <h2>Cells and series</h2>
 * A {@link org.gilectomy.bench.harness.Cell} is a series (a preset, a preset with extra
 * {@code run} options, or a {@link org.gilectomy.bench.harness.Peer} interpreter) at a thread
 * count; speedups are taken within a series, slowdowns against the first series. Counting runs
 * ({@code --count-transfers}) follow the measured ones and are never timed; {@code --perf}
 * wraps the runs in {@code perf stat} where {@link org.gilectomy.bench.harness.PerfProbe} found
 * hardware counters, and says why not where it did not.
 */
package org.gilectomy.bench.harness;
