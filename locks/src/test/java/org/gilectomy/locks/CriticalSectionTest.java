package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        assertTrue(finishesInTime((x, y) -> {
            CriticalSection.begin2(x, y);
            try {
                x.value += y.value + 1;
            } finally {
                CriticalSection.end();
            }
        }), "begin2 deadlocked");
    }

    /** Negative control: locking in argument order, the classic lock-order inversion, deadlocks. */
    @Test
    void lockingInArgumentOrderDeadlocks() throws Exception {
        assertFalse(finishesInTime((x, y) -> {
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
        }), "naive lock ordering should have deadlocked: the positive test could not fail");
    }

    /**
     * Two daemon threads run {@code op(a, b)} and {@code op(b, a)} many times. True if both finish
     * within the limit; a deadlocked pair stays parked (daemon threads on objects only it uses).
     */
    private static boolean finishesInTime(BiConsumer<Obj, Obj> op) throws InterruptedException {
        Obj a = new Obj();
        Obj b = new Obj();
        int rounds = 200_000;
        CountDownLatch done = new CountDownLatch(2);
        for (int t = 0; t < 2; t++) {
            boolean forward = t == 0;
            Thread th = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    if (forward) {
                        op.accept(a, b);
                    } else {
                        op.accept(b, a);
                    }
                }
                done.countDown();
            });
            th.setDaemon(true);
            th.start();
        }
        return done.await(20, TimeUnit.SECONDS);
    }
}
