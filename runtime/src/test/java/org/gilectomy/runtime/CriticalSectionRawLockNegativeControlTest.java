package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gilectomy.locks.CriticalSection;
import org.junit.jupiter.api.Test;

/**
 * Negative control for {@link CriticalSectionCallOutTest}: with
 * {@code -Dgilectomy.critical-sections=raw} the sections lock as the raw object locks type code
 * took before (no re-entry, not released around call-outs or blocking calls), and the same
 * programs hang under the free-threaded presets. Each program runs in a child JVM twice, the
 * same way but for that property: the normal child finishes (so the launcher, the preset and
 * the program work), the raw child is still running long after that and is killed.
 */
class CriticalSectionRawLockNegativeControlTest {
    /**
     * What hangs where under raw locks: a reentrant read or write (gilectomy reads lock). Not
     * the blocking sort: list.sort takes the items out of the list and runs its comparisons with
     * no section held at all (as CPython does), so it finishes under raw locks too.
     */
    private static final String[][] CASES = {
        {"gilectomy", "cs_dict_eq_len.py"},
        {"gilectomy", "cs_dict_eq_write.py"},
        {"nogil", "cs_dict_eq_write.py"},
        {"gilectomy", "cs_list_eq_mutates.py"},
        {"gilectomy", "cs_set_eq_touches_set.py"},
        {"nogil", "cs_set_eq_touches_set.py"},
    };
    private static final long FINISH_SECONDS = 120;
    /**
     * How long a raw child must run on after every twin has finished (it started with its twin,
     * so it has already had as long as its twin's whole run, JVM start included): at least
     * this, or half the twins' time, the longer.
     */
    private static final long MIN_HANG_SECONDS = 10;

    @Test
    void underRawLocksTheCallOutProgramsHang() throws Exception {
        List<Process> normal = new ArrayList<>();
        List<Process> raw = new ArrayList<>();
        long start = System.nanoTime();
        for (String[] c : CASES) {
            normal.add(launch(c[0], c[1], false));
            raw.add(launch(c[0], c[1], true));
        }
        try {
            for (int i = 0; i < CASES.length; i++) {
                Process p = normal.get(i);
                assertTrue(p.waitFor(FINISH_SECONDS, TimeUnit.SECONDS), what(i) + ": the normal child did not finish");
                assertEquals(0, p.exitValue(), what(i) + ": " + new String(p.getInputStream().readAllBytes()));
            }
            long twins = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(MIN_HANG_SECONDS, twins / 2));
            for (int i = 0; i < CASES.length; i++) {
                long left = Math.max(0, deadline - System.nanoTime());
                boolean ended = raw.get(i).waitFor(left, TimeUnit.NANOSECONDS);
                assertTrue(!ended, what(i) + ": finished under raw locks (status " + (ended ? raw.get(i).exitValue() : 0)
                        + "): this control does not exercise the old deadlock");
            }
        } finally {
            for (Process p : raw) {
                p.destroyForcibly();
            }
            for (Process p : normal) {
                p.destroyForcibly();
            }
        }
    }

    private static String what(int i) {
        return CASES[i][1] + " under --preset " + CASES[i][0];
    }

    /** {@code run --preset PRESET program} in a child JVM of this test's class path. */
    private static Process launch(String preset, String program, boolean rawLocks) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss16m");
        if (rawLocks) {
            cmd.add("-D" + CriticalSection.PROPERTY + "=raw");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.gilectomy.runtime.cli.RunCommand");
        cmd.add("--preset");
        cmd.add(preset);
        cmd.add(ProgramRunner.PROGRAMS.resolve(program).toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(rawLocks ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE)
                .redirectInput(new File("/dev/null")).start();
    }
}
