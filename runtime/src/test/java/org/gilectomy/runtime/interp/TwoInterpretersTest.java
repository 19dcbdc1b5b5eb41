package org.gilectomy.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two interpreters in one JVM at the same time (under whichever preset surefire chose): two
 * programs, each on its own Java thread with its own {@link Interpreter}, each setting
 * {@code math.tag} and reading its own {@code sys.argv}, starting threads of its own, and
 * printing to its own captured stdout and stderr. Each must print exactly what it would alone.
 *
 * <p>That they really overlap is not left to timing: each program, after setting its tag,
 * connects to a rendezvous socket this test serves and waits for one byte, which the test
 * sends only when both programs are connected. Every read of {@code math.tag} after that point
 * would see the other program's tag if the two shared their module table. The negative control
 * runs the same body twice in ONE interpreter (two Python threads, one module table) through
 * the same rendezvous and shows that the shared table is then seen.
 */
class TwoInterpretersTest {
    /** The body each program runs: {@code tag} names it; {@code port} is the rendezvous. */
    private static final String BODY = """
            import sys
            import math
            import socket
            import threading

            def body(tag, port):
                math.tag = tag
                s = socket.socket()
                s.connect(('127.0.0.1', port))
                s.recv(1)  # the other program has set its tag too
                s.close()
                results = []
                lock = threading.Lock()
                def work(i):
                    n = 0
                    for k in range(1000 * i):
                        n += k
                    with lock:
                        results.append((threading.current_thread().name, i, n, math.tag))
                workers = [threading.Thread(target=work, args=(i,)) for i in range(1, 4)]
                for t in workers:
                    t.start()
                for t in workers:
                    t.join()
                for r in sorted(results):
                    print(tag, r)
                print(tag, 'sees math.tag =', math.tag)
            """;

    /** A program on its own: its tag and the port come from sys.argv, as a script's would. */
    private static final String PROGRAM = BODY + """
            body(sys.argv[1], int(sys.argv[2]))
            print(sys.argv[1], 'argv', sys.argv[1:], file=sys.stderr)
            """;

    /** The negative controls' driver: both bodies in one interpreter, on two Python threads. */
    private static final String BOTH_IN_ONE = """
            import threading
            port = int(sys.argv[1])
            both = [threading.Thread(target=body, args=(tag, port)) for tag in ('A', 'B')]
            for t in both:
                t.start()
            for t in both:
                t.join()
            """;

    /** Runs {@code body} + {@link #BOTH_IN_ONE} in one interpreter through a rendezvous of two; it must end normally. */
    private static Run bothInOne(String body) throws Exception {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Run shared;
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            Thread meeting = rendezvous(server, 2, failures);
            shared = run("<shared>", body + BOTH_IN_ONE, List.of("<shared>", Integer.toString(server.getLocalPort())));
            meeting.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(0, shared.status(), shared.stderr());
        return shared;
    }

