package org.gilectomy.bench.harness;

import java.util.Arrays;

/** Small order statistics over a few runs. */
public final class Statistics {
    private Statistics() {
    }

    /** The median; the mean of the two middle values for an even count. NaNs are ignored. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    public static double min(double[] values) {
        return Arrays.stream(values).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
    }

    public static double max(double[] values) {
        return Arrays.stream(values).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    /** {@code a / b}, NaN when either is unknown or b is zero. */
    public static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return Double.NaN;
        }
        return a / b;
    }
}
