package org.gilectomy.runtime.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.gilectomy.trace.GilTimeline;

/**
 * Draws a {@link GilTimeline} as a PNG in the style of Beazley's GIL pictures: one row per
 * thread, green while it runs holding the GIL, red while it waits for it, grey-blue while it is
 * blocked with the GIL released, blank otherwise; a time axis below. Java2D, off screen.
 */
public final class TimelineChart {
    static final Color RUNNING = new Color(0x2E, 0x9E, 0x44);
    static final Color WAITING = new Color(0xD9, 0x38, 0x2F);
    static final Color BLOCKED = new Color(0x8C, 0x9D, 0xB5);
    private static final int WIDTH = 1400;
    private static final int LEFT = 170;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int ROW = 30;
    private static final int GAP = 10;

    private TimelineChart() {
    }

    /**
     * Writes the PNG.
     *
     * @param title  the line above the rows
     * @param note   a line under the title (the build, a warning), or null
     * @param tracks the threads' events; those with none are left out
     * @param endNanos the end of the time axis (ns since the origin)
     */
    public static void write(Path file, String title, String note, List<GilTimeline.Track.Copy> tracks, long endNanos)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<GilTimeline.Track.Copy> rows = tracks.stream().filter(t -> t.times().length > 0).toList();
        long start = rows.stream().mapToLong(t -> t.times()[0]).min().orElse(0);
        long end = Math.max(endNanos, start + 1);
        int height = TOP + Math.max(1, rows.size()) * (ROW + GAP) + 90;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 10, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            if (note != null) {
                g.drawString(note, 10, 42);
            }
            int plotWidth = WIDTH - LEFT - RIGHT;
            double scale = plotWidth / (double) (end - start);
            for (int r = 0; r < rows.size(); r++) {
                GilTimeline.Track.Copy t = rows.get(r);
                int y = TOP + r * (ROW + GAP);
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                String label = t.name() + (t.truncated() ? " (truncated)" : "");
                g.drawString(shorten(label, fm, LEFT - 15), 10, y + ROW / 2 + fm.getAscent() / 2 - 2);
                g.setColor(new Color(0xF4, 0xF4, 0xF4));
                g.fillRect(LEFT, y, plotWidth, ROW);
                long[] times = t.times();
                byte[] states = t.states();
                for (int i = 0; i < times.length; i++) {
                    Color c = colour(states[i]);
                    if (c == null) {
                        continue;
                    }
                    long to = i + 1 < times.length ? times[i + 1] : end;
                    int x1 = LEFT + (int) ((times[i] - start) * scale);
                    int x2 = LEFT + (int) ((to - start) * scale);
                    g.setColor(c);
                    g.fillRect(x1, y, Math.max(1, x2 - x1), ROW);
                }
            }
            int axisY = TOP + Math.max(1, rows.size()) * (ROW + GAP) + 5;
            axis(g, start, end, axisY, plotWidth, scale);
            legend(g, axisY + 45);
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Through a stream of our own: ImageIO's own file opening prints a stack trace on failure.
        try (java.io.OutputStream os = Files.newOutputStream(file)) {
            if (!ImageIO.write(img, "png", os)) {
                throw new IOException("no PNG writer in this JVM");
            }
        }
    }

    static Color colour(byte state) {
        return switch (state) {
            case GilTimeline.RUNNING -> RUNNING;
            case GilTimeline.WAITING -> WAITING;
            case GilTimeline.BLOCKED -> BLOCKED;
            default -> null;
        };
    }

    /** A tick step of 1, 2 or 5 times a power of ten giving about {@code ticks} ticks over {@code span}. */
    static double niceStep(double span, int ticks) {
        double raw = span / ticks;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * pow;
    }

    private static void axis(Graphics2D g, long start, long end, int y, int plotWidth, double scale) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, y, LEFT + plotWidth, y);
        double spanMs = (end - start) / 1e6;
        double step = niceStep(spanMs, 10);
        FontMetrics fm = g.getFontMetrics();
        for (double ms = 0; ms <= spanMs + 1e-9; ms += step) {
            int x = LEFT + (int) (ms * 1e6 * scale);
            g.drawLine(x, y, x, y + 5);
            String label = step >= 1 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
            g.drawString(label, x - fm.stringWidth(label) / 2, y + 18);
        }
        g.drawString("time (ms since the first event)", LEFT + plotWidth / 2 - 90, y + 34);
    }

    private static void legend(Graphics2D g, int y) {
        int x = LEFT;
        Object[][] items = {{RUNNING, "running, holding the GIL"}, {WAITING, "waiting for the GIL"},
            {BLOCKED, "blocked (I/O, sleep, join), GIL released"}};
        FontMetrics fm = g.getFontMetrics();
        for (Object[] item : items) {
            g.setColor((Color) item[0]);
            g.fillRect(x, y - 11, 24, 12);
            g.setColor(Color.BLACK);
            g.drawString((String) item[1], x + 30, y);
            x += 30 + fm.stringWidth((String) item[1]) + 30;
        }
    }

    private static String shorten(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
