package org.gilectomy.bench.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gilectomy.bench.harness.ChildOutcome;
import org.gilectomy.bench.harness.ChildRunner;
import org.gilectomy.bench.harness.ScheduledRun;

/**
 * The convoy experiment's client, outside the measured process, as in Beazley's setup: the
 * program under test is only the echo server (beside its CPU-bound threads), and the client's
 * round trips are not slowed by the GIL it measures. With the client as a thread of the same
 * program, two I/O threads hand the GIL to each other and the CPU-bound thread rarely holds it
 * when a reply arrives: CPython 3.11 itself then keeps about 0.3 of its echo rate beside a
 * CPU-bound thread (docs/experiments/convoy.md), far from the published collapse.
 *
 * <p>For each run the harness listens on an ephemeral loopback port and passes it to the
 * program as its last argument ({@code convoy.py THREADS SECONDS PORT}); the program's echo
 * thread connects, and this client sends 16-byte requests for SECONDS, timing each round trip,
 * then closes the connection, which ends the program. The run's output gets the lines
 * {@link Convoy#fields} reads, exactly as the in-process client prints them.
 */
final class ConvoyClient implements ChildRunner {
    private static final byte[] MESSAGE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** How long to wait for the program to connect (JVM start-up under load included). */
    private static final int CONNECT_TIMEOUT_MS = 120_000;

    private final ChildRunner program;

    ConvoyClient(ChildRunner program) {
        this.program = program;
    }

    @Override
    public ChildOutcome run(ScheduledRun run, Path timingFile) throws IOException, InterruptedException {
        double seconds = Double.parseDouble(run.cell().programArgs().get(0));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(CONNECT_TIMEOUT_MS);
            List<String> args = new ArrayList<>(run.cell().programArgs());
            args.add(Integer.toString(listener.getLocalPort()));
            ScheduledRun withPort = new ScheduledRun(run.cell().withProgramArgs(run.cell().series(), args),
                    run.round(), run.warmup(), run.repeat(), run.counting());
            Session session = new Session(listener, seconds, run.cell().threads() - 1);
            Thread client = new Thread(session, "convoy-client");
            client.setDaemon(true);
            client.start();
            ChildOutcome outcome = program.run(withPort, timingFile);
            listener.close(); // a program that never connected: accept() returns with an exception
            client.join();
            return new ChildOutcome(outcome.command(), outcome.exitStatus(), outcome.timedOut(),
                    outcome.stdout() + session.report(), outcome.stderr());
        }
    }

    /** One connection: round trips for the given time, then close. */
    private static final class Session implements Runnable {
        private final ServerSocket listener;
        private final double seconds;
        private final int cpuThreads;
        private final List<Long> latenciesUs = new ArrayList<>();
        private volatile String report = "";

        Session(ServerSocket listener, double seconds, int cpuThreads) {
            this.listener = listener;
            this.seconds = seconds;
            this.cpuThreads = cpuThreads;
        }

        @Override
        public void run() {
            try (Socket s = listener.accept()) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[4096];
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                long now = start;
                while (now < end) {
                    out.write(MESSAGE);
                    out.flush();
                    int got = 0;
                    while (got < MESSAGE.length) {
                        int n = in.read(buf);
                        if (n < 0) {
                            throw new SocketException("the program closed the connection");
                        }
                        got += n;
                    }
                    long after = System.nanoTime();
                    latenciesUs.add((after - now) / 1000);
                    now = after;
                }
                report = summary(latenciesUs, (now - start) / 1_000_000, cpuThreads);
            } catch (IOException e) {
                report = ""; // no connection or a broken one: the run reports no requests
            }
        }

        String report() {
            return report;
        }
    }

    /** The lines the in-process client prints (convoy.py), which {@link Convoy#fields} reads. */
    static String summary(List<Long> latenciesUs, long ms, int cpuThreads) {
        StringBuilder sb = new StringBuilder();
        sb.append("convoy: requests ").append(latenciesUs.size()).append(" ms ").append(ms)
                .append(" cpu_threads ").append(cpuThreads).append('\n');
        sb.append("latencies_us:");
        for (long v : latenciesUs) {
            sb.append(' ').append(v);
        }
        return sb.append('\n').toString();
    }
}
