package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.file.Path;

/** Starts one child and waits for it; the real one is {@link ProcessChildRunner}. */
@FunctionalInterface
public interface ChildRunner {
    /**
     * Runs {@code run}'s cell in a fresh process that writes its timing JSON to
     * {@code timingFile}.
     */
    ChildOutcome run(ScheduledRun run, Path timingFile) throws IOException, InterruptedException;
}
