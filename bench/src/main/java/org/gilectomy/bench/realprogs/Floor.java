package org.gilectomy.bench.realprogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pass-rate floor: a CSV of {@code test,preset,passed} (a header line and {@code #} comments
 * allowed). The floor may only rise: when the runtime passes more, the file is edited up.
 */
final class Floor {
    private Floor() {
    }

    /** test -> preset -> the fewest tests that must pass. */
    static Map<String, Map<String, Integer>> read(Path file) throws IOException {
        Map<String, Map<String, Integer>> floors = new LinkedHashMap<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals("test,preset,passed")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 3) {
                throw new IllegalArgumentException("line " + n + ": expected test,preset,passed");
            }
            try {
                floors.computeIfAbsent(f[0].strip(), k -> new LinkedHashMap<>())
                        .put(f[1].strip(), Integer.parseInt(f[2].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + n + ": '" + f[2].strip() + "' is not a count");
            }
        }
        return floors;
    }

    /** One line per floor entry that was run: "ok ..." or "BELOW ...". */
    static List<String> check(Map<String, Map<String, Integer>> floors, List<Map<String, Object>> records) {
        List<String> out = new ArrayList<>();
        floors.forEach((test, byPreset) -> byPreset.forEach((preset, min) -> {
            Map<String, Object> r = RegrtestCommand.find(records, test, preset);
            if (r.isEmpty()) {
                return; // not run this time
            }
            int passed = r.get("passed") instanceof Integer p ? p : 0;
            out.add((passed >= min ? "ok    " : "BELOW ") + test + " under " + preset + ": " + passed
                    + " passed, floor " + min);
        }));
        return out;
    }
}
