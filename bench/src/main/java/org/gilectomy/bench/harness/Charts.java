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
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line charts (XChart, rendered off screen: {@code java.awt.headless=true} is set before
 * any AWT class loads). One line per series; unknown (NaN) points are left out. Linear axes
 * start at 0; a line may carry min-max bars (drawn as vertical segments in its colour: XChart
 * 3.8's error bars are symmetric) and noisy points (a red cross, and "NOISY" in its legend).
 * Every chart carries the footer set by {@link #footer} (the machine, the commit, the date,
 * the load average: {@link RunMetadata}).
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The points of one line.
     *
     * @param lo    per point, the bottom of its min-max bar (null: no bars; NaN: none for that point)
     * @param hi    per point, the top of its bar
     * @param noisy per point, whether its cell is noisy (null: none is)
     */
    public record Line(String name, double[] x, double[] y, double[] lo, double[] hi, boolean[] noisy) {
        public Line(String name, double[] x, double[] y) {
            this(name, x, y, null, null, null);
        }

        boolean anyNoisy() {
            if (noisy != null) {
                for (boolean b : noisy) {
                    if (b) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final java.awt.Color[] PALETTE = {
        new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14), new java.awt.Color(44, 160, 44),
        new java.awt.Color(148, 103, 189), new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194),
        new java.awt.Color(127, 127, 127), new java.awt.Color(188, 189, 34), new java.awt.Color(23, 190, 207)};

    private static volatile List<String> footer = List.of();

    /** The lines printed under every chart drawn from now on (the run's {@link RunMetadata#footer}). */
    public static void footer(List<String> lines) {
        footer = List.copyOf(lines);
    }

    private Charts() {
    }

    /** speedup.png and cpu.png of a comparison: speedup and CPU time against threads, per series. */
    public static List<Path> writeComparison(Summary s, Path dir, String program) throws IOException {
        Path speedup = dir.resolve("speedup.png");
        Path cpu = dir.resolve("cpu.png");
        String base = s.baseThreads() + (s.baseThreads() == 1 ? " thread" : " threads");
        List<Line> lines = new ArrayList<>(speedupLines(s));
        double maxThreads = s.rows().stream().mapToInt(r -> r.cell().threads()).max().orElse(1);
        lines.add(new Line(IDEAL, new double[] {0, maxThreads}, new double[] {0, maxThreads / s.baseThreads()}));
        write(speedup, "Speedup over " + base + " (bars: min-max): " + program, "threads", "speedup (x)", lines, false);
        write(cpu, "CPU time: " + program, "threads", "CPU time (s)", perSeries(s, CellSummary::cpuMedian), false);
        return List.of(speedup, cpu);
    }

    /** The name of the ideal-speedup line, drawn dashed. */
    public static final String IDEAL = "ideal (N threads = Nx)";

    /**
     * Speedup per series with min-max bars: base median / slowest run .. base median / fastest
     * run, and the noisy cells marked.
     */
    static List<Line> speedupLines(Summary s) {
        Map<String, List<CellSummary>> by = new LinkedHashMap<>();
        for (CellSummary r : s.rows()) {
            by.computeIfAbsent(r.cell().series(), k -> new ArrayList<>()).add(r);
        }
        List<Line> lines = new ArrayList<>();
        by.forEach((name, rows) -> {
            CellSummary base = s.row(name, s.baseThreads());
            double b = base == null ? Double.NaN : base.wallMedian();
            boolean[] noisy = new boolean[rows.size()];
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] = rows.get(i).noisy();
            }
            lines.add(new Line(name,
                    rows.stream().mapToDouble(r -> r.cell().threads()).toArray(),
                    rows.stream().mapToDouble(CellSummary::speedup).toArray(),
                    rows.stream().mapToDouble(r -> Statistics.ratio(b, r.wallMax())).toArray(),
                    rows.stream().mapToDouble(r -> Statistics.ratio(b, r.wallMin())).toArray(), noisy));
        });
        return lines;
    }

    /** A line per series of the summary: value against thread count. */
    public static List<Line> perSeries(Summary s, ToDoubleFunction<CellSummary> value) {
        Map<String, List<CellSummary>> by = new LinkedHashMap<>();
        for (CellSummary r : s.rows()) {
            by.computeIfAbsent(r.cell().series(), k -> new ArrayList<>()).add(r);
        }
        List<Line> lines = new ArrayList<>();
        by.forEach((name, rows) -> {
            boolean[] noisy = new boolean[rows.size()];
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] = rows.get(i).noisy();
            }
            lines.add(new Line(name, rows.stream().mapToDouble(r -> r.cell().threads()).toArray(),
                    rows.stream().mapToDouble(value).toArray(), null, null, noisy));
        });
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
        chart.getStyler().setYAxisMin(0.0);
        if (!logX) {
            chart.getStyler().setXAxisMin(0.0);
        }
        int drawn = 0;
        List<Double> noisyX = new ArrayList<>();
        List<Double> noisyY = new ArrayList<>();
        for (Line l : lines) {
            java.awt.Color colour = l.name().equals(IDEAL) ? java.awt.Color.GRAY : PALETTE[drawn % PALETTE.length];
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<double[]> bars = new ArrayList<>();
            for (int i = 0; i < l.x().length; i++) {
                if (!Double.isNaN(l.x()[i]) && !Double.isNaN(l.y()[i]) && !(logX && l.x()[i] <= 0)) {
                    xs.add(l.x()[i]);
                    ys.add(l.y()[i]);
                    if (l.lo() != null && !Double.isNaN(l.lo()[i]) && !Double.isNaN(l.hi()[i])) {
                        bars.add(new double[] {l.x()[i], l.lo()[i], l.hi()[i]});
                    }
                    if (l.noisy() != null && l.noisy()[i]) {
                        noisyX.add(l.x()[i]);
                        noisyY.add(l.y()[i]);
                    }
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(l.anyNoisy() ? l.name() + " (NOISY)" : l.name(), xs, ys);
            series.setMarkerColor(colour);
            series.setLineColor(colour);
            if (l.name().equals(IDEAL)) {
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(SeriesLines.DASH_DASH);
            } else {
                series.setMarker(SeriesMarkers.CIRCLE);
                drawn++;
            }
            for (int i = 0; i < bars.size(); i++) {
                double[] b = bars.get(i);
                XYSeries bar = chart.addSeries(l.name() + " bar " + i, new double[] {b[0], b[0]}, new double[] {b[1], b[2]});
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(colour);
                bar.setShowInLegend(false);
            }
        }
        if (!noisyX.isEmpty()) {
            XYSeries marks = chart.addSeries("NOISY cell", noisyX, noisyY);
            marks.setMarker(SeriesMarkers.CROSS);
            marks.setMarkerColor(java.awt.Color.RED);
            marks.setLineStyle(SeriesLines.NONE);
        }
        if (drawn == 0) { // XChart refuses an empty chart; say so on it instead
            chart.addSeries("(no data)", new double[] {1}, new double[] {0});
        }
        save(chart, file);
    }

    /** Writes the chart as a PNG with the footer under it. */
    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        List<String> lines = footer;
        int lineHeight = 16;
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(img.getWidth(),
                img.getHeight() + lines.size() * lineHeight + (lines.isEmpty() ? 0 : 8),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(img, 0, 0, null);
            g.setColor(java.awt.Color.DARK_GRAY);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 10, img.getHeight() + (i + 1) * lineHeight);
            }
        } finally {
            g.dispose();
        }
        javax.imageio.ImageIO.write(out, "png", file.toFile());
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
        save(chart, file);
    }
}
