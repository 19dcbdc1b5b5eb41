package org.gilectomy.refcount;

import java.util.function.Function;

import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * What the reference-count strategies keep per thread, the second link of the thread-state
 * chain ({@link BaseThreadState} &lt;- this &lt;- the runtime's {@code ThreadState}): the
 * biased merge queue, the buffered logs, the free lists.
 *
 * <pre>
 * Overview
 *
 * Found from the running thread by current(): the field of a StatefulThread (the runtime's
 * threads; RefCountThread for refcount's own), else BaseThreadState's registry (any other
 * thread: tests, JMH, jcstress). Neither is on the biased incref/decref path, which compares
 * ids only (RefCount.currentThreadId()); the buffered path needs its logs and pays the
 * field load.
 *
 * The registry maps the id of every thread that may own an object to its state: a thread
 * registers before it creates its first object (RefCounted's constructor), and is removed by
 * RefCount.threadExiting() (exit()). A non-owner that queues an object looks its owner up:
 *   absent, or dead() -> the owner will never merge again: merge it yourself
 *   otherwise         -> mergeQueue.offer(o); set MERGE_PENDING in the owner's breaker word;
 *                        if (dead()) drain()   // the owner may have exited meanwhile
 * The exiting owner does setDeadVolatile(); drain(); remove from the registry. Both sides do a
 * volatile write then a volatile read (offer's index update / dead; dead / the queue's
 * producer index), so at least one of them sees the other: nothing is stranded in the queue
 * of a dead owner. drain() runs under the state's monitor, so the queue stays
 * single-consumer even when non-owners drain a dead owner's queue.
 *
 * Field          access
 * mergeQueue     MPSC: offer by any thread, poll only inside drain() (monitor held)
 * MERGE_PENDING  (a bit of the breaker word) set by a pusher after offer (a volatile RMW);
 *                read by the owner's eval breaker; cleared at the start of drain() (a
 *                volatile RMW, a full fence: a push racing with the drain either lands in it
 *                or sets the bit again, never neither)
 * dead           setVolatile by the owner in threadExiting(); getVolatile by pushers
 * increfLog,     BUFFERED: SPSC, offered by this thread, drained by the commit thread
 * decrefLog
 * freeLists      FreeList stacks: this thread only, plain
 *
 * Not promised: a thread that is neither a StatefulThread nor calls threadExiting() and dies
 * is seen as dead through Thread.isAlive() (a happens-before edge, JLS 17.4.4); objects
 * queued to it after its last drain and before that are merged by the next pusher that
 * finds it dead, or leak (never freed, never freed twice) if none comes.
 * </pre>
 */
public class RefCountThreadState extends BaseThreadState {
    /** Chunk size of the unbounded merge queue: merges are rare, keep idle threads small. */
    static final int DEFAULT_MERGE_QUEUE_CHUNK = 32;
    /** Capacity of each buffered log, in records; a full log waits for the commit thread. */
    static final int DEFAULT_LOG_CAPACITY = 1 << 14;
    static final int LOG_CAPACITY = org.gilectomy.locks.Build.integer("refcount.log-capacity", DEFAULT_LOG_CAPACITY);

    static {
        installForeignFactory(t -> new RefCountThreadState(t, false));
    }

    final int id;
    /** The commit thread's own state: its updates are applied at once, never logged. */
    final boolean direct;
    final MpscUnboundedArrayQueue<RefCounted> mergeQueue;
    final SpscArrayQueue<RefCounted> increfLog;
    final SpscArrayQueue<RefCounted> decrefLog;
    /** This thread's FreeList stacks, by list number; touched only by this thread. */
    FreeList.Stack[] freeLists = new FreeList.Stack[FreeList.INITIAL_LISTS];
    /** How many frees this thread is inside (the trashcan of RefCount.freeNow); this thread only, plain. */
    int freeDepth;
    /** Frees put off until the outermost one ends; made on the first; this thread only. */
    private java.util.ArrayDeque<RefCounted> deferredFrees;
    /** Touched only through the accessors below. */
    private volatile boolean dead;
    /**
     * Containers this thread made since the cycle collector last took them, and how many
     * are filled: appended by this thread only (CycleCollector.track), taken by the collector
     * under this state's monitor while this thread is stopped (or holds no GIL and allocates
     * nothing); compacted (freed ones dropped) by this thread when full.
     */
    RefCounted[] gcYoung = new RefCounted[CycleCollector.INITIAL_YOUNG];
    int gcYoungSize;
    /** Containers made minus containers freed by this thread, not yet added to the collector's count; plain. */
    int gcAllocs;
    /** Whether this thread runs Python, so that its containers are collected (markRunsPython). */
    volatile boolean runsPython;

    /** The state of a thread that may own objects (the runtime's threads build theirs on this). */
    protected RefCountThreadState(Thread t) {
        this(t, false);
    }

    RefCountThreadState(Thread t, boolean direct) {
        super(t);
        this.id = RefCount.idOf(t);
        this.direct = direct;
        this.mergeQueue = newMergeQueue();
        boolean logs = RefCount.BUFFERED && !direct;
        this.increfLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
        this.decrefLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
    }

    /** A detached owner (tests, benchmarks): no thread; dead only once retired. */
    RefCountThreadState(int id) {
        super(id);
        this.id = id;
        this.direct = false;
        this.mergeQueue = newMergeQueue();
        this.increfLog = null;
        this.decrefLog = null;
    }

    /** A foreign thread's locks-level state, taken over (see BaseThreadState.currentAs). */
    private RefCountThreadState(BaseThreadState from) {
        super(from);
        Thread t = from.thread();
        this.id = t != null ? RefCount.idOf(t) : (int) from.id();
        this.direct = false;
        this.mergeQueue = newMergeQueue();
        boolean logs = RefCount.BUFFERED;
        this.increfLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
        this.decrefLog = logs ? new SpscArrayQueue<>(LOG_CAPACITY) : null;
        if (increfLog != null) {
            BufferedCounts.register(this);
        }
    }

    private static MpscUnboundedArrayQueue<RefCounted> newMergeQueue() {
        return RefCount.BIASED ? new MpscUnboundedArrayQueue<>(DEFAULT_MERGE_QUEUE_CHUNK) : null;
    }

    @Override
    protected RefCountThreadState register() {
        super.register();
        if (increfLog != null) {
            BufferedCounts.register(this);
        }
        return this;
    }

    /** A {@link RefCountThread}'s state: made by its constructor. */
    static Function<Thread, RefCountThreadState> factory(boolean direct) {
        return t -> new RefCountThreadState(t, direct);
    }

    /** This thread's state, registering it on first use. */
    void deferFree(RefCounted o) {
        if (deferredFrees == null) {
            deferredFrees = new java.util.ArrayDeque<>();
        }
        deferredFrees.push(o);
    }

    /** The next free put off by deferFree, or null. */
    RefCounted nextDeferredFree() {
        return deferredFrees == null ? null : deferredFrees.poll();
    }

    /**
     * This thread's biased owner id, what {@link RefCount#currentThreadId()} returns on it: for
     * callers that hold the state and pass the id to {@link RefCount#incref(RefCounted, int)}.
     */
    public final int ownerId() {
        return id;
    }

    public static RefCountThreadState current() {
        BaseThreadState s = BaseThreadState.current();
        if (s instanceof RefCountThreadState r) {
            return r;
        }
        return currentAs(RefCountThreadState.class, RefCountThreadState::new);
    }

    /**
     * The scope (the interpreter) this thread runs for, which releases the deferred objects it
     * makes at its finalisation (RefCount.markDeferredHere); null where none (a test's thread).
     * The runtime's thread state overrides it.
     */
    public Object interpreter() {
        return null;
    }

    static RefCountThreadState currentForNewObject() {
        return current();
    }

    /** The owner registered for {@code ownerId}, or null. */
    static RefCountThreadState owner(int ownerId) {
        return BaseThreadState.byId(ownerId) instanceof RefCountThreadState r ? r : null;
    }

    /** The calling thread's last refcount action (RefCount.threadExiting()). */
    @Override
    protected void exit() {
        CycleCollector.threadExited(this);
        setDeadVolatile();
        if (mergeQueue != null) {
            drain();
        }
        super.exit();
    }

    /**
     * This thread runs Python code: the cycle collector takes the containers it makes (a
     * thread that does not, a test's or a benchmark's, keeps them out of collections). Called
     * by the runtime's thread state, on the creating thread, before the thread starts.
     */
    protected final void markRunsPython() {
        runsPython = true;
    }

    /** This thread's first use of FreeList number {@code slot}: its stack, made now. */
    FreeList.Stack newFreeList(int slot, int capacity) {
        if (slot >= freeLists.length) {
            freeLists = java.util.Arrays.copyOf(freeLists, Math.max(slot + 1, freeLists.length * 2));
        }
        FreeList.Stack s = new FreeList.Stack(capacity);
        freeLists[slot] = s;
        return s;
    }

    /** Whether other threads queued objects for this thread to merge (biased counts). */
    final boolean mergePending() {
        return breakerBitSet(EvalBreaker.MERGE_PENDING);
    }

    void setDeadVolatile() {
        dead = true;
    }

    /**
     * Whether this thread will never merge again: it said so, or it has terminated (either
     * gives the caller a happens-before edge from the thread's last write of a local count).
     */
    boolean dead() {
        if (dead) {
            return true;
        }
        if (id < 0) {
            return false; // detached: dead only when retired (dead)
        }
        Thread t = thread();
        // isAlive() is the specified happens-before edge; getState() tells "ended" from
        // "not started yet" (a StatefulThread registers when it is constructed).
        return t == null || (!t.isAlive() && t.getState() == Thread.State.TERMINATED);
    }

    /** Merges everything queued; by the owner, or by anyone once the owner is dead. */
    int drain() {
        int n = 0;
        long t0 = GilTimeline.ENABLED ? System.nanoTime() : 0L;
        synchronized (this) {
            clearBreakerBits(EvalBreaker.MERGE_PENDING); // before polling: see the Overview
            RefCounted o;
            while ((o = mergeQueue.poll()) != null) {
                BiasedCounts.mergeQueuedObject(o);
                n++;
            }
        }
        if (GilTimeline.ENABLED && n > 0) GilTimeline.span(SpanLog.MERGE, t0, n, 0, null);
        return n;
    }
}
