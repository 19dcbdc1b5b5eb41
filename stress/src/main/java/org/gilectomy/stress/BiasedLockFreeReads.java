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
    Property: LockFreeReads' property in the biased build (nogil), where the reader's
    try-incref is a CAS on the shared count. The old value is first merged (no owner, shared
    count 1: the container's), so that neither actor owns it and the reader's lock-free path
    runs (an owned object with shared count 0 is refused and read under the lock). Outcomes
    as in LockFreeReads; the negative controls there cover both builds' unsafe read.

    How to run (from the repository root): ./gilectomy stress -t 'BiasedLockFreeReads\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "Got the old value, alive; the reader's decref freed it.")
@Outcome(id = "2, 0, 0, 1", expect = ACCEPTABLE, desc = "Got the new value; the writer's decref freed the old one.")
@Outcome(                   expect = FORBIDDEN,  desc = "A freed object returned, a use-after-free, a lost or double free, or a value never stored.")
public class BiasedLockFreeReads {

    @JCStressTest
    @JCStressMeta(BiasedLockFreeReads.class)
    @State
    public static class Dict extends ReadRace {
        public Dict() {
            super(Container.DICT, RefCountKind.BIASED);
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
    @JCStressMeta(BiasedLockFreeReads.class)
    @State
    public static class List extends ReadRace {
        public List() {
            super(Container.LIST, RefCountKind.BIASED);
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
}
