package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gilectomy.locks.Gil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sys._is_gil_enabled()} (CPython 3.13's) reports this JVM's build: False under the
 * free-threaded presets, True under the GIL ones. Run once per preset by surefire, so both
 * answers are checked; CPython 3.11 has no such function, so the corpus cannot check it.
 */
class SysGilFlagTest {
    @TempDir
    Path dir;

    @Test
    void reportsWhetherThisBuildHasAGil() throws IOException {
        Path p = Files.writeString(dir.resolve("gil.py"), "import sys\nprint(sys._is_gil_enabled())\n");
        ProgramRunner.Outcome o = ProgramRunner.runHere(p);
        assertEquals(0, o.status(), o.stderr());
        assertEquals((Gil.ENABLED ? "True" : "False") + "\n", o.stdout());
    }
}
