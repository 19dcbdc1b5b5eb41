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
import java.util.stream.Stream;

import org.gilectomy.bench.harness.ChildJvm;
import org.gilectomy.bench.harness.ChildOutcome;
import org.gilectomy.bench.harness.ResultFiles;
import org.gilectomy.bench.harness.TextTable;
import org.gilectomy.runtime.cli.Preset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy pyperformance}: pyperformance's benchmarks, unchanged, from a checkout the user
 * has, with only {@code pyperf} replaced by a stand-in (this package's {@code pyperf_standin.py}:
 * each benchmark function runs once, timed with a plain clock). Each benchmark runs under
 * {@code python3} and under each preset; a preset's run is "ok" when it exits 0 with python3's
 * stdout, byte for byte.
 */
@Command(name = "pyperformance",
        sortOptions = false,
        description = {
            "Run pyperformance's benchmarks (from a checkout you give) under python3 and the runtime's presets, "
                    + "pyperf replaced by a plain timer; one row per benchmark: ok (python3's output) or what failed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  git clone https://github.com/python/pyperformance /tmp/pyperformance",
            "  gilectomy pyperformance /tmp/pyperformance",
            "  gilectomy pyperformance /tmp/pyperformance -b nbody,richards --presets gil"})
public final class PyperformanceCommand implements Callable<Integer> {
    static final String PROGRAM = "gilectomy pyperformance";
    static final String TIME_TAG = "GILECTOMY-TIME ";

