package org.gilectomy.stress.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gilectomy.runtime.cli.Preset;

/**
 * One cell of the jcstress matrix: a set of tests run in one build, with what they must show.
 *
 * <p>The build is a preset (the system it models) plus, where no preset is the build a test is
 * about, a few explicit knob overrides (a lock kind no preset uses, a broken configuration for
 * a negative control). The lock, reference-count and read strategies are static finals per JVM,
 * which is why every cell gets its own jcstress invocation in its own child JVM.
 *
 * @param name      the cell's name: its report directory and its rows in the summary
 * @param preset    the preset ({@code -Dgilectomy.preset})
 * @param overrides knob properties set on top of the preset, e.g. {@code gilectomy.lock=spin}
 * @param tests     the jcstress test-name regex selecting this cell's tests
 * @param expect    PASS, or DETECTED for negative controls (each must observe a forbidden outcome)
 * @param minMode   the mode this cell runs in at least (quick where sanity records too few or no samples)
 * @param oneConfiguration run one JVM configuration with unified compilation ({@code -jvmArgs},
 *                  {@code -sc false}) rather than each of jcstress's configurations
 *                  ({@code -jvmArgsPrepend}): for Termination tests, whose stuck forks cost 30 s each
 * @param why       one line for {@code --list}
 */
public record StressRun(String name, String preset, Map<String, String> overrides, String tests,
                        Expect expect, Mode minMode, boolean oneConfiguration, String why) {

    /** What a cell's tests must show. */
    public enum Expect { PASS, DETECTED }

    /** jcstress's modes, in increasing length. */
    public enum Mode {
        SANITY, QUICK, DEFAULT, TOUGH;

        public String flagName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.flagName().equals(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + s + "' (expected sanity, quick, default or tough)");
        }
    }

    public StressRun {
        overrides = Map.copyOf(overrides);
        Preset.parse(preset); // an unknown preset fails when the matrix loads, not in a child
    }

    /** The mode this cell runs in when {@code requested} is asked for. */
    public Mode modeFor(Mode requested) {
        return requested.compareTo(minMode) >= 0 ? requested : minMode;
    }

    /** The build as a table shows it: {@code nogil}, or {@code gil+lock=spinpark}. */
    public String buildLabel() {
        StringBuilder sb = new StringBuilder(preset);
        overrides.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append('+').append(e.getKey().replaceFirst("^gilectomy\\.", ""))
                        .append('=').append(e.getValue()));
        return sb.toString();
    }

    /**
     * The JVM flags of this cell's build: the preset's properties (as the runtime's launcher
     * sets them for {@code --preset}), then the overrides.
     */
    public List<String> jvmFlags() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("gilectomy.preset", preset);
        props.putAll(Preset.parse(preset).config().systemProperties());
        props.putAll(overrides);
        List<String> flags = new ArrayList<>();
        props.forEach((k, v) -> flags.add("-D" + k + "=" + v));
        return flags;
    }
}
