package org.gilectomy.bench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Peer;
import org.gilectomy.runtime.cli.Preset;

/**
 * What an experiment is run with.
 *
 * @param quick     small sizes, one measured run, no warm-up: a check that it runs (under
 *                  3 minutes per experiment on a 2-core machine), not a measurement
 * @param peers     other interpreters to add as rows
 * @param workloads the {@code bench/workloads} directory
 * @param out       where the files go
 */
public record Context(boolean quick, List<Peer> peers, Path workloads, Path out) {
    public Context {
        peers = List.copyOf(peers);
    }

    /** The workload's path, for the children. */
    public String program(String relative) {
        return workloads.resolve(relative).toString();
    }

    /** {@code quick} or {@code full}. */
    public <T> T pick(T quickValue, T fullValue) {
        return quick ? quickValue : fullValue;
    }

    /** Warm-up runs per cell: none when quick. */
    public int warmup() {
        return quick ? 0 : 1;
    }

    /** Measured runs per cell: one when quick. */
    public int repeat() {
        return quick ? 1 : 3;
    }

    /** Thread counts 1..max. */
    public static List<Integer> upTo(int max) {
        List<Integer> t = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            t.add(i);
        }
        return t;
    }

    /** The presets as single-thread cell templates, followed by the peers. */
    public List<Cell> builds(Preset... presets) {
        List<Cell> b = new ArrayList<>();
        for (Preset p : presets) {
            b.add(new Cell(p, 1));
        }
        for (Peer peer : peers) {
            b.add(Cell.of(peer, 1));
        }
        return b;
    }

    /** Every build at every thread count, with the program arguments. */
    public static List<Cell> grid(List<Cell> builds, List<Integer> threads, List<String> args) {
        List<Cell> cells = new ArrayList<>();
        for (Cell b : builds) {
            for (int t : threads) {
                cells.add(b.withThreads(t).withProgramArgs(b.series(), args));
            }
        }
        return cells;
    }
}
