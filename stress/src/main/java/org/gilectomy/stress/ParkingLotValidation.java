package org.gilectomy.stress;

import org.gilectomy.locks.Lockable;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.locks.ParkingLot;
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
    Property: the parking lot's validation closes the lost-wake-up window. A parker that
    checks the word under the bucket lock before sleeping, racing an unparker that changes the
    word and then wakes one waiter, never sleeps forever: either the parker sees the new word
    and does not sleep, or it is already queued when the unparker looks.

    This is the ParkingLot alone, not a lock protocol: the state holds a header locked once
    with ObjectLock.tryLock (word 1 in every kind), the actor is a hand-written waiter loop
    around ParkingLot, and the signal is a hand-written releaser. Any lock kind but none will
    do (the word must be a real word); the build runs it under spinpark.

    Variants:
      WordChangedThenUnpark   actor:  until tryLock succeeds: park(o, word != 0)
                              signal: unlock (word 1 -> 0, a plain CAS: no wake-up of its
                                      own), then ParkingLot.unparkOne(o)
                              The spinpark protocol's shape: word first, then wake.
      CallbackHandsOff        actor:  until tryLock succeeds or park returns HANDED_OFF:
                                      parkIfWordIs(o, 1, now)
                              signal: unparkOne(o, callback); the callback, under the bucket
                                      lock, hands the lock to the waiter if there is one (the
                                      word stays 1, the actor returns owning it) and otherwise
                                      unlocks. The pymutex protocol's shape: the word is
                                      written under the lock the parker validates under, and
                                      the hand-off result reaches the woken thread.
                              A hand-off whose word is not still locked throws (an error,
                              which the matrix fails).

    How to run (from the repository root): ./gilectomy stress -t 'ParkingLotValidation\.' [--mode quick]
    (each variant in the build StressMatrix gives it; negative controls must fail).

    Seen on the 2-core development machine, quick mode, one configuration: see the numbers in
    stress/target/jcstress/wakeup/index.html after `mvn -pl stress verify`.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The parker got the lock (by its own tryLock or by hand-off) and returned.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The parker slept through the unparker: a lost wake-up in the validation.")
@Outcome(                   expect = FORBIDDEN,  desc = "The actor or the signal threw: the parking lot or the test is broken.")
public class ParkingLotValidation {

    /** A header, held from construction: the word is 1 in every lock kind. */
    public abstract static class Held {
        final Lockable header = new Lockable() {
        };

        Held() {
            Builds.requireSomeLock();
            if (!ObjectLock.tryLock(header)) {
                throw new IllegalStateException("a fresh header must be free");
            }
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ParkingLotValidation.class)
    @State
    public static class WordChangedThenUnpark extends Held {
        @Actor
        public void actor() {
            while (!ObjectLock.tryLock(header)) {
                ParkingLot.park(header, w -> w != 0);
            }
            ObjectLock.unlock(header);
        }

        @Signal
        public void signal() {
            ObjectLock.unlock(header);      // the word first...
            ParkingLot.unparkOne(header);   // ...then the wake-up
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(ParkingLotValidation.class)
    @State
    public static class CallbackHandsOff extends Held {
        /** Non-capturing: one instance, as a real lock would keep it. */
        private static final ParkingLot.Unparker HAND_OFF_IF_ANYBODY_WAITS = (key, found, start, more) -> {
            if (!found) {
                ObjectLock.unlock(key); // nobody to hand to: release, still under the bucket lock
            }
            return found;
        };

        @Actor
        public void actor() {
            while (!ObjectLock.tryLock(header)) {
                if (ParkingLot.parkIfWordIs(header, 1, System.nanoTime()) == ParkingLot.HANDED_OFF) {
                    if (!ObjectLock.isLocked(header)) {
                        throw new IllegalStateException("handed off, but the word says free");
                    }
                    break; // the word stayed 1: the lock is ours
                }
            }
            ObjectLock.unlock(header);
        }

        @Signal
        public void signal() {
            ParkingLot.unparkOne(header, HAND_OFF_IF_ANYBODY_WAITS);
        }
    }
}
