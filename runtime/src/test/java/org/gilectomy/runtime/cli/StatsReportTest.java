package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsReportTest {
    @Test
    void freeThreadedBuildSaysThereIsNoGil() {
        String text = FakeBackend.sampleReport(Preset.GILECTOMY.config(), true).text();
        assertTrue(text.contains("GIL: none (free-threaded build)"), text);
        assertTrue(text.contains("per-object lock:\n"), text);
        assertTrue(text.contains("  acquisitions           1,000\n"), text);
        assertTrue(text.contains("  contended              10 (1.0%)\n"), text);
        assertTrue(text.contains("  spin rounds            250\n"), text);
        assertTrue(text.contains("  parks                  3\n"), text);
        assertTrue(text.contains("  wait total             4.000 ms\n"), text);
        assertTrue(text.contains("  wait max               1.500 ms\n"), text);
        assertTrue(text.contains("  increfs                1,234,567\n"), text);
        assertTrue(text.contains("  frees                  42\n"), text);
    }

    @Test
    void gilBuildShowsGilCountsAndNoObjectLocks() {
        String text = FakeBackend.sampleReport(Preset.GIL.config(), true).text();
        assertTrue(text.startsWith("--- gilectomy stats: gil (gil=new, refcount=plain, lock=none) ---\n"), text);
        assertTrue(text.contains("per-object lock: none (lock=none)"), text);
        assertTrue(text.contains("GIL (new):\n"), text);
        assertTrue(text.contains("  switches               120\n"), text);
        assertTrue(text.contains("  drop requests          110\n"), text);
        assertTrue(text.contains("  forced switches        100\n"), text);
        assertTrue(text.contains("  wait total             600.000 ms\n"), text);
    }

    @Test
    void uncountedFiguresAreSaidToBeSoAndLeftOutOfTheJson() {
        StatsReport r = FakeBackend.sampleReport(Preset.GILECTOMY.config(), false);
        assertTrue(r.text().contains("refcount: not counted"), r.text());
        Map<String, Object> f = r.fields();
        assertEquals(false, f.get("stats_enabled"));
        assertFalse(f.containsKey("lock_acquisitions"));
        assertFalse(f.containsKey("gil_switches"));
    }

    @Test
    void jsonFieldsHaveStableNames() {
        Map<String, Object> f = FakeBackend.sampleReport(Preset.GIL.config(), true).fields();
        assertEquals(List.of("stats_enabled", "gil_acquisitions", "gil_switches", "gil_drop_requests",
                "gil_forced_switches", "gil_contended", "gil_failed_reacquisitions", "gil_wait_total_ns", "gil_wait_max_ns", "gil_wait_p50_ns", "gil_wait_p99_ns", "gil_wait_p999_ns",
                "lock_acquisitions", "lock_contended", "lock_spin_rounds", "lock_parks", "lock_handoffs", "lock_wait_total_ns",
                "lock_wait_max_ns", "refcount_increfs", "refcount_decrefs", "refcount_frees"), List.copyOf(f.keySet()));
        assertEquals(120L, f.get("gil_switches"));
        assertEquals(Map.of("preset", "gil", "label", "gil", "gil", "new", "refcount", "plain", "lock", "none"),
                StatsReport.configFields(Preset.GIL.config()));
    }
}
