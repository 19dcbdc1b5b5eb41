package org.gilectomy.refcount;

import java.util.List;

/**
 * Deferred reference counting (PEP 703; CPython 3.14t's {@code _PyObject_SetDeferredRefcount},
 * {@code _Py_REF_DEFERRED} and the tagged {@code _PyStackRef}): the bias, the registry of
 * mortal deferred objects, and their release at finalisation.
 *
 * <pre>
 * Overview
 *
 * Objects that many threads load and call (functions, code, modules, classes, globals dicts)
 * are marked deferred when they are made, before any other thread can see them
 * (RefCount.markDeferred; only with -Dgilectomy.deferred=on). Then:
 *   a frame's reference to a deferred object is not counted: pushing one (increfStack) and
 *     dropping one (decrefStack) write nothing; they read the header's deferred flag, which
 *     never changes after publication, so the line stays shared in every core's cache;
 *   a counted reference that becomes a frame's (a call's result, an item) is converted by
 *     dropping its count (stackRefSteal), and a frame's reference that leaves the frames (into
 *     a list, a cell, an attribute, a return to Java code) by taking one (newRefFromStack);
 *   a mortal deferred object's count carries BIAS, so heap decrefs never take it to zero: it
 *     is freed only by the cycle collector, which alone can see the frames' references, or at
 *     finalisation (releaseAll drops the bias of every object still registered).
 * Objects created at STATIC_REFS (code, modules) get the flag and no bias: they are never
 * freed, so their counts only need to stop being written.
 *
 * Where the bias lives: in refCount, the creating thread's local count under BIASED, so it
 * moves with the rest of the count into the shared word if the object is ever merged. True
 * count (RefCount.trueCount, what the collector reads) = counted references, bias removed.
 *
 * The registry (object -> scope, the interpreter that made it; ScopedRegistry) is written when
 * a deferred object is made or freed, never on a hot path (nested functions, lambdas and
 * comprehensions, the ones made over and over, are not deferred: see the runtime's
 * Interpreter.newFunction).
 *
 * Not promised: prompt freeing. A deferred function whose last heap reference goes away stays
 * alive until the collector runs or the program ends, as in CPython 3.14t.
 * </pre>
 */
final class DeferredCounts {
    /** Added to a mortal deferred object's count (well below STATIC_REFS and IMMORTAL_MIN). */
    static final int BIAS = 1 << 26;

    /** Mortal deferred objects not yet freed, with the scope that made them. */
    private static final ScopedRegistry LIVE = new ScopedRegistry();

    private DeferredCounts() {
    }

    static void register(RefCounted o, Object scope) {
        LIVE.register(o, scope);
    }

    /** The free path of a deferred object (RefCount.release). */
    static void forget(RefCounted o) {
        LIVE.forget(o);
    }

    /** How many mortal deferred objects of {@code scope} are registered (tests). */
    static int liveCount(Object scope) {
        return LIVE.count(scope);
    }

    /**
     * Drops the bias of every object {@code scope} made that is still alive, freeing those
     * that nothing else references; returns how many it released. Only when no other thread
     * of that scope runs (finalisation: they have all ended, so no frame holds a reference).
     */
    static int releaseAll(Object scope) {
        List<RefCounted> mine = LIVE.takeAll(scope);
        for (RefCounted o : mine) {
            RefCount.dropBias(o);
        }
        return mine.size();
    }
}
