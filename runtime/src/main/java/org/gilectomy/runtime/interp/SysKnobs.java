package org.gilectomy.runtime.interp;

import org.gilectomy.locks.Gil;

/**
 * The process-wide settings a program can turn through {@code sys} (the switch interval, the
 * old GIL's check interval), saved before a program runs and restored after it, so that the
 * next program in the same JVM ({@code run --iterations}, the test suites) starts with the
 * settings of the command line, as a fresh process would.
 */
record SysKnobs(double switchIntervalSeconds, long gilSwitchIntervalNanos, int checkInterval) {
    static SysKnobs save() {
        return new SysKnobs(Modules.switchIntervalSeconds(), Gil.ENABLED ? Gil.INSTANCE.switchIntervalNanos() : 0,
                Ticker.interval());
    }

    /** After the program: no Python thread runs any more. */
    void restore() {
        Modules.setSwitchIntervalSeconds(switchIntervalSeconds);
        if (Gil.ENABLED) {
            Gil.INSTANCE.setSwitchIntervalNanos(gilSwitchIntervalNanos);
        }
        Ticker.setInterval(checkInterval);
    }
}
