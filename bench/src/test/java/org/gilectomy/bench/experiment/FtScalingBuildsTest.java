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
        Target every = a.targets().stream().filter(t -> t.name().startsWith("every pattern, nogil: the lowest"))
                .findFirst().orElseThrow();
        assertEquals(1.0, every.measured(), 1e-9); // nogil does not scale in this fake: the target fails
        assertEquals(Target.Verdict.FAIL, every.verdict());
    }

    @Test
    void everyPatternTargetsNameThePatternThatDecides() {
        Context ctx = new Context(true, List.of(), dir, dir);
        List<PartResult> rs = new ArrayList<>();
        List<Part> parts = new FtScaling().parts(ctx);
        for (int i = 0; i < 3; i++) {
            Part p = parts.get(i);
            double slow = i == 1 ? 1.5 : 1.0; // the second pattern: slower at 2 threads, and nogil costlier at 1
            List<RunResult> runs = new ArrayList<>();
            for (Cell c : p.cells()) {
                double wall = c.threads() == 1 ? (c.series().equals("nogil") && i == 1 ? 1.2 : 1.0) : slow / 1.9;
                runs.add(new RunResult(c, 1, wall, wall, Map.of("wall_s", wall), ""));
            }
            rs.add(new PartResult(p, new Measurement.Result(runs, Summary.of(p.cells(), runs), Map.of(), null), null));
        }
        List<Target> ts = FtScaling.everyPattern(rs, 2);
        assertTrue(ts.get(0).name().contains(parts.get(1).name()), ts.get(0).name());
        assertEquals(1.2 / (1.5 / 1.9), ts.get(0).measured(), 1e-9);
        assertEquals(Target.Verdict.FAIL, ts.get(0).verdict());
        assertTrue(ts.get(1).name().contains(parts.get(1).name()), ts.get(1).name());
        assertEquals(Target.Verdict.FAIL, ts.get(1).verdict()); // 1.2 > 1.10
        List<Target> good = FtScaling.everyPattern(List.of(rs.get(0), rs.get(2)), 2);
        assertEquals(Target.Verdict.PASS, good.get(0).verdict()); // 1.9x
        assertEquals(Target.Verdict.PASS, good.get(1).verdict()); // 1.0
    }
}
