package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCountKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    Property: with biased counts an object whose last two references are dropped at once,
    one by the owner and one by a non-owner, is freed exactly once, by whichever comes last.

    Variants (actor1 plays the owner, actor2 a non-owner; paths pinned as in
    BiasedNoLostUpdate):
      OwnerZeroRacesSharedDecref  local 1 + shared 1. The owner's local reaching 0 merges
                                  (CAS the shared word to MERGED) while the non-owner's CAS
                                  takes the shared count to 0: either the owner finds shared 0
                                  and frees, or the non-owner finds MERGED 0 and frees.
      MergeRacesOwner             local 2 (one per actor), shared 0. The non-owner's decref
                                  finds shared 0 and queues the object to its owner; the owner
                                  drops its own local reference and services its queue
                                  (mergeQueuedFor) while the push may not have happened yet;
                                  the arbiter, after both, retires the owner, which services
                                  the queue once more (as the owner's exit would). Each state
                                  has its own detached owner and queue (newDetachedOwner).
    r1 = deallocations seen by the arbiter after everything, r2 = freed by actor1 (0/1).

    How to run (from the repository root): ./gilectomy stress -t 'BiasedFreedOnce\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
public class BiasedFreedOnce {

    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The owner came last: it found shared 0 and freed.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The non-owner came last: it found MERGED 0 and freed.")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "Never freed: a reference was lost the other way (leak).")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Freed twice.")
    @Outcome(expect = FORBIDDEN, desc = "Broken.")
    @State
    public static class OwnerZeroRacesSharedDecref extends BiasedTracked {
        public OwnerZeroRacesSharedDecref() {
            super(RefCountKind.BIASED);
            BiasedCounts.increfShared(this); // local 1 + shared 1
        }

        int ownerFreed;

        @Actor
        public void owner() {
            BiasedCounts.decrefLocal(this);
            ownerFreed = deallocs();
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.decrefShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = deallocs();
            r.r2 = ownerFreed;
        }
    }

    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The push came first: the owner's merge freed it.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The owner looked before the push: its next merge freed it.")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "Never freed: the queued reference was lost.")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Freed twice.")
    @Outcome(expect = FORBIDDEN, desc = "Broken.")
    @State
    public static class MergeRacesOwner extends BiasedTracked {
        /** This state's own owner: a shared one would merge other states' objects. */
        private final int ownerId = BiasedCounts.newDetachedOwner();

        public MergeRacesOwner() {
            super(RefCountKind.BIASED);
            BiasedCounts.adopt(this, ownerId);
            BiasedCounts.increfLocal(this); // local 2: one for each actor
        }

        int ownerFreed;

        @Actor
        public void owner() {
            BiasedCounts.decrefLocal(this);
            BiasedCounts.mergeQueuedFor(ownerId);
            ownerFreed = deallocs();
        }

        @Actor
        public void nonOwner() {
            BiasedCounts.decrefShared(this);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            BiasedCounts.retireDetachedOwner(ownerId); // merges what is left, then forgets it
            r.r1 = deallocs();
            r.r2 = ownerFreed;
        }
    }
}
