package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * {@code run --trace} costs the fast paths nothing: their bytecode (read with javap) touches
 * nothing of the trace package, not even the switch, so the uncontended {@code Py_LOCK} /
 * {@code Py_UNLOCK} of every lock kind, the owner's and non-owner's incref/decref of biased
 * counting, the scheme-choosing {@code RefCount.incref/decref} and the whole eval loop run the
 * code the JMH benchmarks ({@code UncontendedLockBenchmark}, {@code RefCountBenchmark}) measure.
 * The negative control: the same search finds the hook in a slow path that has one.
 */
class TraceFastPathTest {
    private static final String TRACE = "org/gilectomy/trace/";

    @Test
    void fastPathsDoNotTouchTheTracePackage() {
        for (String lock : List.of("ObjectLock", "PyMutexLock", "SpinParkLock", "SpinLock")) {
            String code = javap("org.gilectomy.locks." + lock);
            for (String m : List.of("lock", "unlock", "tryLock")) {
                assertFalse(method(code, m + "(org.gilectomy.locks.Lockable)").contains(TRACE), lock + "." + m);
            }
        }
        String biased = javap("org.gilectomy.refcount.BiasedCounts");
        for (String m : List.of("increfLocal", "decrefLocal", "increfShared", "decrefShared", "tryIncrefLocal",
                "tryIncrefShared")) {
            assertFalse(method(biased, m + "(org.gilectomy.refcount.RefCounted)").contains(TRACE), "BiasedCounts." + m);
        }
        String refCount = javap("org.gilectomy.refcount.RefCount");
        for (String m : List.of("incref", "decref", "increfStack", "decrefStack")) {
            assertFalse(method(refCount, m + "(org.gilectomy.refcount.RefCounted)").contains(TRACE), "RefCount." + m);
        }
        assertFalse(javap("org.gilectomy.runtime.interp.Eval").contains(TRACE), "the eval loop");
    }

    @Test
    void negativeControlTheSearchFindsASlowPathsHook() {
        assertTrue(method(javap("org.gilectomy.locks.PyMutexLock"), "lockSlow(org.gilectomy.locks.Lockable)")
                .contains(TRACE + "GilTimeline.ENABLED"));
        assertTrue(method(javap("org.gilectomy.locks.SpinParkLock"), "lockContended(org.gilectomy.locks.Lockable)")
                .contains(TRACE + "GilTimeline.span"));
    }

    /** javap -c -p of a class on the test's class path. */
    private static String javap(String className) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp",
                System.getProperty("java.class.path"), className);
        assertEquals(0, status, out.toString());
        return out.toString();
    }

    /** The block of one method (declaration and code) in javap's output; fails if it is not there. */
    private static String method(String javap, String signature) {
        for (String block : javap.split("\\R\\R")) {
            String declaration = block.strip().lines().findFirst().orElse("");
            if (declaration.contains(" " + signature + ";")) {
                assertTrue(block.contains("Code:"), "no code in " + block);
                return block;
            }
        }
        throw new AssertionError("no method " + signature + " in\n" + javap);
    }
}
