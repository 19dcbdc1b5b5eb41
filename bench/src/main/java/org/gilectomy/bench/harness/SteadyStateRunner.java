package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Json;

/**
 * The children of a steady-state measurement. A cell of this runtime runs as any other (its
 * {@code --iterations K} is one of its run options); a CPython cell runs
 * {@code python3 bench/peers/steady_state.py [RUN OPTIONS] --iteration-times TIMING PROGRAM THREADS ARGS},
 * the same loop in CPython. After each child, the runner adds to its timing file the
 * process's whole elapsed time, start-up included ({@code process_wall_s}, measured here
 * around the child), and, when the cell asks for {@code --iterations}, their steady state
 * ({@link SteadyState#fields}): both end up in the run's record.
 */
public final class SteadyStateRunner implements ChildRunner {
    /** The record member with the whole process's elapsed time, JVM or interpreter start-up included. */
    public static final String PROCESS_WALL_FIELD = "process_wall_s";
    /** The option, of {@code run} and of the driver alike, that makes a cell a steady-state one. */
    public static final String ITERATIONS_OPTION = "--iterations";

    private final ProcessChildRunner processes;
    private final Peer python;
    private final Path driver;
    private final String program;
    private final List<String> extra;

    /**
     * @param python the CPython peer, or null when there is none (a CPython cell then fails)
     * @param driver {@code steady_state.py}
     */
    public SteadyStateRunner(ProcessChildRunner processes, Peer python, Path driver, String program, List<String> extra) {
        this.processes = processes;
        this.python = python;
        this.driver = driver;
        this.program = program;
        this.extra = List.copyOf(extra);
    }

    /** The runners of a measurement, with this CPython peer (or null) and driver script. */
    public static Measurement.RunnerFactory factory(Peer python, Path driver) {
        return (program, extra, s, workDir) ->
                new SteadyStateRunner(Measurement.processes(program, extra, s, workDir), python, driver, program, extra);
    }

    @Override
    public ChildOutcome run(ScheduledRun run, Path timingFile) throws IOException, InterruptedException {
        Cell cell = run.cell();
        long start = System.nanoTime();
        ChildOutcome outcome;
        if (cell.isPeer()) {
            if (python == null || !cell.peer().name().equals(python.name())) {
                throw new IOException("the steady-state driver runs under " + (python == null ? "no peer" : python.name())
                        + ", not " + cell.peer().name());
            }
            outcome = processes.execute(driverCommand(cell, timingFile), ProcessChildRunner.stem(timingFile));
        } else {
            outcome = processes.run(run, timingFile);
        }
        long elapsed = System.nanoTime() - start;
        if (!outcome.failed() && Files.exists(timingFile)) {
            annotate(timingFile, elapsed / 1e9, cell.runOptions().contains(ITERATIONS_OPTION));
        }
        return outcome;
    }

    /** {@code python3 steady_state.py [RUN OPTIONS] --iteration-times TIMING PROGRAM THREADS [CELL ARGS] [EXTRA]}. */
    List<String> driverCommand(Cell cell, Path timingFile) {
        List<String> cmd = new ArrayList<>(python.launcher());
        cmd.add(driver.toString());
        cmd.addAll(cell.runOptions());
        cmd.add("--iteration-times");
        cmd.add(timingFile.toString());
        cmd.addAll(cell.programCommand(program, extra));
        return cmd;
    }

    /** Adds the process's elapsed time, and with {@code steady} the iterations' steady state, to the child's timing file. */
    static void annotate(Path timingFile, double processWallS, boolean steady) throws IOException {
        Map<String, Object> m;
        try {
            m = new LinkedHashMap<>(Json.parseObject(Files.readString(timingFile, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return; // unreadable: Comparison reports it
        }
        m.put(PROCESS_WALL_FIELD, processWallS);
        SteadyState state = steady ? SteadyState.of(m) : null;
        if (state != null) {
            m.putAll(state.fields());
        }
        Files.writeString(timingFile, Json.write(m), StandardCharsets.UTF_8);
    }
}
