package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCountKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    Property: with biased counts (PEP 703) no update is lost when the owner (plain updates of
    the local count) and a non-owner (atomic updates of the shared count) update the same
    object at once. The arbiter reads the true count (local + shared) and the deallocations.

    actor1 plays the owner through BiasedCounts.increfLocal/decrefLocal, actor2 a non-owner
    through increfShared/decrefShared: RefCount.incref/decref choose between them with one id
    compare, and jcstress's actor threads are not the thread that built the state, so the
    paths are pinned explicitly.

    Variants:
      Increfs                     count 1; owner +1, non-owner +1              -> 3, not freed
      Decrefs                     local 2 + shared 1; owner -1, non-owner -1   -> 1, not freed
      OwnerIncrefRacesSharedDecref local 1 + shared 1; owner +1, non-owner -1  -> 2, not freed
      OwnerDecrefRacesSharedIncref local 2; owner -1, non-owner +1             -> 2, not freed
      TwoNonOwners                count 1; two non-owners +1 each (the shared
                                  count's getAndAdd against itself)            -> 3, not freed
      NegativeControl_LocalTwice  both actors take the owner's plain path: it MUST observe the
                                  forbidden "2, 0" (a lost update), proving the test can see
                                  one and that only the owner may use the local count.

    How to run (from the repository root): ./gilectomy stress -t 'BiasedNoLostUpdate\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
public class BiasedNoLostUpdate {

    @JCStressTest
    @Outcome(id = "3, 0", expect = ACCEPTABLE, desc = "Both increments landed, one locally, one in the shared count.")
    @Outcome(id = "2, 0", expect = FORBIDDEN, desc = "An increment was lost.")
    @Outcome(expect = FORBIDDEN, desc = "Freed, or the count moved otherwise: broken.")
    @State
    public static class Increfs extends BiasedTracked {
        public Increfs() {
            super(RefCountKind.BIASED);
        }

        @Actor
        public void owner() {
            BiasedCounts.increfLocal(this);
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.increfShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "Both decrements landed; the last reference keeps it alive.")
    @Outcome(expect = FORBIDDEN, desc = "A decrement was lost or doubled, or the object was freed while referenced.")
    @State
    public static class Decrefs extends BiasedTracked {
        public Decrefs() {
            super(RefCountKind.BIASED);
            BiasedCounts.increfLocal(this);  // local 2
            BiasedCounts.increfShared(this); // shared 1
        }

        @Actor
        public void owner() {
            BiasedCounts.decrefLocal(this);
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.decrefShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }

    @JCStressTest
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The owner's increment and the non-owner's decrement both landed.")
    @Outcome(expect = FORBIDDEN, desc = "An update was lost or doubled, or the object was freed while referenced.")
    @State
    public static class OwnerIncrefRacesSharedDecref extends BiasedTracked {
        public OwnerIncrefRacesSharedDecref() {
            super(RefCountKind.BIASED);
            BiasedCounts.increfShared(this); // shared 1: the reference the non-owner drops
        }

        @Actor
        public void owner() {
            BiasedCounts.increfLocal(this);
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.decrefShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }

    @JCStressTest
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Both landed; the shared count may be queued for a merge, never freed.")
    @Outcome(expect = FORBIDDEN, desc = "An update was lost or doubled, or the object was freed while referenced.")
    @State
    public static class OwnerDecrefRacesSharedIncref extends BiasedTracked {
        public OwnerDecrefRacesSharedIncref() {
            super(RefCountKind.BIASED);
            BiasedCounts.increfLocal(this); // local 2
        }

        @Actor
        public void owner() {
            BiasedCounts.decrefLocal(this);
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.increfShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }

    @JCStressTest
    @JCStressMeta(Increfs.class)
    @State
    public static class TwoNonOwners extends BiasedTracked {
        public TwoNonOwners() {
            super(RefCountKind.BIASED);
        }

        @Actor
        public void nonOwner1() {
            BiasedCounts.increfShared(this);
        }

        @Actor
        public void nonOwner2() {
            BiasedCounts.increfShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }

    @JCStressTest
    @JCStressMeta(Increfs.class)
    @State
    public static class NegativeControl_LocalTwice extends BiasedTracked {
        public NegativeControl_LocalTwice() {
            super(RefCountKind.BIASED);
        }

        @Actor
        public void owner() {
            BiasedCounts.increfLocal(this);
        }

        @Actor
        public void notReallyOwner() {
            BiasedCounts.increfLocal(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = refCountOpaque();
            r.r2 = deallocs();
        }
    }
}
