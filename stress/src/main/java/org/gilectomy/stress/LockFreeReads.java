package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.RefCountKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/*
    Property: a dict or list read that takes no lock (try-incref, then re-check that the slot
    still holds the object) racing an overwrite that decrefs the old value returns the old
    value or the new one, alive, and never touches a freed object. Setup and report: ReadRace
    (r1 = got old 1 / young 2; r2 = freed when got; r3 = use-after-free; r4 = old's deallocs).

    Variants:
      Dict, List                 PyDict.get / PyList.getItem with -Dgilectomy.reads=lock-free,
                                 atomic counts (the biased build: BiasedLockFreeReads).
      NegativeControl_Dict*, _List*  the GIL-era read: a borrowed pointer (getBorrowed /
                                 getItemBorrowed), then a plain incref with no re-check. The
                                 writer frees the old value in between: they MUST observe a
                                 use-after-free or a freed value.

    How to run (from the repository root): ./gilectomy stress -t 'LockFreeReads\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "Got the old value, alive; the reader's decref freed it.")
@Outcome(id = "2, 0, 0, 1", expect = ACCEPTABLE, desc = "Got the new value; the writer's decref freed the old one.")
@Outcome(                   expect = FORBIDDEN,  desc = "A freed object returned, a use-after-free, a lost or double free, or a value never stored.")
public class LockFreeReads {

    @JCStressTest
    @JCStressMeta(LockFreeReads.class)
    @State
    public static class Dict extends ReadRace {
        public Dict() {
            super(Container.DICT, RefCountKind.ATOMIC);
        }

        @Actor
        public void actor1() {
            reader();
        }

        @Actor
        public void actor2() {
            writer();
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(LockFreeReads.class)
    @State
    public static class List extends ReadRace {
        public List() {
            super(Container.LIST, RefCountKind.ATOMIC);
        }

        @Actor
        public void actor1() {
            reader();
        }

        @Actor
        public void actor2() {
            writer();
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(LockFreeReads.class)
    @State
    public static class NegativeControl_DictBorrowed extends ReadRace {
        public NegativeControl_DictBorrowed() {
            super(Container.DICT, null);
        }

        @Actor
        public void actor1() {
            borrowingReader();
        }

        @Actor
        public void actor2() {
            writer();
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(LockFreeReads.class)
    @State
    public static class NegativeControl_ListBorrowed extends ReadRace {
        public NegativeControl_ListBorrowed() {
            super(Container.LIST, null);
        }

        @Actor
        public void actor1() {
            borrowingReader();
        }

        @Actor
        public void actor2() {
            writer();
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }
}
