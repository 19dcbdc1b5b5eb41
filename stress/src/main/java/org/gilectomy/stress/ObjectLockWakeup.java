package org.gilectomy.stress;

import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
    Property: a thread blocked in Py_LOCK (ObjectLock, every kind) wakes up and gets the lock
    once the holder unlocks. No lost wake-ups on the park/unpark path.

    The state is built with the lock already held (ObjectLock does not check who unlocks,
    so the signal may release it). The actor locks, which blocks; the signal unlocks; the
    actor must then return. jcstress waits for it (at least 30 s) and records STALE if it
    never does.

    The kind is a static final per JVM: StressMatrix runs these once per kind (spinpark,
    pymutex, pymutex with fairness 0 so that every wake is a hand-off, and spin, which never
    parks and so only runs UnlockRacingPark: for it the test is "a spinning locker sees the
    unlock").

    Variants:
      UnlockAfterPark         the signal waits until the actor is parked (thread state
                              WAITING) before unlocking: the park -> unpark hand-over (for
                              pymutex with fairness 0, the lock hand-off itself).
      UnlockRacingPark        the signal unlocks at once, racing the actor's spin, its
                              announcement of a sleeper (spinpark: getAndSet(LOCKED_WAITERS);
                              pymutex: CAS of HAS_PARKED) and the parking lot's re-check of the
                              word under the bucket lock: the window where a wake-up is lost.
      SecondWaiterWokenByFirst
                              a helper thread is parked on the lock first, then the actor
                              parks behind it. unlock wakes only the helper; its own unlock
                              must wake the actor. spinpark: the helper took the lock through
                              getAndSet(LOCKED_WAITERS), and a lock that let the woken thread
                              store LOCKED would strand the actor (the futex "mutex #1" bug).
                              pymutex: the unlock must keep HAS_PARKED because one more waiter
                              is queued ("more waiters" under the bucket lock). The actor joins
                              the helper, so both must finish.
      NegativeControl_NoWakeupLock
                              UnlockAfterPark against a lock whose unlock never unparks. It
                              MUST report STALE (which takes jcstress's 30 s time-out per
                              fork); the build fails if it does not.

    How to run (from the repository root): ./gilectomy stress -t 'ObjectLockWakeup\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    Seen on the 2-core development machine, quick mode: UnlockAfterPark 5,351 samples,
    UnlockRacingPark 6,018, SecondWaiterWokenByFirst 888, all TERMINATED; the negative control:

        ...... [FAILED] org.gilectomy.stress.ObjectLockWakeup.NegativeControl_NoWakeupLock
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        2  100.00%   Forbidden  The blocked locker never woke up after the unlock: a lost...
          TERMINATED        0    0.00%  Acceptable  The blocked locker woke up, took the lock and returned.

    sanity mode gives Termination tests a 0 ms budget: they record no samples at all there
    (the matrix says "recorded no samples"), hence the build's extra quick runs.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The blocked locker woke up, took the lock and returned.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The blocked locker never woke up after the unlock: a lost wake-up.")
@Outcome(                   expect = FORBIDDEN,  desc = "The actor or the signal threw: the lock or the test is broken.")
public class ObjectLockWakeup {

    /** How long the signal waits for the actor to park before it unlocks anyway. */
    static final long DEFAULT_PARK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * The state every variant shares: a lock held by whoever built the state, and optionally
     * a helper thread already parked on it. jcstress only sees {@code @Actor}/{@code @Signal}
     * methods declared on the test class itself, hence the one-line methods in each variant.
     */
    public abstract static class Held {
        private final Mutex mutex;
        private final boolean waitForPark;
        private final Thread firstWaiter;

        Held(Mutex mutex, boolean waitForPark, boolean queueFirstWaiter) {
            this.mutex = mutex;
            this.waitForPark = waitForPark;
            mutex.lock();
            if (queueFirstWaiter) {
                firstWaiter = new Thread(this::lockThenUnlock, "first-waiter");
                firstWaiter.setDaemon(true); // a stranded helper must not keep the fork alive
                firstWaiter.start();
                // The actor must queue behind it, or the chain under test never forms.
                awaitParked(firstWaiter);
            } else {
                firstWaiter = null;
            }
        }

        private void lockThenUnlock() {
            mutex.lock();
            mutex.unlock();
        }

        final void blockedLocker() throws InterruptedException {
            lockThenUnlock();
            if (firstWaiter != null) {
                firstWaiter.join(); // terminate only if the whole chain of wake-ups happened
            }
        }

        final void release(Thread actor) {
            if (waitForPark) {
                awaitParked(actor);
            }
            mutex.unlock();
        }

        /**
         * Bounded, so that a lock which should park but spins forever instead still gets its
         * unlock and is judged on whether the actor returns, rather than hanging the signal. A
         * lock that never parks by design (spin) is not waited for at all: every sample would
         * cost the whole bound.
         */
        private void awaitParked(Thread t) {
            if (!mutex.parks()) {
                return;
            }
            long deadline = System.nanoTime() + DEFAULT_PARK_WAIT_NANOS;
            while (t.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ObjectLockWakeup.class)
    @State
    public static class UnlockAfterPark extends Held {
        public UnlockAfterPark() {
            super(Mutex.objectLock(), true, false);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockedLocker();
        }

        @Signal
        public void signal(Thread actor) {
            release(actor);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ObjectLockWakeup.class)
    @State
    public static class UnlockRacingPark extends Held {
        public UnlockRacingPark() {
            super(Mutex.objectLock(), false, false);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockedLocker();
        }

        @Signal
        public void signal(Thread actor) {
            release(actor);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ObjectLockWakeup.class)
    @State
    public static class SecondWaiterWokenByFirst extends Held {
        public SecondWaiterWokenByFirst() {
            super(Mutex.objectLock(), true, true);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockedLocker();
        }

        @Signal
        public void signal(Thread actor) {
            release(actor);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ObjectLockWakeup.class)
    @State
    public static class NegativeControl_NoWakeupLock extends Held {
        public NegativeControl_NoWakeupLock() {
            super(new NoWakeupLock(), true, false);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockedLocker();
        }

        @Signal
        public void signal(Thread actor) {
            release(actor);
        }
    }
}
