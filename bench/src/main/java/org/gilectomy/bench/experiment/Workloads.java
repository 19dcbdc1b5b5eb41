package org.gilectomy.bench.experiment;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds {@code bench/workloads}: beside the jar or classes directory this code runs from
 * ({@code bench/target/benchmarks.jar} or {@code bench/target/classes}), else under the current
 * directory.
 */
final class Workloads {
    private Workloads() {
    }

    static Optional<Path> locate() {
        try {
            Path here = Paths.get(Workloads.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../bench/target/benchmarks.jar or .../bench/target/classes
            Path bench = here.getParent() == null ? null : here.getParent().getParent();
            if (bench != null && Files.isDirectory(bench.resolve("workloads"))) {
                return Optional.of(bench.resolve("workloads"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the current directory
        }
        for (Path p : new Path[] {Paths.get("bench", "workloads"), Paths.get("workloads")}) {
            if (Files.isDirectory(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
