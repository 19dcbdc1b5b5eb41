package org.gilectomy.bench.realprogs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gilectomy.bench.harness.ChildJvm;
import org.gilectomy.bench.harness.ChildOutcome;
import org.gilectomy.bench.harness.ResultFiles;
import org.gilectomy.bench.harness.TextTable;
import org.gilectomy.runtime.cli.Json;
import org.gilectomy.runtime.cli.Preset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy regrtest}: CPython's own regression tests ({@code Lib/test/test_*.py} of the
 * CPython 3.11 whose standard library the runtime uses), each test file run with CPython's
 * {@code unittest} by a small driver, first under {@code python3} for the reference counts, then
 * under each preset. One row per test file: the tests python3 passed, and per preset the tests
 * passed and their share of python3's. {@code --floor FILE} turns the table into a check: a
 * preset that passes fewer tests of a file than the floor says fails the command (exit 1).
 */
@Command(name = "regrtest",
        sortOptions = false,
        description = {
            "Run CPython 3.11's regression tests (test.test_*) under python3 and the runtime's presets, "
                    + "with CPython's unittest; one row per test file: tests passed under each."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gilectomy regrtest                       (the default set, gil and nogil)",
            "  gilectomy regrtest test_list test_dict --presets gil",
            "  gilectomy regrtest --floor bench/regrtest-floor.csv    (exit 1 below the floor)"})
public final class RegrtestCommand implements Callable<Integer> {
    static final String PROGRAM = "gilectomy regrtest";
    static final String TAG = "GILECTOMY-REGRTEST ";

    /** The set whose pass rate the project tracks (CPython 3.11's core-language tests). */
    static final List<String> DEFAULT_TESTS = List.of(
            "test_grammar", "test_scope", "test_class", "test_list", "test_dict", "test_set", "test_tuple",
            "test_int", "test_float", "test_string", "test_generators", "test_exceptions", "test_with",
            "test_unpack", "test_bool", "test_range");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEST", description = "Test modules, e.g. test_list (default: the core-language set).")
    List<String> tests = new ArrayList<>();

    @Mixin
    SharedOptions options = new SharedOptions();

    @Option(names = "--stdlib", paramLabel = "DIR",
            description = "The CPython 3.11 Lib directory for the runtime (default: the runtime's own choice); "
                    + "it must hold the test package.")
    Path stdlib;

    @Option(names = "--floor", paramLabel = "FILE",
            description = "A CSV of test,preset,passed: exit 1 if a preset passes fewer tests of a file.")
    Path floor;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (stdlib != null && !Files.isDirectory(stdlib)) {
            return usage(err, "--stdlib " + stdlib + ": not a directory");
        }
        Map<String, Map<String, Integer>> floors;
        try {
            floors = floor == null ? Map.of() : Floor.read(floor);
        } catch (IOException | IllegalArgumentException e) {
            return usage(err, "--floor " + floor + ": " + e.getMessage());
        }
        List<String> names = tests.isEmpty() ? DEFAULT_TESTS : List.copyOf(new LinkedHashSet<>(tests));
        for (String n : names) {
            if (!n.matches("test_[A-Za-z0-9_]+")) {
                return usage(err, "'" + n + "' is not a test module name (expected test_NAME, e.g. test_list)");
            }
        }
        List<Preset> ps = options.distinctPresets();
        Path outDir = options.outDir("regrtest");
        Files.createDirectories(outDir);
        PythonRuns runs = new PythonRuns(outDir.resolve("runs"), options.timeoutSeconds, ChildJvm.inheritedOptions(),
                stdlib, Map.of());
        Path driver = runs.resource("regrtest_driver.py", Paths.get("regrtest_driver.py"));

