package org.gilectomy.bench.experiment;

import java.util.List;

import java.util.Locale;

/**
 * A target an experiment checks against its measurements, e.g. "gil-old, 2 threads, is at least
 * 1.3x slower than sequential". The verdict is PASS or FAIL from the measured ratio, or
 * NOT MEASURED when the ratio could not be computed (a missing cell, a failed run): a target is
 * never passed by default. NOISY when the measurement it judges is noisy ({@code Noise}): the
 * ratio is shown, with what it would have said, but neither PASS nor FAIL is claimed.
 *
 * @param name     what is compared, in words
 * @param ratio    how the measured value is computed, e.g. {@code wall(2 threads) / wall(seq)}
 * @param measured the measured ratio (NaN when unknown)
 * @param kind     the comparison
 * @param bound    the threshold: a minimum, a maximum, or the largest allowed |ratio - 1|
 * @param noise    why the cells it judges are noisy, or null
 * @param series   the series whose cells it reads ({@link #on}), so that only their noise makes
 *                 it NOISY; empty when not said (then any noisy cell of the experiment does)
 */
public record Target(String name, String ratio, double measured, Kind kind, double bound, String noise,
                     List<String> series) {
    /** How the measured ratio is judged. */
    public enum Kind {
        AT_LEAST(">="), AT_MOST("<="), WITHIN_OF_ONE("within");

        final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Rounding slack: 1.10 - 1 is 0.10000000000000009 in doubles. */
    private static final double EPSILON = 1e-9;

    /** The verdict. */
    public enum Verdict { PASS, FAIL, NOT_MEASURED, NOISY }

    public Target {
        series = List.copyOf(series);
    }

    public Target(String name, String ratio, double measured, Kind kind, double bound) {
        this(name, ratio, measured, kind, bound, null, List.of());
    }

    /** This target judged on noisy cells. */
    public Target withNoise(String reason) {
        return new Target(name, ratio, measured, kind, bound, reason, series);
    }

    /** This target, saying that it reads only the cells of these series. */
    public Target on(String... names) {
        return new Target(name, ratio, measured, kind, bound, noise, List.of(names));
    }

    /** Whether a cell of {@code s} is one this target reads (every series when it did not say). */
    public boolean reads(String s) {
        return series.isEmpty() || series.contains(s);
    }

    public static Target atLeast(String name, String ratio, double measured, double min) {
        return new Target(name, ratio, measured, Kind.AT_LEAST, min);
    }

    public static Target atMost(String name, String ratio, double measured, double max) {
        return new Target(name, ratio, measured, Kind.AT_MOST, max);
    }

    /** |measured - 1| <= tolerance, e.g. "within 10% of sequential" with 0.10. */
    public static Target withinOfOne(String name, String ratio, double measured, double tolerance) {
        return new Target(name, ratio, measured, Kind.WITHIN_OF_ONE, tolerance);
    }

    public Verdict verdict() {
        if (Double.isNaN(measured) || Double.isInfinite(measured)) {
            return Verdict.NOT_MEASURED;
        }
        return noise != null ? Verdict.NOISY : judged();
    }

    /** PASS or FAIL from the ratio alone, noise aside. */
    private Verdict judged() {
        boolean ok = switch (kind) {
            case AT_LEAST -> measured >= bound - EPSILON;
            case AT_MOST -> measured <= bound + EPSILON;
            case WITHIN_OF_ONE -> Math.abs(measured - 1) <= bound + EPSILON;
        };
        return ok ? Verdict.PASS : Verdict.FAIL;
    }

    /** The target's requirement, e.g. {@code >= 1.30} or {@code within 10% of 1}. */
    public String requirement() {
        return kind == Kind.WITHIN_OF_ONE
                ? String.format(Locale.ROOT, "within %.0f%% of 1.00", bound * 100)
                : String.format(Locale.ROOT, "%s %.2f", kind.symbol, bound);
    }

    /** One line: {@code PASS  name: ratio = 1.45 (target >= 1.30)}. */
    public String line() {
        String v = verdict() == Verdict.NOT_MEASURED ? "NOT MEASURED" : verdict().name();
        String m = Double.isNaN(measured) ? "unknown" : String.format(Locale.ROOT, "%.2f", measured);
        String line = String.format(Locale.ROOT, "%-12s %s: %s = %s (target %s)", v, name, ratio, m, requirement());
        return verdict() == Verdict.NOISY ? line + " [would be " + judged() + "; " + noise + "]" : line;
    }
}
