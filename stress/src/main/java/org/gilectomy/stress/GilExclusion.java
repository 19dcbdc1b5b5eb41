package org.gilectomy.stress;

import org.gilectomy.locks.Gil;
import org.gilectomy.locks.GilKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
    Property: the GIL excludes, in both kinds. Two actors each take the GIL through the calls
    the interpreter makes (Gil.acquire, Gil.release), do a read-modify-write of a plain int
    inside, and release; the arbiter reads the int. Outcomes as MutualExclusion's (whose
    Guarded state this reuses): "2" both updates landed, "1" both were inside at once.

    Each variant has one GIL for the whole fork (static), as the interpreter has one per
    process: the actors of every jcstress state contend on it, and each state's counter still
    sees exactly its own two updates. Gil.newInstance builds it exactly as Gil.INSTANCE is built,
    so both kinds run in one JVM without -Dgilectomy.gil.

    Variants:
      NewGil                   CPython 3.2+'s GIL: a waiter sleeps on the condition for up to
                               a switch interval; the release must hand over the counter.
      OldGil                   CPython 2's binary semaphore: a woken waiter may find the GIL
                               taken again and wait once more (a failed re-acquisition).
      NegativeControl_BrokenGil
                               the same test against a GIL whose acquire tests, then sets, a
                               flag (BrokenGil). It MUST observe the forbidden "1"; the build
                               fails if it does not (see StressMatrix).

    How to run (from the repository root): ./gilectomy stress -t 'GilExclusion\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
public class GilExclusion {

    @JCStressTest
    @JCStressMeta(MutualExclusion.class)
    @State
    public static class NewGil extends MutualExclusion.Guarded {
        private static final Mutex GIL = Mutex.gil(Gil.newInstance(GilKind.NEW));

        public NewGil() {
            super(GIL, 0);
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
    public static class OldGil extends MutualExclusion.Guarded {
        private static final Mutex GIL = Mutex.gil(Gil.newInstance(GilKind.OLD));

        public OldGil() {
            super(GIL, 0);
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
    public static class NegativeControl_BrokenGil extends MutualExclusion.Guarded {
        private static final Mutex GIL = Mutex.gil(new BrokenGil());

        public NegativeControl_BrokenGil() {
            super(GIL, 0);
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
