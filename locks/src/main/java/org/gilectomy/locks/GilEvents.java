package org.gilectomy.locks;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JDK Flight Recorder events for the GIL, so a recording (for example
 * {@code GILECTOMY_JAVA_OPTS=-XX:StartFlightRecording=filename=run.jfr}) shows, in JDK
 * Mission Control, every hand-over of the GIL and every drop request on the threads' timeline.
 * Emitted on the slow paths only (a switch or a request happens at most a few thousand times a
 * second), under the GIL's own mutex; a disabled event costs one check.
 */
final class GilEvents {
    private GilEvents() {
    }

    @Name("gilectomy.GilAcquired")
    @Label("GIL acquired after waiting")
    @Category({"Gilectomy", "GIL"})
    @Description("A thread took the GIL after waiting for it; the event spans the wait.")
    @StackTrace(false)
    @Enabled(true)
    static final class Acquired extends Event {
        @Label("GIL kind")
        String kind;

        @Label("Switch")
        @Description("Whether the GIL passed to a different thread than its last holder")
        boolean switched;

        @Label("Failed re-acquisitions")
        @Description("Wake-ups of this wait that found the GIL taken again")
        int retries;
    }

    @Name("gilectomy.GilDropRequest")
    @Label("GIL drop request")
    @Category({"Gilectomy", "GIL"})
    @Description("A waiter waited a whole switch interval and asked the holder to drop the GIL.")
    @StackTrace(false)
    static final class DropRequest extends Event {
        @Label("Switch interval")
        @Timespan(Timespan.NANOSECONDS)
        long intervalNanos;
    }
}
