package org.gilectomy.stress;

import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.StopTheWorld;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
    Property: while the world is stopped no mutator runs (what the cycle collector relies on
    to read counts and references that do not move).

    The mutator attaches, says it runs, and runs MUTATIONS increments of a counter, with an
    eval-breaker check (pause when its word is non-zero) every CHECK_EVERY of them, as the eval
    loop checks at back-edges and calls only; then it detaches. The collector waits (bounded)
    until the mutator runs, so that the stop lands in the middle of its loop, then stops the
    world, reads the counter, spins READ_GAP rounds, reads it again, and restarts the world:
    "1" the counter did not move while the world was stopped, "0" it did.

    Variants:
      Stopped                     StopTheWorld as the runtime uses it
      NegativeControl_NoWait      a StopTheWorld whose stop returns without waiting for
                                  attached threads. It MUST observe "0"; the build fails if not.

    How to run (from the repository root): ./gilectomy stress -t 'StopTheWorldExcludes\.' [--mode quick]

    Seen on the 2-core development machine (2026-12-07, heavily loaded): Stopped 112 samples in
    sanity mode and 186,570 in quick mode, 0 forbidden; NegativeControl_NoWait (quick) 525 "0" in 34,430 samples, DETECTED.
    Before the collector waited for the mutator to run, and with a check every 50 increments,
    the control saw nothing in 87,980 samples: the actors drifted apart.
 */
@Outcome(id = "1", expect = ACCEPTABLE, desc = "No mutation while the world was stopped.")
@Outcome(id = "0", expect = FORBIDDEN,  desc = "The mutator ran while the world was stopped.")
public class StopTheWorldExcludes {
    /*
     * A long stretch between checks (as a built-in's loop over a big list between two bytecodes):
     * with a short one the mutator reaches its check, sees the request and pauses before the
     * broken stop even reads the counter, and the negative control saw nothing in 87,980
     * quick-mode samples with 50.
     */
    static final int MUTATIONS = 20_000;
    static final int CHECK_EVERY = 1_000;
    static final int READ_GAP = 1_000;
    /** How long the collector waits for the mutator to start before it stops the world anyway. */
    static final long RUNNING_WAIT_NANOS = 1_000_000;

    /** The state both variants share: a world and the mutator's counter. */
    public abstract static class World {
        private final StopTheWorld world;
        private volatile int counter;
        private volatile boolean running;

        World(boolean waitForAttached) {
            world = new StopTheWorld(waitForAttached);
        }

        final void mutate() {
            BaseThreadState me = BaseThreadState.current();
            world.attach(me);
            running = true;
            for (int i = 0; i < MUTATIONS; i++) {
                if (i % CHECK_EVERY == 0 && me.breakerOpaque() != 0) {
                    world.pause(me);
                }
                counter = counter + 1; // only this thread writes it
            }
            world.detach(me);
        }

        final int collect() {
            BaseThreadState me = BaseThreadState.current();
            long deadline = System.nanoTime() + RUNNING_WAIT_NANOS;
            while (!running && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // the actors drift apart otherwise: the collector is faster
            }
            world.stop(me);
            int before = counter;
            for (int i = 0; i < READ_GAP; i++) {
                Thread.onSpinWait();
            }
            int after = counter;
            world.start(me);
            return before == after ? 1 : 0;
        }
    }

    @JCStressTest
    @JCStressMeta(StopTheWorldExcludes.class)
    @State
    public static class Stopped extends World {
        public Stopped() {
            super(true);
        }

        @Actor
        public void mutator() {
            mutate();
        }

        @Actor
        public void collector(I_Result r) {
            r.r1 = collect();
        }
    }

    @JCStressTest
    @JCStressMeta(StopTheWorldExcludes.class)
    @State
    public static class NegativeControl_NoWait extends World {
        public NegativeControl_NoWait() {
            super(false);
        }

        @Actor
        public void mutator() {
            mutate();
        }

        @Actor
        public void collector(I_Result r) {
            r.r1 = collect();
        }
    }
}
