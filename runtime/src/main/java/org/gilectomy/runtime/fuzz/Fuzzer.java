package org.gilectomy.runtime.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The differential fuzzer: generates program {@code i} of a seed (a batch of snippets), runs it
 * under python3 and in this JVM's runtime, and compares each snippet's output, the exit status
 * and the last stderr line. A snippet that differs is run again alone and shrunk (statements
 * are dropped, last first, while the difference stays) before it is reported.
 */
public final class Fuzzer {
    /** How many differing snippets of one program are shrunk and reported (the rest are counted). */
    private static final int REPORTED_PER_PROGRAM = 3;

    /** What kind of difference a finding is. */
    public enum Kind {
        /** Different output or status with no error from the runtime: a silent wrong answer. */
        WRONG("wrong answer"),
        /** The runtime says it does not support a construct: allowed, but counted. */
        UNSUPPORTED("unsupported by this runtime"),
        /** A Java stack trace, or an internal error. */
        CRASH("internal error"),
        /** The runtime did not end the program; nothing more can run in this JVM. */
        HANG("hang");

        public final String description;

        Kind(String description) {
            this.description = description;
        }

        /** Whether this kind of finding fails a run (only UNSUPPORTED does not). */
        public boolean fails() {
            return this != UNSUPPORTED;
        }
    }

    /**
     * One difference.
     *
     * @param kind     what kind
     * @param program  the index of the generated program (with the seed, it reproduces the batch)
     * @param snippet  the snippet's index in it, or -1 when the whole program is reported
     * @param text     the (shrunk) program that shows the difference
     * @param expected what python3 printed (stdout, then the status and last stderr line if it failed)
     * @param actual   what the runtime printed, in the same form
     */
    public record Finding(Kind kind, int program, int snippet, String text, String expected, String actual) {
    }

    /** What one program gave: how many snippets ran, and the findings. */
    public record Result(int snippets, List<Finding> findings, boolean pythonTimedOut) {
        /** Whether the runtime hung: nothing more can run in this JVM. */
        public boolean hung() {
            return findings.stream().anyMatch(f -> f.kind() == Kind.HANG);
        }
    }

    private final long seed;
    private final int snippetsPerProgram;
    private final Set<KnownDifference> avoid;
    private final Runs runs;

    /**
     * @param seed               the seed of the whole run
     * @param snippetsPerProgram how many snippets each program batches
     * @param avoid              the known differences not to generate
     * @param workDir            where program files are written
     * @param timeoutMillis      how long one program may run (either side)
     */
    public Fuzzer(long seed, int snippetsPerProgram, Set<KnownDifference> avoid, Path workDir, long timeoutMillis) {
        this.seed = seed;
        this.snippetsPerProgram = snippetsPerProgram;
        this.avoid = Set.copyOf(avoid);
        this.runs = new Runs(workDir, timeoutMillis);
    }

    /** Whether python3 (3.11 or later) is on the PATH. */
    public static boolean python3Available() {
        return Runs.python3Available();
    }

    /** Program {@code index} of this seed. */
    public FuzzProgram program(int index) {
        // SplittableRandom-style mixing: nearby seeds and indices give unrelated programs.
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        ProgramGenerator gen = new ProgramGenerator(z ^ (z >>> 31), avoid);
        List<List<String>> snippets = new ArrayList<>();
        for (int i = 0; i < snippetsPerProgram; i++) {
            snippets.add(gen.snippet());
        }
        return new FuzzProgram(snippets, avoid);
    }

    /** Generates, runs and compares program {@code index}. */
    public Result run(int index) throws IOException, InterruptedException {
        return compare(program(index), index);
    }

    /** Runs and compares a program (numbered {@code index} in the findings). */
    Result compare(FuzzProgram program, int index) throws IOException, InterruptedException {
        String text = program.text();
        Runs.Outcome expected = runs.python(text);
        if (expected == null) {
            return new Result(0, List.of(), true);
        }
        Runs.Outcome actual;
        try {
            actual = runs.here(text);
        } catch (Runs.Hang h) {
            return new Result(program.snippets().size(), List.of(new Finding(Kind.HANG, index, -1, text, describe(expected), h.getMessage())), false);
        }
        int n = program.snippets().size();
        List<String> want = FuzzProgram.split(expected.stdout(), n);
        List<String> got = FuzzProgram.split(actual.stdout(), n);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n && findings.size() < REPORTED_PER_PROGRAM; i++) {
            if (!Objects.equals(want.get(i), got.get(i))) {
                findings.add(shrink(program, index, i, text, expected, actual));
            }
        }
        Kind whole = classify(expected, actual);
        if (findings.isEmpty() && whole != null) {
            findings.add(new Finding(whole, index, -1, text, describe(expected), describe(actual)));
        }
        return new Result(n, findings, false);
    }

    /** Null when the two outcomes agree; else the kind of difference. */
    static Kind classify(Runs.Outcome expected, Runs.Outcome actual) {
        if (actual.javaTrace() || actual.status() == 70) {
            return Kind.CRASH;
        }
        boolean same = expected.stdout().equals(actual.stdout()) && expected.status() == actual.status()
                && (expected.status() == 0 || expected.lastStderrLine().equals(actual.lastStderrLine()));
        if (same) {
            return null;
        }
        boolean refused = (actual.stdout() + actual.stderr()).contains(FuzzProgram.UNSUPPORTED)
                && !(expected.stdout() + expected.stderr()).contains(FuzzProgram.UNSUPPORTED);
        return refused ? Kind.UNSUPPORTED : Kind.WRONG;
    }

    /**
     * Snippet {@code i} alone, shrunk while it still differs in the same way; the whole program
     * when the snippet alone does not differ (or a hang stops the shrinking).
     */
    private Finding shrink(FuzzProgram program, int index, int i, String text, Runs.Outcome expected, Runs.Outcome actual)
            throws IOException, InterruptedException {
        List<String> statements = new ArrayList<>(program.snippets().get(i));
        try {
            FuzzProgram alone = program.only(statements);
            Runs.Outcome e = runs.python(alone.text());
            Runs.Outcome a = e == null ? null : runs.here(alone.text());
            Kind kind = a == null ? null : classify(e, a);
            if (kind == null) {
                return new Finding(classify(expected, actual) == Kind.UNSUPPORTED ? Kind.UNSUPPORTED : Kind.WRONG, index, -1, text,
                        "snippet " + i + ":\n" + FuzzProgram.split(expected.stdout(), program.snippets().size()).get(i),
                        "snippet " + i + ":\n" + FuzzProgram.split(actual.stdout(), program.snippets().size()).get(i));
            }
            for (int j = statements.size() - 1; j >= 0 && statements.size() > 1; j--) {
                List<String> fewer = new ArrayList<>(statements);
                fewer.remove(j);
                String t = program.only(fewer).text();
                Runs.Outcome e2 = runs.python(t);
                if (e2 != null) {
                    Runs.Outcome a2 = runs.here(t);
                    if (classify(e2, a2) == kind) {
                        statements = fewer;
                        e = e2;
                        a = a2;
                    }
                }
            }
            return new Finding(kind, index, i, program.only(statements).text(), describe(e), describe(a));
        } catch (Runs.Hang h) {
            return new Finding(Kind.HANG, index, i, program.only(statements).text(), describe(expected), h.getMessage());
        }
    }

    /** An outcome as text: stdout, then the exit status and the last stderr line if it failed. */
    static String describe(Runs.Outcome o) {
        String s = o.stdout();
        if (o.status() != 0) {
            s += "[exit status " + o.status() + "] " + o.lastStderrLine() + "\n";
        }
        return s;
    }
}
