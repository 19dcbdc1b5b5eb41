package org.gilectomy.refcount;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.threadstate.StopTheWorld;
import org.gilectomy.trace.GilTimeline;
import org.gilectomy.trace.SpanLog;

/**
 * The cycle collector (CPython's {@code Modules/gcmodule.c}, and for the free-threaded builds
 * {@code Python/gc_free_threading.c}): frees groups of objects that reference one another
 * and nothing else, which reference counts alone never free.
 *
 * <pre>
 * Overview
 *
 * Which objects: every mortal GcTracked object (a container), registered by RefCounted's
 * constructor in its thread's young list (RefCountThreadState.gcYoung: an array append, no
 * shared write); a list that fills is compacted by its thread (freed objects dropped), so a
 * freed object leaves the registry at the latest then, or at the next collection. The
 * collector takes the young lists of the threads that run Python (runsPython) into its own
 * generation lists (GENS), which only it touches.
 *
 * When: each thread counts containers made minus containers freed (gcAllocs, plain) and adds
 * that to COUNT0 every FLUSH of them (one atomic add per FLUSH allocations: 32 under a GIL, 512
 * in the free-threaded builds); when COUNT0 passes
 * threshold 0 the thread sets RUN_GC in its own eval-breaker word, and the eval loop collects at
 * its next check (CPython 3.12's scheduling: never inside an allocation, always at a point where
 * every frame slot holds an owned reference).
 *   GIL builds: generational as CPython 3.11 (700, 10, 10): generation g is collected when its
 *     count passes threshold g (the count of 1 and 2 being collections of the one below);
 *     survivors move up one generation.
 *   free-threaded builds: one generation (CPython 3.13t): every collection examines every
 *     container, with the world stopped (StopTheWorld) while it looks. A thread that finds a
 *     collection running while the count is past twice the threshold waits for it (detached,
 *     bounded): back-pressure, so that allocating threads that outnumber the cores cannot
 *     outrun the collecting thread's freeing (stallWhileCollecting).
 *
 * A collection of the candidate set C (the algorithm of CPython, in our words):
 *   1. for o in C: refs(o) = its count (RefCount.countForCollector)
 *   2. for o in C, for each referent r of o in C: refs(r) -= 1
 *      now refs(o) counts references from outside C only
 *   3. the thread stacks are roots: an object in a live frame slot gets refs += 1 (under
 *      deferred counting a stack slot is a reference the count does not hold)
 *   4. every o with refs(o) > 0, and everything reachable from it in C, is alive; the rest is
 *      garbage, unreachable from anything outside C
 *   4b. (world restarted; deferred counting) a garbage object that had no counted reference
 *      at all, only its bias (an orphan: a deferred function whose last heap reference went),
 *      is what a count would have freed the moment that reference went: its bias is dropped
 *      (RefCount.undeferGarbage) and its count frees it, with whatever only it held. Not
 *      counted as garbage, as CPython 3.11 would not (it has no bias). Steps 1-4 are redone on
 *      the rest, until no orphan is left (a release can orphan another deferred object)
 *   5. weak references to garbage cleared (Finalizers: still with the world stopped, so no
 *      reader takes a reference to garbage), then, the world restarted, their callbacks
 *      run, other weak reference hooks, finalizers run once
 *      (hook, PEP 442); if any ran, steps 1-4 are redone on the garbage alone, and what a
 *      finalizer resurrected, and what it reaches, is kept
 *   6. the collector counts what is still garbage (gc.collect's result), takes a reference to
 *      each garbage object, clears each (clearReferences: the cycles break), drops the bias of
 *      the deferred ones among them, then drops its references: the objects are freed by the
 *      normal reference-count path (dealloc, poison, --check-refs accounting)
 * Cost per candidate (steps 1-4, the pause): four sweeps of the candidate array, each
 * touching the object's header (1: count words and gcState; 2: traverse; 4: gcState, and a
 * traverse if it is reachable; sort-out: gcState), and two traversals (steps 2 and 4), each
 * reading the object's reference fields and, per reference, the referent's gcState: about
 * 4 header visits per object plus 2 per reference, O(objects + references), and no
 * allocation per object: refs(o) lives in the header (gcState, below; no map), the reach
 * phase's work stack is an array kept between collections (the reach is depth-first from
 * each root in turn, so it holds one root's frontier), generation lists keep their arrays
 * (moveAll: no addAll copy), traversals call the Pass itself as their one visitor (no
 * lambdas, no iterators, no boxing). The world is stopped for the marking and for taking the
 * young lists (their threads append without a lock); survivors move between generations
 * and the garbage is finalized and freed after it restarts. What a collection allocates grows with its garbage
 * (the garbage list), not with the heap. A large heap is memory-bound: the header visits
 * are cache misses, so the sweeps' number is what to cut next (a parallel or incremental
 * mark is not done). CycleCollectorTest checks the allocation (a collection of a live heap
 * of 100,000 allocates well under a byte per object).
 * Steps 1-4 need counts and references that do not move: the GIL is held, or the world is
 * stopped and (BUFFERED) the logs flushed. refs(o) lives in RefCounted.gcState, with IN_SET
 * and REACHABLE bits; gcState is 0 outside a collection.
 *
 * Field           access
 * COUNT0          getAndAdd by allocating threads every FLUSH containers, a CAS loop (floored at
 *                 0) by freeing threads every FLUSH frees; reads anywhere
 * collecting      the collecting thread's state, CAS null -> me: one collection at a time; one
 *                 that finds another running returns 0, as CPython's does (a finalizer that
 *                 calls gc.collect(), a second thread), except a scheduled one in the
 *                 free-threaded builds with the count far past the threshold: it waits
 *                 (stallWhileCollecting), then collects
 * STALLED         monitor: stalled threads wait on it, each collection's end notifies it
 * GENS, counts of generations 1 and 2, stats   the collecting thread only (ordered by the CAS)
 * ORPHANS         young lists of threads that ended, under its monitor
 * thresholds, enabled   volatile: the gc module writes, anyone reads
 *
 * Not promised: that an object made by a thread that runs no Python (a test's) is collected;
 * that a cycle through an object whose type does not implement GcTracked is found (it stays
 * alive, never freed wrongly: an untraversed reference only ever counts as one from outside).
 * </pre>
 */
