package org.gilectomy.locks;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * A global table of wait queues keyed by object, so a lock needs no more than its word.
 *
 * <pre>
 * Overview
 *
 * BUCKETS striped buckets; an object hashes to one by identityHashCode (only to spread keys:
 * correctness never depends on the hash). Each bucket is a monitor guarding a FIFO singly
 * linked list of Waiter nodes.
 *
 * park(key, lockable, expected):
 *   lock bucket
 *     if lockable.word != expected: unlock; return false     // validation: no lost wake-up
 *     append waiter
 *   unlock bucket
 *   while !waiter.woken: LockSupport.park()                  // park may return spuriously
 *
 * unparkOne(key):
 *   lock bucket; remove first waiter with this key; waiter.woken = true (volatile); unlock
 *   LockSupport.unpark(waiter.thread)
 *
 * A releaser changes the word *before* calling unparkOne; a parker validates the word under
 * the bucket monitor. So either the parker sees the new word and does not sleep, or it is
 * already queued when the releaser looks, and is woken.
 *
 * Field            access
 * Bucket.head/tail guarded by the bucket's monitor
 * Waiter.woken     volatile: written by the waker, read by the parked thread
 *
 * Not promised: fairness between keys of one bucket; FIFO order among one key's waiters is
 * kept, but which waiter then wins the word is up to the lock.
 * </pre>
 */
public final class ParkingLot {
    static final int BUCKETS = 256; // power of two

    private static final Bucket[] TABLE = new Bucket[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            TABLE[i] = new Bucket();
        }
    }

    private ParkingLot() {
    }

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        final Object key;
        Waiter next; // guarded by the bucket
        volatile boolean woken;

        Waiter(Object key) {
            this.key = key;
        }
    }

    private static final class Bucket {
        Waiter head; // guarded by this
        Waiter tail; // guarded by this
    }

    private static Bucket bucketOf(Object key) {
        int h = System.identityHashCode(key);
        h ^= h >>> 16;
        return TABLE[h & (BUCKETS - 1)];
    }

    /**
     * Sleeps on {@code key} if its word still satisfies {@code stillBlocked}, checked under the
     * bucket lock.
     *
     * @return true if this thread slept and was woken by {@link #unparkOne}; false if the
     *     validation failed and it did not sleep
     */
    public static boolean park(Lockable key, IntPredicate stillBlocked) {
        Bucket bucket = bucketOf(key);
        Waiter me = new Waiter(key); // slow path only: allocation is fine here
        synchronized (bucket) {
            if (!stillBlocked.test(key.lockWordVolatile())) {
                return false;
            }
            if (bucket.tail == null) {
                bucket.head = me;
            } else {
                bucket.tail.next = me;
            }
            bucket.tail = me;
        }
        boolean interrupted = false;
        while (!me.woken) {
            LockSupport.park(key);
            if (Thread.interrupted()) {
                interrupted = true; // the runtime delivers interrupts at the eval breaker, not here
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Wakes the longest-waiting thread parked on {@code key}; returns whether there was one. */
    public static boolean unparkOne(Object key) {
        Bucket bucket = bucketOf(key);
        Waiter found = null;
        synchronized (bucket) {
            Waiter prev = null;
            for (Waiter w = bucket.head; w != null; prev = w, w = w.next) {
                if (w.key == key) {
                    found = w;
                    if (prev == null) {
                        bucket.head = w.next;
                    } else {
                        prev.next = w.next;
                    }
                    if (bucket.tail == w) {
                        bucket.tail = prev;
                    }
                    w.next = null;
                    w.woken = true;
                    break;
                }
            }
        }
        if (found != null) {
            LockSupport.unpark(found.thread);
            return true;
        }
        return false;
    }

    /** Whether any thread is parked on {@code key}; for tests and diagnostics. */
    public static boolean hasWaiters(Object key) {
        Bucket bucket = bucketOf(key);
        synchronized (bucket) {
            for (Waiter w = bucket.head; w != null; w = w.next) {
                if (w.key == key) {
                    return true;
                }
            }
        }
        return false;
    }
}
