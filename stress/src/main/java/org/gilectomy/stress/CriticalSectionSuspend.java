package org.gilectomy.stress;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.Lockable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
    Property: a thread that blocks inside a critical section does not keep the section's
    object locked while it waits (CPython 3.13's rule, and the runtime's Blocking.run):
    CriticalSection.suspendAll before the blocking call releases the object to other threads,
    CriticalSection.resumeTop after it takes it back. Otherwise a thread that joins a thread
    which needs the same object deadlocks, where the GIL build finishes.

    The actor opens a section on object A, starts a helper thread that opens its own section
    on A, and then blocks in helper.join() as Blocking.run would: suspend, join, resume. The
    helper can finish only if the actor's section really let go of A; the actor returns only if
    the helper finished and its own resume then got A back. jcstress records STALE if the actor
    never returns (after at least 30 s). The signal does nothing: nobody else may help.
    CriticalSectionResume checks the other half: after resumeTop the thread holds A exclusively.

    Needs a per-object lock (-Dgilectomy.lock=spinpark|pymutex|spin; StressMatrix passes
    spinpark): in the GIL build there is nothing to suspend and the test says so at once.

    Variants:
      OtherThreadLocksWhileSuspended
                           suspend, join the helper, resume.
      OtherThreadLocksDuringCallOut
                           the join runs as Python code called back from type code would
                           (Ops.callPython): inside beginCallOut/endCallOut, with no suspend of
                           its own, so only the call-out's release of A lets the helper in.
      NegativeControl_BlocksWithoutSuspending
                           the same, without suspend and resume: the actor waits for the helper
                           and the helper waits for A, which the actor holds. It MUST report
                           STALE (jcstress's 30 s time-out); the build fails if it does not.

    How to run (from the repository root): ./gilectomy stress -t 'CriticalSectionSuspend\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    sanity mode gives Termination tests a 0 ms budget (no samples), so StressMatrix runs the
    positive test in its quick "wakeup" run and the control with the other negative controls.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The helper locked A while the actor was suspended, and the actor resumed its section afterwards.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Deadlock: the blocked actor kept A locked, so the helper it waits for could never take it.")
@Outcome(                   expect = FORBIDDEN,  desc = "The actor or the helper threw: the critical sections or the test are broken.")
public class CriticalSectionSuspend {

    /**
     * Object A and what its sections guard. jcstress only sees {@code @Actor}/{@code @Signal}
     * methods declared on the test class itself, hence the one-line methods in each variant.
     */
    public abstract static class SectionOnA {
        private final Lockable a = new Lockable() {
        };
        private final boolean suspendsWhileBlocked;
        private final boolean callsOut;
        private int entries; // plain: guarded by A's lock

        SectionOnA(boolean suspendsWhileBlocked) {
            this(suspendsWhileBlocked, false);
        }

        SectionOnA(boolean suspendsWhileBlocked, boolean callsOut) {
            Builds.requireSomeLock();
            this.suspendsWhileBlocked = suspendsWhileBlocked;
            this.callsOut = callsOut;
        }

        final void blockInsideSection() throws InterruptedException {
            CriticalSection.begin(a);
            entries++;
            Thread helper = new Thread(this::enterSection, "needs-A");
            helper.setDaemon(true); // a deadlocked helper (the negative control) must not keep the fork alive
            helper.start();
            boolean calledOut = callsOut && CriticalSection.beginCallOut();
            if (callsOut && !calledOut) {
                throw new IllegalStateException("beginCallOut inside a section did nothing");
            }
            if (suspendsWhileBlocked) {
                CriticalSection.suspendAll(); // as Blocking.run, before the blocking call
            }
            helper.join();
            if (suspendsWhileBlocked) {
                CriticalSection.resumeTop();
            }
            if (calledOut) {
                CriticalSection.endCallOut();
            }
            entries++;
            CriticalSection.end();
            if (entries != 3) {
                throw new IllegalStateException("expected 3 entries into A's sections, saw " + entries);
            }
        }

        private void enterSection() {
            CriticalSection.begin(a);
            entries++;
            CriticalSection.end();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(CriticalSectionSuspend.class)
    @State
    public static class OtherThreadLocksWhileSuspended extends SectionOnA {
        public OtherThreadLocksWhileSuspended() {
            super(true);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockInsideSection();
        }

        @Signal
        public void signal() {
            // nothing: only the suspension may let the helper in
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(CriticalSectionSuspend.class)
    @State
    public static class OtherThreadLocksDuringCallOut extends SectionOnA {
        public OtherThreadLocksDuringCallOut() {
            super(false, true);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockInsideSection();
        }

        @Signal
        public void signal() {
            // nothing: only the call-out's release may let the helper in
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(CriticalSectionSuspend.class)
    @State
    public static class NegativeControl_BlocksWithoutSuspending extends SectionOnA {
        public NegativeControl_BlocksWithoutSuspending() {
            super(false);
        }

        @Actor
        public void actor() throws InterruptedException {
            blockInsideSection();
        }

        @Signal
        public void signal() {
            // nothing, as in OtherThreadLocksWhileSuspended
        }
    }
}
