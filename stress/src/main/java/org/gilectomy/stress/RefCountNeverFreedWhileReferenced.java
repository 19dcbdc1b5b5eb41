package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.UseAfterFreeError;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/*
    Property: an object is never freed while a reference to it is held. The object starts at
    2: one reference belongs to actor1, which borrows it for a moment (incref, then decref:
    what LOAD_FAST + POP_TOP do), the other to actor2, which drops it. Whatever the
    interleaving, one reference remains: the count ends at 1 and nothing is deallocated.

    r1 = deallocations; r2 = the count (-1 if the header is poisoned); r3 = use-after-free
    errors the actors saw (an update of an object another actor had freed).

    Variants:
      Atomic                  -Dgilectomy.refcount=atomic. Must always give "0, 1, 0".
      NegativeControl_Plain   the same actors with plain counts and no GIL: a lost increment
                              lets actor2's decrement and actor1's reach zero while actor1's
                              own reference is still held (freed while referenced), or a
                              lost decrement leaves 2. It MUST observe a forbidden outcome.

    How to run (from the repository root): ./gilectomy stress -t 'RefCountNeverFreedWhileReferenced\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "One reference left, nothing freed.")
@Outcome(id = "1, .*",   expect = FORBIDDEN,  desc = "Freed while actor1 still held a reference.")
@Outcome(id = "0, 2, 0", expect = FORBIDDEN,  desc = "A decrement was lost: the object would leak.")
@Outcome(                expect = FORBIDDEN,  desc = "Any other count, a double free or a use-after-free.")
public class RefCountNeverFreedWhileReferenced {

    /** The state and the actors' bodies, shared by the variants (jcstress wants the actors in each). */
    abstract static class Borrowing extends TrackedObject {
        private volatile int useAfterFree;

        Borrowing(RefCountKind build) {
            super(2, build);
        }

        final void borrowAndReturn() {
            try {
                RefCount.incref(this);
                RefCount.decref(this);
            } catch (UseAfterFreeError e) {
                useAfterFree = 1;
            }
        }

        final void drop() {
            try {
                RefCount.decref(this);
            } catch (UseAfterFreeError e) {
                useAfterFree = 1;
            }
        }

        final void report(III_Result r) {
            r.r1 = deallocs();
            r.r2 = isFreed() ? -1 : refCountOpaque();
            r.r3 = useAfterFree;
        }
    }

    @JCStressTest
    @JCStressMeta(RefCountNeverFreedWhileReferenced.class)
    @State
    public static class Atomic extends Borrowing {
        public Atomic() {
            super(RefCountKind.ATOMIC);
        }

        @Actor
        public void actor1() {
            borrowAndReturn();
        }

        @Actor
        public void actor2() {
            drop();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(RefCountNeverFreedWhileReferenced.class)
    @State
    public static class NegativeControl_Plain extends Borrowing {
        public NegativeControl_Plain() {
            super(RefCountKind.PLAIN);
        }

        @Actor
        public void actor1() {
            borrowAndReturn();
        }

        @Actor
        public void actor2() {
            drop();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            report(r);
        }
    }
}
