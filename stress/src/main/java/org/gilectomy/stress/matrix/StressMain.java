package org.gilectomy.stress.matrix;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gilectomy.stress.matrix.StressResults.Row;
import org.gilectomy.stress.matrix.StressResults.Verdict;
import org.gilectomy.stress.matrix.StressRun.Mode;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * The jar's main ({@code java -jar stress/target/jcstress.jar}, {@code ./gilectomy stress}): runs
 * the whole {@link StressMatrix}, each cell in a child JVM running jcstress with its build's
 * flags, then prints one summary table and writes {@code summary.csv}.
 *
 * <p>One child per cell because a build is a set of static finals per JVM: jcstress passes its
 * {@code -jvmArgs} to the forks it starts, and running several builds in one host would mix
 * them. Exit status: 0 when every test passed and every negative control detected its bug,
 * 1 otherwise, 2 for a usage error (one line).
 */
public final class StressMain {
    private static final String PREFIX = "org.gilectomy.stress.";
    private static final String USAGE = """
            usage: ./gilectomy stress [--mode sanity|quick|default|tough] [-t REGEX] [-r DIR] [--list]
                   java -jar stress/target/jcstress.jar [the same options]

            Runs every jcstress test of the project, each in the build it is about (one child JVM
            per cell of the matrix: a preset, plus knob overrides for negative controls and lock
            kinds no preset uses). Negative controls must observe a forbidden outcome (DETECTED).

              -m, --mode MODE  jcstress mode (default sanity); cells that need more samples
                               (negative controls, Termination tests, lock kinds) run quick at least
              -t REGEX         only tests whose name matches (java regex, searched anywhere)
              -r DIR           where reports go (default: jcstress/ next to the jar)
              --list           print the matrix (cell, build, mode, expectation, tests) and exit
              -h, --help       this text

            Prints a table (test, build, samples, forbidden outcomes, verdict), writes DIR/summary.csv
            and one HTML report per cell (DIR/<cell>/index.html). Exit 0 only if everything is as
            expected.""";

