package org.gilectomy.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.runtime.interp.MainProgram;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.gilectomy.runtime.parse.SourceDecoder;

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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("gilectomy: can't open file '" + file + "': [Errno 2] No such file or directory");
            return 2;
        }
        String text;
        try {
            // CPython names the file in decoding errors by the path it was given, made absolute.
            text = SourceDecoder.decode(bytes, file.toAbsolutePath().toString());
        } catch (PySyntaxError e) {
            err.print(e.format());
            return 1;
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        // CPython reports __main__'s file by its absolute path in tracebacks and syntax errors.
        return MainProgram.run(file.toAbsolutePath().normalize().toString(), text, argv, out, err);
    }
}
