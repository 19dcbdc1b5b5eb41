package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --check-refs accounting (the suite runs with -Dgilectomy.check-refs=true: refcount/pom.xml). */
class RefCheckTest {
    static final class Leaky extends RefCounted {
        @Override
        protected void dealloc() {
        }

        @Override
        public String describeForDiagnostics() {
            return "<leaky>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "leaky";
        }
    }

    @Test
    void checkRefsIsOnInThisSuite() {
        assertTrue(RefCheck.ENABLED, "refcount/pom.xml sets -D" + RefCheck.PROPERTY + "=true");
    }

    @Test
    void liveObjectsAreCountedUntilFreedAndLeaksAreReportedByType() {
        Map<String, Long> before = RefCheck.liveByType();
        Leaky kept = new Leaky();
        Leaky freed = new Leaky();
        RefCount.decref(freed);
        RefCount.flush();
        assertEquals(Map.of("leaky", 1L), RefCheck.leaksSince(before));
        assertTrue(RefCheck.describe(RefCheck.leaksSince(before))
                .startsWith("check-refs: 1 object still alive at exit (leaked), by type:\n  leaky "));
        RefCount.decref(kept);
        RefCount.flush();
        assertEquals(Map.of(), RefCheck.leaksSince(before));
        assertEquals("", RefCheck.describe(Map.of()));
    }

    @Test
    void processLifetimeAndImmortalObjectsAreNotLeaks() {
        Map<String, Long> before = RefCheck.liveByType();
        ProcessLifetime forever = new ProcessLifetime();
        Leaky mortal = new Leaky();
        boolean madeImmortal = RefCount.makeImmortal(mortal);
        Map<String, Long> leaks = RefCheck.leaksSince(before);
        assertEquals(null, leaks.get("forever"), "created at STATIC_REFS: never counted");
        assertEquals(madeImmortal ? null : 1L, leaks.get("leaky"), "immortal: uncounted; else a leak: " + leaks);
        assertTrue(forever.refCountOpaque() >= RefCounted.STATIC_REFS);
        if (!madeImmortal) {
            RefCount.decref(mortal);
            RefCount.flush();
        }
    }

    /** Created at STATIC_REFS: lives for the process, never counted. */
    static final class ProcessLifetime extends RefCounted {
        ProcessLifetime() {
            super(STATIC_REFS);
        }

        @Override
        protected void dealloc() {
        }

        @Override
        public String describeForDiagnostics() {
            return "<forever>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "forever";
        }
    }
}