    private StressMain() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.SANITY;
        Pattern filter = null;
        Path dir = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help", "-help" -> {
                    System.out.println(USAGE);
                    return;
                }
                case "--list", "-l" -> list = true;
                case "-m", "--mode", "-t", "-r" -> {
                    if (i + 1 >= args.length) {
                        usageError(a + " needs a value");
                    }
                    String v = args[++i];
                    try {
                        switch (a) {
                            case "-t" -> filter = Pattern.compile(v);
                            case "-r" -> dir = Path.of(v);
                            default -> mode = Mode.parse(v);
                        }
                    } catch (IllegalArgumentException e) { // also PatternSyntaxException
                        usageError(e instanceof PatternSyntaxException p
                                ? "bad -t regex: " + p.getDescription() + " near index " + p.getIndex()
                                : e.getMessage());
                    }
                }
                default -> usageError("unknown option '" + a + "'");
            }
        }
        List<String> all = listTests();
        Pattern f = filter;
        List<String> wanted = all.stream().filter(t -> f == null || f.matcher(t).find()).toList();
        if (wanted.isEmpty()) {
            usageError("no test matches -t '" + filter + "' (--list shows them)");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (StressRun run : StressMatrix.RUNS) {
            Pattern cell = Pattern.compile(run.tests()); // as jcstress's -t: find, not match
            List<String> tests = wanted.stream().filter(t -> cell.matcher(t).find()).toList();
            covered.addAll(tests);
            if (!tests.isEmpty()) {
                cells.add(new Cell(run, tests));
            }
        }
        List<String> orphans = wanted.stream().filter(t -> !covered.contains(t)).toList();
        if (list) {
            printList(cells, orphans, mode);
            System.exit(orphans.isEmpty() ? 0 : 1);
        }
        if (dir == null) {
            dir = defaultDir();
        }
        System.exit(run(cells, orphans, mode, dir.toAbsolutePath().normalize()));
    }

    /** A cell of the matrix and the tests it runs here (after -t). */
    private record Cell(StressRun run, List<String> tests) {
    }

    private static int run(List<Cell> cells, List<String> orphans, Mode mode, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        int n = 0;
        for (Cell c : cells) {
            StressRun run = c.run();
            Path runDir = dir.resolve(run.name());
            Files.createDirectories(runDir);
            try (Stream<Path> old = Files.list(runDir)) { // a stale blob must not be judged
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("jcstress-results-")).toList()) {
                    Files.delete(p);
                }
            }
            Path log = runDir.resolve("jcstress.log");
            System.out.printf("[%d/%d] %-28s %2d test(s), build %s, %s%s ... ", ++n, cells.size(), run.name(),
                    c.tests().size(), run.buildLabel(), run.modeFor(mode).flagName(),
                    run.oneConfiguration() ? ", one JVM configuration" : "");
            System.out.flush();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command(run, c.tests(), mode, runDir))
                    .directory(runDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit = p.waitFor();
            System.out.printf("%s%n", seconds(System.nanoTime() - t0));
            rows.addAll(StressResults.judge(run, c.tests(), runDir,
                    "jcstress wrote no results (exit " + exit + "); see " + log));
        }
        for (String t : orphans) {
            rows.add(new Row("-", "-", t, -1, -1, Verdict.FAIL, "in no cell of the matrix (StressMatrix)"));
        }
        printTable(rows);
        writeCsv(rows, dir.resolve("summary.csv"));
        long bad = rows.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
        System.out.println();
        System.out.printf("%d test run(s) in %d cell(s), %s: %d passed, %d negative control(s) detected, %d FAILED%n",
                rows.size(), cells.size(), seconds(System.nanoTime() - start),
                rows.stream().filter(r -> r.verdict() == Verdict.PASS).count(),
                rows.stream().filter(r -> r.verdict() == Verdict.DETECTED).count(), bad);
        System.out.println("summary: " + dir.resolve("summary.csv"));
        System.out.println("HTML reports: " + dir + "/<cell>/index.html, e.g. "
                + dir.resolve(cells.get(0).run().name()).resolve("index.html"));
        return bad == 0 ? 0 : 1;
    }

    /** The child: jcstress's own main, with the cell's build flags passed to every fork. */
    private static List<String> command(StressRun run, List<String> tests, Mode mode, Path runDir) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", absoluteClassPath(),
                "org.openjdk.jcstress.Main",
                "-m", run.modeFor(mode).flagName(),
                "-t", tests.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$")),
                "-r", runDir.toString()));
        String flags = String.join(" ", run.jvmFlags());
        if (run.oneConfiguration()) {
            cmd.addAll(List.of("-jvmArgs", flags, "-sc", "false"));
        } else {
            cmd.addAll(List.of("-jvmArgsPrepend", flags));
        }
        if (run.expect() == StressRun.Expect.DETECTED) {
            cmd.addAll(List.of("-fsm", "0")); // no extra C2-stress forks for code broken by design
        }
        return cmd;
    }

    /** Every test in the jar, sorted (jcstress's list, read without its Options' CPU probe). */
    static List<String> listTests() {
        return new TreeSet<>(TestList.tests()).stream().toList();
    }

    private static void printList(List<Cell> cells, List<String> orphans, Mode mode) {
        for (Cell c : cells) {
            StressRun r = c.run();
            System.out.printf("%s: build %s, %s, expect %s%s -- %s%n      flags: %s%n", r.name(), r.buildLabel(),
                    r.modeFor(mode).flagName(), r.expect(), r.oneConfiguration() ? ", one JVM configuration" : "",
                    r.why(), String.join(" ", r.jvmFlags()));
            c.tests().forEach(t -> System.out.println("    " + shortName(t)));
        }
        if (!orphans.isEmpty()) {
            System.out.println("in no cell of the matrix (StressMatrix): these would never run");
            orphans.forEach(t -> System.out.println("    " + shortName(t)));
        }
    }

    private static void printTable(List<Row> rows) {
        int w = Math.max(4, rows.stream().mapToInt(r -> shortName(r.test()).length()).max().orElse(4));
        int b = Math.max(5, rows.stream().mapToInt(r -> r.build().length()).max().orElse(5));
        String fmt = "%-" + w + "s  %-" + b + "s  %14s  %10s  %-8s  %s%n";
        System.out.println();
        System.out.printf(fmt, "test", "build", "samples", "forbidden", "verdict", "");
        for (Row r : rows) {
            System.out.printf(fmt, shortName(r.test()), r.build(), count(r.samples()), count(r.forbidden()),
                    r.verdict(), r.note());
        }
    }

    private static void writeCsv(List<Row> rows, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("cell,build,test,samples,forbidden,verdict,note");
            for (Row r : rows) {
                out.println(Stream.of(r.run(), r.build(), r.test(), Long.toString(r.samples()),
                        Long.toString(r.forbidden()), r.verdict().name(), r.note())
                        .map(StressMain::csv).collect(Collectors.joining(",")));
            }
        }
    }

    private static String csv(String s) {
        return s.matches("[^,\"\\n]*") ? s : '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    private static String count(long n) {
        return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String shortName(String test) {
        return test.startsWith(PREFIX) ? test.substring(PREFIX.length()) : test;
    }

    private static String seconds(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    /** This JVM's class path, absolute: the child runs in the cell's directory. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** jcstress/ beside the jar (stress/target/jcstress), or in the working directory. */
    private static Path defaultDir() {
        try {
            Path src = Path.of(StressMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return src.getParent().resolve("jcstress"); // target/jcstress.jar or target/classes
        } catch (Exception e) {
            return Path.of("jcstress");
        }
    }

    private static void usageError(String message) {
        System.err.println("gilectomy stress: " + message + " (--help for usage)");
        System.exit(2);
    }
}
