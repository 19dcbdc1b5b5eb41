package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.BiasedCounts;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/*
    Property: with deferred counting (the nogil cell: biased counts, -Dgilectomy.deferred=on),
    a deferred object whose last counted (heap) reference is dropped while another thread's
    frame holds an uncounted reference to it is not freed: its count keeps the bias, so the
    frame never sees it freed, and the push and pop wrote nothing.

    Variants (actor1 plays the owner, through the local path, of a detached owner's object;
    actor2 is a frame on another thread):
      HeapDropRacesFrame        one heap reference (local 1 + bias). The owner drops it
                                (decrefLocal) while the frame pushes the object
                                (increfStack), reads whether it is freed, and pops it
                                (decrefStack)                           -> 0, 0, 0
      NegativeControl_NoBias    the same object not deferred, and a frame that takes an
                                uncounted reference anyway (what a deferred push does, without
                                the bias behind it): the owner's decref frees the object under
                                the frame, the forbidden "1, *, *" (MUST be observed).
    r1 = deallocations seen by the arbiter, r2 = the frame saw the object freed (0/1),
    r3 = RefCount.trueCount (counted references, bias excluded). The arbiter then ends the
    state as a program's finalisation does (RefCount.releaseDeferred), so the registry of
    deferred objects does not grow with the samples.

    Not tested here: that the cycle collector does not free a deferred object that only
    another thread's frame references (the collector visits every thread's frames as roots with
    the world stopped, so there is no race for jcstress to find): refcount's
    DeferredCollectionTest (with a negative control) and the corpus program
    gw_deferred_frames.py (a function deleted while another thread runs it) test that.

    How to run (from the repository root): ./gilectomy stress -t 'BiasedDeferredNotFreed\.' [--mode quick]
 */
public class BiasedDeferredNotFreed {

    /** The object, owned by a detached owner whose local path actor1 plays. */
    abstract static class Race extends BiasedTracked {
        private final int ownerId = BiasedCounts.newDetachedOwner();
        int frameSawFreed;

        Race(boolean deferred) {
            super(RefCountKind.BIASED);
            if (!RefCount.DEFERRED) {
                throw new IllegalStateException("this test needs -Dgilectomy.deferred=on (the nogil cell)");
            }
            if (deferred) {
                RefCount.markDeferred(this, this); // before adopt: the creating thread adds the bias
            }
            BiasedCounts.adopt(this, ownerId);
        }

        void dropHeapReference() {
            BiasedCounts.decrefLocal(this);
        }

        void report(III_Result r) {
            r.r1 = deallocs();
            r.r2 = frameSawFreed;
            r.r3 = isFreed() ? -1 : RefCount.trueCount(this);
            RefCount.releaseDeferred(this);
            BiasedCounts.retireDetachedOwner(ownerId);
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "Not freed: the bias held it; the frame's push and pop wrote nothing.")
    @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Freed while a frame held it.")
    @Outcome(expect = FORBIDDEN, desc = "The frame saw it freed, or the count moved: broken.")
    @State
    public static class HeapDropRacesFrame extends Race {
        public HeapDropRacesFrame() {
            super(true);
        }

        @Actor
        public void owner() {
            dropHeapReference();
        }

        @Actor
        public void frame() {
            RefCount.increfStack(this);
            frameSawFreed = isFreed() ? 1 : 0;
            RefCount.decrefStack(this);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(HeapDropRacesFrame.class)
    @State
    public static class NegativeControl_NoBias extends Race {
        public NegativeControl_NoBias() {
            super(false);
        }

        @Actor
        public void owner() {
            dropHeapReference();
        }

        @Actor
        public void frame() {
            frameSawFreed = isFreed() ? 1 : 0; // an uncounted reference to an object nothing keeps alive
        }

        @Arbiter
        public void arbiter(III_Result r) {
            report(r);
        }
    }
}