    /** What program {@code tag} prints alone (as CPython would): its workers' results, then its tag. */
    private static String expectedStdout(String tag) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            long n = 1000L * i * (1000L * i - 1) / 2;
            sb.append(tag).append(" ('Thread-").append(i).append(" (work)', ").append(i).append(", ")
                    .append(n).append(", '").append(tag).append("')\n");
        }
        return sb.append(tag).append(" sees math.tag = ").append(tag).append('\n').toString();
    }

    /** One program's run: its exit status and what it printed. */
    private record Run(int status, String stdout, String stderr) {
    }

    /** Runs {@code text} with {@code argv} in a new interpreter on the calling thread. */
    private static Run run(String name, String text, List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Interpreter(argv, o, e).run(name, text);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Serves the rendezvous: accepts {@code parties} connections, then sends each one byte, so
     * no party goes on before all have arrived.
     */
    private static Thread rendezvous(ServerSocket server, int parties, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            List<Socket> arrived = new ArrayList<>();
            try {
                while (arrived.size() < parties) {
                    arrived.add(server.accept());
                }
                for (Socket s : arrived) {
                    s.getOutputStream().write('!');
                    s.getOutputStream().flush();
                }
                for (Socket s : arrived) {
                    s.close();
                }
            } catch (IOException e) {
                failures.add(e);
            }
        }, "rendezvous");
        t.start();
        return t;
    }

    /** Two programs' runs, and the rendezvous port each was given. */
    private record Together(Run[] runs, String port) {
    }

    /** Runs {@code program} in two interpreters at once, each on its own Java thread, with argv [tag, port] (tags A, B). */
    private static Together twoAtOnce(String program) throws Exception {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Run[] runs = new Run[2];
        String[] tags = {"A", "B"};
        String port;
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            port = Integer.toString(server.getLocalPort());
            Thread meeting = rendezvous(server, 2, failures);
            Thread[] programs = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int k = i;
                programs[i] = new Thread(() -> {
                    try {
                        runs[k] = run("<" + tags[k] + ">", program, List.of("<" + tags[k] + ">", tags[k], port));
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "program-" + tags[i]);
                programs[i].start();
            }
            for (Thread t : programs) {
                t.join();
            }
            meeting.join();
        }
        assertEquals(List.of(), failures);
        return new Together(runs, port);
    }

    @Test
    @Timeout(120)
    void twoProgramsAtTheSameTimeEachSeeTheirOwnModulesArgvAndStreams() throws Exception {
        Together both = twoAtOnce(PROGRAM);
        String[] tags = {"A", "B"};
        for (int i = 0; i < 2; i++) {
            String tag = tags[i];
            Run r = both.runs()[i];
            assertEquals(0, r.status(), r.stderr());
            assertEquals(expectedStdout(tag), r.stdout(), "program " + tag);
            // Under --check-refs each also says its leaks were not checked: the other one ran beside it.
            assertEquals(tag + " argv ['" + tag + "', '" + both.port() + "']\n"
                    + (RefCheck.ENABLED ? MainProgram.NOT_CHECKED : ""), r.stderr(), "program " + tag);
        }
    }

    /**
     * {@code _thread._count()}: program A starts 2 threads with _thread.start_new_thread, B 3,
     * all kept running until both programs have met at the rendezvous; each must count its own
     * only, then 0 once they end.
     */
    private static final String COUNT_BODY = """
            import sys
            import socket
            import time
            import _thread

            def body(tag, port):
                hold = _thread.allocate_lock()
                hold.acquire()
                def wait():
                    hold.acquire()
                    hold.release()
                for i in range(2 if tag == 'A' else 3):
                    _thread.start_new_thread(wait, ())
                s = socket.socket()
                s.connect(('127.0.0.1', port))
                s.recv(1)  # the other program's threads are running too
                s.close()
                print(tag, 'running', _thread._count())
                hold.release()
                deadline = time.monotonic() + 30
                while _thread._count() and time.monotonic() < deadline:
                    time.sleep(0.001)
                print(tag, 'after', _thread._count())
            """;

    @Test
    @Timeout(120)
    void eachInterpreterCountsItsOwnThreads() throws Exception {
        Together both = twoAtOnce(COUNT_BODY + "body(sys.argv[1], int(sys.argv[2]))\n");
        assertEquals("A running 2\nA after 0\n", both.runs()[0].stdout(), both.runs()[0].stderr());
        assertEquals("B running 3\nB after 0\n", both.runs()[1].stdout(), both.runs()[1].stderr());
    }

    /** Negative control: the two bodies in one interpreter count each other's threads (2 + 3). */
    @Test
    @Timeout(120)
    void negativeControlOneInterpreterCountsBothBodiesThreads() throws Exception {
        Run shared = bothInOne(COUNT_BODY);
        assertEquals("5", lineStartingWith(shared.stdout(), "A running "), shared.stdout());
    }

    /**
     * Negative control: the same bodies sharing one interpreter (one module table) meet at the
     * same rendezvous, and then both read the tag that was set last; the check above would fail.
     */
    @Test
    @Timeout(120)
    void negativeControlOneInterpreterSharesTheModuleTable() throws Exception {
        Run shared = bothInOne(BODY);
        String seenByA = lineStartingWith(shared.stdout(), "A sees math.tag = ");
        String seenByB = lineStartingWith(shared.stdout(), "B sees math.tag = ");
        assertEquals(seenByA, seenByB, "one module table: both see the tag set last\n" + shared.stdout());
        assertNotEquals(expectedStdout("A") + expectedStdout("B"), shared.stdout());
    }

    private static String lineStartingWith(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in:\n" + text);
    }

    /** Two interpreters one after the other on one Java thread: the second starts fresh (thread names, modules). */
    @Test
    @Timeout(120)
    void oneAfterTheOther() throws Exception {
        for (String tag : new String[] {"C", "D"}) {
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            Run r;
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread meeting = rendezvous(server, 1, failures);
                r = run("<" + tag + ">", PROGRAM, List.of("<" + tag + ">", tag, Integer.toString(server.getLocalPort())));
                meeting.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(0, r.status(), r.stderr());
            assertEquals(expectedStdout(tag), r.stdout());
            assertTrue(r.stderr().startsWith(tag + " argv ['" + tag + "', '"), r.stderr());
            assertFalse(r.stderr().contains("check-refs"), r.stderr()); // alone: checked, and no leaks
        }
    }
}
