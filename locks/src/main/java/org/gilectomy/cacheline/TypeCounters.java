package org.gilectomy.cacheline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gilectomy.locks.Lockable;
import org.gilectomy.threadstate.ThreadCounters;

/**
 * Counters per object type and per column (an operation), per thread, summed on demand: the
 * storage of the diagnostic modes that count by type ({@link TransferCounter}, and the live
 * objects of {@code --check-refs}). Only those modes use it, so none of it is on a path the
 * normal builds run.
 *
 * <pre>
 * Overview
 *
 * A type is a Java class; each class gets a dense index once (a ClassValue) and keeps the
 * first object seen as a sample, which names it in reports (Lockable.typeNameForDiagnostics:
 * the Python type name for Python objects; several classes may share one name and are summed).
 * Each thread adds to its own long[] (index * columns + column) with plain stores, grown by
 * its thread when a new index appears, so counting never contends.
 *
 * Field            access
 * Row.cells        plain, written by its thread only; read by sum() (after the counting
 *                  threads have ended for exact figures, as ThreadCounters says)
 * SAMPLES          synchronized list (new classes are rare)
 *
 * Not promised: exact sums while counting threads are still running.
 * </pre>
 */
public final class TypeCounters {
    private static final AtomicInteger NEXT_INDEX = new AtomicInteger();
    private static final List<Lockable> SAMPLES = new ArrayList<>();
    /** SAMPLES.size(), readable without the lock: the fast check that a sample exists. */
    private static volatile int samplesKnown;
    private static final ClassValue<Integer> INDEX = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return NEXT_INDEX.getAndIncrement();
        }
    };

    private final int columns;
    private final ThreadCounters<Row> rows = new ThreadCounters<>(Row::new);

    /** One thread's counts. */
    static final class Row {
        long[] cells = new long[0];
    }

    /** @param columns how many operations are counted per type */
    public TypeCounters(int columns) {
        this.columns = columns;
    }

    private static int indexOf(Lockable o) {
        int i = INDEX.get(o.getClass());
        if (i >= samplesKnown) {
            registerSample(i, o);
        }
        return i;
    }

    private static void registerSample(int index, Lockable o) {
        synchronized (SAMPLES) {
            while (SAMPLES.size() <= index) {
                SAMPLES.add(null);
            }
            if (SAMPLES.get(index) == null) {
                SAMPLES.set(index, o);
            }
            int known = 0;
            while (known < SAMPLES.size() && SAMPLES.get(known) != null) {
                known++;
            }
            samplesKnown = known;
        }
    }

    /** Adds {@code delta} to {@code column} of {@code o}'s type, on the calling thread's row. */
    public void add(Lockable o, int column, long delta) {
        int cell = indexOf(o) * columns + column;
        Row r = rows.mine();
        long[] c = r.cells;
        if (cell >= c.length) {
            c = java.util.Arrays.copyOf(c, Math.max(cell + 1, c.length * 2 + columns));
            r.cells = c;
        }
        c[cell] += delta;
    }

    /** Every type's sums over all threads, by type name (sorted); types never counted are absent. */
    public Map<String, long[]> sumByTypeName() {
        List<Lockable> samples;
        synchronized (SAMPLES) {
            samples = new ArrayList<>(SAMPLES);
        }
        Map<String, long[]> byName = new TreeMap<>();
        for (Row r : rows.all()) {
            long[] c = r.cells;
            for (int i = 0; i * columns < c.length && i < samples.size(); i++) {
                Lockable sample = samples.get(i);
                if (sample == null) {
                    continue;
                }
                long[] sums = null;
                for (int k = 0; k < columns && i * columns + k < c.length; k++) {
                    long v = c[i * columns + k];
                    if (v != 0) {
                        if (sums == null) {
                            sums = byName.computeIfAbsent(sample.typeNameForDiagnostics(), n -> new long[columns]);
                        }
                        sums[k] += v;
                    }
                }
            }
        }
        return byName;
    }

    /** The same, as a map in the given column order, skipping all-zero types. */
    public static Map<String, Map<String, Long>> labelled(Map<String, long[]> sums, String... columnNames) {
        Map<String, Map<String, Long>> r = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (int k = 0; k < columnNames.length; k++) {
                row.put(columnNames[k], e.getValue()[k]);
            }
            r.put(e.getKey(), row);
        }
        return r;
    }
}
