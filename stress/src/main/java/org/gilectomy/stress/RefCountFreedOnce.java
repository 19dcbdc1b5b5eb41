package org.gilectomy.stress;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
    Property: with atomic reference counts an object dropped by its last two owners at once
    is freed exactly once: exactly one Py_DECREF sees zero, runs dealloc and poisons the
    header. The object starts at 2; two actors each call RefCount.decref; the arbiter
    reports (dealloc calls, poisoned? 1 : 0).

    Variants:
      Atomic                  -Dgilectomy.refcount=atomic. Must always give "1, 1".
      NegativeControl_Plain   the same actors under -Dgilectomy.refcount=plain without a GIL:
                              both read 2 and write 1, nobody sees zero, the object leaks. It
                              MUST observe the forbidden "0, 0"; the build fails if it does not.

    Each variant checks in its constructor that its JVM runs its strategy, so the two must be
    run in separate jcstress invocations.

    How to run (from the repository root): ./gilectomy stress -t 'RefCountFreedOnce\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    Seen on the 2-core development machine, quick mode: Atomic 369,741,368 samples, all
    "1, 1"; the negative control (one JVM configuration, -sc false):

        ...... [FAILED] org.gilectomy.stress.RefCountFreedOnce.NegativeControl_Plain
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0    3,937,372    2.84%   Forbidden  A decref was lost: nobody saw zero and the object leaks.
            1, 1  134,728,650   97.16%  Acceptable  Exactly one decref reached zero, deallocated once and poi...
           2, .*            0    0.00%   Forbidden  Both decrefs saw zero: a double free.
 */
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Exactly one decref reached zero, deallocated once and poisoned the header.")
@Outcome(id = "0, 0", expect = FORBIDDEN,  desc = "A decref was lost: nobody saw zero and the object leaks.")
@Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Both decrefs saw zero: a double free.")
@Outcome(             expect = FORBIDDEN,  desc = "Freed without being poisoned, or poisoned without a dealloc: the free-on-zero contract is broken.")
public class RefCountFreedOnce {

    @JCStressTest
    @JCStressMeta(RefCountFreedOnce.class)
    @State
    public static class Atomic extends TrackedObject {
        public Atomic() {
            super(2, RefCountKind.ATOMIC);
        }

        @Actor
        public void actor1() {
            RefCount.decref(this);
        }

        @Actor
        public void actor2() {
            RefCount.decref(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = deallocs();
            r.r2 = isFreed() ? 1 : 0;
        }
    }

    @JCStressTest
    @JCStressMeta(RefCountFreedOnce.class)
    @State
    public static class NegativeControl_Plain extends TrackedObject {
        public NegativeControl_Plain() {
            super(2, RefCountKind.PLAIN);
        }

        @Actor
        public void actor1() {
            RefCount.decref(this);
        }

        @Actor
        public void actor2() {
            RefCount.decref(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = deallocs();
            r.r2 = isFreed() ? 1 : 0;
        }
    }
}
