package org.gilectomy.cacheline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;

import org.gilectomy.locks.Build;
import org.gilectomy.locks.Lockable;
import org.gilectomy.threadstate.ThreadCounters;

/**
 * A software model of cache-line transfers on object headers ({@code --count-transfers}):
 * what {@code perf stat} would show as coherence misses where a machine has no hardware
 * counters, attributed to the object type and the operation that caused them.
 *
 * <pre>
 * Overview
 *
 * The header (lock word, reference counts) sits on one cache line. Every write to it, an
 * incref or decref that really writes (immortal objects' are skipped before any write) or a
 * lock-word write that takes or releases a lock, calls record(o, op):
 *   me = current thread id; i = slot of o; prev = LAST_WRITER[i] (opaque)
 *   if prev != me: LAST_WRITER[i] = me (opaque); if prev != 0: count one transfer (type, op)
 * A new object's slot gets its creating thread (Lockable's constructor: created(o)). The
 * last writers live in a table of their own, indexed by the object's identity hash, so the
 * header pays no field for a diagnostic mode: 2^SLOT_BITS ints (16 MB by default), allocated
 * only when the mode is on. The counts go to per-thread rows (TypeCounters): nothing here
 * contends but the table's slots and the header line the modelled write was going to take
 * anyway. Bytecodes executed are counted per thread too, so that reports can say "transfers
 * per 1,000 bytecodes".
 *
 * The switch is a static final from -Dgilectomy.count-transfers: with it off, every call site
 * (guarded by ENABLED) folds away and nothing is allocated.
 *
 * Non-owner writes (nonOwner(o, op)), a second table: every count write that a biased build
 * sends down its shared path because the writer is not the object's owner, by type and
 * operation. Unlike a transfer, which needs the two threads to interleave (and so depends on
 * the scheduler and the machine's load), this is a property of the program and the runtime:
 * the same run on a loaded or a quiet machine gives about the same figure, so a change meant
 * to stop threads writing a shared object can be checked with it.
 *
 * Not promised: an exact figure. A slot is read and written without atomicity, so two
 * threads writing at once may each count or one may miss a transfer; two objects whose
 * identity hashes share a slot look like one (a write to one after another thread wrote the
 * other counts as a transfer: rare with 4 M slots, and a write to a new object's slot is
 * preceded by its creation's); a real CPU's line also moves on reads, which this model
 * ignores (it counts ownership changes by writers).
 * </pre>
 */
public final class TransferCounter {
    public static final String PROPERTY = Build.PREFIX + "count-transfers";
    public static final boolean ENABLED = Build.flag("count-transfers");

    public static final int INCREF = 0;
    public static final int DECREF = 1;
    public static final int LOCK = 2;
    public static final int UNLOCK = 3;
    /** JSON member names of the operations, in column order. */
    public static final String[] OPERATIONS = {"incref", "decref", "lock", "unlock"};

    /** log2 of the number of last-writer slots. */
    public static final int DEFAULT_SLOT_BITS = 22;
    private static final int SLOT_MASK = (1 << Build.integer("count-transfers.slot-bits", DEFAULT_SLOT_BITS)) - 1;
    /** The last writer of each slot (0: nobody yet); null when the mode is off. */
    private static final int[] LAST_WRITER = ENABLED ? new int[SLOT_MASK + 1] : null;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

    private static final TypeCounters TRANSFERS = new TypeCounters(OPERATIONS.length);
    private static final TypeCounters NON_OWNER = new TypeCounters(OPERATIONS.length);
    private static final ThreadCounters<long[]> BYTECODES = new ThreadCounters<>(() -> new long[1]);

    private TransferCounter() {
    }

    /** The calling thread's id as a writer (never 0: 0 means "nobody yet"). */
    static int writerId() {
        int id = (int) Thread.currentThread().getId();
        return id != 0 ? id : 1;
    }

    private static int slotOf(Object o) {
        int h = System.identityHashCode(o);
        return (h ^ (h >>> 16)) & SLOT_MASK;
    }

    /** {@code o} was just created by the calling thread: the first writer of its header. */
    public static void created(Lockable o) {
        SLOT.setOpaque(LAST_WRITER, slotOf(o), writerId());
    }

    /** A write of {@code o}'s header by the calling thread, for operation {@code op}. */
    public static void record(Lockable o, int op) {
        int me = writerId();
        int i = slotOf(o);
        int prev = (int) SLOT.getOpaque(LAST_WRITER, i);
        if (prev != me) {
            SLOT.setOpaque(LAST_WRITER, i, me);
            if (prev != 0) {
                TRANSFERS.add(o, op, 1);
            }
        }
    }

    /**
     * A count write of {@code o} by a thread that does not own it (the biased build's shared
     * path), for operation {@code op}: counted whether or not the line last belonged to another
     * thread.
     */
    public static void nonOwner(Lockable o, int op) {
        NON_OWNER.add(o, op, 1);
    }

    /** One bytecode executed by the calling thread (the eval loop calls it when ENABLED). */
    public static void bytecode() {
        BYTECODES.mine()[0]++;
    }

    /**
     * Totals over all threads: read after the counting threads have ended. {@code nonOwnerByType}:
     * count writes by non-owners ({@link #nonOwner}), by type name, columns as {@code byType}.
     */
    public record Totals(long bytecodes, long transfers, Map<String, long[]> byType,
                         Map<String, long[]> nonOwnerByType) {
        /** Without non-owner writes (a build that has no owners). */
        public Totals(long bytecodes, long transfers, Map<String, long[]> byType) {
            this(bytecodes, transfers, byType, Map.of());
        }

        /** Transfers per 1,000 bytecodes (0 when nothing ran). */
        public double perThousandBytecodes() {
            return bytecodes == 0 ? 0.0 : 1000.0 * transfers / bytecodes;
        }
    }

    public static Totals totals() {
        long b = 0;
        for (long[] c : BYTECODES.all()) {
            b += c[0];
        }
        Map<String, long[]> byType = TRANSFERS.sumByTypeName();
        long t = 0;
        for (long[] row : byType.values()) {
            for (long v : row) {
                t += v;
            }
        }
        return new Totals(b, t, byType, NON_OWNER.sumByTypeName());
    }
}
