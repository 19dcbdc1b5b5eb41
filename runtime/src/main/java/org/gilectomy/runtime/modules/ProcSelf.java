package org.gilectomy.runtime.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What posix reports about the process that Java has no call for, read from Linux's
 * {@code /proc} (user and group ids, CPU times, uname's fields, the environment in its order),
 * with Java's nearest answer where there is no {@code /proc}.
 */
final class ProcSelf {
    /** Linux's USER_HZ, the unit of /proc/self/stat's times (CPython's times() divides by it too). */
    private static final double TICKS = 100.0;

    private ProcSelf() {
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** A real (column 0) or effective (column 1) id from /proc/self/status's {@code Uid:} or {@code Gid:} line. */
    static long id(String key, int column) {
        String status = read("/proc/self/status");
        if (status != null) {
            for (String line : status.split("\n")) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[column]);
                }
            }
        }
        throw org.gilectomy.objects.PyExc.notImplemented("user and group ids without Linux's /proc");
    }

    /** times(): user, system, children's user, children's system, elapsed (seconds). */
    static double[] times() {
        String stat = read("/proc/self/stat");
        String uptime = read("/proc/uptime");
        if (stat == null || uptime == null) {
            throw org.gilectomy.objects.PyExc.notImplemented("os.times() without Linux's /proc");
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd on
        return new double[] {Long.parseLong(f[11]) / TICKS, Long.parseLong(f[12]) / TICKS,
            Long.parseLong(f[13]) / TICKS, Long.parseLong(f[14]) / TICKS, Double.parseDouble(uptime.split(" ")[0])};
    }

    /** uname(): sysname, nodename, release, version, machine. */
    static String[] uname() {
        String arch = System.getProperty("os.arch");
        String machine = arch.equals("amd64") ? "x86_64" : arch;
        String node = read("/proc/sys/kernel/hostname");
        String release = read("/proc/sys/kernel/osrelease");
        String version = read("/proc/sys/kernel/version");
        return new String[] {System.getProperty("os.name"), node != null ? node : "localhost",
            release != null ? release : System.getProperty("os.version"), version != null ? version : "", machine};
    }

    /** The environment in the order the process received it (/proc/self/environ), else Java's map. */
    static List<Map.Entry<String, String>> environment() {
        List<Map.Entry<String, String>> r = new ArrayList<>();
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=', 1);
                if (eq > 0) {
                    r.add(Map.entry(entry.substring(0, eq), entry.substring(eq + 1)));
                }
            }
        } catch (IOException e) {
            r.addAll(System.getenv().entrySet());
        }
        return r;
    }
}
