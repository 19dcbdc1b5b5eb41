package org.gilectomy.threadstate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.gilectomy.locks.CriticalSection;

/**
 * What the locks module keeps per thread, and the root of the thread-state chain (CPython's
 * {@code PyThreadState}), which mirrors the object header's: this class (locks) &lt;-
 * {@code refcount.RefCountThreadState} (merge queue, buffered logs, free lists) &lt;- the
 * runtime's {@code interp.ThreadState} (recursion depth, handled exception, the
 * {@code threading.Thread}, the interpreter).
 *
 * <pre>
 * Overview
 *
 * Parts: the thread's eval-breaker word, its critical-section stack, its statistics rows
 * (ThreadCounters: lock, refcount and transfer statistics, the GIL timeline track).
 *
 * Finding it: current(). A thread the runtime creates is a StatefulThread, which carries its
 * state in a final field: one type check and one load, no ThreadLocal. Any other thread
 * (main, JUnit, JMH, jcstress workers) is found in REGISTRY by its id, on a slow path, and
 * gets a state on first use (made by foreignFactory, which a higher module may replace with
 * its own level's constructor; see upgrade()).
 *
 * REGISTRY maps the id of every live state's thread to it: a StatefulThread's state from its
 * construction to the end of its run(), a foreign thread's from its first use until it
 * calls exit() or is found dead when another foreign thread registers (which then runs the
 * dead thread's exit() for it). The refcount module
 * also keeps threadless owners here (negative ids). Setting a breaker bit "for every thread"
 * walks it.
 *
 * The eval-breaker word: a bit set of requests (EvalBreaker's constants), read with one
 * opaque load at every back-edge and call by its own thread (a stale read delays a request
 * by one check); set and cleared by any thread with getAndBitwiseOr / getAndBitwiseAnd, so
 * requests never overwrite one another. Requests for every thread (EvalBreaker.set) are
 * also kept in EvalBreaker's ALL word, which a state ORs into its own once registered: a
 * request is seen by a thread that registers while it is being set (the walk finds it, or it
 * reads ALL). A request cleared while a thread registers may stay set in its word: the
 * handler then finds nothing to do and clears it (a spurious trip, never a lost request).
 *
 * Field        access
 * breaker      through BREAKER only: opaque read by its thread, atomic RMW by any
 * status       through STATUS only: StopTheWorld's protocol (volatile, see its Overview)
 * sections     its thread only (CriticalSection)
 * rows         its thread only (ThreadCounters); the row objects are read by summing threads
 *
 * Not promised: that a state found by a foreign thread's slow path is the same object after
 * a higher module upgraded it (callers re-read current() instead of keeping a foreign
 * thread's state).
 * </pre>
 */
public class BaseThreadState {
    private static final VarHandle BREAKER;
    private static final VarHandle STATUS;

