package org.gilectomy.refcount;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-thread free list of one type's freed objects (CPython's float and tuple free lists):
 * a freed object is kept, still poisoned, and handed out again, re-initialised, by the next
 * allocation of its type on the same thread, instead of a new Java object.
 *
 * <pre>
 * Overview
 *
 * offer(o): called by the type's afterFree(), on the thread that freed o, once o is poisoned
 *           (count FREED): any incref or decref of it while it waits here is a detected
 *           use-after-free, as for any freed object. Kept if this thread's list has room.
 * poll():   takes one from this thread's list and revives its header as a new object's:
 *           count 1, shared word 0, owned by this thread (biased), counted as allocated by
 *           --check-refs. The caller re-initialises the type's own fields before publishing it.
 *
 * Per thread (an array stack), so neither side synchronizes: an object only moves from the
 * thread that freed it to the same thread's next allocation. The stack is found in the
 * thread's RefCountThreadState (its freeLists slot, indexed by the list's number): for a
 * runtime thread, a type check and three loads, where a ThreadLocal lookup would hash into
 * the thread's map on every float. Under buffered
 * counts objects are freed on the commit thread, which never allocates: its list fills to
 * capacity and stays there (bounded, harmless).
 *
 * Not promised: that a stale Java reference to a freed object sees it as freed once it has
 * been reused (a Python-level use-after-free that never touches the count is not detected).
 * </pre>
 *
 * @param <T> the object type
 */
public final class FreeList<T extends RefCounted> {
    /** CPython keeps up to 100 floats; the same order of magnitude here. */
    public static final int DEFAULT_CAPACITY = 100;

    /** How many lists a thread state has room for before its array grows. */
    static final int INITIAL_LISTS = 8;
    private static final AtomicInteger LISTS = new AtomicInteger();

    private final int capacity;
    private final int slot; // in RefCountThreadState.freeLists

    static final class Stack {
        final RefCounted[] items;
        int size;

        Stack(int capacity) {
            items = new RefCounted[capacity];
        }
    }

    public FreeList(int capacity) {
        this.capacity = capacity;
        this.slot = LISTS.getAndIncrement();
    }

    /** This thread's stack; only this thread touches it. */
    private Stack stack() {
        RefCountThreadState ts = RefCountThreadState.current();
        Stack[] lists = ts.freeLists;
        Stack s = slot < lists.length ? lists[slot] : null;
        return s != null ? s : ts.newFreeList(slot, capacity);
    }

    /** Keeps the freed, poisoned {@code o} if there is room; returns whether it did. */
    public boolean offer(T o) {
        Stack s = stack();
        if (s.size == s.items.length) {
            return false;
        }
        s.items[s.size++] = o;
        return true;
    }

    /** A revived object (count 1, this thread's), or null when the list is empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        Stack s = stack();
        if (s.size == 0) {
            return null;
        }
        RefCounted o = s.items[--s.size];
        s.items[s.size] = null;
        o.reviveFromFreeList();
        return (T) o;
    }

    /** How many objects this thread's list holds (tests). */
    public int sizeOnThisThread() {
        return stack().size;
    }
}
