package org.gilectomy.runtime.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.interp.PythonSource;

/**
 * CPython's {@code posix} (what {@code os.py} builds {@code os} on), on java.nio: stat with
 * {@code stat_result}, the directory calls, {@code os.open}'s descriptors (a table of Java
 * channels, {@link PosixFds}), the environment as bytes, and the process's facts Linux exposes
 * under {@code /proc}. Failures are OSError subclasses with CPython's errno and message
 * (OsErrors). DirEntry and scandir's iterator are written in Python over stat/lstat/listdir.
 *
 * <p>Not supported (each says so): {@code dir_fd}, descriptors as paths, {@code chdir} (a JVM
 * cannot change its working directory), the standard descriptors 0-2 in read/write.
 */
public final class PosixModule {
    private static final String[] STAT_FIELDS = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
        "st_size", null, null, null, "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns",
        "st_ctime_ns", "st_rdev"};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PyObject DOT = PyStr.internBorrowed(".");

    private PosixModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("posix");
        Defs.constant(m, "__doc__", PyStr.of("This module provides access to operating system functionality that is\n"
                + "standardized by the C Standard and the POSIX standard (a thinly\n"
                + "disguised Unix interface).  Refer to the library manual and\n"
                + "corresponding Unix manual entries for more information on calls."));
        constants(m);
        PyObject statResult = StructSeqs.define("os", "stat_result", STAT_FIELDS, 10);
        Defs.constant(m, "stat_result", statResult);
        PyObject terminalSize = StructSeqs.define("os", "terminal_size", new String[] {"columns", "lines"}, 2);
        Defs.constant(m, "terminal_size", terminalSize);
        PyObject times = StructSeqs.define("posix", "times_result",
                new String[] {"user", "system", "children_user", "children_system", "elapsed"}, 5);
        Defs.constant(m, "times_result", times);
        PyObject uname = StructSeqs.define("posix", "uname_result",
                new String[] {"sysname", "nodename", "release", "version", "machine"}, 5);
        Defs.constant(m, "uname_result", uname);
        files(m, statResult);
        PosixFds.install(m);
        process(m, times, uname, terminalSize);
        Defs.constant(m, "environ", environ());
        PyObject scandir = PythonSource.define(PosixPython.SOURCE, "posix", "_define");
        try {
            RefCount.decref(Ops.call(scandir, m));
        } finally {
            RefCount.decref(scandir);
        }
        return m;
    }

    private static void constants(PyModule m) {
        Object[] ints = {"F_OK", 0, "R_OK", 4, "W_OK", 2, "X_OK", 1, "O_RDONLY", 0, "O_WRONLY", 1, "O_RDWR", 2,
            "O_ACCMODE", 3, "O_CREAT", 64, "O_EXCL", 128, "O_NOCTTY", 256, "O_TRUNC", 512, "O_APPEND", 1024,
            "O_NONBLOCK", 2048, "O_NDELAY", 2048, "O_DSYNC", 4096, "O_SYNC", 1052672, "O_FSYNC", 1052672,
            "O_RSYNC", 1052672, "O_DIRECTORY", 65536, "O_NOFOLLOW", 131072, "O_CLOEXEC", 524288,
            "O_LARGEFILE", 0, "EX_OK", 0, "WNOHANG", 1, "TMP_MAX", 238328};
        for (int i = 0; i < ints.length; i += 2) {
            Defs.constant(m, (String) ints[i], PyInt.of((Integer) ints[i + 1]));
        }
        PyList have = new PyList();
        for (String f : new String[] {"HAVE_LSTAT"}) {
            PyObject s = PyStr.of(f);
            have.append(s);
            RefCount.decref(s);
        }
        Defs.constant(m, "_have_functions", have);
    }

    // ---- paths

    /** A path argument: str, bytes or os.PathLike ({@code ints} names what else fn would take, for the message). */
    static String path(String fn, PyObject o, String also) {
        if (o instanceof PyStr s) {
            return checkNul(fn, s.value);
        }
        if (o instanceof PyBytes b) {
            return checkNul(fn, new String(b.toByteArray(), StandardCharsets.UTF_8));
        }
        PyObject fspath = o.type().lookup("__fspath__");
        if (fspath != null) {
            RefCount.decref(fspath);
            PyObject r = callFspath(o);
            try {
                if (r instanceof PyStr || r instanceof PyBytes) {
                    return path(fn, r, also);
                }
                throw PyExc.typeError("expected " + o.type().name() + ".__fspath__() to return str or bytes, not "
                        + r.type().name());
            } finally {
                RefCount.decref(r);
            }
        }
        if (o instanceof PyInt && also.contains("integer")) {
            throw PyExc.notImplemented("os." + fn + "() of a file descriptor");
        }
        throw PyExc.typeError(fn + ": path should be string, bytes" + also + ", not " + o.type().name());
    }

    private static String checkNul(String fn, String s) {
        if (s.indexOf('\0') >= 0) {
            throw PyExc.valueError(fn + ": embedded null character in path");
        }
        return s;
    }

    private static boolean isBytesPath(PyObject o) {
        return o instanceof PyBytes;
    }

    /** A file name in the kind of the path argument: bytes for a bytes path, else str. */
    private static PyObject name(String s, boolean bytes) {
        return bytes ? PyBytes.wrap(s.getBytes(StandardCharsets.UTF_8)) : PyStr.of(s);
    }

    private static void noDirFd(String fn, PyObject dirFd) {
        if (dirFd != null && dirFd != PyNone.NONE) {
            throw PyExc.notImplemented("os." + fn + "(dir_fd=...)");
        }
    }

    private static LinkOption[] links(boolean follow) {
        return follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    private interface IoCall {
        PyObject run() throws IOException;
    }

    /** Runs a file system call, turning its failure into CPython's OSError on {@code filename}. */
    private static PyObject io(PyObject filename, PyObject filename2, IoCall call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw OsErrors.of(e, filename, filename2);
        }
    }

    // ---- files and directories

    private static void files(PyModule m, PyObject statResult) {
        for (String fn : new String[] {"stat", "lstat"}) {
            Defs.def(m, fn, (a, off, n, kw) -> {
                PyObject[] p = Params.bind(fn, a, off, n, kw, 1, "path", "dir_fd", "follow_symlinks");
                noDirFd(fn, p[1]);
                boolean follow = fn.equals("stat") && (p[2] == null || Ops.isTrue(p[2]));
                String path = path(fn, p[0], ", os.PathLike or integer");
                return io(p[0], null, () -> stat(statResult, Path.of(path), follow));
            });
        }
        Defs.def(m, "fstat", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("fstat", a, off, n, kw, 1, "fd");
            Path path = PosixFds.pathOf(Args.asLong(p[0]));
            return io(null, null, () -> stat(statResult, path, true));
        });
        Defs.def(m, "listdir", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("listdir", a, off, n, kw, 0, "path");
            PyObject arg = p[0] == null || p[0] == PyNone.NONE ? null : p[0];
            String dir = arg == null ? "." : path("listdir", arg, ", os.PathLike, integer or None");
            boolean bytes = arg != null && isBytesPath(arg);
            return io(arg == null ? DOT : arg, null, () -> {
                java.util.List<String> found = new java.util.ArrayList<>();
                try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of(dir))) {
                    s.forEach(e -> found.add(e.getFileName().toString()));
                }
                PyList names = new PyList(); // only now: a failure above must leave nothing to release
                for (String f : found) {
                    PyObject name = name(f, bytes);
                    names.append(name);
                    RefCount.decref(name);
                }
                return names;
            });
        });
        Defs.def(m, "mkdir", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("mkdir", a, off, n, kw, 1, "path", "mode", "dir_fd");
            noDirFd("mkdir", p[2]);
            String path = path("mkdir", p[0], " or os.PathLike");
            int mode = (int) Params.optLong(p[1], 0777);
            return io(p[0], null, () -> {
                Files.createDirectory(Path.of(path), PosixFilePermissions.asFileAttribute(permissions(mode)));
                return PyNone.newRef();
            });
        });
        Defs.def(m, "rmdir", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("rmdir", a, off, n, kw, 1, "path", "dir_fd");
            noDirFd("rmdir", p[1]);
            Path path = Path.of(path("rmdir", p[0], " or os.PathLike"));
            return io(p[0], null, () -> {
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw OsErrors.of("ENOTDIR", p[0]);
                }
                Files.delete(path);
                return PyNone.newRef();
            });
        });
        for (String fn : new String[] {"unlink", "remove"}) {
            Defs.def(m, fn, (a, off, n, kw) -> {
                PyObject[] p = Params.bind(fn, a, off, n, kw, 1, "path", "dir_fd");
                noDirFd(fn, p[1]);
                Path path = Path.of(path(fn, p[0], " or os.PathLike"));
                return io(p[0], null, () -> {
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        throw OsErrors.of("EISDIR", p[0]);
                    }
                    Files.delete(path);
                    return PyNone.newRef();
                });
            });
        }
        for (String fn : new String[] {"rename", "replace"}) {
            Defs.def(m, fn, (a, off, n, kw) -> {
                PyObject[] p = Params.bind(fn, a, off, n, kw, 2, "src", "dst", "src_dir_fd", "dst_dir_fd");
                noDirFd(fn, p[2]);
                noDirFd(fn, p[3]);
                Path src = Path.of(path(fn, p[0], " or os.PathLike"));
                Path dst = Path.of(path(fn, p[1], " or os.PathLike"));
                return io(p[0], p[1], () -> {
                    if (Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)
                            && Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
                        throw OsErrors.of("EISDIR", p[0], p[1]);
                    }
                    Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return PyNone.newRef();
                });
            });
        }
        Defs.def(m, "access", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("access", a, off, n, kw, 2, "path", "mode", "dir_fd", "effective_ids", "follow_symlinks");
            noDirFd("access", p[2]);
            Path path = Path.of(path("access", p[0], ", os.PathLike or integer"));
            long mode = Args.asLong(p[1]);
            boolean ok = Files.exists(path) && ((mode & 4) == 0 || Files.isReadable(path))
                    && ((mode & 2) == 0 || Files.isWritable(path)) && ((mode & 1) == 0 || Files.isExecutable(path));
            return PyBool.of(ok);
        });
        Defs.def(m, "chmod", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("chmod", a, off, n, kw, 2, "path", "mode", "dir_fd", "follow_symlinks");
            noDirFd("chmod", p[2]);
            Path path = Path.of(path("chmod", p[0], ", os.PathLike or integer"));
            int mode = (int) Args.asLong(p[1]);
            return io(p[0], null, () -> {
                Files.setAttribute(path, "unix:mode", mode & 07777);
                return PyNone.newRef();
            });
        });
        Defs.def(m, "readlink", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("readlink", a, off, n, kw, 1, "path", "dir_fd");
            noDirFd("readlink", p[1]);
            Path path = Path.of(path("readlink", p[0], " or os.PathLike"));
            return io(p[0], null, () -> name(Files.readSymbolicLink(path).toString(), isBytesPath(p[0])));
        });
        Defs.def(m, "symlink", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("symlink", a, off, n, kw, 2, "src", "dst", "target_is_directory", "dir_fd");
            noDirFd("symlink", p[3]);
            Path src = Path.of(path("symlink", p[0], " or os.PathLike"));
            Path dst = Path.of(path("symlink", p[1], " or os.PathLike"));
            return io(p[0], p[1], () -> {
                Files.createSymbolicLink(dst, src);
                return PyNone.newRef();
            });
        });
        Defs.def(m, "getcwd", (a, off, n, kw) -> {
            Args.exactly("getcwd", n, 0, kw);
            return PyStr.of(Path.of("").toAbsolutePath().toString());
        });
        Defs.def(m, "getcwdb", (a, off, n, kw) -> {
            Args.exactly("getcwdb", n, 0, kw);
            return name(Path.of("").toAbsolutePath().toString(), true);
        });
        Defs.def(m, "chdir", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("chdir", a, off, n, kw, 1, "path");
            Path path = Path.of(path("chdir", p[0], ", os.PathLike or integer"));
            if (!Files.exists(path)) {
                throw OsErrors.of("ENOENT", p[0]);
            }
            if (!Files.isDirectory(path)) {
                throw OsErrors.of("ENOTDIR", p[0]);
            }
            if (!path.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath())) {
                throw PyExc.notImplemented("os.chdir() to another directory (a JVM cannot change its working directory)");
            }
            return PyNone.newRef();
        });
        Defs.def(m, "fspath", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("fspath", a, off, n, kw, 1, "path");
            return fspath(p[0]);
        });
    }

    /** {@code os.fspath(o)}: str and bytes as they are, else {@code o.__fspath__()}. */
    static PyObject fspath(PyObject o) {
        if (o instanceof PyStr || o instanceof PyBytes) {
            RefCount.incref(o);
            return o;
        }
        PyObject method = o.type().lookup("__fspath__");
        if (method == null) {
            throw PyExc.typeError("expected str, bytes or os.PathLike object, not " + o.type().name());
        }
        RefCount.decref(method);
        PyObject r = callFspath(o);
        if (!(r instanceof PyStr || r instanceof PyBytes)) {
            String t = r.type().name();
            RefCount.decref(r);
            throw PyExc.typeError("expected " + o.type().name() + ".__fspath__() to return str or bytes, not " + t);
        }
        return r;
    }

    private static PyObject callFspath(PyObject o) {
        PyObject method = Ops.getAttr(o, "__fspath__");
        try {
            return Ops.call(method);
        } finally {
            RefCount.decref(method);
        }
    }

    /** The permissions a new file or directory gets for {@code mode}, under the process's umask. */
    static Set<PosixFilePermission> permissions(int mode) {
        int bits = mode & ~umask() & 0777;
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    /** The process's umask, as Linux reports it in /proc/self/status (022 if it does not). */
    private static int umask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: the usual default
        }
        return 022;
    }

    private static PyObject stat(PyObject statResult, Path path, boolean follow) throws IOException {
        Map<String, Object> at = Files.readAttributes(path, "unix:*", links(follow));
        FileTime[] times = {(FileTime) at.get("lastAccessTime"), (FileTime) at.get("lastModifiedTime"), (FileTime) at.get("ctime")};
        PyObject[] v = new PyObject[STAT_FIELDS.length];
        v[0] = PyInt.of(((Number) at.get("mode")).longValue());
        v[1] = PyInt.of(((Number) at.get("ino")).longValue());
        v[2] = PyInt.of(((Number) at.get("dev")).longValue());
        v[3] = PyInt.of(((Number) at.get("nlink")).longValue());
        v[4] = PyInt.of(((Number) at.get("uid")).longValue());
        v[5] = PyInt.of(((Number) at.get("gid")).longValue());
        v[6] = PyInt.of(((Number) at.get("size")).longValue());
        for (int i = 0; i < 3; i++) {
            java.time.Instant t = times[i].toInstant();
            long seconds = t.getEpochSecond();
            v[7 + i] = PyInt.of(seconds);
            v[10 + i] = PyFloat.of(seconds + t.getNano() * 1e-9);
            v[13 + i] = PyInt.of(java.math.BigInteger.valueOf(seconds).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                    .add(java.math.BigInteger.valueOf(t.getNano())));
        }
        v[16] = PyInt.of(((Number) at.get("rdev")).longValue());
        return StructSeqs.make(statResult, v);
    }

    // ---- the process

    private static void process(PyModule m, PyObject times, PyObject uname, PyObject terminalSize) {
        Defs.def(m, "getpid", (a, off, n, kw) -> {
            Args.exactly("getpid", n, 0, kw);
            return PyInt.of(ProcessHandle.current().pid());
        });
        Defs.def(m, "getppid", (a, off, n, kw) -> {
            Args.exactly("getppid", n, 0, kw);
            return PyInt.of(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
        });
        for (String fn : new String[] {"getuid", "geteuid", "getgid", "getegid"}) {
            Defs.def(m, fn, (a, off, n, kw) -> {
                Args.exactly(fn, n, 0, kw);
                return PyInt.of(ProcSelf.id(fn.contains("uid") ? "Uid:" : "Gid:", fn.startsWith("gete") ? 1 : 0));
            });
        }
        Defs.def(m, "urandom", (a, off, n, kw) -> {
            Args.exactly("urandom", n, 1, kw);
            long size = Args.asLong(a[off]);
            if (size < 0) {
                throw PyExc.valueError("negative argument not allowed");
            }
            byte[] b = new byte[(int) size];
            RANDOM.nextBytes(b);
            return PyBytes.wrap(b);
        });
        Defs.def(m, "strerror", (a, off, n, kw) -> {
            Args.exactly("strerror", n, 1, kw);
            return PyStr.of(ErrnoModule.message(Args.asLong(a[off])));
        });
        Defs.def(m, "cpu_count", (a, off, n, kw) -> {
            Args.exactly("cpu_count", n, 0, kw);
            return PyInt.of(Runtime.getRuntime().availableProcessors());
        });
        Defs.def(m, "_exit", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("_exit", a, off, n, kw, 1, "status");
            System.out.flush();
            Runtime.getRuntime().halt((int) Args.asLong(p[0]));
            return PyNone.newRef();
        });
        Defs.def(m, "putenv", (a, off, n, kw) -> {
            Args.exactly("putenv", n, 2, kw);
            envName("putenv", a[off]);
            // The JVM cannot change its own environment: os.environ (os.py's copy) holds the value;
            // only a child process would miss it, and this runtime starts none.
            return PyNone.newRef();
        });
        Defs.def(m, "unsetenv", (a, off, n, kw) -> {
            Args.exactly("unsetenv", n, 1, kw);
            envName("unsetenv", a[off]);
            return PyNone.newRef();
        });
        Defs.def(m, "times", (a, off, n, kw) -> {
            Args.exactly("times", n, 0, kw);
            double[] t = ProcSelf.times();
            PyObject[] v = new PyObject[t.length];
            for (int i = 0; i < t.length; i++) {
                v[i] = PyFloat.of(t[i]);
            }
            return StructSeqs.make(times, v);
        });
        Defs.def(m, "uname", (a, off, n, kw) -> {
            Args.exactly("uname", n, 0, kw);
            String[] u = ProcSelf.uname();
            PyObject[] v = new PyObject[u.length];
            for (int i = 0; i < u.length; i++) {
                v[i] = PyStr.of(u[i]);
            }
            return StructSeqs.make(uname, v);
        });
        Defs.def(m, "get_terminal_size", (a, off, n, kw) -> {
            Args.between("get_terminal_size", n, 0, 1, kw);
            long fd = n == 0 ? 1 : Args.asLong(a[off]);
            if (fd < 0 || fd > 2 && !PosixFds.isOpen(fd)) {
                throw OsErrors.of("EBADF", null);
            }
            if (System.console() == null || fd > 2) {
                throw OsErrors.of("ENOTTY", null);
            }
            throw PyExc.notImplemented("os.get_terminal_size() of a terminal (Java cannot ask the terminal its size)");
        });
        Defs.def(m, "waitstatus_to_exitcode", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("waitstatus_to_exitcode", a, off, n, kw, 1, "status");
            long status = Args.asLong(p[0]);
            if ((status & 0x7f) == 0) {
                return PyInt.of((status >> 8) & 0xff);
            }
            if (((status & 0x7f) + 1) >> 1 > 0 && (status & 0xff) != 0x7f) {
                return PyInt.of(-(status & 0x7f));
            }
            throw PyExc.valueError("invalid wait status: " + status);
        });
        Defs.def(m, "isatty", (a, off, n, kw) -> {
            Args.exactly("isatty", n, 1, kw);
            long fd = Args.asLong(a[off]);
            return PyBool.of(fd >= 0 && fd <= 2 && System.console() != null);
        });
    }

    private static void envName(String fn, PyObject name) {
        String s = name instanceof PyBytes b ? new String(b.toByteArray(), StandardCharsets.UTF_8) : path(fn, name, " or os.PathLike");
        if (s.isEmpty() || s.indexOf('=') >= 0) {
            throw PyExc.valueError("illegal environment variable name");
        }
    }

    /** {@code posix.environ}: bytes to bytes, in the order the process received them. */
    private static PyDict environ() {
        PyDict d = new PyDict();
        for (Map.Entry<String, String> e : ProcSelf.environment()) {
            PyObject k = name(e.getKey(), true);
            PyObject v = name(e.getValue(), true);
            d.put(k, v);
            RefCount.decref(k);
            RefCount.decref(v);
        }
        return d;
    }

    /** For PosixFds: the OSError for a failed call on a descriptor. */
    static PyException ioError(IOException e) {
        return OsErrors.of(e, null);
    }
}
