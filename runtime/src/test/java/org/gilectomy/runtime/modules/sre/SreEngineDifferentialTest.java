package org.gilectomy.runtime.modules.sre;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The engine against CPython 3.11's own {@code re}: {@code src/test/resources/sre/cases.py}
 * compiles about 500 patterns (a fixed table, then random ones from a seed) with the machine's
 * {@code re/_compiler.py}, and prints python3's search, match, fullmatch, search-from-1 and
 * finditer spans on each subject; the same code words run through {@link SreEngine} must
 * give the same spans, groups included.
 */
class SreEngineDifferentialTest {
    @Test
    void engineAgreesWithCPython() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "src/test/resources/sre/cases.py").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            // CPython's re/_compiler.py makes the code words and CPython's re gives the expected
            // spans: without python3 there is nothing to compare with. CI has python3 (the
            // differential tests need it too); SreEngineSharingTest and the re_* corpus programs
            // still check the engine without it.
            Assumptions.abort("python3 is not on the PATH, and CPython's re gives this test its expected answers: " + e.getMessage());
            return;
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int[] code = null;
            int groups = 0;
            String codeLine = null;
            int[] text = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ", -1);
                switch (f[0]) {
                    case "P" -> {
                        groups = Integer.parseInt(f[1]);
                        code = new int[f.length - 2];
                        for (int i = 2; i < f.length; i++) {
                            code[i - 2] = (int) Long.parseLong(f[i]);
                        }
                        codeLine = line;
                    }
                    case "S" -> text = f[1].equals("-") ? new int[0]
                            : java.util.Arrays.stream(f[1].split(",")).mapToInt(Integer::parseInt).toArray();
                    case "R" -> {
                        String want = line.substring(line.indexOf(' ', 2) + 1);
                        String got = run(code, groups, text, f[1]);
                        checked++;
                        if (!want.equals(got) && failures.size() < 20) {
                            failures.add(f[1] + " on " + new String(text, 0, text.length) + ": want " + want
                                    + ", got " + got + "\n    " + codeLine);
                        }
                    }
                    case "I" -> {
                        String want = line.length() > 2 ? line.substring(2) : "";
                        String got = iterate(code, groups, text);
                        checked++;
                        if (!want.equals(got) && failures.size() < 20) {
                            failures.add("finditer on " + new String(text, 0, text.length) + ": want " + want
                                    + ", got " + got + "\n    " + codeLine);
                        }
                    }
                    default -> failures.add("python3 said: " + line);
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 timed out");
        assertTrue(checked > 10_000, "too few cases checked: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " differences, e.g.\n" + String.join("\n", failures));
    }

    private static String run(int[] code, int groups, int[] text, String kind) {
        SreEngine e = new SreEngine(code, groups, text, text.length);
        boolean ok;
        switch (kind) {
            case "search" -> {
                e.start = 0;
                ok = e.search();
            }
            case "search1" -> {
                e.start = Math.min(1, text.length);
                ok = e.search();
            }
            case "match" -> {
                e.start = 0;
                ok = e.match();
            }
            case "fullmatch" -> {
                e.start = 0;
                e.matchAll = true;
                ok = e.match();
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return ok ? spans(e, groups) : "None";
    }

    private static String spans(SreEngine e, int groups) {
        StringBuilder sb = new StringBuilder().append(e.start).append(',').append(e.ptr);
        for (int g = 1; g <= groups; g++) {
            sb.append(' ').append(e.groupStart(g)).append(',').append(e.groupEnd(g));
        }
        return sb.toString();
    }

    /** finditer's loop: search again from the end of each match, stepping past an empty one. */
    private static String iterate(int[] code, int groups, int[] text) {
        SreEngine e = new SreEngine(code, groups, text, text.length);
        e.start = 0;
        List<String> out = new ArrayList<>();
        while (e.start <= text.length) {
            e.reset();
            if (!e.search()) {
                break;
            }
            out.add(e.start + "," + e.ptr);
            e.mustAdvance = e.ptr == e.start;
            e.start = e.ptr;
        }
        return String.join(" ", out);
    }

    /** No Java recursion: a repeat of a group over 100,000 characters neither overflows nor fails. */
    @Test
    void longSubjectDoesNotOverflowTheStack() throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import re._compiler as c, re._parser as p\n"
                        + "print(' '.join(str(int(w)) for w in c._code(p.parse('(a|b)*c'), 0)))")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(p.waitFor() == 0, "python3 unavailable: " + out);
        int[] code = java.util.Arrays.stream(out.split(" ")).mapToInt(w -> (int) Long.parseLong(w)).toArray();
        int n = 100_000;
        int[] text = new int[n + 1];
        for (int i = 0; i < n; i++) {
            text[i] = i % 3 == 0 ? 'b' : 'a';
        }
        text[n] = 'c';
        SreEngine e = new SreEngine(code, 1, text, text.length);
        e.start = 0;
        assertTrue(e.match() && e.ptr == n + 1 && e.groupStart(1) == n - 1, "whole subject, last a/b in group 1");
        text[n] = 'd'; // no c: every way of splitting the repeat fails, by backtracking
        SreEngine f = new SreEngine(code, 1, text, text.length);
        f.start = 0;
        assertTrue(!f.match(), "no match without the c");
    }
}
