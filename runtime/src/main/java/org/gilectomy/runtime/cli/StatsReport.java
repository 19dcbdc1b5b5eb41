package org.gilectomy.runtime.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gilectomy.locks.Gil;
import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.GilStats;
import org.gilectomy.locks.LockKind;
import org.gilectomy.locks.LockStats;
import org.gilectomy.cacheline.TransferCounter;
import org.gilectomy.refcount.CollectorStats;
import org.gilectomy.refcount.RefCountStats;

/**
 * The statistics of one run, as {@code --stats} prints them and as the JSON files
 * ({@code --stats-json}, {@code --timing-file}) hold them.
 *
 * <p>GIL figures are always counted (the GIL counts under its own mutex, for free); per-object
 * lock and refcount figures only with {@code -Dgilectomy.stats=true} ({@link #countingEnabled}):
 * without it they are {@code null} here and absent from the JSON.
 *
 * <p>JSON field names (all counts are integers, times are integer nanoseconds):
 * {@code stats_enabled}, {@code gil_acquisitions}, {@code gil_switches},
 * {@code gil_drop_requests}, {@code gil_forced_switches}, {@code gil_contended},
 * {@code gil_wait_total_ns}, {@code gil_wait_max_ns}, {@code lock_acquisitions},
 * {@code lock_contended}, {@code lock_spin_rounds}, {@code lock_parks}, {@code lock_handoffs},
 * {@code lock_wait_total_ns}, {@code lock_wait_max_ns}, {@code refcount_increfs},
 * {@code refcount_decrefs}, {@code refcount_frees}; with {@code --count-transfers} also
 * {@code bytecodes}, {@code transfers_total}, {@code transfers_per_1000_bytecodes} (a number)
 * and {@code transfers_by_type} (an object: type name -> {@code {incref, decref, lock, unlock}});
 * {@code non_owner_writes_by_type} (the same shape: count writes by a thread that does not own
 * the object, biased builds only, empty otherwise);
 * always the cycle collector's {@code gc_collections}, {@code gc_examined}, {@code gc_collected},
 * {@code gc_pause_p50_ns}, {@code gc_pause_p99_ns}, {@code gc_pause_max_ns} (the time other
 * threads could not run Python) and {@code gc_stop_the_world_p50_ns}, {@code _p99_ns},
 * {@code _max_ns} (free-threaded builds: the time to stop them; 0 under a GIL).
 *
 * @param config          the build that ran
 * @param countingEnabled whether {@code -Dgilectomy.stats=true} was in force
 * @param lock            per-object lock totals; null when not counted
 * @param gil             GIL totals; null when there is no GIL
 * @param refcount        refcount totals; null when not counted
 * @param transfers       the cache-line transfer model's totals; null without --count-transfers
 * @param gc              the cycle collector's figures; null when not read (tests)
 */
