package org.gilectomy.refcount;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gilectomy.cacheline.TransferCounter;

/**
 * Buffered reference counting (Larry Hastings' Gilectomy, 2017): threads never write a
 * count; they log, and one commit thread applies the logs.
 *
 * <pre>
 * Overview
 *
 * Each thread has two bounded SPSC logs (RefCountThreadState): increfLog and decrefLog, one record
 * (the object) per update, published by the offer itself (element store, then an ordered
 * store of the producer index). A full log is back-pressure: the thread wakes the committer
 * and waits (spin, yield, then park 10 us at a time) until there is room.
 *
 * The commit thread (daemon, started with the first log) is the only writer of counts, with
 * plain stores. One round:
 *   asked = requests                                 (volatile read: see flush)
 *   logs1 = LOGS; snap[i] = logs1[i].decrefLog.size()    (volatile reads of producer indexes)
 *   logs2 = LOGS                                     (re-read: see below)
 *   for each log in logs2: apply every incref it holds now
 *   for each log i in logs1: apply exactly snap[i] decrefs
 *   served = asked                                   (volatile)
 * flush():  ticket = getAndAdd(requests, 1) + 1; wait until served >= ticket.
 * Why flush waits long enough: its getAndAdd is a volatile write, which synchronizes-with every
 * later volatile read of requests (JLS 17.4.4). A round that read asked >= ticket read it after
 * that write, so everything that happened-before the flush (the caller's own records, and
 * other threads' records the caller synchronized with) happened-before the round's snapshot,
 * which therefore counts them. (The first version had flush only read a round number the
 * committer wrote: a read gives no happens-before edge to a later write, and jcstress
 * BufferedOrdering saw a decref left out of the round flush waited for, in about 0.06% of
 * samples.)
 * Ordering claim: an incref that happens-before a decref is applied before it. The decref
 * is in some snap[i] only if the committer read a producer index published after it, so
 * everything that happened-before the decref (the incref's offer, and the registration of
 * the incref's log: hence the re-read of LOGS) happened-before the increfs pass, which
 * therefore sees the incref. So a count reaches zero only when every reference taken
 * before the last decref has been counted: nothing is freed while referenced. Increfs
 * applied early (beyond the snapshot) only delay frees.
 *
 * Frees happen on the commit thread: dealloc() there decrefs children, which the commit
 * thread applies at once (its own state is "direct"): it is the only writer, and every
 * incref that happened-before the parent's last decref has already been applied.
 *
 * Errors: a logging thread checks the committed count (opaque) and throws UseAfterFreeError
 * at once if the object was already freed; a misuse found by the committer (a decref below
 * zero) is recorded and thrown by the next flush().
 *
 * Field        access
 * requests     getAndAdd by flush() (a volatile write), getVolatile by the committer
 * served       setVolatile by the committer, getVolatile by flush()
 * LOGS         copy-on-write list: add on registration, remove by the committer once a
 *              dead thread's logs are empty
 *
 * Not promised: when a free happens (only: after the last decref is committed; flush() to
 * wait for it); counts read by other threads before a flush.
 * </pre>
 */
public final class BufferedCounts {
    /** How long an idle committer sleeps between looks at the logs. */
    static final long DEFAULT_IDLE_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** How long a thread waiting for log room (or for flush) sleeps between looks. */
    static final long DEFAULT_WAIT_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    static final int DEFAULT_WAIT_SPINS = 100;

