package org.gilectomy.runtime.modules;

import java.lang.management.ManagementFactory;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.runtime.interp.Blocking;
import org.gilectomy.runtime.interp.Modules;

/** The {@code time} module: clocks and {@code sleep} (which releases the GIL). */
public final class TimeModule {
    private TimeModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("time");
        long originNanos = System.nanoTime();
        Modules.def(m, "time", (a, off, n, kw) -> {
            Args.exactly("time", n, 0, kw);
            java.time.Instant now = java.time.Instant.now();
            return PyFloat.of(now.getEpochSecond() + now.getNano() / 1e9);
        });
        PyBuiltinFunction.Body counter = (a, off, n, kw) -> {
            Args.exactly("perf_counter", n, 0, kw);
            return PyFloat.of((System.nanoTime() - originNanos) / 1e9);
        };
        Modules.def(m, "perf_counter", counter);
        Modules.def(m, "monotonic", counter);
        Modules.def(m, "process_time", (a, off, n, kw) -> {
            Args.exactly("process_time", n, 0, kw);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return PyFloat.of(os.getProcessCpuTime() / 1e9);
        });
        Modules.def(m, "thread_time", (a, off, n, kw) -> {
            Args.exactly("thread_time", n, 0, kw);
            return PyFloat.of(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
        });
        Modules.def(m, "sleep", (a, off, n, kw) -> {
            Args.exactly("sleep", n, 1, kw);
            double s = Modules.asDouble(a[off]);
            if (s < 0) {
                throw PyExc.valueError("sleep length must be non-negative");
            }
            long nanos = (long) (s * 1e9);
            Blocking.run(() -> sleepNanos(nanos));
            return PyNone.newRef();
        });
        return m;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
