package org.gilectomy.stress;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gilectomy.threadstate.BaseThreadState;
import org.gilectomy.threadstate.StopTheWorld;
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
    Property: stopping the world (StopTheWorld.stop, what the free-threaded cycle collector does)
    returns while another Python thread is blocked, as long as the blocking call detached it (as
    Blocking.run does around sleep, join, lock waits and socket I/O): a thread blocked for ever
    does not hold a collection up.

    The state starts a helper thread that attaches (runs "Python"), detaches, and blocks; the
    state waits until it is blocked. The actor stops the world, starts it again, then unblocks
    the helper and joins it: the helper must re-attach (after the restart) and finish.

    Variants:
      Parked        the helper parks (LockSupport.park) until unparked
      Sleeping      the helper sleeps (Thread.sleep, an hour) until interrupted
      LockWait      the helper waits for a per-object lock (Py_LOCK) the state holds
      AttachedAtCheck
                    the helper stays attached and runs a loop with an eval-breaker check
                    (pause when the word is non-zero): the stop must wait for it to reach the
                    check, and it does; then it parks as in Parked
      NegativeControl_BlockedWithoutDetach
                    the helper blocks (parks) while still attached, as a blocking call that
                    forgot to detach would. The stop MUST wait for ever: STALE (jcstress's
                    time-out per fork); the build fails if it does not.

    How to run (from the repository root): ./gilectomy stress -t 'StopTheWorldTerminates\.' [--mode quick]
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The world stopped and restarted; the blocked helper then finished.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The stop waited for ever for a blocked thread.")
@Outcome(                   expect = FORBIDDEN,  desc = "The actor or a helper threw: the mechanism or the test is broken.")
public class StopTheWorldTerminates {
    /** How long the state waits for the helper to block before it lets the actor run anyway. */
    static final long DEFAULT_BLOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    enum How { PARK, SLEEP, LOCK_WAIT, CHECKS_THEN_PARK, PARK_ATTACHED }

    /** The state every variant shares: a world of its own and one blocked helper. */
    public abstract static class Blocked {
        private final StopTheWorld world = new StopTheWorld(true);
        private final Mutex lock = Mutex.objectLock();
        private final How how;
        private final Thread helper;
        private volatile boolean released;

        Blocked(How how) {
            this.how = how;
            if (how == How.LOCK_WAIT) {
                lock.lock();
            }
            helper = new Thread(this::helper, "stw-helper");
            helper.setDaemon(true); // a stranded helper must not keep the fork alive
            helper.start();
            long deadline = System.nanoTime() + DEFAULT_BLOCK_WAIT_NANOS;
            while (how != How.CHECKS_THEN_PARK && helper.getState() == Thread.State.RUNNABLE
                    && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
        }

        private void helper() {
            BaseThreadState me = BaseThreadState.current();
            world.attach(me);
            switch (how) {
                case PARK -> {
                    world.detach(me);
                    while (!released) {
                        LockSupport.park(this);
                    }
                }
                case SLEEP -> {
                    world.detach(me);
                    try {
                        Thread.sleep(TimeUnit.HOURS.toMillis(1));
                    } catch (InterruptedException e) {
                        // the actor's wake-up
                    }
                }
                case LOCK_WAIT -> {
                    world.detach(me);
                    lock.lock();
                    lock.unlock();
                }
                case CHECKS_THEN_PARK -> {
                    while (!released) { // "bytecodes" with a check at each back-edge
                        if (me.breakerOpaque() != 0) {
                            world.pause(me);
                        }
                        Thread.onSpinWait();
                    }
                    world.detach(me);
                }
                case PARK_ATTACHED -> {
                    while (!released) {
                        LockSupport.park(this); // never detached: the negative control
                    }
                }
            }
            world.attach(me); // waits if the world is still stopped
            world.detach(me);
        }

        final void stopStartRelease() throws InterruptedException {
            BaseThreadState me = BaseThreadState.current();
            world.stop(me);
            world.start(me);
            released = true;
            switch (how) {
                case SLEEP -> helper.interrupt();
                case LOCK_WAIT -> lock.unlock();
                default -> LockSupport.unpark(helper);
            }
            helper.join();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(StopTheWorldTerminates.class)
    @State
    public static class Parked extends Blocked {
        public Parked() {
            super(How.PARK);
        }

        @Actor
        public void actor() throws InterruptedException {
            stopStartRelease();
        }

        @Signal
        public void signal() {
            // nothing: the actor must finish on its own
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(StopTheWorldTerminates.class)
    @State
    public static class Sleeping extends Blocked {
        public Sleeping() {
            super(How.SLEEP);
        }

        @Actor
        public void actor() throws InterruptedException {
            stopStartRelease();
        }

        @Signal
        public void signal() {
            // nothing: the actor must finish on its own
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(StopTheWorldTerminates.class)
    @State
    public static class LockWait extends Blocked {
        public LockWait() {
            super(How.LOCK_WAIT);
        }

        @Actor
        public void actor() throws InterruptedException {
            stopStartRelease();
        }

        @Signal
        public void signal() {
            // nothing: the actor must finish on its own
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(StopTheWorldTerminates.class)
    @State
    public static class AttachedAtCheck extends Blocked {
        public AttachedAtCheck() {
            super(How.CHECKS_THEN_PARK);
        }

        @Actor
        public void actor() throws InterruptedException {
            stopStartRelease();
        }

        @Signal
        public void signal() {
            // nothing: the actor must finish on its own
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(StopTheWorldTerminates.class)
    @State
    public static class NegativeControl_BlockedWithoutDetach extends Blocked {
        public NegativeControl_BlockedWithoutDetach() {
            super(How.PARK_ATTACHED);
        }

        @Actor
        public void actor() throws InterruptedException {
            stopStartRelease();
        }

        @Signal
        public void signal() {
            // nothing: the actor must finish on its own, and cannot
        }
    }
}
