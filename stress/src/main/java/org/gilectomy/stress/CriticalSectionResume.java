package org.gilectomy.stress;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.Lockable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
    Property: after CriticalSection.resumeTop a thread holds its section's object exclusively
    again. Two actors each open a section on object A, block inside it as Blocking.run does
    (suspendAll, a yield standing for the blocking call, resumeTop), then do a read-modify-write
    of a plain int with a yield in the middle, and end the section; the arbiter reads the int.
    Outcomes as MutualExclusion's (whose Guarded state this reuses): "2" both updates landed,
    "1" both actors were inside at once. While one actor is suspended the other may take A: that
    is CriticalSectionSuspend's property; here the point is that the resume takes A back before
    the update.

    Needs a per-object lock (-Dgilectomy.lock=spinpark|pymutex|spin; StressMatrix passes
    spinpark).

    Variants:
      UpdateAfterResume      suspend, yield, resume, update, end.
      NegativeControl_UpdateBeforeResume
                             suspend, yield, update, resume, end: the update runs while the
                             section is suspended, i.e. as if resume had not locked A. It MUST
                             observe the forbidden "1"; the build fails if it does not.

    How to run (from the repository root): ./gilectomy stress -t 'CriticalSectionResume\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).
 */
public class CriticalSectionResume {

    /**
     * A section on a fresh object A, seen as a {@link Mutex}: lock opens the section and blocks
     * inside it, unlock ends it. {@code resumeBeforeUpdate} says whether the section is resumed
     * in lock (correct) or only in unlock (the negative control's update runs suspended).
     */
    static Mutex sectionThatBlocks(boolean resumeBeforeUpdate) {
        Builds.requireSomeLock();
        Lockable a = new Lockable() {
        };
        return new Mutex() {
            @Override
            public void lock() {
                CriticalSection.begin(a);
                CriticalSection.suspendAll();
                Thread.yield(); // the blocking call
                if (resumeBeforeUpdate) {
                    CriticalSection.resumeTop();
                }
            }

            @Override
            public void unlock() {
                if (!resumeBeforeUpdate) {
                    CriticalSection.resumeTop();
                }
                CriticalSection.end();
            }
        };
    }

    @JCStressTest
    @JCStressMeta(MutualExclusion.class)
    @State
    public static class UpdateAfterResume extends MutualExclusion.Guarded {
        public UpdateAfterResume() {
            super(sectionThatBlocks(true), 1);
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
    public static class NegativeControl_UpdateBeforeResume extends MutualExclusion.Guarded {
        public NegativeControl_UpdateBeforeResume() {
            super(sectionThatBlocks(false), 1);
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
