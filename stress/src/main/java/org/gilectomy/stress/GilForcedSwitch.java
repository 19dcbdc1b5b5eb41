package org.gilectomy.stress;

import java.util.concurrent.TimeUnit;
import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.locks.Gil;
import org.gilectomy.locks.GilKind;
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
    Property: under the new GIL a thread waiting for the GIL gets it from a holder that never
    releases it on its own, only by honouring drop requests at its eval-breaker checks: the
    waiter times out after a switch interval, sets GIL_DROP_REQUEST, the holder sees the bit,
    calls Gil.yieldToWaiter (as Eval.handleBreaker does) and, with forced switching, waits until
    the waiter has taken the GIL. No lost drop request, no lost hand-over.

    The state starts a holder thread that takes the GIL and then loops like the eval loop of a
    CPU-bound Python thread: check the eval breaker, yield to a waiter if asked, go on. The
    actor is the waiter: acquire, release, then stop the holder and join it (the holder
    releases the GIL on its way out, so the next sample starts with the GIL free). jcstress waits
    for the actor (at least 30 s) and records STALE if it never returns. The signal does
    nothing: nobody may help the waiter but the drop request.

    The switch interval is short rather than the interpreter's 5 ms, so a run collects more
    samples. The waiter waits for an interval in one of two ways (NewGil's Overview): by spinning
    when it is at most NewGil.SPIN_LIMIT_NANOS (SPINNING_INTERVAL_NANOS), by a timed park when
    longer (PARKING_INTERVAL_NANOS); one variant for each.

    Variants:
      WaiterGetsGil          the holder honours the drop request; the waiter spins.
      WaiterGetsGilParking   the same with a waiter that parks.
      NegativeControl_HolderIgnoresDropRequest
                             the holder checks nothing and never yields: the waiter keeps asking
                             and never gets the GIL. It MUST report STALE (which takes
                             jcstress's 30 s time-out per fork); the build fails if it does not.

    How to run (from the repository root): ./gilectomy stress -t 'GilForcedSwitch\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    sanity mode gives Termination tests a 0 ms budget (no samples), so StressMatrix runs the
    positive test in its quick "wakeup" run and the control with the other negative controls.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiter asked for the GIL, the holder dropped it at its eval-breaker check and the waiter took it.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The waiter never got the GIL: a drop request was not made, not seen, or not honoured.")
@Outcome(                   expect = FORBIDDEN,  desc = "The waiter or the holder threw: the GIL or the test is broken.")
public class GilForcedSwitch {

    /** A switch interval the waiter spins for: short, so that a sample takes well under 1 ms. */
    static final long SPINNING_INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** A switch interval the waiter parks for (longer than NewGil's spin limit). */
    static final long PARKING_INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);

    /**
     * A GIL held by a busy "eval loop" thread. jcstress only sees {@code @Actor}/{@code @Signal}
     * methods declared on the test class itself, hence the one-line methods in each variant.
     */
    public abstract static class Held {
        private final Gil gil;
        private final boolean honoursDropRequests;
        private final Thread holder;
        private volatile boolean holding;
        private volatile boolean stop;

        Held(Gil gil, boolean honoursDropRequests, long intervalNanos) {
            this.gil = gil;
            this.honoursDropRequests = honoursDropRequests;
            gil.setSwitchIntervalNanos(intervalNanos);
            EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST); // a stale request would be a free pass
            holder = new Thread(this::evalLoop, "gil-holder");
            holder.setDaemon(true); // a stuck holder (the negative control) must not keep the fork alive
            holder.start();
            while (!holding) {
                Thread.onSpinWait(); // the waiter must find the GIL taken
            }
        }

        private void evalLoop() {
            gil.acquire();
            holding = true;
            while (!stop) {
                if (honoursDropRequests && EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST)) {
                    gil.yieldToWaiter(); // what Eval.handleBreaker does
                } else {
                    Thread.onSpinWait();
                }
            }
            gil.release();
        }

        final void waiter() throws InterruptedException {
            gil.acquire();
            gil.release();
            stop = true;
            holder.join();
        }
    }

    /** One GIL per fork, as the interpreter has one per process; each sample ends with it free. */
    private static final Gil NEW_GIL = Gil.newInstance(GilKind.NEW);

    @JCStressTest(Mode.Termination)
    @JCStressMeta(GilForcedSwitch.class)
    @State
    public static class WaiterGetsGil extends Held {
        public WaiterGetsGil() {
            super(NEW_GIL, true, SPINNING_INTERVAL_NANOS);
        }

        @Actor
        public void actor() throws InterruptedException {
            waiter();
        }

        @Signal
        public void signal() {
            // nothing: only the drop request may get the waiter its GIL
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(GilForcedSwitch.class)
    @State
    public static class WaiterGetsGilParking extends Held {
        public WaiterGetsGilParking() {
            super(NEW_GIL, true, PARKING_INTERVAL_NANOS);
        }

        @Actor
        public void actor() throws InterruptedException {
            waiter();
        }

        @Signal
        public void signal() {
            // nothing, as in WaiterGetsGil
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(GilForcedSwitch.class)
    @State
    public static class NegativeControl_HolderIgnoresDropRequest extends Held {
        public NegativeControl_HolderIgnoresDropRequest() {
            super(NEW_GIL, false, SPINNING_INTERVAL_NANOS);
        }

        @Actor
        public void actor() throws InterruptedException {
            waiter();
        }

        @Signal
        public void signal() {
            // nothing, as in WaiterGetsGil
        }
    }
}
