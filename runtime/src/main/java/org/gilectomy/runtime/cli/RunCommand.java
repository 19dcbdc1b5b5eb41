package org.gilectomy.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.refcount.DeferredKind;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gilectomy run}: runs a Python file in one build of the runtime.
 *
 * <pre>
 * run [--preset gil|gil-old|gilectomy|gilectomy-buffered|nogil] [--gil none|old|new]
 *     [--refcount plain|atomic|buffered|biased] [--lock none|spinpark|pymutex|spin]
 *     [--immortal none|singletons|all-shared] [--deferred on|off] [--allow-unsafe]
 *     [--stats] [--stats-json FILE] [--check-refs] [--count-transfers] [--stdlib DIR]
 *     [--switch-interval SECONDS] [--iterations N] [--iteration-times FILE.json] FILE.py [ARGS...]
 * </pre>
 *
 * <p>Individual knobs override the preset (default {@code gil}). Options end at the file name,
 * as with {@code python3}: everything after it goes to the program's {@code sys.argv}.
 *
 * <p>Exit status: the program's (0, 1 after an uncaught exception, or the {@code sys.exit}
 * status); 2 for a usage error or a file that cannot be opened (as CPython); 70 for an internal
 * error of the runtime (a one-line message; the stack trace with {@code -Dgilectomy.debug=true}).
 * A report file ({@code --stats-json}, {@code --timeline}, {@code --iteration-times}) that
 * cannot be created is a usage error, found before the run; one that fails to be written
 * after it makes the status 1 (unless the program's is already non-zero).
 *
 * <p>The hidden {@code --timing-file FILE} writes, as JSON, {@code wall_s} (System.nanoTime
 * around the run) and {@code cpu_s} (process CPU time around the run, from
 * {@code com.sun.management.OperatingSystemMXBean}: it includes the JIT compiler and GC
 * threads), then the build and the statistics (see {@link StatsReport}). The comparison
 * harness reads it.
 *
 * <p>{@code --iterations N} runs the program N times in this JVM, each as a fresh
 * {@code __main__} (a new {@code Interpreter} each), for steady-state measurements after the JIT has
 * warmed up: iteration 1 prints to stdout, later iterations' stdout is discarded (their stderr
 * is not), and the first iteration that exits with a status other than 0 ends the run with
 * that status. Each iteration's wall-clock time (System.nanoTime around it, parsing and
 * compiling included) goes to {@code --iteration-times FILE.json} and into the timing file as
 * {@code iteration_ns}; statistics and the timing file's {@code wall_s}/{@code cpu_s} cover all
 * iterations.
 */
@Command(name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs a Python program in one build of the runtime.",
            "Options end at FILE.py: what follows it goes to the program's sys.argv, as with python3.",
            "A knob given on its own overrides the preset's value for it."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the program ended normally",
            "1:uncaught Python exception or syntax error (or the sys.exit status), "
                    + "or a report file could not be written after the run",
            "2:usage error, FILE.py cannot be opened, or a report file cannot be created",
            "70:internal error of the runtime (stack trace with -Dgilectomy.debug=true)"})
