package org.gilectomy.runtime.modules;

import org.gilectomy.runtime.types.FixedArity;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.interp.Params;

/**
 * The {@code socket} module, TCP over IPv4 only: enough for a server thread and its clients
 * ({@code socket, setsockopt(SO_REUSEADDR), bind, listen, accept, connect, send, sendall,
 * recv, close, getsockname}, and {@code __enter__/__exit__} for {@code with}). Sockets are NIO
 * channels in blocking mode, so that Ctrl-C (an interrupt) can end a blocked accept or recv.
 * Every call that can block goes through {@link Blocking}: GIL and critical sections released.
 *
 * <pre>
 * Overview
 *
 * A PySocket is, over its life: new (options remembered), bound (bind binds a SocketChannel,
 * which does not listen: a connection to the port is refused, as in CPython, and getsockname()
 * reports the port chosen for 0), then either a listener (listen closes that channel and
 * binds a ServerSocketChannel, which binds and listens in one step, to the same address) or a
 * connection (connect connects the bound channel or a new one; accept() returns connected
 * PySockets). Its fields are written under the object's monitor by the calling thread; the
 * channels are thread-safe.
 *
 * Field        access
 * bound        volatile, set by bind, cleared by listen or connect
 * listener     volatile, set once by listen
 * conn         volatile, set once by connect or at creation by accept
 * closed       volatile
 * </pre>
 */
public final class SocketModule {
    static final PyType SOCKET_TYPE = PyType.ofModule("socket", "socket", PyType.OBJECT);
    static final PyType CONNECTION_REFUSED = PyExc.CONNECTION_REFUSED_ERROR;
    static final PyType CONNECTION_RESET = PyExc.CONNECTION_RESET_ERROR;
    static final PyType BROKEN_PIPE = PyExc.BROKEN_PIPE_ERROR;

    static final int AF_INET = 2;
    static final int SOCK_STREAM = 1;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;

    private SocketModule() {
    }

    private static void constant(PyModule m, String name, long v) {
        PyInt i = PyInt.of(v);
        m.set(name, i);
        RefCount.decref(i);
    }

    public static PyModule module() {
        PyModule m = new PyModule("socket");
        constant(m, "AF_INET", AF_INET);
        constant(m, "SOCK_STREAM", SOCK_STREAM);
        constant(m, "SOL_SOCKET", SOL_SOCKET);
        constant(m, "SO_REUSEADDR", SO_REUSEADDR);
        m.set("error", PyExc.OS_ERROR);
        m.set("ConnectionRefusedError", CONNECTION_REFUSED);
        m.set("socket", SOCKET_TYPE);
        return m;
    }

