package org.gilectomy.bench.experiment;

import java.util.List;
import java.util.Optional;

/** The experiments {@code gilectomy experiment} ships, in the order {@code --list} shows them. */
public final class Experiments {
    public static final List<Experiment> ALL = List.of(new BeazleyCount(), new SwitchInterval(), new Convoy(),
            new GilectomyFib(), new FtScaling(), new SharedContainer(), new SingleThreadTax(), new Speed(),
            new GcPause());

    private Experiments() {
    }

    public static Optional<Experiment> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Experiment::name).toList());
    }
}
