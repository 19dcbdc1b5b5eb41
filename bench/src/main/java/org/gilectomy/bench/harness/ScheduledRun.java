package org.gilectomy.bench.harness;

/**
 * One child JVM to start.
 *
 * @param cell     what it runs
 * @param round    0-based round over warm-up rounds then measured rounds
 * @param warmup   whether the run is a warm-up (its numbers are discarded)
 * @param repeat   1-based index within the warm-up runs or within the measured runs
 */
public record ScheduledRun(Cell cell, int round, boolean warmup, int repeat) {
}
