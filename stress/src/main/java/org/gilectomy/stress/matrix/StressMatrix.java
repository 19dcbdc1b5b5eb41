package org.gilectomy.stress.matrix;

import java.util.List;
import java.util.Map;

import org.gilectomy.stress.matrix.StressRun.Expect;
import org.gilectomy.stress.matrix.StressRun.Mode;

/**
 * The jcstress matrix: every test of this module, each in the build it is about. Adding a test
 * class means checking that one of these regexes selects it (StressMatrixTest fails otherwise).
 *
 * <p>Why these cells:
 * <ul>
 *   <li>Negative controls run in quick mode at least: sanity takes about a hundred samples per
 *       test, and the broken lock shows its race in 0.3% of them. They run one JVM configuration
 *       with no extra C2-stress forks: they are broken by design, not by the compiler, and each
 *       stuck Termination control costs jcstress's fixed 30 s time-out per fork.
 *   <li>Termination tests (wake-ups, the GIL's forced switch, critical-section suspension, the
 *       parking lot) run quick too: sanity gives them a 0 ms budget and no samples.
 *   <li>The lock kind is a static final per JVM, so every kind runs the lock tests in its own
 *       cell: spinpark (gilectomy), pymutex (nogil), pymutex with a zero fairness time (every
 *       wake is a hand-off) and spin, which never parks and so runs only the wake-up test that
 *       needs no park.
 *   <li>Overrides where no preset is the build under test: the atomic-count lock-free reads
 *       (LockFreeReads; nogil's biased ones are BiasedLockFreeReads), the spin lock, the
 *       hand-off fairness, and the GIL build's plain counts with a real per-object lock for the
 *       controls (plain counts must lose updates; the critical-section controls need a lock).
 * </ul>
 */
public final class StressMatrix {
    private static final String P = "^org\\.gilectomy\\.stress\\.";
    /** Termination tests (no samples in sanity mode). */
    private static final String TERMINATION = "(ObjectLockWakeup|GilForcedSwitch|CriticalSectionSuspend|ParkingLotValidation|StopTheWorldTerminates)\\.";
    private static final String LOCK_TESTS = P + "(MutualExclusion\\.ObjectLock|ObjectLockWakeup\\.(?!NegativeControl))";
    private static final String LOCK = "gilectomy.lock";

    /** Every cell, in the order they run (controls first: a pass means nothing if the tests are blind). */
    public static final List<StressRun> RUNS = List.of(
            new StressRun("negative-controls", "gil", Map.of(LOCK, "spinpark"),
                    P + "(?!Biased|Buffered).*NegativeControl", Expect.DETECTED, Mode.QUICK, true,
                    "broken locks, GILs, counts and reads: each must be caught"),
            new StressRun("nogil-negative-controls", "nogil", Map.of(),
                    P + "Biased.*NegativeControl", Expect.DETECTED, Mode.QUICK, true,
                    "biased counts misused: each must be caught"),
            new StressRun("buffered-negative-controls", "gilectomy-buffered", Map.of(),
                    P + "Buffered.*NegativeControl", Expect.DETECTED, Mode.QUICK, true,
                    "buffered counts read without a flush: must be caught"),
            new StressRun("gilectomy", "gilectomy", Map.of(),
                    P + "(?!.*NegativeControl)(?!Biased|Buffered|LockFreeReads|" + TERMINATION + ")",
                    Expect.PASS, Mode.SANITY, false,
                    "spin-then-park locks, atomic counts, GILs, critical sections"),
            new StressRun("gilectomy-lock-free-reads", "gilectomy", Map.of("gilectomy.reads", "lock-free"),
                    P + "LockFreeReads\\.(?!NegativeControl)", Expect.PASS, Mode.SANITY, false,
                    "dict/list reads without the lock, atomic counts"),
            new StressRun("gilectomy-termination", "gilectomy", Map.of(),
                    P + "(" + TERMINATION.replace(")\\.", ")\\.(?!NegativeControl)") + ")",
                    Expect.PASS, Mode.QUICK, true,
                    "wake-ups, forced GIL switch, suspension (Termination tests)"),
            new StressRun("nogil", "nogil", Map.of(),
                    P + "Biased(?!.*NegativeControl)", Expect.PASS, Mode.SANITY, false,
                    "biased counts, lock-free reads"),
            new StressRun("gilectomy-buffered", "gilectomy-buffered", Map.of(),
                    P + "Buffered(?!.*NegativeControl)", Expect.PASS, Mode.SANITY, false,
                    "buffered counts and the commit thread"),
            new StressRun("nogil-locks", "nogil", Map.of(),
                    LOCK_TESTS, Expect.PASS, Mode.QUICK, true,
                    "the lock tests with PyMutex"),
            new StressRun("nogil-locks-handoff", "nogil", Map.of("gilectomy.lock.fairness-ns", "0"),
                    LOCK_TESTS, Expect.PASS, Mode.QUICK, true,
                    "the lock tests with PyMutex, every wake a hand-off"),
            new StressRun("gilectomy-spin", "gilectomy", Map.of(LOCK, "spin"),
                    P + "(MutualExclusion\\.ObjectLock|ObjectLockWakeup\\.UnlockRacingPark)",
                    Expect.PASS, Mode.QUICK, true,
                    "the lock tests with the spin lock (never parks)"));

    private StressMatrix() {
    }
}
