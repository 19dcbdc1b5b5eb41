package org.gilectomy.stress;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
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
    Property: with atomic reference counts (Gilectomy 2016) no Py_INCREF is lost when two
    threads without a GIL increment the same object. The object starts at 1 (its creator's
    reference); two actors each call RefCount.incref; the arbiter reads the count: 3.

    Variants:
      Atomic                  -Dgilectomy.refcount=atomic: getAndAdd. Must never lose one.
      NegativeControl_Plain   the very same actors under -Dgilectomy.refcount=plain, the GIL
                              build's load-add-store, run without a GIL. It MUST observe the
                              forbidden "2"; the build fails if it does not. It shows both that
                              the test can see a lost update and why the free-threaded build
                              pays for atomics.

    Each variant checks in its constructor that its JVM runs its strategy (a static final per
    JVM), so the two must be run in separate jcstress invocations.

    How to run (from the repository root): ./gilectomy stress -t 'RefCountIncrefs\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    Seen on the 2-core development machine, quick mode: Atomic 227,262,008 samples, all "3";
    the negative control (one JVM configuration, -sc false):

        ...... [FAILED] org.gilectomy.stress.RefCountIncrefs.NegativeControl_Plain
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
               2   83,247,523   46.18%   Forbidden  Both actors read 1 and wrote 2: an incref was lost (a lat...
               3   97,033,859   53.82%  Acceptable  Both increments landed.
 */
@Outcome(id = "3", expect = ACCEPTABLE, desc = "Both increments landed.")
@Outcome(id = "2", expect = FORBIDDEN,  desc = "Both actors read 1 and wrote 2: an incref was lost (a later decref frees a live object).")
@Outcome(          expect = FORBIDDEN,  desc = "The count moved by other than the two increments: the test itself is broken.")
public class RefCountIncrefs {

    @JCStressTest
    @JCStressMeta(RefCountIncrefs.class)
    @State
    public static class Atomic extends TrackedObject {
        public Atomic() {
            super(1, RefCountKind.ATOMIC);
        }

        @Actor
        public void actor1() {
            RefCount.incref(this);
        }

        @Actor
        public void actor2() {
            RefCount.incref(this);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = refCountOpaque();
        }
    }

    @JCStressTest
    @JCStressMeta(RefCountIncrefs.class)
    @State
    public static class NegativeControl_Plain extends TrackedObject {
        public NegativeControl_Plain() {
            super(1, RefCountKind.PLAIN);
        }

        @Actor
        public void actor1() {
            RefCount.incref(this);
        }

        @Actor
        public void actor2() {
            RefCount.incref(this);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = refCountOpaque();
        }
    }
}
