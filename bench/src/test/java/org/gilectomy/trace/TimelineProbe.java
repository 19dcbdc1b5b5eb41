package org.gilectomy.trace;

import org.gilectomy.locks.Gil;

/**
 * A child JVM for {@link GilTimelineTest}: the new GIL, the recorder switched on or off by the
 * first argument, two threads that each take the GIL, hold it 30 ms and give it back, started
 * together so that one must wait. Prints one line per track: name and the states entered, e.g.
 * {@code probe-1 RWR.}.
 */
public final class TimelineProbe {
    public static void main(String[] args) throws InterruptedException {
        System.setProperty("gilectomy.gil", "new");
        System.setProperty(GilTimeline.PROPERTY, args[0]);
        Runnable holdTwice = () -> {
            for (int i = 0; i < 2; i++) {
                Gil.INSTANCE.acquire();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Gil.INSTANCE.release();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread a = new Thread(holdTwice, "probe-1");
        Thread b = new Thread(holdTwice, "probe-2");
        a.start();
        b.start();
        a.join();
        b.join();
        for (GilTimeline.Track.Copy t : GilTimeline.snapshot()) {
            StringBuilder sb = new StringBuilder(t.name()).append(' ');
            for (byte s : t.states()) {
                sb.append("RWB.".charAt(s));
            }
            System.out.println(sb);
        }
    }
}
