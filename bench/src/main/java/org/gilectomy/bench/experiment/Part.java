package org.gilectomy.bench.experiment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gilectomy.bench.harness.Cell;

/**
 * One program an experiment measures over its cells.
 *
 * @param name           the part's name in tables and files ({@code main}, {@code sweep}, a pattern)
 * @param program        the workload, relative to {@code bench/workloads}
 * @param cells          what to run
 * @param warmup         warm-up runs per cell
 * @param repeat         measured runs per cell
 * @param stats          whether the runs count lock and refcount statistics
 * @param countTransfers whether each cell gets a counting run ({@code --count-transfers})
 * @param optional       whether a failure of the program means "not supported yet" (a feature the
 *                       runtime lacks) rather than a failed experiment
 * @param outputFields   fields read from a run's stdout into its record (requests/s...)
 */
public record Part(String name, String program, List<Cell> cells, int warmup, int repeat, boolean stats,
                   boolean countTransfers, boolean optional, Function<String, Map<String, Object>> outputFields) {
    public Part {
        cells = List.copyOf(cells);
    }

    /** A part with no statistics, no counting run, required, nothing read from stdout. */
    public static Part of(String name, String program, List<Cell> cells, int warmup, int repeat) {
        return new Part(name, program, cells, warmup, repeat, false, false, false, s -> Map.of());
    }

    public Part withStats() {
        return new Part(name, program, cells, warmup, repeat, true, countTransfers, optional, outputFields);
    }

    public Part withCountTransfers() {
        return new Part(name, program, cells, warmup, repeat, stats, true, optional, outputFields);
    }

    public Part asOptional() {
        return new Part(name, program, cells, warmup, repeat, stats, countTransfers, true, outputFields);
    }

    public Part withOutputFields(Function<String, Map<String, Object>> parser) {
        return new Part(name, program, cells, warmup, repeat, stats, countTransfers, optional, parser);
    }
}