    static {
        try {
            BREAKER = MethodHandles.lookup().findVarHandle(BaseThreadState.class, "breaker", int.class);
            STATUS = MethodHandles.lookup().findVarHandle(BaseThreadState.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Every live state, by its thread's id (see the Overview). */
    private static final ConcurrentHashMap<Long, BaseThreadState> REGISTRY = new ConcurrentHashMap<>();

    /** Builds a foreign thread's state on first use; a higher module installs its level's. */
    private static volatile Function<Thread, ? extends BaseThreadState> foreignFactory = BaseThreadState::new;

    private final long id;
    /** Null for a threadless owner (refcount's detached owners). */
    private final WeakReference<Thread> thread;
    @SuppressWarnings("unused") // through BREAKER only
    private volatile int breaker;
    public final CriticalSection.Stack sections;
    /** StopTheWorld's attached/detached status of this thread; through STATUS only (see StopTheWorld). */
    @SuppressWarnings("unused")
    private volatile int status;
    Object[] rows;

    /** A state for {@code t} (not yet registered: see {@link #register}). */
    protected BaseThreadState(Thread t) {
        this(t.getId(), new WeakReference<>(t), new CriticalSection.Stack(), new Object[4]);
    }

    /** A state that belongs to no thread, with a made-up id (never a thread's: use a negative one). */
    protected BaseThreadState(long id) {
        this(id, null, new CriticalSection.Stack(), new Object[4]);
    }

    /**
     * A higher level's state for the thread {@code from} belongs to, taking over its locks
     * parts (the section stack and statistics rows, shared, and the breaker bits, copied):
     * for {@link #upgrade}.
     */
    protected BaseThreadState(BaseThreadState from) {
        this(from.id, from.thread, from.sections, from.rows);
        BREAKER.getAndBitwiseOr(this, (int) BREAKER.getVolatile(from));
    }

    private BaseThreadState(long id, WeakReference<Thread> thread, CriticalSection.Stack sections, Object[] rows) {
        this.id = id;
        this.thread = thread;
        this.sections = sections;
        this.rows = rows;
    }

    /** The calling thread's state. */
    public static BaseThreadState current() {
        Thread t = Thread.currentThread();
        if (t instanceof StatefulThread s) {
            return s.state();
        }
        return foreign(t);
    }

    /** The slow path of {@link #current()}: a thread the runtime did not create. */
    private static BaseThreadState foreign(Thread t) {
        BaseThreadState s = REGISTRY.get(t.getId());
        if (s != null && s.thread() == t) {
            return s;
        }
        pruneDeadForeignStates();
        s = REGISTRY.get(t.getId()); // a dead thread's exit() may have run code that registered us
        if (s != null && s.thread() == t) {
            return s;
        }
        return foreignFactory.apply(t).register();
    }

    /**
     * Ends the states of foreign threads that terminated without calling {@link #exit()}: their
     * exit() runs here, on this thread (a higher level's may then finish what the dead thread
     * left, as biased counts merge a dead owner's queue).
     */
    private static void pruneDeadForeignStates() {
        for (BaseThreadState s : REGISTRY.values()) {
            Thread t = s.thread();
            if (s.thread != null && (t == null
                    || (!(t instanceof StatefulThread) && t.getState() == Thread.State.TERMINATED))) {
                s.exit();
            }
        }
    }

    /**
     * Installs the constructor of a higher module's level for foreign threads, and returns
     * the calling thread's state at that level: {@code type}'s instance, upgrading a lower
     * level's (made before the higher module was loaded) with {@code upgrade}.
     */
    protected static <S extends BaseThreadState> S currentAs(Class<S> type, Function<BaseThreadState, S> upgrade) {
        BaseThreadState s = current();
        if (type.isInstance(s)) {
            return type.cast(s);
        }
        S up = upgrade.apply(s); // a foreign thread's state made before type's module: see the Overview
        if (!REGISTRY.replace(s.id, s, up)) {
            REGISTRY.put(s.id, up);
        }
        return up;
    }

    /** Makes {@code factory} build foreign threads' states from now on. */
    protected static void installForeignFactory(Function<Thread, ? extends BaseThreadState> factory) {
        foreignFactory = factory;
    }

    /** The state registered for {@code id}, or null. */
    protected static BaseThreadState byId(long id) {
        return REGISTRY.get(id);
    }

    /** Adds this state to the registry and takes in the requests pending for every thread. */
    protected BaseThreadState register() {
        REGISTRY.put(id, this);
        setBreakerBits(EvalBreaker.allRequests()); // after the put: see the Overview
        return this;
    }

    /** This thread is done: forgets its state (a StatefulThread's run() calls it last). */
    protected void exit() {
        REGISTRY.remove(id, this);
    }

    /** Every registered state, for setting and clearing requests for all threads. */
    static Iterable<BaseThreadState> all() {
        return REGISTRY.values();
    }

    /** Every registered state (a weakly consistent view), for the cycle collector's walk of threads. */
    public static Iterable<BaseThreadState> states() {
        return REGISTRY.values();
    }

    final int statusVolatile() {
        return (int) STATUS.getVolatile(this);
    }

    final void setStatusVolatile(int s) {
        STATUS.setVolatile(this, s);
    }

    /** The id of the thread (or the made-up id of a threadless owner). */
    public final long id() {
        return id;
    }

    /** The thread, or null if it is gone or there never was one. */
    public final Thread thread() {
        return thread == null ? null : thread.get();
    }

    /** The eval breaker's hot-path read: non-zero if any request is pending for this thread. */
    public final int breakerOpaque() {
        return (int) BREAKER.getOpaque(this);
    }

    /** Whether any of {@code bits} is set (a volatile read). */
    public final boolean breakerBitSet(int bits) {
        return ((int) BREAKER.getVolatile(this) & bits) != 0;
    }

    /** Sets requests (a volatile read-modify-write: what preceded it is visible to the reader). */
    public final void setBreakerBits(int bits) {
        if (bits != 0) {
            BREAKER.getAndBitwiseOr(this, bits);
        }
    }

    /** Clears requests (a volatile read-modify-write, a full fence). */
    public final void clearBreakerBits(int bits) {
        BREAKER.getAndBitwiseAnd(this, ~bits);
    }

    /** This thread's row of a statistics table (ThreadCounters slot {@code slot}), or null. */
    final Object row(int slot) {
        return slot < rows.length ? rows[slot] : null;
    }

    final void setRow(int slot, Object row) {
        if (slot >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(slot + 1, rows.length * 2));
        }
        rows[slot] = row;
    }
}
