package org.gilectomy.bench.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.CellSummary;
import org.gilectomy.bench.harness.Measurement;
import org.gilectomy.bench.harness.RunResult;
import org.gilectomy.bench.harness.Statistics;

/**
 * What one part gave: its measurement, or why the runtime cannot run it yet.
 *
 * @param part        the part
 * @param measurement the measurement, null when unsupported
 * @param unsupported the runtime's error (last line of stderr) when the program cannot run yet
 */
public record PartResult(Part part, Measurement.Result measurement, String unsupported) {

    public boolean supported() {
        return measurement != null;
    }

    /** The row of a series at a thread count, or null. */
    public CellSummary row(String series, int threads) {
        return measurement == null ? null : measurement.summary().row(series, threads);
    }

    /** Median wall time of a cell, NaN when absent. */
    public double wall(String series, int threads) {
        CellSummary r = row(series, threads);
        return r == null ? Double.NaN : r.wallMedian();
    }

    /** Median CPU time of a cell, NaN when absent. */
    public double cpu(String series, int threads) {
        CellSummary r = row(series, threads);
        return r == null ? Double.NaN : r.cpuMedian();
    }

    /** Median of a statistic of a cell's runs, NaN when absent. */
    public double stat(String series, int threads, String field) {
        CellSummary r = row(series, threads);
        return r == null ? Double.NaN : r.stat(field);
    }

    /** The median over a cell's runs of a number its stdout gave ({@link Part#outputFields}). */
    public double output(String series, int threads, String field) {
        if (measurement == null) {
            return Double.NaN;
        }
        List<Double> values = new ArrayList<>();
        for (RunResult r : runsOf(series, threads)) {
            if (part.outputFields().apply(r.stdout()).get(field) instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        return Statistics.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The measured runs of a cell. */
    public List<RunResult> runsOf(String series, int threads) {
        if (measurement == null) {
            return List.of();
        }
        return measurement.runs().stream()
                .filter(r -> r.cell().series().equals(series) && r.cell().threads() == threads).toList();
    }

    /** One record per measured run: experiment, part, then the run's record and its stdout fields. */
    public List<Map<String, Object>> records(String experiment, Map<String, Object> leading) {
        if (measurement == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", experiment);
            m.put("part", part.name());
            m.put("program", part.program());
            m.put("unsupported", unsupported);
            return List.of(m);
        }
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("experiment", experiment);
        lead.put("part", part.name());
        lead.put("program", part.program());
        lead.putAll(leading);
        List<Map<String, Object>> recs = measurement.records(lead);
        List<RunResult> runs = measurement.runs();
        for (int i = 0; i < recs.size(); i++) {
            part.outputFields().apply(runs.get(i).stdout()).forEach(recs.get(i)::putIfAbsent);
        }
        return recs;
    }

    /** The cells of the part's series (first-seen order). */
    public List<String> series() {
        return part.cells().stream().map(Cell::series).distinct().toList();
    }
}
