package org.gilectomy.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Another Python interpreter that runs the same program beside this runtime's builds, as an
 * extra row ({@code --peer python3}, {@code --peer pypy3}, {@code --peer jython}). It runs {@code peer-timer.py}
 * (a resource of this jar, written to the work directory), which times the program as
 * {@code gilectomy run --timing-file} does: wall and process CPU time around the program only,
 * interpreter start-up excluded.
 *
 * @param name     the row's name: {@code python3}, {@code pypy3} or {@code jython}
 * @param launcher the command before the timer script ({@code python3}, or
 *                 {@code java -jar jython-standalone.jar})
 */
public record Peer(String name, List<String> launcher) {
    /** Jython's coordinates in Maven Central; the harness looks for it in the local repository. */
    static final String JYTHON_VERSION = "2.7.3";

    public Peer {
        launcher = List.copyOf(launcher);
    }

    /**
     * The peer of that name, or an explanation of why it cannot run here.
     *
     * @throws IllegalArgumentException for a name that is not a known peer, or a peer that is
     *                                  not installed (the message says how to get it)
     */
    public static Peer resolve(String name, String java) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "python3":
            case "python":
                return new Peer("python3", List.of(onPath("python3").orElseThrow(() ->
                        new IllegalArgumentException("--peer python3: no python3 on the PATH"))));
            case "pypy3":
            case "pypy":
                return new Peer("pypy3", List.of(onPath("pypy3").orElseThrow(() ->
                        new IllegalArgumentException("--peer pypy3: no pypy3 on the PATH; on Debian: "
                                + "apt-get install pypy3"))));
            case "jython":
                Path jar = jythonJar().orElseThrow(() -> new IllegalArgumentException(
                        "--peer jython: no org.python:jython-standalone:" + JYTHON_VERSION
                                + " in the local Maven repository; get it with: mvn dependency:get "
                                + "-Dartifact=org.python:jython-standalone:" + JYTHON_VERSION));
                return new Peer("jython", List.of(java, "-jar", jar.toString()));
            default:
                throw new IllegalArgumentException("unknown peer '" + name + "' (expected one of: python3, pypy3, jython)");
        }
    }

    /** The command of one run: launcher, timer script, timing file, program, thread count, args. */
    public List<String> command(Path timerScript, Path timingFile, String program, int threads, List<String> args) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(timerScript.toString());
        cmd.add(timingFile.toString());
        cmd.add(program);
        cmd.add(Integer.toString(threads));
        cmd.addAll(args);
        return cmd;
    }

    /** The local repository's Jython jar, if present. */
    static Optional<Path> jythonJar() {
        String repo = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Paths.get(repo, "org", "python", "jython-standalone", JYTHON_VERSION,
                "jython-standalone-" + JYTHON_VERSION + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    private static Optional<String> onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Paths.get(dir, exe);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }
}
