package org.gilectomy.bench.harness;

/**
 * One child JVM to start.
 *
 * @param cell     what it runs
 * @param round    0-based round over warm-up rounds then measured rounds
 * @param warmup   whether the run is a warm-up (its numbers are discarded)
 * @param repeat   1-based index within the warm-up runs or within the measured runs
 * @param counting whether this is the cell's separate counting run ({@code --count-transfers}):
 *                 its statistics are kept, its times are not measurements
 */
public record ScheduledRun(Cell cell, int round, boolean warmup, int repeat, boolean counting) {
    public ScheduledRun(Cell cell, int round, boolean warmup, int repeat) {
        this(cell, round, warmup, repeat, false);
    }
}
