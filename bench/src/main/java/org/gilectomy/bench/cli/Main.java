package org.gilectomy.bench.cli;

import java.io.InputStream;
import java.util.Properties;

import org.gilectomy.bench.experiment.ExperimentCommand;
import org.gilectomy.bench.harness.CompareCommand;
import org.gilectomy.bench.realprogs.PyperformanceCommand;
import org.gilectomy.bench.realprogs.RegrtestCommand;
import org.gilectomy.runtime.cli.Backend;
import org.gilectomy.runtime.cli.RunCommand;
import org.gilectomy.runtime.fuzz.FuzzCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gilectomy}: the command line of the project (the {@code ./gilectomy} launcher runs it
 * from {@code bench/target/benchmarks.jar}, whose own Main-Class stays JMH's).
 *
 * <pre>
 * gilectomy run [options] FILE.py [ARGS...]        run a program in one build
 * gilectomy compare FILE.py --presets ... --threads ...   compare builds side by side
 * gilectomy experiment NAME [--quick] [--out DIR]        reproduce a published result
 * gilectomy fuzz [--seed N] [--count N | --minutes M] [--preset P] [--out DIR]   compare with python3
 * gilectomy regrtest [TEST...] [--presets ...]          CPython's regression tests, passed per preset
 * gilectomy pyperformance DIR [-b NAMES] [--presets ...]  pyperformance's benchmarks, python3's output?
 * </pre>
 *
 * Exit status: the subcommand's; 2 for usage errors (picocli's default), 70 for internal errors.
 */
@Command(name = "gilectomy",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "A research runtime for multi-threaded Python, built with a GIL or free-threaded.",
            "Run 'gilectomy COMMAND --help' for a command's options."},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gilectomy run --preset gilectomy --stats bench/workloads/fib.py 2",
            "  gilectomy compare bench/workloads/fib.py --presets gil,gilectomy --threads 1,2",
            "  gilectomy experiment --list",
            "  gilectomy fuzz --seed 1 --minutes 5 --preset nogil",
            "  gilectomy regrtest test_list test_dict --presets gil,nogil",
            "  gilectomy stress --mode sanity    (the jcstress matrix: ./gilectomy stress --help)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The whole command line, with the given backend for {@code run} (tests use fakes). */
    public static CommandLine newCommandLine(Backend backend) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(RunCommand.configure(new CommandLine(new RunCommand(backend))));
        cl.addSubcommand(new CommandLine(new CompareCommand()));
        cl.addSubcommand(new CommandLine(new ExperimentCommand()));
        cl.addSubcommand(new CommandLine(new FuzzCommand()));
        cl.addSubcommand(new CommandLine(new RegrtestCommand()));
        cl.addSubcommand(new CommandLine(new PyperformanceCommand()));
        // After the subcommands are added, so that they get it too.
        cl.setExecutionExceptionHandler(RunCommand::internalError);
        cl.setParameterExceptionHandler(FuzzCommand.usageErrors(RunCommand::usageError));
        return cl;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn off screen
        int status = newCommandLine(Backend.LIVE).execute(args);
        System.exit(status);
    }

    /** {@code --version}: the project's version (from the jar's Maven metadata) and the JVM's. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "gilectomy " + projectVersion(),
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String projectVersion() {
            String resource = "/META-INF/maven/org.gilectomy/gilectomy-bench/pom.properties";
            try (InputStream in = Main.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("version", "unknown");
                }
            } catch (java.io.IOException e) {
                // fall through
            }
            String v = Main.class.getPackage().getImplementationVersion();
            return v != null ? v : "(development build)";
        }
    }
}
