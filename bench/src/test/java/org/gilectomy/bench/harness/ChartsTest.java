package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ChartsTest {
    @TempDir
    Path dir;

    public static void assertPng(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        assertTrue(b.length > 1000, file + ": only " + b.length + " bytes");
        assertTrue(b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', file + " is not a PNG");
    }

    @Test
    void lineChartWithLogAxisAndUnknownPoints() throws IOException {
        Path f = dir.resolve("sub/lines.png");
        Charts.write(f, "t", "x", "y", List.of(
                new Charts.Line("a", new double[] {1e-6, 1e-3, 0.1}, new double[] {2, Double.NaN, 1}),
                new Charts.Line("b", new double[] {1e-6}, new double[] {Double.NaN})), true);
        assertPng(f);
    }

    @Test
    void anEmptyChartIsStillWritten() throws IOException {
        Path f = dir.resolve("empty.png");
        Charts.write(f, "t", "x", "y", List.of(), false);
        assertPng(f);
    }

    @Test
    void barChart() throws IOException {
        Path f = dir.resolve("bars.png");
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("gil", new double[] {1, 1, Double.NaN});
        s.put("nogil", new double[] {1.1, 0.9, Double.NaN});
        Charts.bars(f, "t", "y", List.of("a", "b", "c"), s);
        assertPng(f);
    }
}
