package org.gilectomy.refcount;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects an interpreter (the scope) must deal with at its finalisation, by identity: the
 * deferred objects whose bias it drops (DeferredCounts) and the objects it made immortal
 * while running, whose references it releases (RefCheck). Synchronized on itself: written
 * when such an object is made or freed, never on a counting path.
 */
final class ScopedRegistry {
    private final Map<RefCounted, Object> entries = new IdentityHashMap<>();

    synchronized void register(RefCounted o, Object scope) {
        entries.put(o, scope);
    }

    synchronized void forget(RefCounted o) {
        entries.remove(o);
    }

    synchronized int count(Object scope) {
        int n = 0;
        for (Object s : entries.values()) {
            if (s == scope) {
                n++;
            }
        }
        return n;
    }

    /** Removes and returns the objects registered for {@code scope}. */
    synchronized List<RefCounted> takeAll(Object scope) {
        List<RefCounted> mine = new ArrayList<>();
        for (Map.Entry<RefCounted, Object> e : entries.entrySet()) {
            if (e.getValue() == scope) {
                mine.add(e.getKey());
            }
        }
        for (RefCounted o : mine) {
            entries.remove(o);
        }
        return mine;
    }
}
