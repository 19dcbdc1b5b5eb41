package org.gilectomy.runtime.modules.sre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Why a match's state is per call: four threads searching with one code array, each with its
 * own engine, always get the answer one thread gets alone; the negative control hands the
 * four threads ONE engine (shared mutable matcher state) and must see wrong answers or a
 * broken engine, showing the check can fail.
 */
class SreEngineSharingTest {
    private static final int THREADS = 4;

    private static int[] compile(String pattern) throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import sys, re._compiler as c, re._parser as p\n"
                        + "print(' '.join(str(int(w)) for w in c._code(p.parse(sys.argv[1]), 0)))", pattern)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(p.waitFor() == 0, "python3 unavailable: " + out);
        return java.util.Arrays.stream(out.split(" ")).mapToInt(w -> (int) Long.parseLong(w)).toArray();
    }

    private static int[] text(int k) {
        String s = "xx" + "ab".repeat(k + 3) + "c";
        return s.codePoints().toArray();
    }

    /** Thread i searches its own text many times; returns how many answers differed from the lone one's. */
    private static int wrongAnswers(int[] code, IntFunction<int[]> textOf, IntFunction<SreEngine> engineFor, int rounds)
            throws Exception {
        String[] alone = new String[THREADS];
        for (int i = 0; i < THREADS; i++) {
            alone[i] = answer(new SreEngine(code, 1, textOf.apply(i), textOf.apply(i).length));
        }
        AtomicInteger wrong = new AtomicInteger();
        Thread[] ts = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            int me = i;
            ts[i] = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    try {
                        if (!alone[me].equals(answer(engineFor.apply(me)))) {
                            wrong.incrementAndGet();
                        }
                    } catch (RuntimeException e) { // a shared engine can break outright
                        wrong.incrementAndGet();
                    }
                }
            });
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return wrong.get();
    }

    private static String answer(SreEngine e) {
        e.reset();
        e.start = 0;
        e.mustAdvance = false;
        return e.search() ? e.start + "," + e.ptr + "," + e.groupStart(1) + "," + e.groupEnd(1) : "None";
    }

    @Test
    void perCallEnginesShareOneCompiledPattern() throws Exception {
        int[] code = compile("(a|b)*c");
        assertEquals(0, wrongAnswers(code, SreEngineSharingTest::text, i -> new SreEngine(code, 1, text(i), text(i).length), 2000));
    }

    @Test
    void negativeControlOneSharedEngineGivesWrongAnswers() throws Exception {
        int[] code = compile("(a|b)*c");
        int[] same = text(50); // every thread searches the same text: only the sharing can make it wrong
        SreEngine one = new SreEngine(code, 1, same, same.length);
        assertEquals(answer(new SreEngine(code, 1, same, same.length)), answer(one), "used by one thread: right answers");
        int wrong = 0;
        for (int attempt = 0; attempt < 20 && wrong == 0; attempt++) {
            wrong = wrongAnswers(code, i -> same, i -> one, 2000);
        }
        assertTrue(wrong > 0, "one engine shared by four threads never gave a wrong answer");
    }
}
