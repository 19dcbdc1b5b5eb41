/**
 * The {@code run} command: choosing the build of the process, running one Python program, and
 * reporting what it cost.
 *
 * <h2>Choosing the build</h2>
 * A {@link org.gilectomy.runtime.cli.Preset} names a historical system; individual knobs
 * ({@code --gil}, {@code --refcount}, {@code --lock}) override it, giving a
 * {@link org.gilectomy.runtime.cli.BuildConfig}. The build is fixed once per process in static
 * finals, so {@link org.gilectomy.runtime.cli.RunCommand} sets the system properties
 * ({@code gilectomy.gil}, {@code .refcount}, {@code .lock}, {@code .stats}) <em>before</em>
 * anything initialises {@code Gil}, {@code ObjectLock}, {@code RefCount}, {@code LockStats} or
 * the interpreter, and then checks that those classes agree. All of that goes through a
 * {@link org.gilectomy.runtime.cli.Backend}, so the tests can parse and run the command without
 * fixing the build of the test JVM.
 *
 * <h2>What is measured</h2>
 * With the hidden {@code --timing-file FILE} the command writes, as JSON:
 * <ul>
 * <li>{@code wall_s}: {@code System.nanoTime()} just before and just after
 *     {@code Interpreter.runMain}: JVM start-up and class loading of the command line are
 *     excluded; the interpreter's own start-up (parsing, compiling) is included;</li>
 * <li>{@code cpu_s}: the process's CPU time over the same span
 *     ({@code com.sun.management.OperatingSystemMXBean.getProcessCpuTime}): <b>it includes the
 *     JIT compiler and GC threads</b>, not only the Python threads; {@code null} where the JVM
 *     cannot tell;</li>
 * <li>{@code exit_status}, the build ({@code preset}, {@code label}, {@code gil},
 *     {@code refcount}, {@code lock}), {@code switch_interval_s}, {@code java_version};</li>
 * <li>the statistics of {@link org.gilectomy.runtime.cli.StatsReport}: GIL counts always (they
 *     cost nothing), lock and refcount counts only with counting on ({@code --stats},
 *     {@code --stats-json}), which slows the run down.</li>
 * </ul>
 */
package org.gilectomy.runtime.cli;
