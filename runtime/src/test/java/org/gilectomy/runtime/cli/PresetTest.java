package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.gilectomy.locks.GilKind;
import org.gilectomy.locks.LockKind;
import org.gilectomy.refcount.DeferredKind;
import org.gilectomy.refcount.ImmortalKind;
import org.gilectomy.refcount.RefCountKind;
import org.junit.jupiter.api.Test;

class PresetTest {
    @Test
    void gilIsTheNewGilWithPlainCountsAndNoObjectLocks() {
        assertEquals(new BuildConfig(Preset.GIL, GilKind.NEW, RefCountKind.PLAIN, LockKind.NONE, ImmortalKind.NONE, DeferredKind.OFF), Preset.GIL.config());
    }

    @Test
    void gilectomyHasNoGilAtomicCountsAndSpinParkLocks() {
        assertEquals(new BuildConfig(Preset.GILECTOMY, GilKind.NONE, RefCountKind.ATOMIC, LockKind.SPINPARK, ImmortalKind.NONE, DeferredKind.OFF),
                Preset.GILECTOMY.config());
    }

    @Test
    void theDefaultIsGil() {
        assertEquals(Preset.GIL, Preset.DEFAULT);
        assertEquals(Preset.GIL.config(), BuildConfig.of(null, null, null, null));
    }

    @Test
    void parseAcceptsFlagNamesInAnyCase() {
        assertEquals(Preset.GIL, Preset.parse("gil"));
        assertEquals(Preset.GILECTOMY, Preset.parse(" GILECTOMY "));
        for (Preset p : Preset.values()) {
            assertEquals(p, Preset.parse(p.flagName()));
            assertEquals(p, Preset.parse(p.name()));
        }
    }

    @Test
    void parseRejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.parse("nogill"));
        assertTrue(e.getMessage().contains("nogill"), e.getMessage());
        assertTrue(e.getMessage().contains("gil, gil-old, gilectomy, gilectomy-buffered, nogil"), e.getMessage());
    }

    @Test
    void flagNamesAreUniqueAndLowerCase() {
        assertEquals(Preset.values().length, Arrays.stream(Preset.values()).map(Preset::flagName).distinct().count());
        for (Preset p : Preset.values()) {
            assertEquals(p.flagName().toLowerCase(), p.flagName());
            assertFalse(p.description().isBlank());
        }
    }

    @Test
    void knobsOverrideThePreset() {
        BuildConfig c = BuildConfig.of(Preset.GILECTOMY, null, RefCountKind.PLAIN, null);
        assertEquals(GilKind.NONE, c.gil());
        assertEquals(RefCountKind.PLAIN, c.refcount());
        assertEquals(LockKind.SPINPARK, c.lock());
        assertFalse(c.isPlainPreset());
        assertEquals("gilectomy+refcount=plain", c.label());
        assertTrue(Preset.GILECTOMY.config().isPlainPreset());
        assertEquals("gilectomy", Preset.GILECTOMY.config().label());
    }

    @Test
    void systemPropertiesNameThePresetAndTheOverriddenKnobs() {
        Map<String, String> p = BuildConfig.of(Preset.GIL, null, null, LockKind.SPINPARK).systemProperties();
        assertEquals(Map.of("gilectomy.preset", "gil", "gilectomy.lock", "spinpark"), p);
        assertEquals(Map.of("gilectomy.preset", "nogil"), Preset.NOGIL.config().systemProperties());
    }

    @Test
    void onlyNogilReadsWithoutLocks() {
        for (Preset p : Preset.values()) {
            assertEquals(p.refcount() == RefCountKind.BIASED ? "lock-free" : "locked", p.readsProperty(), p.flagName());
            assertEquals(p.refcount() == RefCountKind.BIASED, p.lockFreeReads(), p.flagName());
        }
    }
}
