package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetTest {
    @Test
    void atLeast() {
        assertEquals(Target.Verdict.PASS, Target.atLeast("n", "r", 1.31, 1.3).verdict());
        assertEquals(Target.Verdict.PASS, Target.atLeast("n", "r", 1.3, 1.3).verdict());
        assertEquals(Target.Verdict.FAIL, Target.atLeast("n", "r", 1.29, 1.3).verdict()); // negative
    }

    @Test
    void atMost() {
        assertEquals(Target.Verdict.PASS, Target.atMost("n", "r", 0.05, 0.1).verdict());
        assertEquals(Target.Verdict.FAIL, Target.atMost("n", "r", 0.5, 0.1).verdict()); // negative
    }

    @Test
    void withinOfOne() {
        assertEquals(Target.Verdict.PASS, Target.withinOfOne("n", "r", 0.95, 0.10).verdict());
        assertEquals(Target.Verdict.PASS, Target.withinOfOne("n", "r", 1.10, 0.10).verdict());
        assertEquals(Target.Verdict.FAIL, Target.withinOfOne("n", "r", 1.2, 0.10).verdict()); // negative
        assertEquals(Target.Verdict.FAIL, Target.withinOfOne("n", "r", 0.8, 0.10).verdict());
    }

    @Test
    void unknownIsNeverAPass() {
        assertEquals(Target.Verdict.NOT_MEASURED, Target.atLeast("n", "r", Double.NaN, 1.3).verdict());
        assertEquals(Target.Verdict.NOT_MEASURED, Target.atMost("n", "r", Double.POSITIVE_INFINITY, 1.3).verdict());
    }

    @Test
    void lineShowsVerdictRatioAndRequirement() {
        assertEquals("FAIL         gil-old: wall(2) / wall(seq) = 1.22 (target >= 1.30)",
                Target.atLeast("gil-old", "wall(2) / wall(seq)", 1.2214, 1.3).line());
        assertEquals("PASS         gil: w = 1.04 (target within 10% of 1.00)",
                Target.withinOfOne("gil", "w", 1.04, 0.10).line());
        assertTrue(Target.atMost("x", "y", Double.NaN, 1).line().startsWith("NOT MEASURED"));
    }
}