public final class CycleCollector {
    static final int INITIAL_YOUNG = 64;
    /**
     * Net allocations a thread counts before it adds them to COUNT0: under a GIL a small
     * batch (the threshold of 700 is then kept within 5%; the GIL serialises the adds), in the
     * free-threaded builds CPython 3.13t's 512, so the shared count is written once per 512
     * containers a thread makes.
     */
    static final int FLUSH = StopTheWorld.ENABLED ? 512 : 32;
    /** Generation thresholds: CPython 3.11's, and CPython 3.13t's for the free-threaded builds. */
    public static final int[] DEFAULT_THRESHOLDS = StopTheWorld.ENABLED ? new int[] {2000, 10, 0} : new int[] {700, 10, 10};
    public static final int GENERATIONS = 3;
    /** tryCollect's answer when another collection is running. */
    private static final int BUSY = -1;
    /**
     * A scheduled collection that finds one running waits for it past this many times
     * threshold 0; -Dgilectomy.gc.stall=0 turns the wait off (the negative control of
     * gc_soak_threads.py's "live bounded", docs/running.md).
     */
    private static final int STALL = org.gilectomy.locks.Build.integer("gc.stall", 2);
    /** The longest such a wait lasts (it ends sooner when the collector detaches or finishes). */
    private static final long STALL_MAX_MILLIS = 1000;
    /** Monitor of the stalled threads: each collection's end notifies it. */
    private static final Object STALLED = new Object();

    private static final int IN_SET = 1 << 30;
    private static final int REACHABLE = 1 << 29;
    /** Step 1's mark of a ReferencedUncounted object in a collection that is not full: kept, a root of step 4. */
    private static final int KEEP = 1 << 28;
    private static final int REFS = (1 << 28) - 1;

