package org.gilectomy.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.gilectomy.locks.Build;
import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.refcount.DeferredKind;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;

/**
 * One cell of the build matrix: a preset, possibly with some knobs overridden. It becomes a
 * set of system properties ({@link #systemProperties()}: the preset's name and the overridden
 * knobs) that {@link Build} reads; they must be in place before the classes that read them
 * ({@code Gil}, {@code ObjectLock}, {@code RefCount}, {@code LockStats}) are initialised.
 *
 * @param preset   the preset named on the command line (or the default)
 * @param gil      {@code -Dgilectomy.gil}
 * @param refcount {@code -Dgilectomy.refcount}
 * @param lock     {@code -Dgilectomy.lock}
 * @param immortal {@code -Dgilectomy.immortal}
 * @param deferred {@code -Dgilectomy.deferred}
 */
public record BuildConfig(Preset preset, GilKind gil, RefCountKind refcount, LockKind lock, ImmortalKind immortal,
                          DeferredKind deferred) {
    public BuildConfig {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(gil, "gil");
        Objects.requireNonNull(refcount, "refcount");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(immortal, "immortal");
        Objects.requireNonNull(deferred, "deferred");
    }

    /** The preset with the given knobs overridden; a null knob keeps the preset's value. */
    public static BuildConfig of(Preset preset, GilKind gil, RefCountKind refcount, LockKind lock) {
        return of(preset, gil, refcount, lock, null, null);
    }

    /** The same, with the immortality level and deferred counting too. */
    public static BuildConfig of(Preset preset, GilKind gil, RefCountKind refcount, LockKind lock, ImmortalKind immortal,
                                 DeferredKind deferred) {
        Preset p = preset == null ? Preset.DEFAULT : preset;
        return new BuildConfig(p,
                gil == null ? p.gil() : gil,
                refcount == null ? p.refcount() : refcount,
                lock == null ? p.lock() : lock,
                immortal == null ? p.immortal() : immortal,
                deferred == null ? p.deferred() : deferred);
    }

    /** Whether every knob is the preset's own. */
    public boolean isPlainPreset() {
        return gil == preset.gil() && refcount == preset.refcount() && lock == preset.lock()
                && immortal == preset.immortal() && deferred == preset.deferred();
    }

    /**
     * A short name for tables and reports: the preset's name, followed by the overridden knobs,
     * e.g. {@code gil} or {@code gil+refcount=atomic}.
     */
    public String label() {
        StringBuilder sb = new StringBuilder(preset.flagName());
        if (gil != preset.gil()) {
            sb.append("+gil=").append(gil.flagName());
        }
        if (refcount != preset.refcount()) {
            sb.append("+refcount=").append(refcount.flagName());
        }
        if (lock != preset.lock()) {
            sb.append("+lock=").append(lock.flagName());
        }
        if (immortal != preset.immortal()) {
            sb.append("+immortal=").append(immortal.flagName());
        }
        if (deferred != preset.deferred()) {
            sb.append("+deferred=").append(deferred.flagName());
        }
        return sb.toString();
    }

    /**
     * The system properties that select this build, in a stable order: the preset
     * ({@code -Dgilectomy.preset}), then only the knobs that differ from it.
     */
    public Map<String, String> systemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Build.PRESET_PROPERTY, preset.flagName());
        if (gil != preset.gil()) {
            m.put(GilKind.PROPERTY, gil.flagName());
        }
        if (refcount != preset.refcount()) {
            m.put(RefCountKind.PROPERTY, refcount.flagName());
        }
        if (lock != preset.lock()) {
            m.put(LockKind.PROPERTY, lock.flagName());
        }
        if (immortal != preset.immortal()) {
            m.put(ImmortalKind.PROPERTY, immortal.flagName());
        }
        if (deferred != preset.deferred()) {
            m.put(DeferredKind.PROPERTY, deferred.flagName());
        }
        return m;
    }

    /** Set when an unsafe build runs by request ({@code --allow-unsafe}): its failures are expected. */
    public static final String ALLOW_UNSAFE_PROPERTY = "gilectomy.allow-unsafe";

    /**
     * Why this build cannot run threads correctly, or null: without a GIL, plain reference
     * counts lose updates (objects are freed while in use) and no per-object locks lets threads
     * corrupt shared containers. Such a build is only a negative control.
     */
    public String unsafeReason() {
        if (gil != GilKind.NONE) {
            return null;
        }
        if (refcount == RefCountKind.PLAIN) {
            return "without a GIL, plain reference counts lose updates and free objects still in use";
        }
        if (lock == LockKind.NONE) {
            return "without a GIL or per-object locks, threads corrupt shared lists and dicts";
        }
        return null;
    }
}
