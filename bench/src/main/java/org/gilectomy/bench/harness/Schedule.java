package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.List;

import org.gilectomy.runtime.cli.Preset;

/**
 * The order in which a comparison runs its child JVMs.
 *
 * <p>Runs go in rounds: each round runs every cell once; the warm-up rounds come first. Within
 * a round the cells are in preset-major order (every thread count of the first preset, then
 * the next preset), rotated by one more position each round, so that no cell always runs
 * first, or always right after the same neighbour: a slow drift of the machine (thermal
 * throttling, a background job) spreads over every cell instead of biasing one.
 */
public final class Schedule {
    private Schedule() {
    }

    /** The cells in preset-major order. */
    public static List<Cell> cells(List<Preset> presets, List<Integer> threads) {
        List<Cell> cells = new ArrayList<>();
        for (Preset p : presets) {
            for (int t : threads) {
                cells.add(new Cell(p, t));
            }
        }
        return cells;
    }

    /**
     * Every run, in order: {@code warmup} rounds then {@code repeat} rounds of all cells, round
     * {@code r} starting at cell {@code r mod cells}.
     */
    public static List<ScheduledRun> plan(List<Cell> cells, int warmup, int repeat) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("nothing to run");
        }
        if (warmup < 0 || repeat < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and repeat >= 1");
        }
        List<ScheduledRun> runs = new ArrayList<>();
        int n = cells.size();
        for (int round = 0; round < warmup + repeat; round++) {
            boolean isWarmup = round < warmup;
            int index = isWarmup ? round + 1 : round - warmup + 1;
            for (int i = 0; i < n; i++) {
                runs.add(new ScheduledRun(cells.get((i + round) % n), round, isWarmup, index));
            }
        }
        return runs;
    }

    /**
     * The plan followed by one counting run ({@code --count-transfers}) per cell of this
     * runtime, after every measured run so that counting never disturbs a measurement.
     */
    public static List<ScheduledRun> withCountingRuns(List<ScheduledRun> plan, List<Cell> cells) {
        List<ScheduledRun> runs = new ArrayList<>(plan);
        int round = plan.isEmpty() ? 0 : plan.get(plan.size() - 1).round() + 1;
        for (Cell c : cells) {
            if (!c.isPeer()) {
                runs.add(new ScheduledRun(c, round, false, 1, true));
            }
        }
        return runs;
    }
}
