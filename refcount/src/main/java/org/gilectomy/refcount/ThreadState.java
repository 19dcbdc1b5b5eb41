package org.gilectomy.refcount;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * What the reference-count strategies keep per thread: the biased merge queue and the
 * buffered logs.
 *
 * <pre>
 * Overview
 *
 * Found from the running thread by current(): a field of RefCountThread (the runtime's
 * threads), else a ThreadLocal (any other thread: tests, JMH, jcstress). Neither is on the
 * biased incref/decref path, which compares ids only (RefCount.currentThreadId()); the
 * buffered path needs its logs and pays this lookup.
 *
 * BY_ID maps the id of every thread that may own an object to its state: a thread registers
 * before it creates its first object (RefCounted's constructor), and is removed by
 * RefCount.threadExiting(). A non-owner that queues an object looks its owner up here:
 *   absent, or dead() -> the owner will never merge again: merge it yourself
 *   otherwise         -> mergeQueue.offer(o); setPendingRelease(1);
 *                        if (dead()) drain()   // the owner may have exited meanwhile
 * The exiting owner does setDeadVolatile(); drain(); remove from BY_ID. Both sides do a
 * volatile write then a volatile read (offer's index update / dead; dead / the queue's
 * producer index), so at least one of them sees the other: nothing is stranded in the queue
 * of a dead owner. drain() runs under the state's monitor, so the queue stays
 * single-consumer even when non-owners drain a dead owner's queue.
 *
 * Field          access
 * mergeQueue     MPSC: offer by any thread, poll only inside drain() (monitor held)
 * pending        setRelease(1) by a pusher after offer; getAcquire by the owner's eval
 *                breaker (pairs with it: the element is visible to the poll that follows);
 *                setVolatile(0) at the start of drain() (a full fence: a push racing with
 *                the drain either lands in it or sets pending again, never neither)
 * dead           setVolatile by the owner in threadExiting(); getVolatile by pushers
 * increfLog,     BUFFERED: SPSC, offered by this thread, drained by the commit thread
 * decrefLog
 * freeLists      FreeList stacks: this thread only, plain
 *
 * Not promised: a thread that is neither a RefCountThread nor calls threadExiting() and dies
 * is seen as dead through Thread.isAlive() (a happens-before edge, JLS 17.4.4); objects
 * queued to it after its last drain and before that are merged by the next pusher that
 * finds it dead, or leak (never freed, never freed twice) if none comes.
 * </pre>
 */
final class ThreadState {
    /** Chunk size of the unbounded merge queue: merges are rare, keep idle threads small. */
    static final int DEFAULT_MERGE_QUEUE_CHUNK = 32;
    /** Capacity of each buffered log, in records; a full log waits for the commit thread. */
    static final int DEFAULT_LOG_CAPACITY = 1 << 14;
    static final int LOG_CAPACITY = org.gilectomy.locks.Build.integer("refcount.log-capacity", DEFAULT_LOG_CAPACITY);

    private static final VarHandle PENDING;
    private static final VarHandle DEAD;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PENDING = l.findVarHandle(ThreadState.class, "pending", int.class);
            DEAD = l.findVarHandle(ThreadState.class, "dead", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final ConcurrentHashMap<Integer, ThreadState> BY_ID = new ConcurrentHashMap<>();

    private static final ThreadLocal<ThreadState> FALLBACK =
            ThreadLocal.withInitial(() -> register(new ThreadState(Thread.currentThread(), false)));

    final int id;
    /** The commit thread's own state: its updates are applied at once, never logged. */
    final boolean direct;
    private final WeakReference<Thread> thread;
    final MpscUnboundedArrayQueue<RefCounted> mergeQueue;
    final SpscArrayQueue<RefCounted> increfLog;
    final SpscArrayQueue<RefCounted> decrefLog;
    /** This thread's FreeList stacks, by list number; touched only by this thread. */
    final FreeList.Stack[] freeLists = new FreeList.Stack[FreeList.FAST_LISTS];
    /** Touched only through the accessors below. */
    private int pending;
    /** Touched only through the accessors below. */
    private boolean dead;

    ThreadState(Thread t, boolean direct) {
        this(RefCount.idOf(t), direct, new WeakReference<>(t));
    }

    /** A detached owner (tests, benchmarks): no thread; dead only once retired. */
    ThreadState(int id) {
        this(id, false, null);
    }

    private ThreadState(int id, boolean direct, WeakReference<Thread> thread) {
        this.id = id;
        this.direct = direct;
        this.thread = thread;
        this.mergeQueue = RefCount.BIASED ? new MpscUnboundedArrayQueue<>(DEFAULT_MERGE_QUEUE_CHUNK) : null;
        boolean logs = RefCount.BUFFERED && !direct;
        this.increfLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
        this.decrefLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
    }

    static ThreadState register(ThreadState s) {
        BY_ID.put(s.id, s);
        if (s.increfLog != null) {
            BufferedCounts.register(s);
        }
        return s;
    }

    /** This thread's state, registering it on first use. */
    static ThreadState current() {
        Thread t = Thread.currentThread();
        if (t instanceof RefCountThread) {
            return ((RefCountThread) t).state;
        }
        return FALLBACK.get();
    }

    static ThreadState currentForNewObject() {
        return current();
    }

    /** Forgets a non-RefCountThread's state (after threadExiting). */
    static void forgetCurrent() {
        if (!(Thread.currentThread() instanceof RefCountThread)) {
            FALLBACK.remove();
        }
    }

    boolean hasPendingAcquire() {
        return (int) PENDING.getAcquire(this) != 0;
    }

    void setPendingRelease() {
        PENDING.setRelease(this, 1);
    }

    void setDeadVolatile() {
        DEAD.setVolatile(this, true);
    }

    /**
     * Whether this thread will never merge again: it said so, or it has terminated (either
     * gives the caller a happens-before edge from the thread's last write of a local count).
     */
    boolean dead() {
        if ((boolean) DEAD.getVolatile(this)) {
            return true;
        }
        if (thread == null) {
            return false; // detached: dead only when retired (DEAD)
        }
        Thread t = thread.get();
        // isAlive() is the specified happens-before edge; getState() tells "ended" from
        // "not started yet" (a RefCountThread registers when it is constructed).
        return t == null || (!t.isAlive() && t.getState() == Thread.State.TERMINATED);
    }

    /** Merges everything queued; by the owner, or by anyone once the owner is dead. */
    int drain() {
        int n = 0;
        synchronized (this) {
            PENDING.setVolatile(this, 0); // before polling: see the Overview
            RefCounted o;
            while ((o = mergeQueue.poll()) != null) {
                BiasedCounts.mergeQueuedObject(o);
                n++;
            }
        }
        return n;
    }
}
