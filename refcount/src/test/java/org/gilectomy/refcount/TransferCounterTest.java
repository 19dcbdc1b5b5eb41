package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gilectomy.cacheline.TransferCounter;
import org.junit.jupiter.api.Test;

/**
 * The cache-line transfer model on reference counts (the suite runs with
 * -Dgilectomy.count-transfers=true: refcount/pom.xml): writes by the last writer cost nothing,
 * a write by another thread costs one transfer of the object's type and operation, and
 * immortal objects' counts are never written.
 */
class TransferCounterTest {
    /** Reports are by type, and a type is a class: one subclass per test. */
    static class Counted extends RefCounted {
        private final String type;

        Counted(String type) {
            this.type = type;
        }

        @Override
        protected void dealloc() {
        }

        @Override
        public String describeForDiagnostics() {
            return "<" + type + ">";
        }

        @Override
        public String typeNameForDiagnostics() {
            return type;
        }
    }

    static final class PingPong extends Counted {
        PingPong() {
            super("pingpong");
        }
    }

    static final class MaybeImmortal extends Counted {
        MaybeImmortal() {
            super("immortal-or-not");
        }
    }

    static final class Shared extends Counted {
        Shared() {
            super("shared-by-two");
        }
    }

    private static long[] nonOwnerWritesOf(String type) {
        RefCount.flush();
        long[] r = TransferCounter.totals().nonOwnerByType().get(type);
        return r == null ? new long[4] : r;
    }

    private static long[] transfersOf(String type) {
        RefCount.flush();
        long[] r = TransferCounter.totals().byType().get(type);
        return r == null ? new long[4] : r;
    }

    private static void onOtherThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(() -> {
            r.run();
            RefCount.threadExiting();
        });
        t.start();
        t.join();
    }

    @Test
    void onlyAWriteByAnotherThreadThanTheLastWriterIsATransfer() throws InterruptedException {
        assertTrue(TransferCounter.ENABLED, "refcount/pom.xml sets -D" + TransferCounter.PROPERTY + "=true");
        // Under buffered counts the commit thread does every write: the line moves to it once,
        // from the creator, and never again.
        boolean buffered = RefCount.KIND == RefCountKind.BUFFERED;
        Counted o = new PingPong();
        for (int i = 0; i < 10; i++) {
            RefCount.incref(o); // the creator again: no transfer
            RefCount.decref(o);
        }
        assertEquals(buffered ? 1 : 0, transfersOf("pingpong")[TransferCounter.INCREF]);
        onOtherThread(() -> RefCount.incref(o)); // moves the line to the other thread
        RefCount.decref(o); // and back
        long[] t = transfersOf("pingpong");
        assertEquals(1, t[TransferCounter.INCREF]);
        assertEquals(buffered ? 0 : 1, t[TransferCounter.DECREF]);
        assertEquals(0, t[TransferCounter.LOCK] + t[TransferCounter.UNLOCK]);
        RefCount.decref(o);
        RefCount.flush();
        assertTrue(o.isFreed());
    }

    @Test
    void immortalObjectsAreNeverWrittenSoNeverTransferred() throws InterruptedException {
        Counted o = new MaybeImmortal();
        boolean immortal = RefCount.makeImmortal(o);
        onOtherThread(() -> {
            RefCount.incref(o);
            RefCount.decref(o);
        });
        long moved = transfersOf("immortal-or-not")[TransferCounter.INCREF];
        assertEquals(immortal ? 0 : 1, moved, "the creator wrote it last; the other thread (or the committer) takes it");
    }

    @Test
    void everyWriteByANonOwnerIsCountedHowEverTheThreadsInterleave() throws InterruptedException {
        Counted o = new Shared();
        for (int i = 0; i < 5; i++) {
            RefCount.incref(o); // the owner (creator): its local count, never counted
            RefCount.decref(o);
        }
        assertEquals(0, nonOwnerWritesOf("shared-by-two")[TransferCounter.INCREF], "the owner's writes are local");
        onOtherThread(() -> {
            for (int i = 0; i < 5; i++) { // one thread, no interleaving: one transfer at most, five writes
                RefCount.incref(o);
            }
            for (int i = 0; i < 5; i++) {
                RefCount.decref(o);
            }
        });
        long[] w = nonOwnerWritesOf("shared-by-two");
        boolean biased = RefCount.KIND == RefCountKind.BIASED;
        assertEquals(biased ? 5 : 0, w[TransferCounter.INCREF], "only the biased build has owners");
        assertEquals(biased ? 5 : 0, w[TransferCounter.DECREF]);
        assertEquals(1, transfersOf("shared-by-two")[TransferCounter.INCREF],
                "against one transfer (to the other thread, or to the committer under buffered counts)");
        RefCount.decref(o);
        RefCount.flush();
    }
}
