package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code repr(float)}: shortest digits that read back, nearest on ties, laid out as CPython
 * 3.11 does. Fixed cases were printed by CPython 3.11; a seeded sweep is compared with the
 * python3 on the PATH when there is one, and always checked for reading back and minimality.
 */
class FloatReprTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e23|1e+23", "1152921504606846976|1.152921504606847e+18", "4.9e-324|5e-324",
        "0.1|0.1", "0.3|0.3", "0.30000000000000004|0.30000000000000004", "1.5|1.5", "100.0|100.0",
        "1e16|1e+16", "9999999999999998|9999999999999998.0", "1e15|1000000000000000.0",
        "0.0001|0.0001", "0.00001|1e-05", "123456789012345678|1.2345678901234568e+17",
        "1.7976931348623157e308|1.7976931348623157e+308", "2.2250738585072014e-308|2.2250738585072014e-308",
        "2.225073858507201e-308|2.225073858507201e-308", "5e-324|5e-324", "1e-323|1e-323",
        "9007199254740993|9007199254740992.0", "0.1e-10|1e-11", "-2.5|-2.5", "123.456|123.456",
        "5e22|5e+22", "8.41e21|8.41e+21", "2e-7|2e-07", "1.0e100|1e+100", "-0.0|-0.0", "0.0|0.0",
        "Infinity|inf", "-Infinity|-inf", "NaN|nan", "9.5367431640625e-07|9.5367431640625e-07",
        "2.98023223876953125e-8|2.9802322387695312e-08", "1.4e-45|1.4e-45", "3.4028234663852886e38|3.4028234663852886e+38"
    })
    void matchesCPython(String javaLiteral, String expected) {
        assertEquals(expected, PyFloat.repr(Double.parseDouble(javaLiteral)));
    }

    @Test
    void powersOfTwoWhoseNeighbourBelowIsCloser() {
        // At a power of two the interval that reads back is lopsided; these are CPython's answers.
        assertEquals("9.223372036854776e+18", PyFloat.repr(0x1p63));
        assertEquals("1.2676506002282294e+30", PyFloat.repr(0x1p100));
        assertEquals("8.98846567431158e+307", PyFloat.repr(0x1p1023));
        assertEquals("2.2250738585072014e-308", PyFloat.repr(0x1p-1022));
    }

    /** Seeded doubles over every range: random bits, 1e-30..1e30, short decimals, subnormals. */
    static double[] sweep() {
        Random r = new Random(20261207L);
        List<Double> out = new ArrayList<>();
        while (out.size() < 4000) {
            double d = switch (out.size() % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> Math.pow(10, r.nextDouble() * 60 - 30) * (r.nextBoolean() ? 1 : -1);
                case 2 -> Double.parseDouble((r.nextInt(100000)) + "e" + (r.nextInt(40) - 20));
                default -> Double.longBitsToDouble(r.nextLong() & 0x000fffffffffffffL);
            };
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                out.add(d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void sweepReadsBackAndNoShorterDecimalDoes() {
        for (double d : sweep()) {
            String repr = PyFloat.repr(d);
            assertEquals(d, Double.parseDouble(repr), repr);
            BigDecimal exact = new BigDecimal(Math.abs(d));
            int digits = new BigDecimal(repr).stripTrailingZeros().precision();
            if (digits > 1 && d != 0) {
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
                    BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                    assertNotEquals(Math.abs(d), shorter.doubleValue(), repr + " has a shorter form " + shorter);
                }
            }
        }
    }

    @Test
    void sweepMatchesPython3() throws IOException, InterruptedException {
        double[] values = sweep();
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import sys, struct\n"
                    + "for line in sys.stdin:\n"
                    + "    print(repr(struct.unpack('<d', struct.pack('<q', int(line)))[0]))\n")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // CPython is the ground truth here, and only a machine without python3 lacks it (CI
            // has it: .ci/run's differential tests need it too). The same sweep is still checked
            // without it by sweepReadsBackAndNoShorterDecimalDoes, so skipping loses the
            // comparison, not the property.
            Assumptions.abort("python3 is not on the PATH, and CPython's repr is this comparison's ground truth: " + e.getMessage());
            return;
        }
        StringBuilder in = new StringBuilder();
        for (double d : values) {
            in.append(Double.doubleToRawLongBits(d)).append('\n');
        }
        try (OutputStream os = p.getOutputStream()) {
            os.write(in.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(values.length, lines.length);
        int differing = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String mine = PyFloat.repr(values[i]);
            if (!mine.equals(lines[i])) {
                if (differing++ < 10) {
                    first.append(lines[i]).append(" != ").append(mine).append('\n');
                }
            }
        }
        assertEquals(0, differing, "differing from python3:\n" + first);
    }
}
