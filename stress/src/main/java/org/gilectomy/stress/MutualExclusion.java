package org.gilectomy.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
    Property: Py_LOCK/Py_UNLOCK (ObjectLock) excludes, in every lock kind. Two actors each
    lock, do a read-modify-write of a plain int, and unlock; the arbiter reads the int. If both
    were ever inside at once, both read the same value and one update is lost: the arbiter
    sees 1.

    The counter is deliberately plain: only the lock's acquire CAS and release CAS (or, for a
    pymutex hand-off, the parking lot's release/acquire of the waiter's state) order the two
    writes, so the test also catches a release that is not a release.

    The kind is a static final per JVM, so StressMatrix runs these tests once per kind, each
    in its own jcstress invocation: spinpark (all of jcstress's JVM configurations, in
    ${jcstress.mode}), pymutex, pymutex with -Dgilectomy.lock.fairness-ns=0 (every wake of a
    parked waiter is a hand-off) and spin.

    Variants:
      ObjectLockFastPath      the critical section is a few instructions: the two actors
                              collide in the CAS fast path and the bounded spin (spin: the
                              back-off loop).
      ObjectLockSlowPath      the owner yields the CPU twice inside the critical section, so
                              the other actor often exhausts its spin and parks (two threads
                              looping this way outside jcstress park about 0.8 times per
                              acquisition): exclusion across park and unpark, spinpark's
                              LOCKED_WAITERS word, pymutex's HAS_PARKED bit, its release and its
                              hand-off.
      NegativeControl_BrokenTestThenSetLock
                              the same test as ObjectLockFastPath against a check-then-set
                              lock. It MUST observe the forbidden "1"; the build fails if it
                              does not (see StressMatrix).

    How to run (from the repository root): ./gilectomy stress -t 'MutualExclusion\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    Seen on the 2-core development machine, quick mode: ObjectLockFastPath 201,199,522 samples
    and ObjectLockSlowPath 27,330,909, none forbidden; the negative control (one JVM
    configuration, -sc false):

        ...... [FAILED] org.gilectomy.stress.MutualExclusion.NegativeControl_BrokenTestThenSetLock
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
               1     145,625    0.30%   Forbidden  Both actors were inside at once and read the same value: ...
               2  49,053,517   99.70%  Acceptable  The two critical sections ran one after the other; both u...

    0.3% is too rare for sanity mode (about a hundred samples per run): that is why the build
    runs the negative controls in quick mode whatever jcstress.mode says.
 */
@Outcome(id = "2", expect = ACCEPTABLE, desc = "The two critical sections ran one after the other; both updates landed.")
@Outcome(id = "1", expect = FORBIDDEN,  desc = "Both actors were inside at once and read the same value: one update was lost.")
@Outcome(          expect = FORBIDDEN,  desc = "Neither or more than two updates landed: the test itself is broken.")
public class MutualExclusion {

    /**
     * The state every variant shares: the mutex under test, the counter it guards, and how
     * long the owner stays inside. jcstress only sees {@code @Actor} methods declared on the
     * test class itself, hence the one-line actors in each variant.
     */
    public abstract static class Guarded {
        private final Mutex mutex;
        private final int yieldsInside;
        private int count; // plain on purpose: see the header

        Guarded(Mutex mutex, int yieldsInside) {
            this.mutex = mutex;
            this.yieldsInside = yieldsInside;
        }

        final void increment() {
            mutex.lock();
            try {
                int seen = count;
                for (int i = 0; i < yieldsInside; i++) {
                    Thread.yield(); // hand the core to the other actor while we own the lock
                }
                count = seen + 1;
            } finally {
                mutex.unlock();
            }
        }

        final int count() {
            return count;
        }
    }

    @JCStressTest
    @JCStressMeta(MutualExclusion.class)
    @State
    public static class ObjectLockFastPath extends Guarded {
        public ObjectLockFastPath() {
            super(Mutex.objectLock(), 0);
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = count();
        }
    }

    @JCStressTest
    @JCStressMeta(MutualExclusion.class)
    @State
    public static class ObjectLockSlowPath extends Guarded {
        public ObjectLockSlowPath() {
            super(Mutex.objectLock(), 2);
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = count();
        }
    }

    @JCStressTest
    @JCStressMeta(MutualExclusion.class)
    @State
    public static class NegativeControl_BrokenTestThenSetLock extends Guarded {
        public NegativeControl_BrokenTestThenSetLock() {
            super(new BrokenTestThenSetLock(), 0);
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = count();
        }
    }
}