    static { // the type gets its methods once, before any interpreter can see it
        SOCKET_TYPE.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("socket", a, off, n, kw, 0, "family", "type", "proto");
            if (Params.optLong(p[0], AF_INET) != AF_INET || Params.optLong(p[1], SOCK_STREAM) != SOCK_STREAM) {
                throw PyExc.notImplemented("sockets other than AF_INET/SOCK_STREAM");
            }
            return new PySocket();
        };
        PyType t = SOCKET_TYPE;
        t.addMethod("setsockopt", (a, off, n, kw) -> {
            Args.exactly("setsockopt", n - 1, 3, kw);
            long level = Args.asLong(a[off + 1]);
            long opt = Args.asLong(a[off + 2]);
            if (level == SOL_SOCKET && opt == SO_REUSEADDR) {
                sock(a, off).reuseAddress = Args.asLong(a[off + 3]) != 0;
            }
            return PyNone.newRef();
        });
        FixedArity.procedure(t, "bind", "bind", 1, (a, off) -> sock(a, off).bind(address(a[off + 1])));
        t.addMethod("listen", (a, off, n, kw) -> {
            Args.between("listen", n - 1, 0, 1, kw);
            sock(a, off).listen(n > 1 ? (int) Math.max(0, Math.min(Args.asLong(a[off + 1]), 4096)) : 128);
            return PyNone.newRef();
        });
        FixedArity.function(t, "accept", "accept", 0, (a, off) -> sock(a, off).accept());
        FixedArity.procedure(t, "connect", "connect", 1, (a, off) -> sock(a, off).connect(address(a[off + 1])));
        t.addMethod("send", (a, off, n, kw) -> {
            Args.between("send", n - 1, 1, 2, kw);
            return PyInt.of(sock(a, off).send(bytes(a[off + 1]), false));
        });
        t.addMethod("sendall", (a, off, n, kw) -> {
            Args.between("sendall", n - 1, 1, 2, kw);
            sock(a, off).send(bytes(a[off + 1]), true);
            return PyNone.newRef();
        });
        t.addMethod("recv", (a, off, n, kw) -> {
            Args.between("recv", n - 1, 1, 2, kw);
            long size = Args.asLong(a[off + 1]);
            if (size < 0) {
                throw PyExc.valueError("negative buffersize in recv");
            }
            return sock(a, off).recv((int) Math.min(size, 1 << 24));
        });
        FixedArity.function(t, "getsockname", "getsockname", 0, (a, off) -> sock(a, off).localAddress());
        FixedArity.procedure(t, "close", "close", 0, (a, off) -> sock(a, off).close());
        for (String unsupported : new String[] {"settimeout", "setblocking", "shutdown", "makefile", "sendto", "recvfrom"}) {
            t.addMethod(unsupported, (a, off, n, kw) -> {
                throw PyExc.notImplemented("socket." + unsupported + "()");
            });
        }
        t.addMethod("__enter__", (a, off, n, kw) -> {
            RefCount.incref(a[off]);
            return a[off];
        });
        t.addMethod("__exit__", (a, off, n, kw) -> {
            sock(a, off).close();
            return PyNone.newRef();
        });
    }

    private static PySocket sock(PyObject[] a, int off) {
        return (PySocket) a[off];
    }

    private static InetSocketAddress address(PyObject o) {
        if (!(o instanceof PyTuple t) || t.size() != 2) {
            throw PyExc.typeError("AF_INET address must be tuple, not " + o.type().name());
        }
        if (!(t.getBorrowed(0) instanceof PyStr host)) {
            throw PyExc.typeError("str, bytes or bytearray expected, not " + t.getBorrowed(0).type().name());
        }
        long port = Args.asLong(t.getBorrowed(1));
        if (port < 0 || port > 65535) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "bind(): port must be 0-65535.");
        }
        String h = host.value.isEmpty() ? "0.0.0.0" : host.value.equals("localhost") ? "127.0.0.1" : host.value;
        return new InetSocketAddress(h, (int) port);
    }

    private static byte[] bytes(PyObject o) {
        if (o instanceof PyBytes b) {
            return b.toByteArray();
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + o.type().name() + "'");
    }

    private static PyObject addressTuple(SocketAddress sa) {
        InetSocketAddress a = (InetSocketAddress) sa;
        return PyTuple.steal(new PyObject[] {PyStr.of(a.getAddress().getHostAddress()), PyInt.of(a.getPort())});
    }

    /** An I/O failure as the OSError subclass CPython raises, with Linux's errno. */
    static PyException osError(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof ConnectException || msg.contains("Connection refused")) {
            return new PyException(CONNECTION_REFUSED, "[Errno 111] Connection refused");
        }
        if (e instanceof BindException || msg.contains("Address already in use")) {
            return new PyException(PyExc.OS_ERROR, "[Errno 98] Address already in use");
        }
        if (msg.contains("Connection reset")) {
            return new PyException(CONNECTION_RESET, "[Errno 104] Connection reset by peer");
        }
        if (msg.contains("Broken pipe")) {
            return new PyException(BROKEN_PIPE, "[Errno 32] Broken pipe");
        }
        if (e instanceof ClosedChannelException) {
            return new PyException(PyExc.OS_ERROR, "[Errno 9] Bad file descriptor");
        }
        return new PyException(PyExc.OS_ERROR, msg);
    }

    /** A blocking channel operation. */
    private interface Io {
        void run() throws IOException;
    }

    /** Runs {@code io} with the GIL released; an interrupt (Ctrl-C) becomes KeyboardInterrupt. */
    private static void blocking(Io io) {
        IOException[] failure = new IOException[1];
        Blocking.run(() -> {
            try {
                io.run();
            } catch (ClosedByInterruptException e) {
                throw new InterruptedException();
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw osError(failure[0]);
        }
    }

    /** {@code socket.socket}. */
    static final class PySocket extends PyObject {
        volatile boolean reuseAddress;
        private volatile SocketChannel bound;
        private volatile ServerSocketChannel listener;
        private volatile SocketChannel conn;
        private volatile boolean closed;

        PySocket() {
        }

        PySocket(SocketChannel accepted) {
            this.conn = accepted;
        }

        @Override
        public PyType type() {
            return SOCKET_TYPE;
        }

        private void checkOpen() {
            if (closed) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 9] Bad file descriptor");
            }
        }

        synchronized void bind(InetSocketAddress at) {
            checkOpen();
            if (bound != null || listener != null || conn != null) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 22] Invalid argument");
            }
            try {
                SocketChannel ch = SocketChannel.open();
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
                try {
                    ch.bind(at);
                } catch (IOException e) {
                    ch.close();
                    throw e;
                }
                bound = ch;
            } catch (IOException e) {
                throw osError(e);
            }
        }

        /**
         * Starts listening on the bound address. Java cannot make a bound channel listen, so the
         * port is released and bound again at once by a listening channel (reuse allowed: the
         * released socket never connected, so nothing of it lingers).
         */
        synchronized void listen(int backlog) {
            checkOpen();
            if (listener != null) {
                return; // listening already: a second listen() changes nothing here
            }
            SocketChannel b = bound;
            if (b == null) {
                throw PyExc.notImplemented(conn != null ? "listen() on a connected socket" : "listen() on a socket that is not bound");
            }
            try {
                SocketAddress at = b.getLocalAddress();
                b.close();
                bound = null;
                ServerSocketChannel ch = ServerSocketChannel.open();
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                try {
                    ch.bind(at, backlog);
                } catch (IOException e) {
                    ch.close();
                    throw e;
                }
                listener = ch;
            } catch (IOException e) {
                throw osError(e);
            }
        }

        PyObject accept() {
            checkOpen();
            ServerSocketChannel l = listener;
            if (l == null) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 22] Invalid argument");
            }
            SocketChannel[] got = new SocketChannel[1];
            blocking(() -> got[0] = l.accept());
            try {
                SocketAddress peer = got[0].getRemoteAddress();
                return PyTuple.steal(new PyObject[] {new PySocket(got[0]), addressTuple(peer)});
            } catch (IOException e) {
                throw osError(e);
            }
        }

        void connect(InetSocketAddress to) {
            checkOpen();
            if (listener != null) {
                throw PyExc.notImplemented("connect() on a listening socket");
            }
            if (conn != null) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 106] Transport endpoint is already connected");
            }
            SocketChannel[] ch = new SocketChannel[1];
            SocketChannel b = bound; // connects from the bound address, as CPython's connect after bind
            blocking(() -> {
                SocketChannel c = b != null ? b : SocketChannel.open();
                try {
                    c.connect(to);
                } catch (IOException e) {
                    c.close();
                    throw e;
                }
                ch[0] = c;
            });
            bound = null;
            conn = ch[0];
        }

        private SocketChannel connected() {
            checkOpen();
            SocketChannel c = conn;
            if (c == null) {
                throw new PyException(PyExc.OS_ERROR, "[Errno 107] Transport endpoint is not connected");
            }
            return c;
        }

        long send(byte[] data, boolean all) {
            SocketChannel c = connected();
            ByteBuffer buf = ByteBuffer.wrap(data);
            long[] sent = new long[1];
            blocking(() -> {
                do {
                    sent[0] += c.write(buf);
                } while (all && buf.hasRemaining());
            });
            return sent[0];
        }

        PyObject recv(int size) {
            SocketChannel c = connected();
            ByteBuffer buf = ByteBuffer.allocate(size);
            int[] n = new int[1];
            if (size > 0) {
                blocking(() -> n[0] = c.read(buf));
            }
            return PyBytes.wrap(n[0] <= 0 ? new byte[0] : Arrays.copyOf(buf.array(), n[0]));
        }

        PyObject localAddress() {
            checkOpen();
            try {
                if (listener != null) {
                    return addressTuple(listener.getLocalAddress());
                }
                if (bound != null) {
                    return addressTuple(bound.getLocalAddress());
                }
                if (conn != null) {
                    return addressTuple(conn.getLocalAddress());
                }
            } catch (IOException e) {
                throw osError(e);
            }
            return PyTuple.steal(new PyObject[] {PyStr.of("0.0.0.0"), PyInt.of(0)});
        }

        void close() {
            closed = true;
            try {
                if (bound != null) {
                    bound.close();
                }
                if (listener != null) {
                    listener.close();
                }
                if (conn != null) {
                    conn.close();
                }
            } catch (IOException e) {
                throw osError(e);
            }
        }

        @Override
        protected void dealloc() {
            try {
                close();
            } catch (PyException ignored) {
                ignored.release();
                // a socket freed by the count closes quietly, as CPython's (minus its ResourceWarning)
            }
        }
    }
}
