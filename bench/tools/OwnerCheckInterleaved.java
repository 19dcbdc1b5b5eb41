import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCounted;

/**
 * The biased owner path with the caller's id read from the current thread at each update
 * ({@code RefCount.incref(o)}) against the id held by the caller ({@code RefCount.incref(o, self)}),
 * and two empty calls, in ONE JVM (run again with {@code -Dgilectomy.refcount=plain} for the plain pair), in alternating rounds, keeping each one's fastest round: on a
 * machine that other jobs load, JMH's separate forks see different loads, while alternating
 * rounds see the same (docs/scaling-limiters.md). Not a substitute for JMH on a quiet machine.
 *
 * <pre>
 * java -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,OwnerCheckInterleaved::* -Dgilectomy.refcount=biased \
 *     -cp bench/target/benchmarks.jar bench/tools/OwnerCheckInterleaved.java
 * </pre>
 */
public class OwnerCheckInterleaved {
    static final class Obj extends RefCounted {
        @Override
        protected void dealloc() {
            throw new AssertionError("reached zero: unbalanced");
        }

        @Override
        public String describeForDiagnostics() {
            return "Obj";
        }
    }

    static final int PAIRS = 500_000;
    static final int ROUNDS = 400;

    public static void main(String[] args) {
        System.out.println("build: -Dgilectomy.refcount=" + RefCount.KIND.flagName()
                + " (under plain both forms are the plain pair)");
        Obj o = new Obj();
        int self = RefCount.currentThreadId();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        String[] names = {"two empty calls", "incref(o) + decref(o)", "incref(o, self) + decref(o, self)"};
        for (int r = 0; r < ROUNDS; r++) {
            for (int v = 0; v < 3; v++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < PAIRS; i++) {
                    switch (v) {
                        case 0 -> { nothing(o); nothing(o); }
                        case 1 -> { incref(o); decref(o); }
                        default -> { incref(o, self); decref(o, self); }
                    }
                }
                best[v] = Math.min(best[v], System.nanoTime() - t0);
            }
        }
        for (int v = 0; v < 3; v++) {
            System.out.printf("%-36s %6.2f ns per pair (fastest of %d rounds)%n", names[v], (double) best[v] / PAIRS, ROUNDS);
        }
        System.out.printf("incref(o) / incref(o, self): %.2f; net of the calls: %.2f%n", (double) best[1] / best[2],
                (double) (best[1] - best[0]) / (best[2] - best[0]));
    }

    static void nothing(RefCounted o) {
    }

    static void incref(RefCounted o) {
        RefCount.incref(o);
    }

    static void decref(RefCounted o) {
        RefCount.decref(o);
    }

    static void incref(RefCounted o, int self) {
        RefCount.incref(o, self);
    }

    static void decref(RefCounted o, int self) {
        RefCount.decref(o, self);
    }
}
