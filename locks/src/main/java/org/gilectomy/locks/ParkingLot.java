package org.gilectomy.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * park(key, stillBlocked(word), waitStart):
 *   lock bucket
 *     if !stillBlocked(key.word): unlock; return NOT_PARKED     // validation: no lost wake-up
 *     append waiter (key, thread, waitStart)
 *   unlock bucket
 *   while waiter.state == WAITING: LockSupport.park()          // park may return spuriously
 *   return waiter.state                                        // WOKEN or HANDED_OFF
 *
 * unparkOne(key):                                              // spinpark
 *   lock bucket; remove first waiter with this key; state = WOKEN; unlock
 *   LockSupport.unpark(waiter.thread)
 *
 * unparkOne(key, callback):                                    // pymutex
 *   lock bucket
 *     remove first waiter w with this key
 *     more = another waiter with this key is still queued
 *     handOff = callback(key, found = w != null, w.waitStart, more)   // under the bucket lock
 *     w.state = handOff ? HANDED_OFF : WOKEN                   // release: after the callback
 *   unlock bucket
 *   LockSupport.unpark(w.thread)                               // outside: the wakee needs no bucket
 *
 * A releaser either changes the word before calling unparkOne (spinpark), or changes it
 * inside the callback, under the bucket lock (pymutex); a parker validates the word under the
 * same bucket lock. So either the parker sees the new word and does not sleep, or it is
 * already queued when the releaser looks, and is woken. The callback runs with the bucket
 * locked, so "more waiters?" and the word it writes are one atomic decision: no thread can
 * queue, or fail its validation, in between.
 *
 * Field            access
 * Bucket.head/tail guarded by the bucket's monitor
 * Waiter.next      guarded by the bucket's monitor
 * Waiter.waitStart final: written before the waiter is published under the monitor
 * Waiter.state     setRelease by the waker (after the callback's writes, so a HANDED_OFF
 *                  waiter sees everything the previous owner wrote), getAcquire by the waiter
 *
 * Not promised: fairness between keys of one bucket; FIFO order among one key's waiters is
 * kept, but which waiter then wins the word is up to the lock. Interrupts do not end a park
 * (the runtime delivers them at the eval breaker): the status is restored on return. No
 * time-outs.
 * </pre>
 */
public final class ParkingLot {
    static final int BUCKETS = 256; // power of two

    /** {@link #park} result: the validation failed, the thread did not sleep; re-read the word. */
    public static final int NOT_PARKED = 0;
    /** {@link #park} result: slept and was woken by an unparkOne; the lock was not handed over. */
    public static final int WOKEN = 1;
    /** {@link #park} result: slept and was woken by an unparkOne whose callback handed it the lock. */
    public static final int HANDED_OFF = 2;

    /** Waiter.state while queued or not yet told. */
    private static final int WAITING = -1;

