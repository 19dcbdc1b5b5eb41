package org.gilectomy.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/** Synthetic run results for the tests. */
final class Results {
    private Results() {
    }

    static RunResult of(Cell cell, int repeat, double wall, double cpu) {
        return of(cell, repeat, wall, cpu, Map.of(), "ok\n");
    }

    static RunResult of(Cell cell, int repeat, double wall, double cpu, Map<String, Object> stats, String stdout) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("wall_s", wall);
        fields.put("cpu_s", cpu);
        fields.put("exit_status", 0L);
        fields.put("preset", cell.preset().flagName());
        fields.putAll(stats);
        return new RunResult(cell, repeat, wall, cpu, fields, stdout);
    }
}