    private static final VarHandle REQUESTS;
    private static final VarHandle SERVED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            REQUESTS = l.findStaticVarHandle(BufferedCounts.class, "requests", long.class);
            SERVED = l.findStaticVarHandle(BufferedCounts.class, "served", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final List<RefCountThreadState> LOGS = new CopyOnWriteArrayList<>();
    private static final ConcurrentLinkedQueue<Throwable> ERRORS = new ConcurrentLinkedQueue<>();

    /** flush() calls so far. Touched only through REQUESTS. */
    private static long requests;
    /** The highest flush request a completed round is known to cover. Touched only through SERVED. */
    private static long served;

    private BufferedCounts() {
    }

    /** Holder idiom: the commit thread starts with the first registered log. */
    private static final class Committer {
        static final RefCountThread THREAD = start();

        private static RefCountThread start() {
            RefCountThread t = new RefCountThread(BufferedCounts::commitLoop, "gilectomy-refcount-commit", true);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    static void register(RefCountThreadState s) {
        LOGS.add(s);
        Thread unused = Committer.THREAD; // start it if needed
    }

    static void incref(RefCounted o) {
        RefCountThreadState st = RefCountThreadState.current();
        if (st.direct) {
            applyIncref(o);
            return;
        }
        if (o.refCountFieldOpaque() <= 0) {
            throw new UseAfterFreeError("incref", o);
        }
        if (!st.increfLog.offer(o)) {
            waitForRoom(st.increfLog, o);
        }
    }

    static void decref(RefCounted o) {
        RefCountThreadState st = RefCountThreadState.current();
        if (st.direct) {
            applyDecref(o);
            return;
        }
        if (o.refCountFieldOpaque() <= 0) {
            throw new UseAfterFreeError("decref", o);
        }
        if (!st.decrefLog.offer(o)) {
            waitForRoom(st.decrefLog, o);
        }
    }

    private static void waitForRoom(org.jctools.queues.SpscArrayQueue<RefCounted> log, RefCounted o) {
        if (RefCountStats.ENABLED) {
            RefCountStats.COUNTERS.mine().backPressureWaits++;
        }
        int spins = 0;
        do {
            LockSupport.unpark(Committer.THREAD);
            if (spins < DEFAULT_WAIT_SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(DEFAULT_WAIT_PARK_NANOS);
            }
        } while (!log.offer(o));
    }

    private static void applyIncref(RefCounted o) {
        int before = o.refCountPlain();
        if (before >= RefCounted.IMMORTAL_MIN) {
            return;
        }
        if (before <= 0) {
            throw new UseAfterFreeError("incref", o);
        }
        if (TransferCounter.ENABLED) {
            TransferCounter.record(o, TransferCounter.INCREF);
        }
        o.setRefCountPlain(before + 1);
    }

    private static void applyDecref(RefCounted o) {
        int before = o.refCountPlain();
        if (before >= RefCounted.IMMORTAL_MIN) {
            return;
        }
        if (before <= 0) {
            throw new UseAfterFreeError("decref", o);
        }
        if (TransferCounter.ENABLED) {
            TransferCounter.record(o, TransferCounter.DECREF);
        }
        o.setRefCountPlain(before - 1);
        if (before == 1) {
            RefCount.freeNow(o);
        }
    }

    private static void safely(RefCounted o, boolean incref) {
        try {
            if (incref) {
                applyIncref(o);
            } else {
                applyDecref(o);
            }
        } catch (Throwable t) {
            ERRORS.add(t);
        }
    }

    private static void commitLoop() {
        int[] snap = new int[0];
        for (;;) {
            long asked = (long) REQUESTS.getVolatile(); // before the snapshot: see the Overview
            Object[] logs1 = LOGS.toArray();
            if (snap.length < logs1.length) {
                snap = new int[logs1.length * 2];
            }
            for (int i = 0; i < logs1.length; i++) {
                snap[i] = ((RefCountThreadState) logs1[i]).decrefLog.size();
            }
            Object[] logs2 = LOGS.toArray(); // after the snapshot: see the Overview
            int applied = 0;
            for (Object l : logs2) {
                applied += ((RefCountThreadState) l).increfLog.drain(o -> safely(o, true));
            }
            for (int i = 0; i < logs1.length; i++) {
                if (snap[i] > 0) {
                    applied += ((RefCountThreadState) logs1[i]).decrefLog.drain(o -> safely(o, false), snap[i]);
                }
            }
            SERVED.setVolatile(asked);
            for (Object l : logs2) {
                RefCountThreadState s = (RefCountThreadState) l;
                if (s.dead() && s.increfLog.isEmpty() && s.decrefLog.isEmpty()) {
                    LOGS.remove(s);
                }
            }
            if (applied == 0) {
                LockSupport.parkNanos(DEFAULT_IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * Waits until every update this thread logged before the call (and every update that
     * happened-before the call) has been committed, then reports the first misuse the
     * committer found, if any. For program end and tests. A no-op on the commit thread.
     */
    static void flush() {
        RefCountThread committer = Committer.THREAD;
        if (Thread.currentThread() == committer) {
            return;
        }
        long ticket = (long) REQUESTS.getAndAdd(1L) + 1; // a volatile write: see the Overview
        int spins = 0;
        while ((long) SERVED.getVolatile() < ticket) {
            LockSupport.unpark(committer);
            if (spins < DEFAULT_WAIT_SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(DEFAULT_WAIT_PARK_NANOS);
            }
        }
        Throwable t = ERRORS.poll();
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException("the commit thread failed", t);
        }
    }
}
