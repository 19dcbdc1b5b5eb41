package org.gilectomy.bench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gilectomy.bench.harness.Cell;
import org.gilectomy.bench.harness.ChildOutcome;
import org.gilectomy.bench.harness.ChildRunner;
import org.gilectomy.bench.harness.ScheduledRun;
import org.gilectomy.runtime.cli.Preset;
import org.junit.jupiter.api.Test;

/** The harness-side client of the convoy experiment, against stand-in programs. */
class ConvoyClientTest {
    private static final ScheduledRun RUN = new ScheduledRun(
            new Cell(Preset.GIL, 2).withProgramArgs("gil", List.of("0.2")), 0, false, 1);

    /** A program that echoes on the port it is given (its last argument), as convoy.py does. */
    private static final ChildRunner ECHO = (run, timing) -> {
        List<String> args = run.cell().programArgs();
        int port = Integer.parseInt(args.get(args.size() - 1));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        }
        return new ChildOutcome(List.of("echo"), 0, false, "convoy: echo server done, cpu_threads 1\n", "");
    };

    @Test
    void timesRoundTripsAgainstTheProgramsEchoThread() throws Exception {
        ChildOutcome o = new ConvoyClient(ECHO).run(RUN, Path.of("unused.json"));
        assertEquals(0, o.exitStatus());
        assertTrue(o.stdout().startsWith("convoy: echo server done"), o.stdout());
        Map<String, Object> f = Convoy.fields(o.stdout());
        assertTrue(((Number) f.get("requests")).longValue() > 0, f.toString());
        assertTrue(f.containsKey("latency_p50_us"), f.toString());
    }

    /** Control: a program that never connects ends the run with no requests, not a hang. */
    @Test
    void aProgramThatNeverConnectsReportsNoRequests() throws Exception {
        ChildRunner silent = (run, timing) -> new ChildOutcome(List.of("silent"), 1, false, "", "boom\n");
        ChildOutcome o = new ConvoyClient(silent).run(RUN, Path.of("unused.json"));
        assertEquals(1, o.exitStatus());
        assertFalse(Convoy.fields(o.stdout()).containsKey("requests"), o.stdout());
    }
}
