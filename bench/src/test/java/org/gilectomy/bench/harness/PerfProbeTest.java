package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PerfProbeTest {
    /** What perf stat -x, printed on this VM. */
    static final String NOT_SUPPORTED = "<not supported>,,cache-misses,0,100.00,,\n<not supported>,,cycles,0,100.00,,\n";

    @Test
    void notSupportedCountersMakePerfUnavailableWithTheReason() {
        PerfProbe p = PerfProbe.judge(NOT_SUPPORTED);
        assertFalse(p.available());
        assertTrue(p.status().startsWith("unavailable: the hardware counters are not supported"), p.status());
        assertEquals(Map.of(), PerfProbe.parse(NOT_SUPPORTED), "no zeros for uncounted events");
    }

    @Test
    void countedEventsMakePerfAvailable() {
        String csv = "# started on ...\n\n123456,,cache-misses:u,1000,100.00,,\n9876543,,cycles:u,1000,100.00,,\n";
        PerfProbe p = PerfProbe.judge(csv);
        assertTrue(p.available());
        assertEquals("ok", p.status());
        assertEquals(Map.of("perf_cache_misses", 123456L, "perf_cycles", 9876543L), PerfProbe.parse(csv));
    }

    @Test
    void oneMissingEventIsStillUnavailable() {
        assertFalse(PerfProbe.judge("123,,cache-misses,1,100.00,,\n<not counted>,,cycles,0,0,,\n").available());
    }

    @Test
    void wrapPutsPerfInFront() {
        assertEquals(List.of("perf", "stat", "-e", "cache-misses,cycles", "-x,", "-o", "o.csv", "--", "java", "-cp", "x"),
                PerfProbe.wrap(List.of("java", "-cp", "x"), Path.of("o.csv")));
    }
}
