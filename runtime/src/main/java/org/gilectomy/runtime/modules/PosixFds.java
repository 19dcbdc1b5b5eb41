package org.gilectomy.runtime.modules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.interp.Params;

/**
 * {@code os.open}'s file descriptors: small integers from 3 up (the lowest free one, as POSIX
 * gives), each a Java FileChannel and the path it was opened with; read, write, lseek, close.
 * Descriptors 0-2 are the runtime's standard streams, which these calls do not reach.
 *
 * <pre>
 * Overview
 *
 * The table is process-wide, as descriptors are. OPEN is guarded by its own monitor: open and
 * close (rare calls) take it to pick or free a number; read, write and lseek take it only to
 * find the channel and then use the channel outside it (a FileChannel orders its own calls),
 * with the GIL released while they block. A descriptor closed while another thread uses it
 * makes that thread's call fail with EBADF, as a racing close(2) does.
 * </pre>
 */
final class PosixFds {
    private record Fd(FileChannel channel, Path path) {
    }

    private static final TreeMap<Long, Fd> OPEN = new TreeMap<>();

    private PosixFds() {
    }

    private static Fd get(long fd) {
        if (fd >= 0 && fd <= 2) {
            throw PyExc.notImplemented("os.read/os.write/os.lseek on the standard descriptors 0-2");
        }
        synchronized (OPEN) {
            Fd f = OPEN.get(fd);
            if (f == null) {
                throw OsErrors.of("EBADF", null);
            }
            return f;
        }
    }

    static boolean isOpen(long fd) {
        synchronized (OPEN) {
            return OPEN.containsKey(fd);
        }
    }

    /** The path descriptor {@code fd} was opened with (for fstat). */
    static Path pathOf(long fd) {
        return get(fd).path;
    }

    /** The channel of descriptor {@code fd} (for io.open of a descriptor). */
    static FileChannel channelOf(long fd) {
        return get(fd).channel;
    }

    private static long add(FileChannel c, Path p) {
        synchronized (OPEN) {
            long fd = 3;
            for (long used : OPEN.keySet()) {
                if (used != fd) {
                    break;
                }
                fd++;
            }
            OPEN.put(fd, new Fd(c, p));
            return fd;
        }
    }

    /** Java-only work on a channel (no Python objects: it runs with the GIL released). */
    private interface ChannelCall {
        Object run(FileChannel c) throws IOException;
    }