        List<Map<String, Object>> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (String test : names) {
            i++;
            List<Preset> interpreters = new ArrayList<>();
            interpreters.add(null);
            interpreters.addAll(ps);
            Integer reference = null;
            StringBuilder progress = new StringBuilder();
            for (Preset p : interpreters) {
                String who = PythonRuns.name(p);
                ChildOutcome o = runs.run(p, driver, List.of(test), test + "." + who);
                Map<String, Object> r = record(test, who, o);
                Object passed = r.get("passed");
                if (p == null) {
                    reference = passed instanceof Integer n ? n : null;
                } else if (reference != null && reference > 0 && passed instanceof Integer n) {
                    r.put("pass_rate", Math.round(1000.0 * n / reference) / 1000.0);
                }
                records.add(r);
                progress.append(progress.length() == 0 ? "" : "; ").append(who).append(' ').append(brief(r));
                Object problem = r.get("problem");
                if (problem != null) {
                    problems.add(test + " [" + who + "] " + problem);
                }
                for (Object detail : (List<?>) r.getOrDefault("problems", List.of())) {
                    problems.add(test + " [" + who + "] " + detail);
                }
            }
            err.printf("%s: [%d/%d] %s: %s%n", PROGRAM, i, names.size(), test, progress);
            err.flush();
        }
        for (Map<String, Object> r : records) {
            r.remove("problems"); // in problems.txt: one line each, not a column
        }
        String table = table(names, ps, records);
        List<String> verdicts = Floor.check(floors, records);
        StringBuilder text = new StringBuilder(table);
        verdicts.forEach(v -> text.append(v).append('\n'));
        Files.writeString(outDir.resolve("table.txt"), text, StandardCharsets.UTF_8);
        Files.write(outDir.resolve("problems.txt"), problems, StandardCharsets.UTF_8);
        ResultFiles.writeRecords(outDir, records);
        stdout.print(text);
        stdout.println("Results: " + outDir.resolve("table.txt") + " (problems.txt lists each failure)");
        stdout.flush();
        return verdicts.stream().anyMatch(v -> v.startsWith("BELOW")) ? 1 : 0;
    }

    /** One run's row: the driver's counts, or what stopped it. */
    static Map<String, Object> record(String test, String interpreter, ChildOutcome o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("test", test);
        r.put("interpreter", interpreter);
        String line = PythonRuns.taggedLine(o.stdout(), TAG);
        if (o.timedOut()) {
            r.put("stage", "timeout");
            r.put("problem", "timed out");
            return r;
        }
        if (line == null) {
            r.put("stage", "crashed");
            r.put("problem", "exit " + o.exitStatus() + ": " + PythonRuns.lastLine(o.stderr() + "\n" + o.stdout()));
            return r;
        }
        Map<String, Object> counts = Json.parseObject(line);
        r.put("stage", counts.get("stage"));
        for (String k : List.of("tests", "passed", "failed", "errors", "skipped", "expected_failures",
                "unexpected_successes")) {
            Object v = counts.get(k);
            if (v instanceof Number n) {
                r.put(k, n.intValue());
            }
        }
        if (counts.get("error") != null) {
            r.put("problem", counts.get("stage") + ": " + counts.get("error"));
        } else if (counts.get("skipped_module") != null) {
            r.put("problem", "module skipped: " + counts.get("skipped_module"));
        }
        if (counts.get("problems") instanceof List<?> l) {
            r.put("problems", l);
        }
        return r;
    }

    private static String brief(Map<String, Object> r) {
        if (r.get("passed") instanceof Integer n && "done".equals(r.get("stage"))) {
            return n + "/" + r.get("tests") + " passed";
        }
        return String.valueOf(r.get("problem"));
    }

    static String table(List<String> names, List<Preset> ps, List<Map<String, Object>> records) {
        List<String> headers = new ArrayList<>(List.of("test", "python3"));
        for (Preset p : ps) {
            headers.add(p.flagName());
            headers.add("%");
        }
        headers.add("first problem");
        boolean[] right = new boolean[headers.size()];
        for (int c = 1; c < right.length - 1; c++) {
            right[c] = true;
        }
        TextTable t = new TextTable(headers, right);
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (String test : names) {
            List<String> row = new ArrayList<>();
            row.add(test);
            Map<String, Object> ref = find(records, test, PythonRuns.PYTHON3);
            row.add(cell(ref));
            String firstProblem = "";
            for (Preset p : ps) {
                Map<String, Object> r = find(records, test, p.flagName());
                row.add(cell(r));
                row.add(r.get("pass_rate") instanceof Double d ? String.format(Locale.ROOT, "%.1f", 100 * d) : "-");
                long[] sum = totals.computeIfAbsent(p.flagName(), k -> new long[2]);
                if (ref.get("passed") instanceof Integer n) {
                    sum[1] += n;
                    sum[0] += r.get("passed") instanceof Integer m ? m : 0;
                }
                if (firstProblem.isEmpty() && r.get("problem") != null) {
                    firstProblem = p.flagName() + ": " + r.get("problem");
                }
            }
            row.add(firstProblem.length() > 100 ? firstProblem.substring(0, 97) + "..." : firstProblem);
            t.add(row);
        }
        StringBuilder sb = new StringBuilder(t.format());
        sb.append('\n');
        for (Map.Entry<String, long[]> e : totals.entrySet()) {
            long[] s = e.getValue();
            sb.append(String.format(Locale.ROOT, "%s: %d of the %d tests python3 passed (%.1f%%)%n", e.getKey(), s[0], s[1],
                    s[1] == 0 ? 0.0 : 100.0 * s[0] / s[1]));
        }
        return sb.toString();
    }

    private static String cell(Map<String, Object> r) {
        return r.get("passed") instanceof Integer n ? Integer.toString(n) : String.valueOf(r.get("stage"));
    }

    static Map<String, Object> find(List<Map<String, Object>> records, String name, String interpreter) {
        return SharedOptions.find(records, "test", name, interpreter);
    }

    private static int usage(PrintWriter err, String message) {
        return SharedOptions.usage(err, "regrtest", message);
    }
}
