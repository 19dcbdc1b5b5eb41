package org.gilectomy.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.runtime.interp.MainProgram;

/**
 * The one entry point of the runtime: run a Python file as {@code __main__}.
 *
 * <p>The build (GIL or free-threaded, refcount strategy, lock kind) is fixed by system
 * properties read at class initialisation of the locks and refcount modules; the caller sets
 * them before the first call.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /**
     * Runs {@code file} with {@code sys.argv = [file, *args]}, waits for every non-daemon Python
     * thread, and returns the process exit status CPython would: 0, 1 after an uncaught
     * exception or a syntax error (reported on {@code err} as CPython does), 2 if the file
     * cannot be read, or the {@code sys.exit} status.
     */
    public static int runMain(Path file, List<String> args, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("gilectomy: can't open file '" + file + "': [Errno 2] No such file or directory");
            return 2;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte-order mark, dropped as CPython's decoder does
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        // CPython reports __main__'s file by its absolute path in tracebacks and syntax errors.
        return MainProgram.run(file.toAbsolutePath().normalize().toString(), text, argv, out, err);
    }
}
