package org.gilectomy.runtime.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where CPython 3.11's pure-Python standard library is on this machine: the last entry of
 * {@code sys.path}. The runtime uses that library at run time; nothing of it is in this
 * repository. Found once per process, in this order:
 * <ol>
 * <li>{@code run --stdlib DIR} ({@link #setFromCommandLine});
 * <li>the environment variable {@code GILECTOMY_STDLIB};
 * <li>the answer of the {@code python3.11} (else {@code python3}) on the PATH to
 *     {@code sysconfig.get_path('stdlib')}, if it is a 3.11; remembered in a cache file keyed by
 *     that executable's real path, so start-up pays for a Python process once per machine, not
 *     per run;
 * <li>{@code /usr/lib/python3.11} (Debian's and Ubuntu's {@code libpython3.11-stdlib}).
 * </ol>
 * A candidate counts only if it is a directory holding {@code os.py}. Without one, imports of
 * the standard library fail with a note saying how to install it ({@link #MISSING_NOTE}).
 */
public final class StdlibLocation {
    /** The environment variable naming the directory. */
    public static final String ENV = "GILECTOMY_STDLIB";
    /** The note a failed import carries when no standard library was found. */
    public static final String MISSING_NOTE = "no CPython 3.11 standard library was found: install it "
            + "(apt-get install libpython3.11-stdlib) or name its directory with --stdlib DIR or " + ENV;
    private static final Path DEBIAN = Path.of("/usr/lib/python3.11");
    private static final String ASK = "import sys, sysconfig; print(sys.version_info[:2] == (3, 11)); "
            + "print(sysconfig.get_path('stdlib'))";

    private static volatile Path commandLine;
    private static volatile Path found;
    private static volatile boolean resolved;

    private StdlibLocation() {
    }

    /**
     * {@code --stdlib DIR}: wins over everything else. Returns an error message (one line) if
     * {@code dir} is not a directory, else null.
     */
    public static String setFromCommandLine(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "--stdlib: not a directory: " + dir;
        }
        commandLine = dir.toAbsolutePath().normalize();
        return null;
    }

    /** Forgets {@code --stdlib} (for tests that set it in a shared JVM). */
    public static void clearCommandLine() {
        commandLine = null;
    }

    /** The standard library's directory, or null if none was found. */
    public static Path get() {
        Path c = commandLine;
        if (c != null) {
            return c;
        }
        if (!resolved) {
            synchronized (StdlibLocation.class) {
                if (!resolved) {
                    found = resolve();
                    resolved = true;
                }
            }
        }
        return found;
    }

    private static Path resolve() {
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            return usable(Path.of(env)); // named explicitly: nothing else is tried
        }
        Path fromPython = askPythonCached();
        if (fromPython != null) {
            return fromPython;
        }
        return usable(DEBIAN);
    }

    private static Path usable(Path dir) {
        return Files.isRegularFile(dir.resolve("os.py")) ? dir.toAbsolutePath().normalize() : null;
    }

    /** The python3.11 or python3 on the PATH, its symbolic links resolved; null if none. */
    private static Path pythonOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : new String[] {"python3.11", "python3"}) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return p.toAbsolutePath();
                }
            }
        }
        return null;
    }

    private static Path cacheFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gilectomy").resolve("stdlib-location");
    }

    /**
     * The cache holds one line, "python-path TAB stdlib-dir-or-empty". Keyed by the executable's
     * path and modification time: a different python on the PATH (a pyenv shim switching
     * versions changes neither, so the answer is re-checked for os.py each time) asks again.
     */
    private static Path askPythonCached() {
        Path python = pythonOnPath();
        if (python == null) {
            return null;
        }
        String key;
        try {
            key = python + "@" + Files.getLastModifiedTime(python).toMillis();
        } catch (IOException e) {
            return null;
        }
        Path cache = cacheFile();
        try {
            String line = Files.readString(cache, StandardCharsets.UTF_8).strip();
            int tab = line.indexOf('\t');
            if (tab >= 0 && line.substring(0, tab).equals(key)) {
                String dir = line.substring(tab + 1);
                Path p = dir.isEmpty() ? null : usable(Path.of(dir));
                if (p != null || dir.isEmpty()) {
                    return p;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no cache yet, or unreadable: ask
        }
        Path answer = askPython(python);
        try {
            Files.createDirectories(cache.getParent());
            Files.writeString(cache, key + "\t" + (answer == null ? "" : answer.toString()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a read-only home: ask again next time
        }
        return answer;
    }

    private static Path askPython(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-I", "-c", ASK).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String[] lines = out.strip().split("\n");
            if (p.exitValue() != 0 || lines.length != 2 || !lines[0].strip().equals("True")) {
                return null; // not a 3.11: its library would not match this runtime's language
            }
            return usable(Path.of(lines[1].strip()));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
