package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.util.List;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Measurement;

/**
 * One published result reproduced side by side: the programs and cells it runs
 * ({@link #parts}), and what it makes of them ({@link #analyse}): tables, charts and a verdict
 * per target.
 */
public interface Experiment {
    /** The name on the command line, e.g. {@code beazley-count}. */
    String name();

    /** One line for {@code experiment --list}. */
    String summary();

    /** The published shape it reproduces, with its source; printed beside the results. */
    List<String> published();

    /** The parts to measure; {@link Context#quick()} makes them small. */
    List<Part> parts(Context ctx);

    /** The cells worth a GIL timeline ({@code --timeline}): part name and cell. */
    default List<TimelineCell> timelineCells(Context ctx, List<Part> parts) {
        return List.of();
    }

    /** What the report's figures are, printed at its end. */
    default List<String> notes() {
        return List.of("wall: elapsed time around the program (JVM start-up excluded); cpu: process CPU time over the same span;",
                "medians of the measured runs; a fresh JVM per run; ratios within this invocation only.");
    }

    /** How its children are run: fresh processes, unless an experiment needs another driver. */
    default Measurement.RunnerFactory runners(Context ctx) {
        return Measurement.PROCESSES;
    }

    /** Tables, charts and verdicts from the parts' results. */
    Analysis analyse(Context ctx, List<PartResult> results) throws IOException;

    /** A cell to run once more, with {@code --timeline}. */
    record TimelineCell(Part part, Cell cell) {
    }

    /** The finding of one experiment. */
    record Analysis(List<String> lines, List<Target> targets, List<java.nio.file.Path> charts) {
        public Analysis {
            lines = List.copyOf(lines);
            targets = List.copyOf(targets);
            charts = List.copyOf(charts);
        }
    }
}
