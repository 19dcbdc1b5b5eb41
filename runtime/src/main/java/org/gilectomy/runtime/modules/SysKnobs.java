package org.gilectomy.runtime.modules;

import org.gilectomy.locks.Gil;
import org.gilectomy.objects.PyInt;
import org.gilectomy.runtime.interp.Ticker;

/**
 * The process-wide settings a program can turn through {@code sys}: the GIL's switch interval
 * and the old GIL's check interval (one GIL per process, shared by every interpreter, as in
 * CPython 3.11), and the int string conversion cap. An interpreter saves them when it starts
 * and puts them back when it ends, so that the next program in the same JVM
 * ({@code run --iterations}, the test suites) starts with the settings of the command line, as
 * a fresh process would. What {@code sys} reports is the interpreter's own ({@link Modules}).
 */
public record SysKnobs(long gilSwitchIntervalNanos, int checkInterval, int maxStrDigits) {
    public static SysKnobs save() {
        return new SysKnobs(Gil.ENABLED ? Gil.INSTANCE.switchIntervalNanos() : 0, Ticker.interval(), PyInt.maxStrDigits());
    }

    /** After the program: none of its Python threads runs any more. */
    public void restore() {
        if (Gil.ENABLED) {
            Gil.INSTANCE.setSwitchIntervalNanos(gilSwitchIntervalNanos);
        }
        Ticker.setInterval(checkInterval);
        PyInt.setMaxStrDigits(maxStrDigits);
    }
}
