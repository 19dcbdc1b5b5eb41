package org.gilectomy.bench.harness;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the harness starts a child: the same {@code java} executable as the current process,
 * the current process's JVM options that matter for a measurement (stack and heap sizes,
 * {@code -XX:} flags, system properties, module and assertion flags), the current class path,
 * then {@code org.gilectomy.bench.cli.Main run --preset P [RUN OPTIONS] --timing-file T FILE N [CELL ARGS] EXTRA...}.
 *
 * <p>Dropped from the inherited options: the build's own properties ({@code -Dgilectomy.gil},
 * {@code .lock}, {@code .refcount}, {@code .stats}: the child's preset decides), debugger and
 * agent options ({@code -agentlib}, {@code -javaagent}, ...: a second JDWP server would fail on
 * its port), and class-path or {@code -jar} options.
 */
public final class ChildJvm {
    /** The main class the children run. */
    public static final String DEFAULT_MAIN = "org.gilectomy.bench.cli.Main";

    /** System properties the child must not inherit: its {@code run} options set them. */
    static final Set<String> BUILD_PROPERTIES =
            Set.of("gilectomy.gil", "gilectomy.lock", "gilectomy.refcount", "gilectomy.stats");

    /** Inherited option prefixes. */
    private static final List<String> KEPT_PREFIXES = List.of(
            "-Xss", "-Xmx", "-Xms", "-Xmn", "-XX:", "-D", "-Xint", "-Xcomp", "-Xbatch", "-Xlog", "-Xshare",
            "-Xverify", "-Xcheck", "-ea", "-da", "-esa", "-dsa", "-enableassertions", "-disableassertions",
            "-enablesystemassertions", "-disablesystemassertions", "-server",
            "--add-opens", "--add-exports", "--add-reads", "--add-modules", "--enable-preview",
            "--enable-native-access", "--illegal-access");

    /** Options whose value may be the next argument. */
    private static final Set<String> TAKES_VALUE =
            Set.of("--add-opens", "--add-exports", "--add-reads", "--add-modules", "--enable-native-access");

    private ChildJvm() {
    }

    /** The current process's {@code java} executable. */
    public static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Paths.get(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The current process's JVM options, filtered by {@link #inheritable}. */
    public static List<String> inheritedOptions() {
        return inheritable(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The options of {@code inputArguments} a child should get too (see the class comment). */
    public static List<String> inheritable(List<String> inputArguments) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < inputArguments.size(); i++) {
            String a = inputArguments.get(i);
            if (TAKES_VALUE.contains(a)) { // "--add-opens X" as two arguments
                if (i + 1 < inputArguments.size()) {
                    kept.add(a);
                    kept.add(inputArguments.get(++i));
                }
                continue;
            }
            if (a.startsWith("-D")) {
                String key = a.substring(2).split("=", 2)[0];
                if (BUILD_PROPERTIES.contains(key) || key.equals("java.class.path")) {
                    continue;
                }
                kept.add(a);
                continue;
            }
            if (KEPT_PREFIXES.stream().anyMatch(a::startsWith)) {
                kept.add(a);
            }
        }
        return kept;
    }

    /**
     * The command line of one child.
     *
     * @param java        the java executable
     * @param jvmOptions  options before the main class
     * @param classpath   the class path
     * @param mainClass   normally {@link #DEFAULT_MAIN}
     * @param cell        the preset, its extra run options, the thread count and program arguments
     * @param stats       whether the child counts statistics ({@code --stats-json})
     * @param timingFile  where the child writes its timing and statistics
     * @param statsFile   where the child writes statistics when {@code stats}
     * @param program     the Python file
     * @param extra       further program arguments, after the thread count
     */
    public static List<String> command(String java, List<String> jvmOptions, String classpath, String mainClass,
                                       Cell cell, boolean stats, Path timingFile, Path statsFile,
                                       String program, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.add("run");
        cmd.add("--preset");
        cmd.add(cell.preset().flagName());
        cmd.addAll(cell.runOptions());
        if (stats) {
            cmd.add("--stats-json");
            cmd.add(statsFile.toString());
        }
        cmd.add("--timing-file");
        cmd.add(timingFile.toString());
        cmd.addAll(cell.programCommand(program, extra));
        return cmd;
    }
}
