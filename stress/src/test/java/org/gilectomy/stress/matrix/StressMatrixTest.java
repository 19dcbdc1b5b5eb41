package org.gilectomy.stress.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gilectomy.stress.matrix.StressRun.Expect;
import org.gilectomy.stress.matrix.StressRun.Mode;
import org.junit.jupiter.api.Test;

/** The matrix covers every jcstress test of the module, and negative controls are only expected to fail. */
class StressMatrixTest {

    private static List<String> testsOf(StressRun run) {
        Pattern p = Pattern.compile(run.tests());
        return StressMain.listTests().stream().filter(t -> p.matcher(t).find()).toList();
    }

    @Test
    void everyTestIsInACell() {
        List<String> all = StressMain.listTests();
        assertTrue(all.contains("org.gilectomy.stress.MutualExclusion.ObjectLockFastPath"), all.toString());
        Set<String> covered = new HashSet<>();
        StressMatrix.RUNS.forEach(r -> covered.addAll(testsOf(r)));
        List<String> orphans = new ArrayList<>(all);
        orphans.removeAll(covered);
        assertEquals(List.of(), orphans);
    }

    @Test
    void negativeControlsAreExactlyTheDetectedCells() {
        for (StressRun r : StressMatrix.RUNS) {
            List<String> tests = testsOf(r);
            assertFalse(tests.isEmpty(), r.name() + " selects nothing");
            for (String t : tests) {
                assertEquals(t.contains("NegativeControl"), r.expect() == Expect.DETECTED, r.name() + ": " + t);
            }
        }
    }

    @Test
    void cellNamesAreUniqueDirectories() {
        Set<String> names = new HashSet<>();
        StressMatrix.RUNS.forEach(r -> assertTrue(names.add(r.name()), r.name()));
    }

    @Test
    void flagsArePresetThenOverrides() {
        StressRun r = new StressRun("x", "gilectomy", Map.of("gilectomy.lock", "spin"), "^x", Expect.PASS,
                Mode.QUICK, true, "");
        List<String> flags = r.jvmFlags();
        assertEquals("-Dgilectomy.preset=gilectomy", flags.get(0));
        assertTrue(flags.contains("-Dgilectomy.lock=spin"), flags.toString());
        assertFalse(flags.contains("-Dgilectomy.lock=spinpark"), flags.toString());
        assertEquals("gilectomy+lock=spin", r.buildLabel());
        assertEquals(Mode.QUICK, r.modeFor(Mode.SANITY));
        assertEquals(Mode.DEFAULT, r.modeFor(Mode.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> new StressRun("y", "nopreset", Map.of(), "^y", Expect.PASS, Mode.SANITY, false, ""));
    }
}
