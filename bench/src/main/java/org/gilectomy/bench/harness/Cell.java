package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gilectomy.runtime.cli.Preset;

/**
 * One cell of a comparison: a series (a build, or a build with extra {@code run} options, or a
 * peer interpreter) at a thread count.
 *
 * @param series      the row's name in tables and charts ({@code gil}, {@code gil si=0.001},
 *                    {@code python3}); speedups are taken within a series
 * @param preset      the build, or null for a peer interpreter
 * @param peer        the peer interpreter, or null for this runtime
 * @param threads     the thread count, passed to the program as {@code sys.argv[1]}
 * @param runOptions  extra options of {@code gilectomy run} ({@code --switch-interval 0.001},
 *                    {@code --lock spin}...), placed before the file name
 * @param programArgs program arguments after the thread count, before the comparison's own
 */
public record Cell(String series, Preset preset, Peer peer, int threads, List<String> runOptions,
                   List<String> programArgs) {
    public Cell {
        Objects.requireNonNull(series, "series");
        if ((preset == null) == (peer == null)) {
            throw new IllegalArgumentException("a cell runs either a preset or a peer interpreter");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1: " + threads);
        }
        runOptions = List.copyOf(runOptions);
        programArgs = List.copyOf(programArgs);
    }

    /** A preset as it is, named after it. */
    public Cell(Preset preset, int threads) {
        this(Objects.requireNonNull(preset, "preset").flagName(), preset, null, threads, List.of(), List.of());
    }

    /** The same program under a peer interpreter. */
    public static Cell of(Peer peer, int threads) {
        return new Cell(peer.name(), null, peer, threads, List.of(), List.of());
    }

    /** This cell at another thread count. */
    public Cell withThreads(int n) {
        return new Cell(series, preset, peer, n, runOptions, programArgs);
    }

    /** This cell with more {@code run} options, under another series name. */
    public Cell withRunOptions(String newSeries, List<String> more) {
        List<String> all = new ArrayList<>(runOptions);
        all.addAll(more);
        return new Cell(newSeries, preset, peer, threads, all, programArgs);
    }

    /** This cell with program arguments after the thread count, under another series name. */
    public Cell withProgramArgs(String newSeries, List<String> args) {
        return new Cell(newSeries, preset, peer, threads, runOptions, args);
    }

    /** The end of a child's command line: the program, the thread count, this cell's arguments, then {@code extra}. */
    public List<String> programCommand(String program, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.add(Integer.toString(threads));
        cmd.addAll(programArgs);
        cmd.addAll(extra);
        return cmd;
    }

    /** Whether this cell runs another interpreter than this runtime. */
    public boolean isPeer() {
        return peer != null;
    }

    /** The build's or the peer's name, for the {@code preset} field of the results. */
    public String buildName() {
        return preset != null ? preset.flagName() : peer.name();
    }

    @Override
    public String toString() {
        return series + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
