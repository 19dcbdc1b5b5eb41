package org.gilectomy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * With no build property set, the runtime is the GIL build ({@code gil}), whatever the entry
 * point: a fresh JVM with no {@code -Dgilectomy.*} at all runs {@link DefaultBuildProbe}, which
 * embeds the interpreter directly (no command line, so no preset applied by it) and reports
 * the build and whether the GIL was taken. The control forks the same probe with
 * {@code -Dgilectomy.preset=gilectomy}: it must report the free-threaded build, so the first
 * assertion is not one the probe passes whatever the build.
 */
class DefaultBuildTest {
    @Test
    void noPropertyMeansTheGilBuild() throws Exception {
        assertEquals("status=0 preset=gil gil=new refcount=plain lock=none immortal=none lock-free-reads=false"
                + " gil-taken=true", probe());
    }

    @Test
    void controlAPresetPropertyChangesWhatTheProbeReports() throws Exception {
        assertEquals("status=0 preset=gilectomy gil=none refcount=atomic lock=spinpark immortal=none"
                + " lock-free-reads=false gil-taken=false", probe("-Dgilectomy.preset=gilectomy"));
    }

    @Test
    void aKnobOverridesThePreset() throws Exception {
        assertEquals("status=0 preset=nogil gil=none refcount=biased lock=spinpark immortal=singletons"
                + " lock-free-reads=true gil-taken=false",
                probe("-Dgilectomy.preset=nogil", "-Dgilectomy.lock=spinpark"));
    }

    @Test
    void withNoPresetNamedReadsFollowTheRefcountKnob() throws Exception {
        assertEquals("status=0 preset=gil gil=new refcount=biased lock=none immortal=none lock-free-reads=true"
                + " gil-taken=true", probe("-Dgilectomy.refcount=biased"));
    }

    /** The probe's report line, from a fresh JVM given only {@code props}. */
    private static String probe(String... props) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(props));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DefaultBuildProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // no property may reach the child another way
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
            assertEquals(0, p.exitValue(), err);
            String[] lines = out.strip().split("\n");
            assertEquals("ran", lines[0], out + err);
            return lines[lines.length - 1];
        } finally {
            p.destroyForcibly();
        }
    }
}
