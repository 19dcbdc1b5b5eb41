package org.gilectomy.bench.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured run: what its child wrote to its timing file.
 *
 * @param cell    the preset and thread count
 * @param repeat  1-based index among the cell's measured runs
 * @param wallS   wall time around the program, seconds
 * @param cpuS    process CPU time around the program, seconds; NaN when the JVM cannot tell
 * @param fields  every member of the timing file (build, statistics...), in its order
 * @param stdout  what the program printed, for the consistency check
 */
public record RunResult(Cell cell, int repeat, double wallS, double cpuS, Map<String, Object> fields, String stdout) {
    public RunResult {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The run as one flat record for results.csv and results.json: series, preset, threads, repeat,
     * wall_s, cpu_s first, then the timing file's other members (label, gil, refcount, lock,
     * statistics...).
     */
    public Map<String, Object> record() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", cell.series());
        m.put("preset", cell.buildName());
        m.put("threads", cell.threads());
        m.put("repeat", repeat);
        m.put("wall_s", wallS);
        m.put("cpu_s", Double.isNaN(cpuS) ? null : cpuS);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!m.containsKey(e.getKey())) { // not putIfAbsent: it would replace a null cpu_s
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
