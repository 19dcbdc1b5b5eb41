package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.bench.harness.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ftscaling runs nogil (CPython 3.14t) and nogil-3.13 (3.13.0) side by side, in every pattern and its table. */
class FtScalingBuildsTest {
    @TempDir
    Path dir;

    @Test
    void nogilAndNogil313SideBySide() throws Exception {
        for (boolean quick : List.of(true, false)) {
            Context ctx = new Context(quick, List.of(), dir, dir);
            List<String> series = FtScaling.builds(ctx).stream().map(Cell::series).toList();
            int nogil = series.indexOf("nogil");
            assertTrue(nogil >= 0, series.toString());
            assertEquals("nogil-3.13", series.get(nogil + 1), series.toString());
        }
        Context ctx = new Context(true, List.of(), dir, dir);
        FtScaling e = new FtScaling();
        List<PartResult> rs = new ArrayList<>();
        for (Part p : e.parts(ctx)) {
            List<RunResult> runs = new ArrayList<>();
            for (Cell c : p.cells()) {
                double wall = c.series().equals("nogil-3.13") ? 2.0 / c.threads() : 2.0;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("wall_s", wall);
                runs.add(new RunResult(c, 1, wall, wall, f, ""));
            }
            rs.add(new PartResult(p, new Measurement.Result(runs, Summary.of(p.cells(), runs), Map.of(), null), null));
        }
        Experiment.Analysis a = e.analyse(ctx, rs);
        String header = a.lines().get(1);
        assertTrue(header.contains("nogil-3.13"), header);
        String row = a.lines().stream().filter(l -> l.startsWith("shared_function")).findFirst().orElseThrow();
        assertTrue(row.contains("2.00x") && row.contains("1.00x"), row); // 3.13's 2x beside the others' 1x
    }
}
