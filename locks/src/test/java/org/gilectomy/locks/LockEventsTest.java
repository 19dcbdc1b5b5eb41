package org.gilectomy.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code gilectomy.LockContended} JFR event, recorded in-process, under the kind surefire
 * chose for this JVM (locks/pom.xml runs it once per kind): present after a forced contention,
 * absent when the recording disables it, absent for uncontended acquisitions.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockEventsTest {
    private static final String EVENT = "gilectomy.LockContended";
    /** How long the owner keeps the lock while the other thread waits: longer than any spin, and than pymutex's 1 ms fairness time. */
    private static final long HOLD_MILLIS = 50;

    /** A class of its own, so the event's object type is recognisably this one. */
    static final class ContendedBox extends Lockable {
    }

    @Test
    void aContendedAcquisitionIsRecordedWithItsWait() throws Exception {
        ContendedBox box = new ContendedBox();
        List<RecordedEvent> events = record(true, () -> contend(box));
        RecordedEvent e = onlyEventFor(events, box);
        assertEquals(ObjectLock.KIND.flagName(), e.getString("lockKind"));
        long waited = e.getLong("waitNanos");
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS) / 2, "waited " + waited + " ns");
        assertTrue(e.getDuration().toNanos() >= waited / 2, "the event spans the wait");
        // The waiter outlasts every spin, so a parking kind must have parked; and, parked for
        // longer than pymutex's fairness time, it must have been handed the lock.
        assertEquals(ObjectLock.KIND.parks(), e.getBoolean("parked"));
        assertEquals(ObjectLock.KIND == LockKind.PYMUTEX, e.getBoolean("handedOff"));
    }

    @Test
    void nothingIsRecordedWhenTheEventIsDisabled() throws Exception {
        ContendedBox box = new ContendedBox();
        List<RecordedEvent> events = record(false, () -> contend(box));
        assertEquals(List.of(), events);
    }

    @Test
    void anUncontendedAcquisitionIsNotRecorded() throws Exception {
        ContendedBox box = new ContendedBox();
        List<RecordedEvent> events = record(true, () -> {
            for (int i = 0; i < 1_000; i++) {
                ObjectLock.lock(box);
                ObjectLock.unlock(box);
            }
        });
        assertEquals(List.of(), events);
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} under a recording with the event enabled (threshold 0) or disabled. */
    private static List<RecordedEvent> record(boolean enabled, Body body) throws Exception {
        Path file = Files.createTempFile("lock-events", ".jfr");
        try (Recording recording = new Recording()) {
            if (enabled) {
                recording.enable(EVENT).withThreshold(Duration.ZERO);
            } else {
                recording.disable(EVENT);
            }
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals(EVENT))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** This thread holds {@code box} for HOLD_MILLIS while another thread blocks on it. */
    private static void contend(ContendedBox box) throws InterruptedException {
        ObjectLock.lock(box);
        Thread waiter = ObjectLockTest.daemon(() -> {
            ObjectLock.lock(box);
            ObjectLock.unlock(box);
        });
        waiter.start();
        if (ObjectLock.KIND.parks()) {
            ObjectLockTest.awaitParked(box, 1);
        }
        Thread.sleep(HOLD_MILLIS);
        ObjectLock.unlock(box);
        waiter.join();
        assertFalse(ObjectLock.isLocked(box));
    }

    private static RecordedEvent onlyEventFor(List<RecordedEvent> events, Lockable box) {
        List<RecordedEvent> mine = events.stream()
                .filter(e -> e.getClass("objectType").getName().equals(box.getClass().getName()))
                .toList();
        assertEquals(1, mine.size(), "one contended acquisition, one event: " + events);
        return mine.get(0);
    }
}
