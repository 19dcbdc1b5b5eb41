package org.gilectomy.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line charts (XChart, rendered off screen: {@code java.awt.headless=true} is set before
 * any AWT class loads). One line per series; unknown (NaN) points are left out.
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The points of one line. */
    public record Line(String name, double[] x, double[] y) {
    }

    private Charts() {
    }

    /** speedup.png and cpu.png of a comparison: speedup and CPU time against threads, per series. */
    public static List<Path> writeComparison(Summary s, Path dir, String program) throws IOException {
        Path speedup = dir.resolve("speedup.png");
        Path cpu = dir.resolve("cpu.png");
        String base = s.baseThreads() + (s.baseThreads() == 1 ? " thread" : " threads");
        write(speedup, "Speedup over " + base + ": " + program, "threads", "speedup (x)",
                perSeries(s, CellSummary::speedup), false);
        write(cpu, "CPU time: " + program, "threads", "CPU time (s)", perSeries(s, CellSummary::cpuMedian), false);
        return List.of(speedup, cpu);
    }

    /** A line per series of the summary: value against thread count. */
    public static List<Line> perSeries(Summary s, ToDoubleFunction<CellSummary> value) {
        Map<String, List<CellSummary>> by = new LinkedHashMap<>();
        for (CellSummary r : s.rows()) {
            by.computeIfAbsent(r.cell().series(), k -> new ArrayList<>()).add(r);
        }
        List<Line> lines = new ArrayList<>();
        by.forEach((name, rows) -> lines.add(new Line(name,
                rows.stream().mapToDouble(r -> r.cell().threads()).toArray(),
                rows.stream().mapToDouble(value).toArray())));
        return lines;
    }

    /**
     * Writes a line chart as a PNG.
     *
     * @param logX whether the x axis is logarithmic (switch intervals)
     */
    public static void write(Path file, String title, String xTitle, String yTitle, List<Line> lines, boolean logX)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        int drawn = 0;
        for (Line l : lines) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < l.x().length; i++) {
                if (!Double.isNaN(l.x()[i]) && !Double.isNaN(l.y()[i]) && !(logX && l.x()[i] <= 0)) {
                    xs.add(l.x()[i]);
                    ys.add(l.y()[i]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(l.name(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
                drawn++;
            }
        }
        if (drawn == 0) { // XChart refuses an empty chart; say so on it instead
            chart.addSeries("(no data)", new double[] {1}, new double[] {0});
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Writes a grouped bar chart as a PNG: one group per category, one bar per series; an
     * unknown (NaN) value is drawn as 0 and the category's name says "(n/a)" when no series has it.
     */
    public static void bars(Path file, String title, String yTitle, List<String> categories,
                            Map<String, double[]> series) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(600).title(title)
                .xAxisTitle("").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30); // long pattern names must not overlap
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            final int k = i;
            boolean any = series.values().stream().anyMatch(v -> k < v.length && !Double.isNaN(v[k]));
            names.add(any ? categories.get(i) : categories.get(i) + " (n/a)");
        }
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                double v = i < e.getValue().length ? e.getValue()[i] : Double.NaN;
                ys.add(Double.isNaN(v) ? 0.0 : v);
            }
            chart.addSeries(e.getKey(), names, ys);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
