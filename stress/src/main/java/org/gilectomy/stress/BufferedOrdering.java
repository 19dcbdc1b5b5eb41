package org.gilectomy.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.UseAfterFreeError;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/*
    Property: with buffered counts (Gilectomy 2017) an incref that happens-before another
    thread's decref is committed before it, although the two sit in different threads' logs.
    The object starts at 1 (the state's reference). actor1 increfs it (the reference it hands
    over) and publishes it (release); actor2, if it sees it (acquire), drops that reference.
    The arbiter drops the handed reference itself if actor2 did not, flushes, and reads.
    Were actor2's decref committed first, the count would reach 0, the object would be freed
    while the state still holds it, and the incref would then hit a freed object.

    r1 = actor2 saw the object (1) or not (0); r2 = the committed count after flush (1);
    r3 = deallocations (0), or -1 if flush reported a use-after-free found by the committer.

    How to run (after `mvn -B -q -o -pl stress package -DskipTests`):
       $ java -cp stress/target/jcstress.jar org.gilectomy.stress.StressGate pass -m sanity \
             -t 'BufferedOrdering' -jvmArgsPrepend "-Dgilectomy.refcount=buffered"
 */
@JCStressTest
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "actor2 dropped the handed reference after the incref was committed.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "actor2 did not see the object; the arbiter dropped the reference.")
@Outcome(id = ".*, -1", expect = FORBIDDEN, desc = "The decref was committed before the incref: freed while referenced.")
@Outcome(expect = FORBIDDEN, desc = "Lost or doubled update, or freed while referenced.")
@State
public class BufferedOrdering extends BiasedTracked {
    private volatile BufferedOrdering handed;
    private int seen;

    public BufferedOrdering() {
        super(RefCountKind.BUFFERED);
    }

    @Actor
    public void increfThenPublish() {
        RefCount.incref(this);
        handed = this;
    }

    @Actor
    public void takeAndDecref() {
        BufferedOrdering o = handed;
        if (o != null) {
            RefCount.decref(o);
            seen = 1;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = seen;
        if (seen == 0) {
            RefCount.decref(this);
        }
        try {
            RefCount.flush();
            r.r2 = refCountOpaque();
            r.r3 = deallocs();
        } catch (UseAfterFreeError e) {
            r.r2 = refCountOpaque();
            r.r3 = -1;
        }
    }
}
