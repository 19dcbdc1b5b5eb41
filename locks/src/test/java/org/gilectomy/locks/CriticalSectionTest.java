package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Critical sections: nesting, suspension around blocking, and deadlock-free two-object locking. */
class CriticalSectionTest {
    static final class Obj extends Lockable implements LockOrdered {
        private static final VarHandle ID;

        static {
            try {
                ID = MethodHandles.lookup().findVarHandle(Obj.class, "id", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused")
        private long id;
        long value; // guarded by this object's lock

        @Override
        public long lockOrderId() {
            return LockOrdered.idOf(this, ID);
        }
    }

    @Test
    void nestedSectionsOnOneObjectDoNotSelfDeadlock() {
        Obj o = new Obj();
        CriticalSection.begin(o);
        CriticalSection.begin(o);
        assertTrue(ObjectLock.isLocked(o));
        CriticalSection.end();
        assertTrue(ObjectLock.isLocked(o), "the outer section still holds it");
        CriticalSection.end();
        assertFalse(ObjectLock.isLocked(o));
        assertEquals(0, CriticalSection.depth());
    }

    @Test
    void suspendAllReleasesAndResumeTopRetakesOnlyTheTop() {
        Obj outer = new Obj();
        Obj inner = new Obj();
        CriticalSection.begin(outer);
        CriticalSection.begin(inner);
        CriticalSection.suspendAll();
        assertFalse(ObjectLock.isLocked(outer));
        assertFalse(ObjectLock.isLocked(inner));
        CriticalSection.resumeTop();
        assertTrue(ObjectLock.isLocked(inner));
        assertFalse(ObjectLock.isLocked(outer), "outer sections stay suspended until the inner ends");
        CriticalSection.end();
        assertTrue(ObjectLock.isLocked(outer), "ending the inner section resumes the outer");
        CriticalSection.end();
        assertFalse(ObjectLock.isLocked(outer));
    }

    /** Python code called from type code runs holding nothing, and blocking inside it re-locks nothing. */
    @Test
    void callOutReleasesEverySectionUntilItEnds() {
        Obj outer = new Obj();
        Obj inner = new Obj();
        assertFalse(CriticalSection.beginCallOut(), "outside any section there is nothing to suspend");
        CriticalSection.begin(outer);
        CriticalSection.begin(inner);
        assertTrue(CriticalSection.beginCallOut());
        assertFalse(ObjectLock.isLocked(outer));
        assertFalse(ObjectLock.isLocked(inner));
        CriticalSection.begin(inner); // the callee uses the same object: not re-entry, a real lock
        assertTrue(ObjectLock.isLocked(inner));
        CriticalSection.suspendAll(); // the callee blocks (Blocking.run)
        CriticalSection.resumeTop();
        assertTrue(ObjectLock.isLocked(inner), "the callee's own section is resumed");
        CriticalSection.end();
        CriticalSection.suspendAll();
        CriticalSection.resumeTop();
        assertFalse(ObjectLock.isLocked(inner), "a blocking call in the callee must not re-lock the caller's");
        assertFalse(ObjectLock.isLocked(outer));
        CriticalSection.endCallOut();
        assertTrue(ObjectLock.isLocked(inner), "back from the call-out, the caller's top section is locked again");
        assertFalse(ObjectLock.isLocked(outer), "outer sections stay suspended until the inner ends");
        CriticalSection.end();
        assertTrue(ObjectLock.isLocked(outer));
        CriticalSection.end();
        assertFalse(ObjectLock.isLocked(outer));
        assertEquals(0, CriticalSection.depth());
    }

    /** Another thread can take a container whose section is suspended for a call-out. */
    @Test
    void anotherThreadTakesTheObjectDuringACallOut() throws Exception {
        Obj o = new Obj();
        CriticalSection.begin(o);
        CriticalSection.beginCallOut();
        try {
            Thread t = new Thread(() -> {
                CriticalSection.begin(o);
                o.value++;
                CriticalSection.end();
            });
            t.start();
            t.join(20_000);
            assertFalse(t.isAlive(), "the other thread could not lock an object whose section was suspended");
        } finally {
            CriticalSection.endCallOut();
            CriticalSection.end();
        }
        assertEquals(1, o.value);
    }

    @Test
    void idsAreUniqueAndStable() {
        Obj a = new Obj();
        Obj b = new Obj();
        assertTrue(a.lockOrderId() != 0);
        assertTrue(a.lockOrderId() != b.lockOrderId());
        assertEquals(a.lockOrderId(), a.lockOrderId());
    }

    /** a.extend(b) racing b.extend(a): each takes both, in opposite argument order. */
    @Test
    void oppositeOrderTwoObjectSectionsNeverDeadlock() throws Exception {
        Pair pair = new Pair((x, y) -> {
            CriticalSection.begin2(x, y);
            try {
                x.value += y.value + 1;
            } finally {
                CriticalSection.end();
            }
        });
        assertTrue(pair.done.await(LIMIT_SECONDS, TimeUnit.SECONDS), "begin2 deadlocked");
    }

    /**
     * Negative control: locking in argument order, the classic lock-order inversion, deadlocks.
     * Seen as soon as it happens (both objects locked, neither thread done, neither making
     * progress for {@link #STALL_MILLIS}) instead of by waiting out the positive test's limit.
     */
    @Test
    void lockingInArgumentOrderDeadlocks() throws Exception {
        Pair pair = new Pair((x, y) -> {
            ObjectLock.lock(x);
            try {
                Thread.yield(); // widen the window, so the inversion shows within the time limit
                ObjectLock.lock(y);
                try {
                    x.value += y.value + 1;
                } finally {
                    ObjectLock.unlock(y);
                }
            } finally {
                ObjectLock.unlock(x);
            }
        });
        assertTrue(pair.deadlocks(), "naive lock ordering should have deadlocked: the positive test could not fail");
    }

    /** How long the pair may take to finish, or to show its deadlock. */
    private static final long LIMIT_SECONDS = 20;
    /** How long both threads must stand still, both objects locked, to count as deadlocked. */
    private static final long STALL_MILLIS = 2_000;

    /**
     * Two daemon threads running {@code op(a, b)} and {@code op(b, a)} many times; a deadlocked
     * pair stays blocked (parked, or spinning under the spin lock) on objects only it uses.
     */
    private static final class Pair {
        final Obj a = new Obj();
        final Obj b = new Obj();
        final CountDownLatch done = new CountDownLatch(2);
        /** Rounds each thread has finished, written by that thread only. */
        final AtomicIntegerArray rounds = new AtomicIntegerArray(2);

        Pair(BiConsumer<Obj, Obj> op) {
            for (int t = 0; t < 2; t++) {
                int me = t;
                Thread th = new Thread(() -> {
                    for (int i = 1; i <= 200_000; i++) {
                        if (me == 0) {
                            op.accept(a, b);
                        } else {
                            op.accept(b, a);
                        }
                        rounds.lazySet(me, i);
                    }
                    done.countDown();
                });
                th.setDaemon(true);
                th.start();
            }
        }

        /** True once the pair stands still holding both objects; false if it finishes or the limit passes. */
        boolean deadlocks() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
            long stillSince = System.nanoTime();
            long seen = -1;
            while (System.nanoTime() < end) {
                if (done.await(100, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                long now = ((long) rounds.get(0) << 32) | rounds.get(1);
                boolean bothHeld = ObjectLock.isLocked(a) && ObjectLock.isLocked(b);
                if (now != seen || !bothHeld) {
                    seen = now;
                    stillSince = System.nanoTime();
                } else if (System.nanoTime() - stillSince >= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                    return done.getCount() > 0;
                }
            }
            return false;
        }
    }
}
