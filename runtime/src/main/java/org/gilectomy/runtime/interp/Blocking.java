package org.gilectomy.runtime.interp;

import org.gilectomy.locks.Gil;

/**
 * Runs a blocking call (sleep, join, waiting for a lock) with the GIL released, as CPython's
 * Py_BEGIN_ALLOW_THREADS does, so other threads run meanwhile. In the free-threaded build it
 * just runs the call.
 */
final class Blocking {
    interface Call {
        void run() throws InterruptedException;
    }

    private Blocking() {
    }

    static void run(Call call) {
        if (Gil.ENABLED) {
            Gil.INSTANCE.release();
        }
        try {
            call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (Gil.ENABLED) {
                Gil.INSTANCE.acquire();
            }
        }
    }
}
