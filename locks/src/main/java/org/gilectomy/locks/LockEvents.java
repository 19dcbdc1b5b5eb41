package org.gilectomy.locks;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * JDK Flight Recorder events for the per-object locks: one {@code gilectomy.LockContended} per
 * acquisition that missed the fast path, spanning its wait, so JDK Mission Control shows which
 * objects the threads fought over and for how long.
 *
 * <pre>
 * Overview
 *
 * Emitted from the slow paths of SpinParkLock, PyMutexLock and SpinLock only; the uncontended
 * fast path (one CAS) is untouched. A slow path calls beginContended() first, which returns
 * null, allocating nothing, unless a recording in this process has enabled the event:
 *   FlightRecorder.isInitialized()   one volatile read; false until somebody starts JFR
 *   new Contended().isEnabled()      JFR's own per-event switch (settings, -XX:StartFlightRecording)
 * and commitContended(...) after the lock is taken, which also applies the threshold
 * (shouldCommit: DEFAULT_THRESHOLD unless the recording's settings say otherwise).
 *
 * Fields: the lock kind (flag name), the Java class of the locked object (the Python type's
 * implementation class: PyList, PyDict, ...; this module knows nothing of Python types), the
 * wait in nanoseconds (fast-path miss to ownership, as LockStats counts it), whether the thread
 * slept in the parking lot at least once, and whether the lock was handed to it (pymutex only).
 *
 * Not promised: an event for every contended acquisition (JFR drops events under buffer
 * pressure, and waits under the threshold are not committed).
 * </pre>
 */
final class LockEvents {
    /** Shorter waits are not worth a record by default (override: {@code gilectomy.LockContended#threshold=0 ms}). */
    static final String DEFAULT_THRESHOLD = "10 us";

    private LockEvents() {
    }

    @Name("gilectomy.LockContended")
    @Label("Contended per-object lock")
    @Category({"Gilectomy", "Locks"})
    @Description("A thread missed Py_LOCK's fast path and waited for the object's lock; the event spans the wait.")
    @StackTrace(false)
    @Enabled(true)
    @Threshold(DEFAULT_THRESHOLD)
    static final class Contended extends Event {
        @Label("Lock kind")
        String lockKind;

        @Label("Object type")
        @Description("The Java class of the locked object")
        Class<?> objectType;

        @Label("Wait")
        @Timespan(Timespan.NANOSECONDS)
        long waitNanos;

        @Label("Parked")
        @Description("Whether the thread slept in the parking lot at least once")
        boolean parked;

        @Label("Handed off")
        @Description("Whether the unlocking thread handed the lock directly to this one (pymutex fairness)")
        boolean handedOff;
    }

    /** At the start of a slow path: the event to commit afterwards, or null when nobody records it. */
    static Contended beginContended() {
        if (!FlightRecorder.isInitialized()) {
            return null;
        }
        Contended event = new Contended();
        if (!event.isEnabled()) {
            return null;
        }
        event.begin();
        return event;
    }

    /** After the slow path took the lock; {@code event} is beginContended()'s non-null result. */
    static void commitContended(Contended event, Lockable o, long waitNanos, int parks, boolean handedOff) {
        event.end();
        if (event.shouldCommit()) {
            event.lockKind = ObjectLock.KIND.flagName();
            event.objectType = o.getClass();
            event.waitNanos = waitNanos;
            event.parked = parks > 0;
            event.handedOff = handedOff;
            event.commit();
        }
    }
}
