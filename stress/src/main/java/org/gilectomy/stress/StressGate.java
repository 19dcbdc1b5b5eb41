package org.gilectomy.stress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * Runs jcstress and turns its verdict into an exit code the build can trust, per test.
 *
 * <pre>
 * java -cp stress/target/jcstress.jar org.gilectomy.stress.StressGate pass   [jcstress options]
 * java -cp stress/target/jcstress.jar org.gilectomy.stress.StressGate detect [jcstress options]
 * </pre>
 *
 * <ul>
 *   <li>{@code pass}: every selected test ran, none errored, none observed a FORBIDDEN outcome.
 *   <li>{@code detect} (negative controls): every selected test ran, none errored, and
 *       <em>each one</em> observed at least one FORBIDDEN outcome.
 * </ul>
 * Exit status 0 if that holds, 1 otherwise (with the reasons), 2 for bad options.
 *
 * <p>Why not {@code java -jar jcstress.jar} and its exit code: jcstress 0.16 exits 1 when a test
 * fails (an AssertionError escapes main), but it also exits 1 on a typo in its options, and it
 * exits 0 when the {@code -t} filter matches nothing or no test could be scheduled. So
 * "successCodes 1" for a negative control would also pass on a misconfiguration, and one
 * failing control among several would hide one that went blind. This gate re-reads the
 * result file jcstress writes and judges each selected test on its own.
 *
 * <p>It uses jcstress-core classes that are public but not a documented API
 * ({@code Options}, {@code JCStress}, {@code DiskReadCollector}, {@code ReportUtils}); the
 * version is pinned in the parent POM.
 */
public final class StressGate {

    private enum Expectation { PASS, DETECT }

    private StressGate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
            return;
        }
        Expectation expectation;
        try {
            expectation = Expectation.valueOf(args[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            usage();
            return;
        }
        Options opts = new Options(Arrays.copyOfRange(args, 1, args.length));
        if (!opts.parse()) {
            System.exit(2);
        }
        JCStress jcstress = new JCStress(opts);
        SortedSet<String> selected = jcstress.getTests();
        if (selected.isEmpty()) {
            System.err.println("StressGate: no test matches -t '" + opts.getTestFilter() + "'");
            System.exit(1);
        }
        if (expectation == Expectation.DETECT) {
            System.out.println("StressGate: " + selected.size() + " negative control(s). jcstress will mark them"
                    + " [FAILED]: that is what this run requires; the verdict is the last line.");
        }
        try {
            jcstress.run();
        } catch (AssertionError failuresListed) {
            // jcstress's own summary of failures, already printed in its report; judged below.
        }
        List<String> problems = judge(expectation, selected, readResults(opts.getResultFile()));
        System.out.println();
        if (problems.isEmpty()) {
            System.out.printf("StressGate: OK, %d test(s) %s%n", selected.size(),
                    expectation == Expectation.PASS ? "passed" : "each observed a forbidden outcome, as negative controls must");
            System.exit(0);
        }
        System.out.println("StressGate: FAILED (" + expectation.name().toLowerCase(Locale.ROOT) + ")");
        problems.forEach(p -> System.out.println("  " + p));
        System.exit(1);
    }

    private static void usage() {
        System.err.println("usage: StressGate pass|detect [jcstress options]");
        System.exit(2);
    }

    private static Map<String, TestResult> readResults(String resultFile)
            throws IOException, ClassNotFoundException {
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(resultFile, collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        // One merged result per test: samples summed over JVM configurations and forks, the
        // worst status kept.
        Map<String, TestResult> byName = new HashMap<>();
        for (TestResult r : ReportUtils.mergedByName(collector.getTestResults())) {
            byName.put(r.getName(), r);
        }
        return byName;
    }

    private static List<String> judge(Expectation expectation, SortedSet<String> selected,
            Map<String, TestResult> results) {
        List<String> problems = new ArrayList<>();
        System.out.println();
        System.out.printf("%-72s %14s %14s%n", "StressGate: test", "samples", "forbidden");
        for (String test : selected) {
            TestResult r = results.get(test);
            if (r == null) {
                System.out.printf("%-72s %14s %14s%n", test, "did not run", "-");
                problems.add(test + ": did not run (not schedulable on this machine's CPUs?)");
                continue;
            }
            if (r.status() != Status.NORMAL) {
                System.out.printf("%-72s %14s %14s%n", test, r.status(), "-");
                problems.add(test + ": " + r.status() + " " + firstMessage(r));
                continue;
            }
            long forbidden = forbiddenSamples(r.grading());
            if (r.getTotalCount() == 0) {
                // Not a pass nor a failure we can see: e.g. Termination tests in sanity mode, whose
                // time budget is 0 ms, record nothing. Reported as such, never as a clean zero.
                System.out.printf("%-72s %14s %14s%n", test, "no samples", "-");
                if (expectation == Expectation.DETECT) {
                    problems.add(test + ": recorded no samples, so it cannot have detected anything;"
                            + " run the negative controls in a longer mode");
                }
                continue;
            }
            System.out.printf("%-72s %,14d %,14d%n", test, r.getTotalCount(), forbidden);
            if (expectation == Expectation.PASS && forbidden > 0) {
                problems.add(test + ": " + String.join("; ", r.grading().failureMessages));
            } else if (expectation == Expectation.DETECT && forbidden == 0) {
                problems.add(test + ": negative control observed no forbidden outcome in "
                        + r.getTotalCount() + " samples: the test (or this mode) can no longer see the bug");
            }
        }
        return problems;
    }

    private static long forbiddenSamples(TestGrading grading) {
        long n = 0;
        for (GradingResult g : grading.gradingResults.values()) {
            if (g.expect == Expect.FORBIDDEN) {
                n += g.count;
            }
        }
        return n;
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