public record StatsReport(BuildConfig config, boolean countingEnabled, LockStats.Totals lock,
                          GilStats.Totals gil, RefCountStats.Totals refcount, TransferCounter.Totals transfers,
                          CollectorStats.Snapshot gc) {

    /** Without the cycle collector's figures. */
    public StatsReport(BuildConfig config, boolean countingEnabled, LockStats.Totals lock,
                       GilStats.Totals gil, RefCountStats.Totals refcount, TransferCounter.Totals transfers) {
        this(config, countingEnabled, lock, gil, refcount, transfers, null);
    }

    /** Without the transfer model. */
    public StatsReport(BuildConfig config, boolean countingEnabled, LockStats.Totals lock,
                       GilStats.Totals gil, RefCountStats.Totals refcount) {
        this(config, countingEnabled, lock, gil, refcount, null);
    }

    /**
     * Reads the process's statistics. Initialises {@code Gil}, {@code LockStats} and
     * {@code RefCountStats}: call it only after the build's system properties are set.
     */
    public static StatsReport collect(BuildConfig config) {
        boolean counting = LockStats.ENABLED;
        return new StatsReport(config, counting,
                counting ? LockStats.totals() : null,
                Gil.INSTANCE == null ? null : Gil.INSTANCE.stats(),
                counting ? RefCountStats.totals() : null,
                TransferCounter.ENABLED ? TransferCounter.totals() : null,
                CollectorStats.snapshot());
    }

    /** The statistics as flat JSON members, in a fixed order (see the class comment). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stats_enabled", countingEnabled);
        if (gil != null) {
            m.put("gil_acquisitions", gil.acquisitions());
            m.put("gil_switches", gil.switches());
            m.put("gil_drop_requests", gil.dropRequests());
            m.put("gil_forced_switches", gil.forcedSwitches());
            m.put("gil_contended", gil.contended());
            m.put("gil_failed_reacquisitions", gil.failedReacquisitions());
            m.put("gil_wait_total_ns", gil.totalWaitNanos());
            m.put("gil_wait_max_ns", gil.maxWaitNanos());
            m.put("gil_wait_p50_ns", gil.waitP50Nanos());
            m.put("gil_wait_p99_ns", gil.waitP99Nanos());
            m.put("gil_wait_p999_ns", gil.waitP999Nanos());
        }
        if (lock != null) {
            m.put("lock_acquisitions", lock.acquisitions());
            m.put("lock_contended", lock.contended());
            m.put("lock_spin_rounds", lock.spinRounds());
            m.put("lock_parks", lock.parks());
            m.put("lock_handoffs", lock.handoffs());
            m.put("lock_wait_total_ns", lock.totalWaitNanos());
            m.put("lock_wait_max_ns", lock.maxWaitNanos());
        }
        if (refcount != null) {
            m.put("refcount_increfs", refcount.increfs());
            m.put("refcount_decrefs", refcount.decrefs());
            m.put("refcount_frees", refcount.frees());
        }
        if (gc != null) {
            m.put("gc_collections", gc.totalCollections());
            m.put("gc_examined", gc.totalExamined());
            m.put("gc_collected", gc.totalCollected());
            m.put("gc_pause_p50_ns", gc.pauseP50Nanos());
            m.put("gc_pause_p99_ns", gc.pauseP99Nanos());
            m.put("gc_pause_max_ns", gc.pauseMaxNanos());
            m.put("gc_stop_the_world_p50_ns", gc.stopP50Nanos());
            m.put("gc_stop_the_world_p99_ns", gc.stopP99Nanos());
            m.put("gc_stop_the_world_max_ns", gc.stopMaxNanos());
        }
        if (transfers != null) {
            m.put("bytecodes", transfers.bytecodes());
            m.put("transfers_total", transfers.transfers());
            m.put("transfers_per_1000_bytecodes", BigDecimal.valueOf(transfers.perThousandBytecodes())
                    .setScale(3, java.math.RoundingMode.HALF_EVEN));
            m.put("transfers_by_type", byTypeJson(transfers.byType()));
            m.put("non_owner_writes_by_type", byTypeJson(transfers.nonOwnerByType()));
        }
        return m;
    }

    /** The build as flat JSON members: preset, label, gil, refcount, lock. */
    public static Map<String, Object> configFields(BuildConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", config.preset().flagName());
        m.put("label", config.label());
        m.put("gil", config.gil().flagName());
        m.put("refcount", config.refcount().flagName());
        m.put("lock", config.lock().flagName());
        return m;
    }

    /** The block {@code --stats} prints on stderr at exit. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("--- gilectomy stats: ").append(config.label())
                .append(" (gil=").append(config.gil().flagName())
                .append(", refcount=").append(config.refcount().flagName())
                .append(", lock=").append(config.lock().flagName()).append(") ---\n");

        if (config.lock() == LockKind.NONE) {
            sb.append("per-object lock: none (lock=none)\n");
        } else if (lock == null) {
            sb.append("per-object lock: not counted (run with --stats)\n");
        } else {
            sb.append("per-object lock:\n");
            line(sb, "acquisitions", count(lock.acquisitions()));
            line(sb, "contended", count(lock.contended()) + percent(lock.contended(), lock.acquisitions()));
            line(sb, "spin rounds", count(lock.spinRounds()));
            line(sb, "parks", count(lock.parks()));
            line(sb, "hand-offs", count(lock.handoffs()));
            line(sb, "wait total", millis(lock.totalWaitNanos()));
            line(sb, "wait max", millis(lock.maxWaitNanos()));
        }

        if (gil == null || config.gil() == GilKind.NONE) {
            sb.append("GIL: none (free-threaded build)\n");
        } else {
            sb.append("GIL (").append(config.gil().flagName()).append("):\n");
            line(sb, "acquisitions", count(gil.acquisitions()));
            line(sb, "switches", count(gil.switches()));
            line(sb, "drop requests", count(gil.dropRequests()));
            line(sb, "forced switches", count(gil.forcedSwitches()));
            line(sb, "contended", count(gil.contended()) + percent(gil.contended(), gil.acquisitions()));
            line(sb, "failed re-acquisitions", count(gil.failedReacquisitions()));
            line(sb, "wait total", millis(gil.totalWaitNanos()));
            line(sb, "wait max", millis(gil.maxWaitNanos()));
            line(sb, "wait p50/p99/p99.9", millis(gil.waitP50Nanos()) + " / " + millis(gil.waitP99Nanos())
                    + " / " + millis(gil.waitP999Nanos()));
        }

        if (refcount == null) {
            sb.append("refcount: not counted (run with --stats)\n");
        } else {
            sb.append("refcount (").append(config.refcount().flagName()).append("):\n");
            line(sb, "increfs", count(refcount.increfs()));
            line(sb, "decrefs", count(refcount.decrefs()));
            line(sb, "frees", count(refcount.frees()));
        }
        if (gc != null) {
            sb.append("cycle collector:\n");
            line(sb, "collections", count(gc.totalCollections()) + " (by generation " + count(gc.collections()[0])
                    + " / " + count(gc.collections()[1]) + " / " + count(gc.collections()[2]) + ")");
            line(sb, "objects examined", count(gc.totalExamined()));
            line(sb, "objects collected", count(gc.totalCollected()));
            line(sb, "pause p50/p99/max", millis(gc.pauseP50Nanos()) + " / " + millis(gc.pauseP99Nanos())
                    + " / " + millis(gc.pauseMaxNanos()));
            line(sb, "stop p50/p99/max", millis(gc.stopP50Nanos()) + " / " + millis(gc.stopP99Nanos())
                    + " / " + millis(gc.stopMaxNanos()));
        }
        if (transfers != null) {
            sb.append("cache-line transfers (software model: a header write by another thread than the last writer):\n");
            line(sb, "bytecodes", count(transfers.bytecodes()));
            line(sb, "transfers", count(transfers.transfers()));
            line(sb, "per 1,000 bytecodes", String.format(Locale.ROOT, "%,.3f", transfers.perThousandBytecodes()));
            byTypeTable(sb, transfers.byType());
            if (!transfers.nonOwnerByType().isEmpty()) {
                sb.append("count writes by a thread that does not own the object (biased shared path; does not"
                        + " depend on how the threads interleave):\n");
                byTypeTable(sb, transfers.nonOwnerByType());
            }
        }
        return sb.toString();
    }

    /** One row per type (incref, decref, lock, unlock), most first. */
    private static void byTypeTable(StringBuilder sb, Map<String, long[]> byType) {
        int width = 22;
        for (String type : byType.keySet()) {
            width = Math.max(width, type.length());
        }
        String row = "  %-" + width + "s %,12d %,12d %,12d %,12d%n";
        sb.append(String.format(Locale.ROOT, "  %-" + width + "s %12s %12s %12s %12s%n", "by type",
                "incref", "decref", "lock", "unlock"));
        byType.entrySet().stream()
                .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> sb.append(String.format(Locale.ROOT, row, e.getKey(),
                        e.getValue()[TransferCounter.INCREF], e.getValue()[TransferCounter.DECREF],
                        e.getValue()[TransferCounter.LOCK], e.getValue()[TransferCounter.UNLOCK])));
    }

    /** type name -> {incref, decref, lock, unlock}, most first (JSON). */
    private static Map<String, Object> byTypeJson(Map<String, long[]> byType) {
        Map<String, Object> r = new LinkedHashMap<>();
        byType.entrySet().stream()
                .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> {
                    Map<String, Object> ops = new LinkedHashMap<>();
                    for (int k = 0; k < TransferCounter.OPERATIONS.length; k++) {
                        ops.put(TransferCounter.OPERATIONS[k], e.getValue()[k]);
                    }
                    r.put(e.getKey(), ops);
                });
        return r;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-22s %s%n", name, value));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * part / whole);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.3f ms", nanos / 1e6);
    }

    /** Nanoseconds as exact decimal seconds, for JSON. */
    public static BigDecimal seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9);
    }

    /** Writes {@code object} as pretty JSON, creating parent directories. */
    public static void writeJson(Path file, Map<String, ?> object) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.writePretty(object), StandardCharsets.UTF_8);
    }
}