public final class RunCommand implements Callable<Integer> {
    /** sysexits.h EX_SOFTWARE: an internal error. */
    public static final int EXIT_INTERNAL_ERROR = 70;
    /** sysexits.h EX_IOERR: an output file could not be written (compare and experiment). */
    public static final int EXIT_IO_ERROR = 74;
    /** CPython's status for a file it cannot open, and picocli's for usage errors. */
    public static final int EXIT_USAGE = 2;
    public static final String DEBUG_PROPERTY = org.gilectomy.locks.Build.PREFIX + "debug";
    /** The program name in messages. */
    public static final String PROGRAM = "gilectomy";

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "PRESET", converter = PresetConverter.class,
            completionCandidates = PresetNames.class,
            description = "The build: ${COMPLETION-CANDIDATES} (default: gil).")
    Preset preset;

    @Option(names = "--gil", paramLabel = "KIND", converter = GilKindConverter.class,
            completionCandidates = GilKindConverter.class,
            description = "Override the GIL: ${COMPLETION-CANDIDATES}.")
    GilKind gil;

    @Option(names = "--refcount", paramLabel = "KIND", converter = RefCountKindConverter.class,
            completionCandidates = RefCountKindConverter.class,
            description = "Override the reference counting: ${COMPLETION-CANDIDATES}.")
    RefCountKind refcount;

    @Option(names = "--lock", paramLabel = "KIND", converter = LockKindConverter.class,
            completionCandidates = LockKindConverter.class,
            description = "Override the per-object lock: ${COMPLETION-CANDIDATES}.")
    LockKind lock;

    @Option(names = "--immortal", paramLabel = "LEVEL", converter = ImmortalKindConverter.class,
            completionCandidates = ImmortalKindConverter.class,
            description = "Override which objects are immortal (PEP 683): ${COMPLETION-CANDIDATES}.")
    ImmortalKind immortal;

    @Option(names = "--deferred", paramLabel = "ON|OFF", converter = DeferredKindConverter.class,
            completionCandidates = DeferredKindConverter.class,
            description = "Override deferred reference counting (CPython 3.14t: frames do not count their "
                    + "references to functions, code, modules, classes): ${COMPLETION-CANDIDATES}.")
    DeferredKind deferred;

    @Option(names = "--allow-unsafe",
            description = "Run a build that cannot run threads correctly (no GIL with plain reference "
                    + "counts, or with no per-object locks), which is otherwise refused: a negative control.")
    boolean allowUnsafe;

    @Option(names = "--stats",
            description = "Count lock, GIL and refcount statistics and print them on stderr at exit "
                    + "(counting slows the run down).")
    boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE",
            description = "Count statistics and write them to FILE as JSON at exit.")
    Path statsJson;

    @Option(names = "--check-refs",
            description = "Count live objects per type: report leaks at exit (after finalization) "
                    + "and make any use of a freed object a fatal error (exit status 70).")
    boolean checkRefs;

    @Option(names = "--count-transfers",
            description = "Model cache-line transfers of object headers (a header write by another "
                    + "thread than the last writer) and count bytecodes; shown by --stats/--stats-json.")
    boolean countTransfers;

    @Option(names = "--switch-interval", paramLabel = "SECONDS",
            description = "The GIL's switch interval in seconds (default: 0.005); "
                    + "ignored without a GIL.")
    Double switchInterval;

    @Option(names = "--stdlib", paramLabel = "DIR",
            description = "CPython 3.11's standard library (the directory holding os.py), the last entry of "
                    + "sys.path. Default: $GILECTOMY_STDLIB, else what python3.11/python3 on the PATH reports "
                    + "(asked once, then cached), else /usr/lib/python3.11.")
    Path stdlib;

    @Option(names = "--timeline", paramLabel = "FILE.png",
            description = "Record when each thread held, waited for, or was blocked without the GIL, "
                    + "and draw it to FILE.png at exit.")
    Path timeline;

    @Option(names = "--trace", paramLabel = "FILE.json",
            description = "Record the same events as --timeline, and waits for contended object locks, "
                    + "biased-count merges and collection pauses, and write them as Chrome trace-event JSON "
                    + "(Perfetto, chrome://tracing, speedscope) at exit.")
    Path trace;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Run the program N times in this JVM (default: 1), each as a fresh __main__ "
                    + "(fresh globals, sys.argv and imported modules), timing each: for steady-state "
                    + "measurements. Iteration 1's stdout is printed, later ones' is discarded; the first "
                    + "iteration with a non-zero exit status ends the run with that status.")
    Integer iterations;

    @Option(names = "--iteration-times", paramLabel = "FILE.json",
            description = "Write each iteration's wall-clock time (iteration_ns, nanoseconds) and the exit "
                    + "status to FILE.json.")
    Path iterationTimes;

    @Option(names = "--timing-file", paramLabel = "FILE", hidden = true,
            description = "Write wall and CPU time around the run, the build and the statistics to FILE as JSON.")
    Path timingFile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE.py", description = "The program to run.")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments (sys.argv[1:]).")
    List<String> args = new ArrayList<>();

    private final Backend backend;

    /** A command that runs programs for real. */
    public RunCommand() {
        this(Backend.LIVE);
    }

    /** A command with another backend (tests, or running something else than the runtime). */
    public RunCommand(Backend backend) {
        this.backend = backend;
    }

    /** A command line for {@code run} alone, configured as {@link #configure} says. */
    public static CommandLine newCommandLine(Backend backend) {
        return configure(new CommandLine(new RunCommand(backend)));
    }

    /**
     * Applies the parser settings {@code run} needs to its command line (also when it is a
     * subcommand): options stop at the file name, and unexpected exceptions become a one-line
     * internal error with exit status 70.
     */
    public static CommandLine configure(CommandLine runCommandLine) {
        runCommandLine.setStopAtPositional(true);
        runCommandLine.setExecutionExceptionHandler(RunCommand::internalError);
        runCommandLine.setParameterExceptionHandler(RunCommand::usageError);
        return runCommandLine;
    }

    /**
     * The usage-error handler of every {@code gilectomy} command: the message (and picocli's
     * "did you mean" for a mistyped option), then one line pointing to the command's help,
     * rather than the whole help, which pushed the message off the screen; exit status 2.
     */
    public static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        String name = cl.getCommandSpec().qualifiedName();
        err.println("Try './" + (name.startsWith(PROGRAM) ? name : PROGRAM + " " + name) + " --help'.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The execution-exception handler of every {@code gilectomy} command: one line
     * {@code gilectomy: internal error: ...}, the stack trace only with
     * {@code -Dgilectomy.debug=true}; exit status 70.
     */
    public static int internalError(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        System.out.flush();
        PrintWriter err = commandLine.getErr();
        err.println(PROGRAM + ": internal error: " + describe(ex));
        if (org.gilectomy.locks.Build.flag("debug")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    /** An exception as one line: its type, message, and the causes' messages. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable cur = t;
        for (int depth = 0; cur != null && depth < 5; depth++, cur = cur.getCause()) {
            if (depth > 0) {
                sb.append(": caused by ");
            }
            sb.append(cur.getClass().getName());
            String msg = cur.getMessage();
            if (msg != null && !msg.isBlank()) {
                sb.append(": ").append(msg.strip().replace('\n', ' '));
            }
        }
        return sb.toString();
    }

    /** The build these options select: the preset with the given knobs overridden. */
    public BuildConfig buildConfig() {
        return BuildConfig.of(preset, gil, refcount, lock, immortal, deferred);
    }

    /** Whether statistics counting is asked for (or already on with -Dgilectomy.stats=true). */
    boolean statsWanted() {
        return stats || statsJson != null || org.gilectomy.locks.Build.flag("stats");
    }

    /** The switch interval in nanoseconds, or 0 when not given. */
    long switchIntervalNanos() {
        if (switchInterval == null) {
            return 0;
        }
        double s = switchInterval;
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--switch-interval': must be a positive number of seconds, got " + s);
        }
        return Math.max(1L, Math.round(s * 1e9));
    }

    /** How many times to run the program: 1 unless --iterations says otherwise. */
    int iterationCount() {
        if (iterations == null) {
            return 1;
        }
        if (iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--iterations': must be at least 1, got " + iterations);
        }
        return iterations;
    }

    public List<String> programArgs() {
        return args;
    }

    public String file() {
        return file;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long switchNanos = switchIntervalNanos();
        int count = iterationCount();
        BuildConfig config = buildConfig();
        if (config.deferred() == DeferredKind.ON && config.refcount() == RefCountKind.BUFFERED) {
            err.println(PROGRAM + ": deferred reference counting is not supported with --refcount buffered");
            err.flush();
            return 2;
        }
        String unsafe = config.unsafeReason();
        if (unsafe != null) {
            if (!allowUnsafe) {
                err.println(PROGRAM + ": refusing the unsafe build " + config.label() + ": " + unsafe
                        + " (--allow-unsafe runs it anyway, as a negative control)");
                err.flush();
                return EXIT_USAGE;
            }
            System.setProperty(BuildConfig.ALLOW_UNSAFE_PROPERTY, "true");
        }

        if (stdlib != null) {
            String bad = org.gilectomy.runtime.imports.StdlibLocation.setFromCommandLine(stdlib);
            if (bad != null) {
                err.println(PROGRAM + ": " + bad);
                err.flush();
                return EXIT_USAGE;
            }
        }

        Path path = Paths.get(file);
        String unopenable = cannotOpen(path);
        if (unopenable != null) {
            err.println(PROGRAM + ": " + unopenable);
            err.flush();
            return unopenable.startsWith("can't find") ? 1 : EXIT_USAGE;
        }

        for (Map.Entry<String, Path> report : reportFiles().entrySet()) {
            String unwritable = cannotWrite(report.getValue());
            if (unwritable != null) {
                err.println(PROGRAM + ": " + report.getKey() + ": can't write '"
                        + report.getValue().toAbsolutePath() + "': " + unwritable);
                err.flush();
                return EXIT_USAGE;
            }
        }

        boolean counting = statsWanted();
        // Diagnostic switches: static finals, so set before the runtime's classes are loaded.
        if (checkRefs) {
            System.setProperty(org.gilectomy.refcount.RefCheck.PROPERTY, "true");
        }
        if (countTransfers) {
            System.setProperty(org.gilectomy.cacheline.TransferCounter.PROPERTY, "true");
        }
        TimelineReport.enable(timeline != null ? timeline : trace);
        backend.select(config, counting, switchNanos);

        com.sun.management.OperatingSystemMXBean os = cpuBean();
        long cpu0 = cpuNanos(os);
        long t0 = System.nanoTime();
        Iterations runs = Iterations.run(backend, path, args, count, err);
        int status = runs.status();
        long t1 = System.nanoTime();
        long cpu1 = cpuNanos(os);
        System.out.flush();
        System.err.flush();

        StatsReport report = (stats || statsJson != null || timingFile != null || trace != null)
                ? backend.stats(config) : null;
        if (stats) {
            err.print(report.text());
            err.flush();
        }
        try {
            TimelineReport.write(timeline, config, file, args, err);
            TimelineReport.writeTrace(trace, config, file, args, report == null ? null : report.fields());
            if (statsJson != null) {
                Map<String, Object> m = new LinkedHashMap<>(StatsReport.configFields(config));
                m.putAll(report.fields());
                StatsReport.writeJson(statsJson, m);
            }
            if (iterationTimes != null) {
                Map<String, Object> m = new LinkedHashMap<>(runs.fields());
                m.put("wall_s", StatsReport.seconds(t1 - t0));
                m.putAll(StatsReport.configFields(config));
                StatsReport.writeJson(iterationTimes, m);
            }
            if (timingFile != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("wall_s", StatsReport.seconds(t1 - t0));
                m.put("cpu_s", cpu0 < 0 || cpu1 < 0 ? null : StatsReport.seconds(cpu1 - cpu0));
                m.put("exit_status", status);
                m.putAll(StatsReport.configFields(config));
                m.put("switch_interval_s", switchNanos > 0 ? StatsReport.seconds(switchNanos) : null);
                m.put("java_version", System.getProperty("java.version"));
                if (iterations != null) {
                    m.putAll(runs.fields());
                }
                m.putAll(report.fields());
                StatsReport.writeJson(timingFile, m);
            }
        } catch (IOException e) {
            err.println(PROGRAM + ": can't write report" + (e instanceof FileSystemException f && f.getFile() != null
                    ? " '" + Paths.get(f.getFile()).toAbsolutePath() + "'" : "") + ": " + ioReason(e));
            err.flush();
            return status != 0 ? status : 1;
        }
        return status;
    }

    /** The report files the options name, by option; checked before the run. */
    private Map<String, Path> reportFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("--stats-json", statsJson);
        files.put("--timeline", timeline);
        files.put("--iteration-times", iterationTimes);
        files.put("--timing-file", timingFile);
        files.values().removeIf(java.util.Objects::isNull);
        return files;
    }

    /**
     * Why {@code file} cannot be written (one line, as the C library words it), or null. Opens
     * it for appending, so an existing file keeps its content, and deletes it again if it did
     * not exist; creates the missing directories, as writing the report would.
     */
    static String cannotWrite(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return "Is a directory";
        }
        boolean existed = Files.exists(abs);
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.newByteChannel(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
            if (!existed) {
                Files.delete(abs);
            }
            return null;
        } catch (IOException e) {
            return ioReason(e);
        }
    }

    /** An I/O failure in words, without Java's exception names. */
    static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "Not a directory"; // a file where a directory was to be made
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "Input/output error";
    }

    /**
     * Why CPython would refuse to run {@code path} (its message, without the program name), or
     * null when it can be opened. CPython prints the absolute path.
     */
    public static String cannotOpen(Path path) {
        Path abs = path.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return "can't find '__main__' module in '" + abs + "'";
        }
        if (!Files.exists(abs)) {
            return "can't open file '" + abs + "': [Errno 2] No such file or directory";
        }
        if (!Files.isReadable(abs)) {
            return "can't open file '" + abs + "': [Errno 13] Permission denied";
        }
        return null;
    }

    private static com.sun.management.OperatingSystemMXBean cpuBean() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os;
            }
        } catch (RuntimeException | LinkageError e) {
            // no CPU time on this JVM
        }
        return null;
    }

    private static long cpuNanos(com.sun.management.OperatingSystemMXBean os) {
        return os == null ? -1 : os.getProcessCpuTime();
    }

    // ------------------------------------------------------------ converters and candidates

    /** {@code --preset}: a preset's flag name. */
    public static final class PresetConverter implements CommandLine.ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            try {
                return Preset.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The presets' flag names, for help and completion. */
    public static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Preset.values()).map(Preset::flagName).iterator();
        }
    }

    /**
     * Converts a knob's command-line name to its enum constant, listing the valid names in the
     * error; one subclass per knob (picocli instantiates converters by class).
     */
    abstract static class KnobConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
        private final String what;
        private final java.util.function.Function<String, E> parse;
        private final E[] values;
        private final java.util.function.Function<E, String> flagName;

        KnobConverter(String what, java.util.function.Function<String, E> parse, E[] values,
                      java.util.function.Function<E, String> flagName) {
            this.what = what;
            this.parse = parse;
            this.values = values;
            this.flagName = flagName;
        }

        @Override
        public E convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown " + what + " '" + value
                        + "' (expected one of: " + String.join(", ", this) + ")");
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values).map(flagName).iterator();
        }
    }

    static final class GilKindConverter extends KnobConverter<GilKind> {
        GilKindConverter() {
            super("GIL", GilKind::parse, GilKind.values(), GilKind::flagName);
        }
    }

    static final class RefCountKindConverter extends KnobConverter<RefCountKind> {
        RefCountKindConverter() {
            super("refcount", RefCountKind::parse, RefCountKind.values(), RefCountKind::flagName);
        }
    }

    static final class LockKindConverter extends KnobConverter<LockKind> {
        LockKindConverter() {
            super("lock", LockKind::parse, LockKind.values(), LockKind::flagName);
        }
    }

    static final class DeferredKindConverter extends KnobConverter<DeferredKind> {
        DeferredKindConverter() {
            super("deferred setting", DeferredKind::parse, DeferredKind.values(), DeferredKind::flagName);
        }
    }

    static final class ImmortalKindConverter extends KnobConverter<ImmortalKind> {
        ImmortalKindConverter() {
            super("immortality level", ImmortalKind::parse, ImmortalKind.values(), ImmortalKind::flagName);
        }
    }

    /** {@code run} as a program of its own: {@code java -cp ... org.gilectomy.runtime.cli.RunCommand FILE.py}. */
    public static void main(String[] argv) {
        int status = newCommandLine(Backend.LIVE).execute(argv);
        System.exit(status);
    }
}