    private static final VarHandle COUNT0;
    private static final VarHandle COLLECTING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COUNT0 = l.findStaticVarHandle(CycleCollector.class, "count0", int.class);
            COLLECTING = l.findStaticVarHandle(CycleCollector.class, "collecting", BaseThreadState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through COUNT0 only
    private static volatile int count0;
    /** The thread state of the thread collecting now, or null. */
    @SuppressWarnings("unused") // through COLLECTING only
    private static volatile BaseThreadState collecting;
    private static volatile boolean enabled = true;
    private static volatile int[] thresholds = DEFAULT_THRESHOLDS.clone();
    /** Collections of the generation below since this one's last: counts of generations 1 and 2. */
    private static final int[] COUNTS = new int[GENERATIONS];
    @SuppressWarnings("unchecked")
    private static final ArrayList<RefCounted>[] GENS = new ArrayList[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()};
    /** gc.freeze(): objects no collection examines until gc.unfreeze(). */
    private static final ArrayList<RefCounted> FROZEN = new ArrayList<>();
    private static final ArrayList<RefCounted> ORPHANS = new ArrayList<>();
    /** The thread stacks, as the runtime knows them: calls its argument for each live frame slot. */
    private static volatile Consumer<GcTracked.Visitor> roots = v -> { };

    private CycleCollector() {
    }

    // ---- registry (hot: every container's constructor, every container's free)

    /** Registers a new container in its thread's young list (RefCounted's constructor). */
    static void track(RefCounted o) {
        RefCountThreadState ts = RefCountThreadState.current();
        if (ts.gcYoungSize == ts.gcYoung.length) {
            compactOrGrow(ts);
        }
        ts.gcYoung[ts.gcYoungSize++] = o;
        if (++ts.gcAllocs >= FLUSH) {
            flushAllocs(ts);
        }
    }

    /** A container was freed by {@code ts}'s thread (RefCount's free path). */
    static void untracked(RefCountThreadState ts) {
        if (--ts.gcAllocs <= -FLUSH) {
            flushAllocs(ts);
        }
    }

    private static void compactOrGrow(RefCountThreadState ts) {
        synchronized (ts) { // the collector takes young lists under this monitor
            RefCounted[] a = ts.gcYoung;
            int n = compact(a, ts.gcYoungSize);
            ts.gcYoungSize = n;
            if (n > a.length / 2) {
                ts.gcYoung = java.util.Arrays.copyOf(a, a.length * 2);
            }
        }
    }

    /** Moves the live entries of {@code a[0, n)} to its front, nulls the rest; returns how many. */
    private static int compact(RefCounted[] a, int n) {
        int live = 0;
        for (int i = 0; i < n; i++) {
            RefCounted o = a[i];
            if (!o.isFreed()) {
                a[live++] = o;
            }
        }
        java.util.Arrays.fill(a, live, n, null);
        return live;
    }

    private static void flushAllocs(RefCountThreadState ts) {
        int delta = ts.gcAllocs;
        ts.gcAllocs = 0;
        int now = addToCount0(delta);
        int t0 = thresholds[0];
        if (delta > 0 && enabled && t0 > 0 && now > t0 && ts.runsPython) {
            ts.setBreakerBits(EvalBreaker.RUN_GC); // collected at this thread's next check
        }
    }

    /**
     * COUNT0 plus {@code delta}, but not below 0, as CPython's count (which a free lowers only
     * while it is positive): the frees of a large collection's garbage must not put the next
     * collection off by as many allocations. A CAS loop, run once per FLUSH frees.
     */
    private static int addToCount0(int delta) {
        if (delta >= 0) {
            return (int) COUNT0.getAndAdd(delta) + delta;
        }
        for (;;) {
            int c = (int) COUNT0.getVolatile();
            int next = Math.max(0, c + delta);
            if (COUNT0.compareAndSet(c, next)) {
                return next;
            }
        }
    }

    /** The young list of a thread that ends goes to ORPHANS, for the next collection. */
    static void threadExited(RefCountThreadState ts) {
        synchronized (ts) {
            if (ts.gcYoungSize > 0) {
                synchronized (ORPHANS) {
                    for (int i = 0; i < ts.gcYoungSize; i++) {
                        ORPHANS.add(ts.gcYoung[i]);
                    }
                }
                java.util.Arrays.fill(ts.gcYoung, 0, ts.gcYoungSize, null);
                ts.gcYoungSize = 0;
            }
        }
        addToCount0(ts.gcAllocs);
        ts.gcAllocs = 0;
    }

    // ---- configuration (the gc module)

    public static boolean isEnabled() {
        return enabled;
    }

    public static void setEnabled(boolean on) {
        enabled = on;
    }

    public static int[] thresholds() {
        return thresholds.clone();
    }

    /** Sets the thresholds given ({@code t.length} of them, the rest unchanged). */
    public static void setThresholds(int[] t) {
        int[] next = thresholds.clone();
        System.arraycopy(t, 0, next, 0, Math.min(t.length, GENERATIONS));
        thresholds = next;
    }

    /** {@code gc.get_count()}: containers made minus freed since the last collection, then collections per generation. */
    public static int[] counts() {
        return new int[] {Math.max(0, (int) COUNT0.getVolatile()), COUNTS[1], COUNTS[2]};
    }

    /** Installs the source of roots: the runtime's thread stacks. */
    public static void installRoots(Consumer<GcTracked.Visitor> source) {
        roots = source;
    }

    /** {@code gc.is_tracked}: whether {@code o} is a container the collector examines. */
    public static boolean isTracked(RefCounted o) {
        return o instanceof GcTracked && !o.isImmortal() && o.refCountOpaque() < RefCounted.STATIC_REFS;
    }

    // ---- collections

    /** Whether a collection is due, for the thread whose eval breaker found RUN_GC. */
    public static void collectScheduled() {
        if (!enabled) {
            return;
        }
        int[] t = thresholds;
        int gen = 0;
        if (StopTheWorld.ENABLED) {
            gen = GENERATIONS - 1; // one generation: every collection is full
        } else {
            for (int g = GENERATIONS - 1; g > 0; g--) {
                if (t[g] > 0 && COUNTS[g] >= t[g]) {
                    gen = g;
                    break;
                }
            }
        }
        BaseThreadState me = BaseThreadState.current();
        if (tryCollect(gen, false, me) == BUSY && StopTheWorld.ENABLED && stallWhileCollecting(me)) {
            tryCollect(gen, false, me); // the count may still be past the threshold: this thread's turn
        }
    }

    /**
     * Back-pressure (free-threaded builds): a thread whose scheduled collection found another
     * thread's running waits, detached, while that one runs and the count is past STALL times
     * threshold 0; returns whether it waited. Why: the collector's tail (finalizers, clearing,
     * freeing the garbage) runs with the world restarted, and with more runnable threads than
     * cores the allocating threads get most of the CPU and make garbage faster than the one
     * collecting thread frees it: gc_soak_threads.py with 8 threads saw the count at 10-40
     * times the threshold, and collections of as many objects (a feedback: a longer tail lets
     * more garbage in). Never a hang: the waiter holds no object lock (its critical sections
     * suspended, as before any blocking call) and is detached, so it holds up neither the
     * collector's stops of the world nor its finalizers' per-object locks; the wait ends as
     * soon as the collecting thread detaches (a finalizer of its blocks, maybe on a Python
     * lock this thread holds), and after STALL_MAX_MILLIS in any case (something else this
     * thread holds, a Java monitor, say).
     */
    private static boolean stallWhileCollecting(BaseThreadState me) {
        int limit = thresholds[0] * STALL;
        if (limit <= 0 || (int) COUNT0.getVolatile() <= limit) {
            return false;
        }
        long start = System.nanoTime();
        long deadline = start + STALL_MAX_MILLIS * 1_000_000L;
        boolean interrupted = false;
        CriticalSection.suspendAll(me); // none should be held at a breaker check: made sure of
        StopTheWorld.WORLD.detach(me);
        try {
            synchronized (STALLED) {
                for (;;) {
                    BaseThreadState c = (BaseThreadState) COLLECTING.getVolatile();
                    if (c == null || c == me || !StopTheWorld.isAttached(c) || (int) COUNT0.getVolatile() <= limit
                            || System.nanoTime() - deadline > 0) {
                        break;
                    }
                    try {
                        STALLED.wait(1); // a collection's end notifies; the bound re-reads the collector's status
                    } catch (InterruptedException e) {
                        interrupted = true; // Ctrl-C: kept for the thread's next blocking call
                    }
                }
            }
        } finally {
            StopTheWorld.WORLD.attach(me);
            CriticalSection.resumeTop(me);
        }
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.GC_STALL, start, 0, 0, null);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /**
     * Collects generation {@code gen} and the younger ones (free-threaded builds: all);
     * returns the number of unreachable objects found, or 0 if a collection was already
     * running. {@code explicit}: gc.collect() or finalization, counted apart in the statistics.
     */
    public static int collect(int gen, boolean explicit) {
        return Math.max(0, tryCollect(gen, explicit, BaseThreadState.current()));
    }

    /** As {@link #collect}, but BUSY (negative) if another collection was running. */
    private static int tryCollect(int gen, boolean explicit, BaseThreadState me) {
        if (!COLLECTING.compareAndSet((BaseThreadState) null, me)) {
            return BUSY;
        }
        try {
            return collectLocked(Math.max(0, Math.min(gen, GENERATIONS - 1)), explicit);
        } finally {
            COLLECTING.setVolatile((BaseThreadState) null);
            if (StopTheWorld.ENABLED) {
                synchronized (STALLED) {
                    STALLED.notifyAll(); // threads stalled by stallWhileCollecting
                }
            }
        }
    }

    private static int collectLocked(int gen, boolean explicit) {
        BaseThreadState me = BaseThreadState.current();
        long t0 = System.nanoTime();
        long stopNanos = StopTheWorld.ENABLED ? StopTheWorld.WORLD.stop(me) : 0;
        List<RefCounted> garbage;
        List<RefCounted> orphans;
        List<Runnable> weakCallbacks;
        ArrayList<RefCounted> candidates = GENS[gen]; // the younger ones join it: the oldest is not copied
        int examined;
        try { // the stop-the-world window: the marking, and clearing the garbage's weak references
            // The young lists are taken with the world stopped: their threads append to them
            // without a lock (track), and only a stopped thread is sure not to be appending.
            takeYoungLists();
            for (int g = 0; g < gen; g++) {
                moveAll(GENS[g], candidates);
            }
            examined = candidates.size();
            RefCount.flush();
            Pass pass = new Pass(gen == GENERATIONS - 1);
            garbage = pass.unreachable(candidates, null);
            orphans = pass.orphans;
            weakCallbacks = Finalizers.clearWeakReferences(garbage); // while no reader can take a reference
            COUNT0.setVolatile(0);
        } finally {
            if (StopTheWorld.ENABLED) {
                StopTheWorld.WORLD.start(me);
            }
        }
        long pause = System.nanoTime() - t0;
        if (GilTimeline.ENABLED) GilTimeline.span(SpanLog.GC_PAUSE, t0, gen, examined, explicit ? "explicit" : "threshold");
        int older = Math.min(gen + 1, GENERATIONS - 1);
        if (older != gen) { // unreachable() left only the survivors in it
            moveAll(candidates, GENS[older]);
        }
        if (gen + 1 < GENERATIONS) {
            COUNTS[gen + 1]++;
        }
        for (int g = 1; g <= gen; g++) {
            COUNTS[g] = 0;
        }
        while (!orphans.isEmpty()) { // step 4b
            for (RefCounted o : orphans) {
                RefCount.undeferGarbage(o);
            }
            RefCount.flush();
            keepUnfreed(orphans);
            garbage.removeIf(RefCounted::isFreed);
            if (garbage.isEmpty()) {
                break;
            }
            Pass again = new Pass(gen == GENERATIONS - 1);
            garbage = rejudge(garbage, again);
            orphans = again.orphans;
        }
        Finalizers.runAll(weakCallbacks); // even if the orphans' release freed all the garbage
        if (!garbage.isEmpty()) {
            garbage = finalizeGarbage(garbage, gen == GENERATIONS - 1);
            clearGarbage(garbage);
        }
        int found = garbage.size(); // as CPython's: what finalizers freed or resurrected is not counted
        CollectorStats.record(gen, explicit, examined, found, pause, stopNanos);
        Finalizers.runPending(); // those of objects freed where no Python runs (BUFFERED's commit thread)
        return found;
    }

    /**
     * Appends {@code from} to {@code to} and empties {@code from} (both keep their arrays):
     * ArrayList.addAll would first copy {@code from} into a new array, an allocation per
     * object moved at every collection.
     */
    private static void moveAll(ArrayList<RefCounted> from, ArrayList<RefCounted> to) {
        int n = from.size();
        to.ensureCapacity(to.size() + n);
        for (int i = 0; i < n; i++) {
            to.add(from.get(i));
        }
        from.clear();
    }

    /** Moves every Python thread's young list (and the ended threads') into generation 0. */
    private static void takeYoungLists() {
        ArrayList<RefCounted> young = GENS[0];
        for (BaseThreadState s : BaseThreadState.states()) {
            if (s instanceof RefCountThreadState r && r.runsPython) {
                synchronized (r) {
                    RefCounted[] a = r.gcYoung;
                    for (int i = 0; i < r.gcYoungSize; i++) {
                        young.add(a[i]);
                    }
                    java.util.Arrays.fill(a, 0, r.gcYoungSize, null);
                    r.gcYoungSize = 0;
                }
            }
        }
        synchronized (ORPHANS) {
            moveAll(ORPHANS, young);
        }
    }

    /**
     * Step 5: weak references, then finalizers; if a finalizer ran, what it resurrected is
     * taken out (the world stopped again while looking). Returns what is still garbage.
     */
    private static List<RefCounted> finalizeGarbage(List<RefCounted> garbage, boolean full) {
        for (RefCounted o : garbage) {
            ((GcTracked) o).clearWeakReferencesAsGarbage();
        }
        boolean ran = false;
        for (RefCounted o : garbage) {
            ran |= !o.isFreed() && ((GcTracked) o).finalizeAsGarbage(); // an earlier finalizer may have freed it
        }
        if (!ran) {
            return garbage;
        }
        Pass pass = new Pass(full);
        List<RefCounted> still = rejudge(garbage, pass);
        still.addAll(pass.orphans); // a finalizer dropped their last counted reference: garbage all the same
        return still;
    }

    /**
     * Steps 1-4 again on {@code garbage} alone, the world stopped again, after code ran that
     * may have made some of it reachable (a finalizer, a release): returns what is still
     * garbage; the rest survives, in the oldest generation. The containers made meanwhile
     * (the young lists) are roots too: a new instance of a garbage class references it
     * uncounted (GcTracked.ReferencedUncounted), which no count shows.
     */
    private static List<RefCounted> rejudge(List<RefCounted> garbage, Pass pass) {
        BaseThreadState me = BaseThreadState.current();
        if (StopTheWorld.ENABLED) {
            StopTheWorld.WORLD.stop(me);
        }
        try {
            RefCount.flush();
            takeYoungLists();
            ArrayList<RefCounted> all = new ArrayList<>(garbage);
            List<RefCounted> still = pass.unreachable(all, GENS[0]);
            moveAll(all, GENS[GENERATIONS - 1]);
            return still;
        } finally {
            if (StopTheWorld.ENABLED) {
                StopTheWorld.WORLD.start(me);
            }
        }
    }

    /** Step 6: hold, clear, release: the cycles break and the counts free the objects. */
    private static void clearGarbage(List<RefCounted> garbage) {
        for (RefCounted o : garbage) {
            RefCount.incref(o);
        }
        for (RefCounted o : garbage) {
            ((GcTracked) o).clearReferences();
        }
        for (RefCounted o : garbage) {
            RefCount.undeferGarbage(o); // our reference holds it: its bias goes, nothing is freed yet
        }
        for (RefCounted o : garbage) {
            RefCount.decref(o);
        }
        RefCount.flush();
        keepUnfreed(garbage); // kept alive by a reference no clear dropped
    }

    /** Whatever of {@code released} is still alive goes back to the oldest generation. */
    private static void keepUnfreed(List<RefCounted> released) {
        for (RefCounted o : released) {
            if (!o.isFreed()) {
                GENS[GENERATIONS - 1].add(o);
            }
        }
    }

    // ---- gc.freeze and friends

    /** {@code gc.freeze()}: every tracked object moves where no collection looks. */
    public static void freeze() {
        runStopped(() -> {
            takeYoungLists();
            for (ArrayList<RefCounted> g : GENS) {
                FROZEN.addAll(g);
                g.clear();
            }
        });
    }

    /** {@code gc.unfreeze()}: the frozen objects go back to the oldest generation. */
    public static void unfreeze() {
        runStopped(() -> {
            GENS[GENERATIONS - 1].addAll(FROZEN);
            FROZEN.clear();
        });
    }

    /** {@code gc.get_freeze_count()}. */
    public static int freezeCount() {
        int[] n = new int[1];
        runStopped(() -> {
            FROZEN.removeIf(RefCounted::isFreed);
            n[0] = FROZEN.size();
        });
        return n[0];
    }

    /**
     * {@code gc.get_referrers}: the tracked objects that reference one of {@code targets}
     * (each a new reference), found with the world stopped.
     */
    public static List<RefCounted> referrers(List<? extends RefCounted> targets) {
        List<RefCounted> found = new ArrayList<>();
        runStopped(() -> {
            takeYoungLists();
            for (ArrayList<RefCounted> g : GENS) {
                for (RefCounted o : g) {
                    if (!o.isFreed() && refersToAny(o, targets)) {
                        RefCount.incref(o);
                        found.add(o);
                    }
                }
            }
        });
        return found;
    }

    private static boolean refersToAny(RefCounted o, List<? extends RefCounted> targets) {
        boolean[] hit = new boolean[1];
        ((GcTracked) o).traverse(r -> {
            for (RefCounted t : targets) {
                hit[0] |= r == t;
            }
        });
        return hit[0];
    }

    /**
     * Runs {@code body} as a collection does: alone, with the other threads stopped; not at
     * all if a collection is running (a finalizer's call: waiting for it would deadlock).
     */
    private static void runStopped(Runnable body) {
        BaseThreadState me = BaseThreadState.current();
        if (!COLLECTING.compareAndSet((BaseThreadState) null, me)) {
            return;
        }
        try {
            if (StopTheWorld.ENABLED) {
                StopTheWorld.WORLD.stop(me);
            }
            try {
                body.run();
            } finally {
                if (StopTheWorld.ENABLED) {
                    StopTheWorld.WORLD.start(me);
                }
            }
        } finally {
            COLLECTING.setVolatile((BaseThreadState) null);
        }
    }

    /**
     * Steps 1-4 over one candidate set: the scratch state of one pass. It is its own (and the
     * only) visitor of the collection's traversals, with a mode, so that each type's traverse
     * calls one visit method (a monomorphic call the JIT inlines) rather than three lambdas.
     */
    private static final class Pass implements GcTracked.Visitor {
        private static final int SUBTRACT = 0;
        private static final int ROOT = 1;
        private static final int REACH = 2;

        /**
         * The reach phase's work stack, kept from one collection to the next (regrowing it
         * each time cost a tenth of a large collection in JFR); a popped slot is nulled. Only
         * the collecting thread touches it.
         */
        private static RefCounted[] work = new RefCounted[1024];
        private int depth;
        private int mode;
        /** The garbage found that only a deferred bias kept alive (step 4b), a part of what unreachable returned. */
        final List<RefCounted> orphans = new ArrayList<>();
        /**
         * Whether every container is a candidate (the oldest generation's collection): only
         * then can a ReferencedUncounted object be judged, its uncounted referrers being
         * candidates too; otherwise it is kept (KEEP).
         */
        private final boolean full;

        Pass(boolean full) {
            this.full = full;
        }

        /** Followed by the reach only: not in the referent's count, so nothing to subtract. */
        @Override
        public void visitUncounted(RefCounted r) {
            if (mode == REACH) {
                visit(r);
            }
        }

        @Override
        public void visit(RefCounted r) {
            if (r == null) {
                return; // an empty slot
            }
            int s = r.gcState;
            if ((s & IN_SET) == 0) {
                return; // not a candidate: outside the set, or not a container
            }
            switch (mode) {
                case SUBTRACT -> {
                    if ((s & REFS) > 0) {
                        r.gcState = s - 1;
                    }
                }
                case ROOT -> {
                    if ((s & REFS) < REFS) {
                        r.gcState = s + 1;
                    }
                }
                default -> {
                    if ((s & REACHABLE) == 0) {
                        r.gcState = s | REACHABLE;
                        push(r);
                    }
                }
            }
        }

        private void push(RefCounted o) {
            if (depth == work.length) {
                work = java.util.Arrays.copyOf(work, depth * 2);
            }
            work[depth++] = o;
        }

        /**
         * Removes the unreachable objects of {@code set} (and any already freed) from it and
         * returns them; {@code set} keeps the live ones. Every gcState is 0 again after.
         * Four sweeps of the set (see the Overview's cost): counts, subtract, reach, sort out.
         * {@code extraRoots} (or null): objects outside the set whose references keep set
         * members alive, counted or not.
         */
        List<RefCounted> unreachable(ArrayList<RefCounted> set, List<RefCounted> extraRoots) {
            int n = set.size();
            int live = 0;
            for (int i = 0; i < n; i++) { // 1: counts; the freed and the dying leave the set
                RefCounted o = set.get(i);
                if (o.isFreed()) {
                    continue;
                }
                int c = RefCount.countForCollector(o);
                if (c < 0 || (c == 0 && !RefCount.onlyBiasLeft(o))) {
                    continue; // being freed by its count right now: not ours to judge
                }
                o.gcState = IN_SET | Math.min(c, REFS)
                        | (!full && o instanceof GcTracked.ReferencedUncounted ? KEEP : 0);
                set.set(live++, o);
            }
            n = live;
            mode = SUBTRACT; // 2: references from inside the set
            for (int i = 0; i < n; i++) {
                ((GcTracked) set.get(i)).traverse(this);
            }
            mode = ROOT; // 3: the thread stacks
            roots.accept(this);
            mode = REACH; // 4: each object with a count left is a root; what it reaches lives
            if (extraRoots != null) {
                for (RefCounted o : extraRoots) {
                    if (!o.isFreed() && (o.gcState & IN_SET) == 0) {
                        ((GcTracked) o).traverse(this);
                        drain();
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                RefCounted o = set.get(i);
                int s = o.gcState;
                if ((s & (REFS | KEEP)) != 0 && (s & REACHABLE) == 0) {
                    o.gcState = s | REACHABLE;
                    push(o);
                    drain(); // depth-first now: the stack holds one root's frontier, not the heap's
                }
            }
            List<RefCounted> garbage = new ArrayList<>();
            int kept = 0;
            for (int i = 0; i < n; i++) { // sort out, and every gcState back to 0
                RefCounted o = set.get(i);
                if ((o.gcState & REACHABLE) == 0) {
                    if (RefCount.onlyBiasLeft(o)) {
                        orphans.add(o);
                    } else {
                        garbage.add(o);
                    }
                } else {
                    set.set(kept++, o);
                }
                o.gcState = 0;
            }
            set.subList(kept, set.size()).clear();
            return garbage;
        }

        private void drain() {
            RefCounted[] w = work;
            while (depth > 0) {
                RefCounted o = w[--depth];
                w[depth] = null;
                ((GcTracked) o).traverse(this);
                w = work; // a push may have grown it
            }
        }
    }
}
