package org.gilectomy.runtime.interp;

import org.gilectomy.locks.Gil;
import org.gilectomy.objects.PyInt;

/**
 * The process-wide settings a program can turn through {@code sys} (the switch interval, the
 * old GIL's check interval, the int string conversion cap), saved before a program runs and restored after it, so that the
 * next program in the same JVM ({@code run --iterations}, the test suites) starts with the
 * settings of the command line, as a fresh process would.
 */
record SysKnobs(double switchIntervalSeconds, long gilSwitchIntervalNanos, int checkInterval, int maxStrDigits) {
    static SysKnobs save() {
        return new SysKnobs(Modules.switchIntervalSeconds(), Gil.ENABLED ? Gil.INSTANCE.switchIntervalNanos() : 0,
                Ticker.interval(), PyInt.maxStrDigits());
    }

    /** After the program: no Python thread runs any more. */
    void restore() {
        Modules.setSwitchIntervalSeconds(switchIntervalSeconds);
        if (Gil.ENABLED) {
            Gil.INSTANCE.setSwitchIntervalNanos(gilSwitchIntervalNanos);
        }
        Ticker.setInterval(checkInterval);
        Ticker.remaining = checkInterval;
        PyInt.setMaxStrDigits(maxStrDigits);
    }
}
