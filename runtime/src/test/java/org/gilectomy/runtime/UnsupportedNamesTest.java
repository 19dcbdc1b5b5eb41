package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A name CPython 3.11 has but this runtime lacks fails with CPython's own error and message,
 * followed by a note (PEP 678's place, the line after) saying this runtime does not support it;
 * a name CPython lacks too fails exactly as in CPython, with no note.
 */
class UnsupportedNamesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "print(breakpoint)|NameError: name 'breakpoint' is not defined|'breakpoint' is a built-in of CPython 3.11 that this runtime does not support",
        "import zlib|ModuleNotFoundError: No module named 'zlib'|the module 'zlib' of CPython 3.11's standard library is not supported by this runtime",
        "import _ctypes|ModuleNotFoundError: No module named '_ctypes'|the module '_ctypes' of CPython 3.11's standard library is not supported by this runtime",
        "import threading; threading.Barrier|AttributeError: module 'threading' has no attribute 'Barrier'|'threading.Barrier' of CPython 3.11 is not supported by this runtime",
        "from threading import Barrier|ImportError: cannot import name 'Barrier' from 'threading' (unknown location)|'threading.Barrier' of CPython 3.11 is not supported by this runtime",
        "print(no_such_name)|NameError: name 'no_such_name' is not defined|",
        "import no_such_module|ModuleNotFoundError: No module named 'no_such_module'|",
        "import math; math.no_such|AttributeError: module 'math' has no attribute 'no_such'|",
    })
    void cpythonsErrorWithANoteOnlyForWhatCPythonHas(String program, String error, String note) throws IOException {
        Path file = Files.writeString(dir.resolve("prog.py"), program + "\n");
        ProgramRunner.Outcome o = ProgramRunner.runHere(file);
        assertEquals(1, o.status(), o.stderr());
        List<String> lines = o.programStderr().strip().lines().toList();
        if (note == null) {
            assertEquals(error, lines.get(lines.size() - 1), o.stderr());
        } else {
            assertEquals(List.of(error, note), lines.subList(lines.size() - 2, lines.size()), o.stderr());
        }
    }
}