    private static final Bucket[] TABLE = new Bucket[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            TABLE[i] = new Bucket();
        }
    }

    private ParkingLot() {
    }

    /**
     * Decides, for {@link #unparkOne(Lockable, Unparker)}, what happens to the lock as one waiter
     * is woken. Runs under the bucket lock, so it must be short and must not block or park.
     */
    @FunctionalInterface
    public interface Unparker {
        /**
         * @param key             the object whose waiter is being woken
         * @param found           whether a waiter was dequeued; if not, the other arguments are 0/false
         * @param waitStartNanos  the woken waiter's {@code waitStartNanos} as given to {@link #park}
         * @param moreWaiters     whether another waiter on {@code key} is still queued
         * @return true to hand the lock to the woken waiter (it returns {@link #HANDED_OFF});
         *     ignored when {@code found} is false
         */
        boolean onUnpark(Lockable key, boolean found, long waitStartNanos, boolean moreWaiters);
    }

    private static final class Waiter {
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread thread = Thread.currentThread();
        final Lockable key;
        final long waitStartNanos;
        Waiter next; // guarded by the bucket
        /** WAITING, then WOKEN or HANDED_OFF; touched only through the accessors below. */
        private int state = WAITING;

        Waiter(Lockable key, long waitStartNanos) {
            this.key = key;
            this.waitStartNanos = waitStartNanos;
        }

        /** Pairs with {@link #setStateRelease}: a woken waiter sees the waker's writes. */
        int stateAcquire() {
            return (int) STATE.getAcquire(this);
        }

        void setStateRelease(int value) {
            STATE.setRelease(this, value);
        }
    }

    private static final class Bucket {
        Waiter head; // guarded by this
        Waiter tail; // guarded by this
    }

    private static Bucket bucketOf(Object key) {
        return TABLE[bucketIndexOf(key)];
    }

    /** Package-private for tests that need two keys in one bucket. */
    static int bucketIndexOf(Object key) {
        int h = System.identityHashCode(key);
        h ^= h >>> 16;
        return h & (BUCKETS - 1);
    }

    /**
     * Sleeps on {@code key} if its word still satisfies {@code stillBlocked}, checked under the
     * bucket lock.
     *
     * @return true if this thread slept and was woken by an unparkOne; false if the
     *     validation failed and it did not sleep
     */
    public static boolean park(Lockable key, IntPredicate stillBlocked) {
        return park(key, stillBlocked, 0L) != NOT_PARKED;
    }

    /**
     * Sleeps on {@code key} if its word still satisfies {@code stillBlocked}, checked under the
     * bucket lock; {@code waitStartNanos} is handed to the {@link Unparker} that wakes it.
     *
     * @return {@link #NOT_PARKED}, {@link #WOKEN} or {@link #HANDED_OFF}
     */
    public static int park(Lockable key, IntPredicate stillBlocked, long waitStartNanos) {
        return park(key, stillBlocked, 0, waitStartNanos);
    }

    /**
     * {@link #park(Lockable, IntPredicate, long)} validated by equality, as CPython's
     * {@code _PyParkingLot_Park} compares the word with an expected value: sleeps only if the
     * word is exactly {@code expected}.
     */
    public static int parkIfWordIs(Lockable key, int expected, long waitStartNanos) {
        return park(key, null, expected, waitStartNanos);
    }

    /** Validates with {@code stillBlocked}, or if it is null with {@code word == expected}. */
    private static int park(Lockable key, IntPredicate stillBlocked, int expected, long waitStartNanos) {
        Bucket bucket = bucketOf(key);
        Waiter me = new Waiter(key, waitStartNanos); // slow path only: allocation is fine here
        synchronized (bucket) {
            int word = key.lockWordVolatile();
            if (stillBlocked == null ? word != expected : !stillBlocked.test(word)) {
                return NOT_PARKED;
            }
            if (bucket.tail == null) {
                bucket.head = me;
            } else {
                bucket.tail.next = me;
            }
            bucket.tail = me;
        }
        boolean interrupted = false;
        int state;
        while ((state = me.stateAcquire()) == WAITING) {
            LockSupport.park(key);
            if (Thread.interrupted()) {
                interrupted = true; // the runtime delivers interrupts at the eval breaker, not here
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return state;
    }

    /** Wakes the longest-waiting thread parked on {@code key}; returns whether there was one. */
    public static boolean unparkOne(Object key) {
        Bucket bucket = bucketOf(key);
        Waiter found;
        synchronized (bucket) {
            found = dequeueFirst(bucket, key);
            if (found != null) {
                found.setStateRelease(WOKEN);
            }
        }
        if (found != null) {
            LockSupport.unpark(found.thread);
            return true;
        }
        return false;
    }

    /**
     * Wakes the longest-waiting thread parked on {@code key}, first running {@code callback}
     * under the bucket lock, which decides whether that thread is handed the lock and writes
     * the lock word accordingly. The callback runs even when nobody waits ({@code found}
     * false), so the caller can release the word under the same lock a parker validates under.
     *
     * @return whether a thread was woken
     */
    public static boolean unparkOne(Lockable key, Unparker callback) {
        Bucket bucket = bucketOf(key);
        Waiter found;
        synchronized (bucket) {
            found = dequeueFirst(bucket, key);
            if (found == null) {
                callback.onUnpark(key, false, 0L, false);
            } else {
                boolean more = false;
                for (Waiter w = bucket.head; w != null; w = w.next) {
                    if (w.key == key) {
                        more = true;
                        break;
                    }
                }
                boolean handOff = callback.onUnpark(key, true, found.waitStartNanos, more);
                // After the callback: the word it wrote happens-before the waiter's return.
                found.setStateRelease(handOff ? HANDED_OFF : WOKEN);
            }
        }
        if (found != null) {
            LockSupport.unpark(found.thread);
            return true;
        }
        return false;
    }

    /** Removes and returns the first waiter on {@code key}, or null. Caller holds the bucket. */
    private static Waiter dequeueFirst(Bucket bucket, Object key) {
        Waiter prev = null;
        for (Waiter w = bucket.head; w != null; prev = w, w = w.next) {
            if (w.key == key) {
                if (prev == null) {
                    bucket.head = w.next;
                } else {
                    prev.next = w.next;
                }
                if (bucket.tail == w) {
                    bucket.tail = prev;
                }
                w.next = null;
                return w;
            }
        }
        return null;
    }

    /** Whether any thread is parked on {@code key}; for tests and diagnostics. */
    public static boolean hasWaiters(Object key) {
        return waiters(key) > 0;
    }

    /** How many threads are parked on {@code key}; for tests and diagnostics. */
    public static int waiters(Object key) {
        Bucket bucket = bucketOf(key);
        int n = 0;
        synchronized (bucket) {
            for (Waiter w = bucket.head; w != null; w = w.next) {
                if (w.key == key) {
                    n++;
                }
            }
        }
        return n;
    }
}
