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
    void cycleCollectorFiguresAreReportedInTextAndJson() {
        StatsReport base = FakeBackend.sampleReport(Preset.NOGIL.config(), false);
        org.gilectomy.refcount.CollectorStats.Snapshot gc = new org.gilectomy.refcount.CollectorStats.Snapshot(
                new long[] {0, 0, 3}, new long[] {0, 0, 3000}, new long[] {0, 0, 900}, 1,
                2_000_000, 5_000_000, 6_000_000, 40_000, 90_000, 100_000);
        StatsReport r = new StatsReport(base.config(), false, null, null, null, null, gc);
        String text = r.text();
        assertTrue(text.contains("cycle collector:\n"), text);
        assertTrue(text.contains("  collections            3 (by generation 0 / 0 / 3)\n"), text);
        assertTrue(text.contains("  objects collected      900\n"), text);
        assertTrue(text.contains("  pause p50/p99/max      2.000 ms / 5.000 ms / 6.000 ms\n"), text);
        assertTrue(text.contains("  stop p50/p99/max       0.040 ms / 0.090 ms / 0.100 ms\n"), text);
        Map<String, Object> f = r.fields();
        assertEquals(3L, f.get("gc_collections"));
        assertEquals(3000L, f.get("gc_examined"));
        assertEquals(6_000_000L, f.get("gc_pause_max_ns"));
        assertEquals(90_000L, f.get("gc_stop_the_world_p99_ns"));
        assertFalse(base.fields().containsKey("gc_collections"), "absent when not read");
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

    @Test
    void transfersAreReportedWithTheFieldNamesExperimentsReads() {
        StatsReport base = FakeBackend.sampleReport(Preset.GILECTOMY.config(), true);
        Map<String, long[]> byType = new java.util.TreeMap<>();
        byType.put("int", new long[] {300, 200, 0, 0});
        byType.put("dict", new long[] {0, 0, 400, 5});
        byType.put("builtin_function_or_method", new long[] {1, 2, 0, 0});
        StatsReport r = new StatsReport(base.config(), true, base.lock(), base.gil(), base.refcount(),
                new org.gilectomy.cacheline.TransferCounter.Totals(1_000_000, 907, byType));
        Map<String, Object> f = r.fields();
        assertEquals(1_000_000L, f.get("bytecodes"));
        assertEquals(907L, f.get("transfers_total"));
        assertEquals(new java.math.BigDecimal("0.907"), f.get("transfers_per_1000_bytecodes"));
        Map<?, ?> types = (Map<?, ?>) f.get("transfers_by_type");
        assertEquals(List.of("int", "dict", "builtin_function_or_method"), List.copyOf(types.keySet()), "most first");
        assertEquals(Map.of("incref", 0L, "decref", 0L, "lock", 400L, "unlock", 5L), types.get("dict"));
        String json = Json.writePretty(f);
        assertTrue(json.contains("\"transfers_per_1000_bytecodes\": 0.907"), json);
        String text = r.text();
        assertTrue(text.contains("  per 1,000 bytecodes    0.907\n"), text);
        assertTrue(text.contains("  int                                 300          200            0            0\n"), text);
        assertTrue(text.contains("  builtin_function_or_method            1            2            0            0\n"), text);
        assertFalse(base.fields().containsKey("transfers_total"), "absent without --count-transfers");
    }
}
