package org.gilectomy.stress.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Judges one cell from the result blob its jcstress child wrote, test by test.
 *
 * <p>Why not jcstress's exit code: jcstress 0.16 exits 1 when a test fails, but also on a typo
 * in its options, and 0 when nothing was selected or scheduled; one failing control among
 * several would hide one that went blind. So each selected test is judged on its own: it ran,
 * recorded samples, ended normally, and saw forbidden outcomes exactly when it is a negative
 * control. This uses jcstress-core classes that are public but not a documented API
 * ({@code DiskReadCollector}, {@code ReportUtils}); the version is pinned in the parent POM.
 */
final class StressResults {

    /** A verdict on one test in one cell. */
    enum Verdict { PASS, DETECTED, FAIL }

    /** One row of the summary. {@code samples} and {@code forbidden} are -1 when unknown. */
    record Row(String run, String build, String test, long samples, long forbidden, Verdict verdict, String note) {
    }

    private StressResults() {
    }

    /** The rows of one cell; {@code failure} explains a missing blob (the child's exit, its log). */
    static List<Row> judge(StressRun run, List<String> tests, Path runDir, String failure)
            throws IOException, ClassNotFoundException {
        Map<String, TestResult> results = read(runDir);
        return tests.stream().map(t -> judge(run, t, results.get(t), results.isEmpty() ? failure : null)).toList();
    }

    private static Row judge(StressRun run, String test, TestResult r, String failure) {
        String build = run.buildLabel();
        if (r == null) {
            return new Row(run.name(), build, test, -1, -1, Verdict.FAIL,
                    failure != null ? failure : "did not run (not schedulable on this machine's CPUs?)");
        }
        if (r.status() != Status.NORMAL) {
            return new Row(run.name(), build, test, r.getTotalCount(), -1, Verdict.FAIL,
                    r.status() + " " + firstMessage(r));
        }
        long forbidden = 0;
        for (GradingResult g : r.grading().gradingResults.values()) {
            if (g.expect == Expect.FORBIDDEN) {
                forbidden += g.count;
            }
        }
        long samples = r.getTotalCount();
        if (samples == 0) {
            return new Row(run.name(), build, test, 0, 0, Verdict.FAIL, "recorded no samples");
        }
        boolean control = run.expect() == StressRun.Expect.DETECTED;
        if (control) {
            return forbidden > 0
                    ? new Row(run.name(), build, test, samples, forbidden, Verdict.DETECTED, "negative control failed, as it must")
                    : new Row(run.name(), build, test, samples, 0, Verdict.FAIL,
                            "negative control saw no forbidden outcome: the test (or this mode) is blind to the bug");
        }
        return forbidden == 0
                ? new Row(run.name(), build, test, samples, 0, Verdict.PASS, "")
                : new Row(run.name(), build, test, samples, forbidden, Verdict.FAIL,
                        String.join("; ", r.grading().failureMessages));
    }

    /** One merged result per test (samples summed over configurations and forks, worst status kept). */
    private static Map<String, TestResult> read(Path runDir) throws IOException, ClassNotFoundException {
        Map<String, TestResult> byName = new HashMap<>();
        Path blob;
        try (Stream<Path> files = Files.list(runDir)) {
            blob = files.filter(p -> p.getFileName().toString().startsWith("jcstress-results-"))
                    .max(Path::compareTo).orElse(null);
        }
        if (blob == null) {
            return byName;
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(blob.toString(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        for (TestResult r : ReportUtils.mergedByName(collector.getTestResults())) {
            byName.put(r.getName(), r);
        }
        return byName;
    }

    /** The cause, not jcstress's generic "Check test failed": the first exception line, if any. */
    private static String firstMessage(TestResult r) {
        String first = null;
        for (String m : r.getMessages()) {
            String line = m.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.matches("^[\\w.$]+(Exception|Error)(: .*)?$")) {
                return "(" + line + ")";
            }
            if (first == null) {
                first = line;
            }
        }
        return first == null ? "" : "(" + first + ")";
    }
}
