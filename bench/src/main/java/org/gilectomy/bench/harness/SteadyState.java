package org.gilectomy.bench.harness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steady-state time of one process that ran a program K times ({@code run --iterations K},
 * or {@code bench/peers/steady_state.py} under CPython): the median of the last half of the
 * iterations (the last ceil(K/2)), where the JIT has compiled the hot code; the first half,
 * warm-up, is dropped. The spread is the range of that half.
 *
 * @param medianS the steady-state time, seconds
 * @param minS    the fastest iteration of the last half, seconds
 * @param maxS    the slowest iteration of the last half, seconds
 * @param used    how many iterations the median is over
 * @param total   how many iterations ran
 */
public record SteadyState(double medianS, double minS, double maxS, int used, int total) {
    /** The timing-file member with each iteration's wall-clock time in nanoseconds. */
    public static final String ITERATIONS_FIELD = "iteration_ns";

    /** From the iterations' times in nanoseconds, in the order they ran (at least one). */
    public static SteadyState of(List<? extends Number> iterationNanos) {
        if (iterationNanos.isEmpty()) {
            throw new IllegalArgumentException("no iterations");
        }
        int total = iterationNanos.size();
        int used = (total + 1) / 2;
        double[] lastHalf = iterationNanos.subList(total - used, total).stream()
                .mapToDouble(n -> n.doubleValue() / 1e9).toArray();
        return new SteadyState(Statistics.median(lastHalf), Arrays.stream(lastHalf).min().orElseThrow(),
                Arrays.stream(lastHalf).max().orElseThrow(), used, total);
    }

    /** The run's steady state, from its timing file's {@link #ITERATIONS_FIELD}; null without one. */
    public static SteadyState of(Map<String, Object> timingFields) {
        if (timingFields.get(ITERATIONS_FIELD) instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(Number.class::isInstance)) {
            return of(list.stream().map(Number.class::cast).toList());
        }
        return null;
    }

    /** Half the range over the median: {@code 0.03} for "±3%". */
    public double relativeSpread() {
        return medianS > 0 ? (maxS - minS) / 2 / medianS : Double.NaN;
    }

    /** The members added to the run's record: {@code steady_s}, {@code steady_min_s}, {@code steady_max_s}, {@code steady_iterations}. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steady_s", medianS);
        m.put("steady_min_s", minS);
        m.put("steady_max_s", maxS);
        m.put("steady_iterations", used);
        return m;
    }
}