    /** Runs {@code call} on descriptor {@code fd}'s channel with the GIL released; its failure as OSError. */
    private static Object onChannel(long fd, ChannelCall call) {
        Fd f = get(fd);
        Object[] result = new Object[1];
        IOException[] failure = new IOException[1];
        Blocking.run(() -> {
            try {
                result[0] = call.run(f.channel);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] instanceof java.nio.channels.ClosedChannelException) {
            throw OsErrors.of("EBADF", null);
        }
        if (failure[0] != null) {
            throw OsErrors.of(failure[0], null);
        }
        return result[0];
    }

    static void install(PyModule m) {
        Defs.def(m, "open", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("open", a, off, n, kw, 2, "path", "flags", "mode", "dir_fd");
            if (p[3] != null && p[3] != PyNone.NONE) {
                throw PyExc.notImplemented("os.open(dir_fd=...)");
            }
            Path path = Path.of(PosixModule.path("open", p[0], " or os.PathLike"));
            int flags = (int) Args.asLong(p[1]);
            int mode = (int) Params.optLong(p[2], 0777);
            try {
                FileChannel c = FileChannel.open(path, options(flags),
                        PosixFilePermissions.asFileAttribute(PosixModule.permissions(mode)));
                return PyInt.of(add(c, path));
            } catch (IOException e) {
                throw OsErrors.of(e, p[0]);
            }
        });
        Defs.def(m, "close", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("close", a, off, n, kw, 1, "fd");
            long fd = Args.asLong(p[0]);
            get(fd);
            Fd f;
            synchronized (OPEN) {
                f = OPEN.remove(fd);
            }
            if (f == null) {
                throw OsErrors.of("EBADF", null);
            }
            try {
                f.channel.close();
            } catch (IOException e) {
                throw OsErrors.of(e, null);
            }
            return PyNone.newRef();
        });
        Defs.def(m, "read", (a, off, n, kw) -> {
            Args.exactly("read", n, 2, kw);
            long fd = Args.asLong(a[off]);
            long size = Args.asLong(a[off + 1]);
            if (size < 0) {
                throw OsErrors.of("EINVAL", null);
            }
            return PyBytes.wrap((byte[]) onChannel(fd, c -> {
                ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
                int got = c.read(b);
                byte[] out = new byte[Math.max(got, 0)];
                b.flip();
                b.get(out);
                return out;
            }));
        });
        Defs.def(m, "write", (a, off, n, kw) -> {
            Args.exactly("write", n, 2, kw);
            long fd = Args.asLong(a[off]);
            byte[] data = IoModule.bytesArg(a[off + 1]);
            return PyInt.of((Integer) onChannel(fd, c -> c.write(ByteBuffer.wrap(data))));
        });
        Defs.def(m, "lseek", (a, off, n, kw) -> {
            Args.exactly("lseek", n, 3, kw);
            long fd = Args.asLong(a[off]);
            long pos = Args.asLong(a[off + 1]);
            long how = Args.asLong(a[off + 2]);
            long at = (Long) onChannel(fd, c -> {
                long base = how == 0 ? 0 : how == 1 ? c.position() : how == 2 ? c.size() : -1;
                if (base < 0 || base + pos < 0) {
                    return -1L;
                }
                c.position(base + pos);
                return base + pos;
            });
            if (at < 0) {
                throw OsErrors.of("EINVAL", null);
            }
            return PyInt.of(at);
        });
        Defs.def(m, "ftruncate", (a, off, n, kw) -> {
            Args.exactly("ftruncate", n, 2, kw);
            long length = Args.asLong(a[off + 1]);
            if (length < 0) {
                throw OsErrors.of("EINVAL", null);
            }
            boolean done = (Boolean) onChannel(Args.asLong(a[off]), c -> {
                if (length > c.size()) {
                    return false;
                }
                c.truncate(length);
                return true;
            });
            if (!done) {
                throw PyExc.notImplemented("os.ftruncate() that extends a file");
            }
            return PyNone.newRef();
        });
        Defs.def(m, "fsync", (a, off, n, kw) -> {
            Args.exactly("fsync", n, 1, kw);
            onChannel(Args.asLong(a[off]), c -> {
                c.force(true);
                return null;
            });
            return PyNone.newRef();
        });
    }

    /** Java's open options for POSIX open flags (those without an equivalent are refused). */
    private static Set<OpenOption> options(int flags) {
        Set<OpenOption> o = new HashSet<>();
        int access = flags & 3;
        if (access == 0 || access == 2) {
            o.add(StandardOpenOption.READ);
        }
        if (access == 1 || access == 2) {
            o.add(StandardOpenOption.WRITE);
        }
        if ((flags & 1024) != 0) {
            o.add(StandardOpenOption.APPEND);
        }
        if ((flags & 64) != 0) {
            o.add((flags & 128) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & 512) != 0) {
            o.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((flags & 131072) != 0) {
            o.add(LinkOption.NOFOLLOW_LINKS);
        }
        if ((flags & 0x101000) != 0) {
            o.add(StandardOpenOption.SYNC);
        }
        int known = 3 | 64 | 128 | 256 | 512 | 1024 | 2048 | 131072 | 524288 | 0x101000 | 4096;
        if ((flags & ~known) != 0) {
            throw PyExc.notImplemented("os.open() flags 0x" + Integer.toHexString(flags & ~known));
        }
        return o;
    }
}
