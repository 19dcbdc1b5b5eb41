package org.gilectomy.bench.harness;

import java.util.Objects;

import org.gilectomy.runtime.cli.Preset;

/**
 * One cell of a comparison: a preset at a thread count.
 *
 * @param preset  the build
 * @param threads the thread count, passed to the program as {@code sys.argv[1]}
 */
public record Cell(Preset preset, int threads) {
    public Cell {
        Objects.requireNonNull(preset, "preset");
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1: " + threads);
        }
    }

    @Override
    public String toString() {
        return preset.flagName() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