    /** pyperformance's pure-Python benchmarks that PEP 703's single-thread figures lean on. */
    static final List<String> DEFAULT_BENCHMARKS = List.of(
            "chaos", "coroutines", "deepcopy", "deltablue", "fannkuch", "float", "generators", "go", "hexiom",
            "json_dumps", "logging", "mdp", "nbody", "nqueens", "pidigits", "pyflate", "raytrace", "richards",
            "spectral_norm", "unpack_sequence");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "A pyperformance checkout, or its pyperformance/data-files/benchmarks directory.")
    Path checkout;

    @Option(names = {"-b", "--benchmarks"}, split = ",", paramLabel = "NAME",
            description = "Benchmarks to run, e.g. nbody,richards (default: the pure-Python set; 'all' for every one).")
    List<String> benchmarks = new ArrayList<>();

    @Mixin
    SharedOptions options = new SharedOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = benchmarksDir(checkout);
        if (dir == null) {
            return usage(err, checkout + ": no pyperformance benchmarks there (expected bm_*/run_benchmark.py under "
                    + "it or under pyperformance/data-files/benchmarks)");
        }
        List<String> names;
        if (benchmarks.equals(List.of("all"))) {
            try (Stream<Path> s = Files.list(dir)) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bm_"))
                        .map(n -> n.substring(3)).sorted().toList();
            }
        } else {
            names = benchmarks.isEmpty() ? DEFAULT_BENCHMARKS : List.copyOf(new LinkedHashSet<>(benchmarks));
        }
        for (String n : names) {
            if (!Files.isRegularFile(script(dir, n))) {
                return usage(err, "no benchmark '" + n + "' in " + dir + " (no bm_" + n + "/run_benchmark.py)");
            }
        }
        List<Preset> ps = options.distinctPresets();
        Path outDir = options.outDir("pyperformance");
        Files.createDirectories(outDir);
        Path standin = outDir.resolve("standin").toAbsolutePath();
        String pythonPath = standin + (System.getenv("PYTHONPATH") == null ? "" : ":" + System.getenv("PYTHONPATH"));
        PythonRuns runs = new PythonRuns(outDir.resolve("runs"), options.timeoutSeconds, ChildJvm.inheritedOptions(), null,
                Map.of("PYTHONPATH", pythonPath));
        runs.resource("pyperf_standin.py", Paths.get("..", "standin", "pyperf", "__init__.py"));

        List<Map<String, Object>> records = new ArrayList<>();
        int i = 0;
        for (String name : names) {
            i++;
            Path file = script(dir, name).toAbsolutePath();
            ChildOutcome reference = runs.run(null, file, List.of(), name + ".python3");
            records.add(record(name, PythonRuns.PYTHON3, reference, null));
            StringBuilder progress = new StringBuilder(PythonRuns.PYTHON3 + " " + brief(records.get(records.size() - 1)));
            for (Preset p : ps) {
                ChildOutcome o = runs.run(p, file, List.of(), name + "." + p.flagName());
                Map<String, Object> r = record(name, p.flagName(), o, reference);
                records.add(r);
                progress.append("; ").append(p.flagName()).append(' ').append(brief(r));
            }
            err.printf("%s: [%d/%d] %s: %s%n", PROGRAM, i, names.size(), name, progress);
            err.flush();
        }
        String table = table(names, ps, records);
        Files.writeString(outDir.resolve("table.txt"), table, StandardCharsets.UTF_8);
        ResultFiles.writeRecords(outDir, records);
        stdout.print(table);
        stdout.println("Results: " + outDir.resolve("table.txt"));
        stdout.flush();
        return 0;
    }

    static Path benchmarksDir(Path checkout) {
        for (Path candidate : List.of(checkout.resolve("pyperformance").resolve("data-files").resolve("benchmarks"),
                checkout)) {
            if (Files.isDirectory(candidate)) {
                try (Stream<Path> s = Files.list(candidate)) {
                    if (s.anyMatch(p -> Files.isRegularFile(p.resolve("run_benchmark.py")))) {
                        return candidate;
                    }
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Path script(Path dir, String name) {
        return dir.resolve("bm_" + name).resolve("run_benchmark.py");
    }

    /** One run's row; {@code reference} is python3's run (null for python3's own row). */
    static Map<String, Object> record(String name, String interpreter, ChildOutcome o, ChildOutcome reference) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", name);
        r.put("interpreter", interpreter);
        String status;
        if (o.timedOut()) {
            status = "timeout";
        } else if (o.exitStatus() != 0) {
            status = "error";
            r.put("problem", PythonRuns.lastLine(o.stderr().isBlank() ? o.stdout() : o.stderr()));
        } else if (reference != null && !reference.failed() && !o.stdout().equals(reference.stdout())) {
            status = "differs";
            r.put("problem", "stdout differs from python3's");
        } else {
            status = "ok";
        }
        r.put("status", status);
        double seconds = 0;
        boolean timed = false;
        for (String line : o.stderr().split("\n")) {
            if (line.startsWith(TIME_TAG)) {
                String[] f = line.substring(TIME_TAG.length()).strip().split(" ");
                try {
                    seconds += Double.parseDouble(f[f.length - 1]);
                    timed = true;
                } catch (NumberFormatException e) {
                    // a benchmark printed something that looks like ours: not a time
                }
            }
        }
        if (timed && "ok".equals(status)) {
            r.put("seconds", seconds);
        }
        return r;
    }

    private static String brief(Map<String, Object> r) {
        String s = (String) r.get("status");
        if (r.get("seconds") instanceof Double d) {
            return s + String.format(Locale.ROOT, " %.3f s", d);
        }
        return r.get("problem") != null ? s + " (" + r.get("problem") + ")" : s;
    }

    static String table(List<String> names, List<Preset> ps, List<Map<String, Object>> records) {
        List<String> headers = new ArrayList<>(List.of("benchmark", "python3 s"));
        for (Preset p : ps) {
            headers.add(p.flagName());
        }
        headers.add("first problem");
        boolean[] right = new boolean[headers.size()];
        right[1] = true;
        TextTable t = new TextTable(headers, right);
        Map<String, Integer> ok = new LinkedHashMap<>();
        for (String name : names) {
            List<String> row = new ArrayList<>();
            row.add(name);
            Map<String, Object> ref = find(records, name, PythonRuns.PYTHON3);
            row.add(ref.get("seconds") instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
                    : String.valueOf(ref.get("status")));
            String problem = "";
            for (Preset p : ps) {
                Map<String, Object> r = find(records, name, p.flagName());
                String status = (String) r.get("status");
                row.add(r.get("seconds") instanceof Double d ? String.format(Locale.ROOT, "ok %.3f s", d) : status);
                ok.merge(p.flagName(), "ok".equals(status) ? 1 : 0, Integer::sum);
                if (problem.isEmpty() && r.get("problem") != null) {
                    problem = p.flagName() + ": " + r.get("problem");
                }
            }
            row.add(problem.length() > 110 ? problem.substring(0, 107) + "..." : problem);
            t.add(row);
        }
        StringBuilder sb = new StringBuilder(t.format()).append('\n');
        ok.forEach((p, n) -> sb.append(p).append(": ").append(n).append(" of ").append(names.size())
                .append(" benchmarks ran with python3's output\n"));
        sb.append("Times are one run each, start-up excluded, JIT warm-up included: a smoke check, not a speed figure "
                + "(use gilectomy experiment speed for that).\n");
        return sb.toString();
    }

    static Map<String, Object> find(List<Map<String, Object>> records, String name, String interpreter) {
        return SharedOptions.find(records, "benchmark", name, interpreter);
    }

    private static int usage(PrintWriter err, String message) {
        return SharedOptions.usage(err, "pyperformance", message);
    }
}
