package org.gilectomy.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

import org.gilectomy.runtime.modules.MersenneTwister;

/** The generator against numbers CPython 3.11 printed for the same seeds (`random.seed(n)`). */
class MersenneTwisterTest {
    private static MersenneTwister seeded(BigInteger n) {
        MersenneTwister mt = new MersenneTwister();
        mt.seed(n);
        return mt;
    }

    @Test
    void seed42MatchesCPython() {
        MersenneTwister mt = seeded(BigInteger.valueOf(42));
        assertEquals(0.6394267984578837, mt.nextDouble());
        assertEquals(0.025010755222666936, mt.nextDouble());
        assertEquals(BigInteger.valueOf(1181241943), mt.nextBits(32));
        assertEquals(new BigInteger("151691464061534419856"), mt.nextBits(70));
    }

    @Test
    void multiWordAndNegativeSeedsMatchCPython() {
        assertEquals(0.44487310994347073,
                seeded(BigInteger.TWO.pow(100).add(BigInteger.valueOf(12345))).nextDouble());
        // the sign is dropped, as CPython's random_seed takes abs(n)
        assertEquals(0.32383276483316237, seeded(BigInteger.valueOf(-7)).nextDouble());
    }

    @Test
    void shortBitDrawsTakeTheTopBitsOfOneWord() {
        MersenneTwister mt = seeded(BigInteger.ZERO);
        int[] expected = {216, 98, 194, 227, 107};
        for (int e : expected) {
            assertEquals(BigInteger.valueOf(e), mt.nextBits(8));
        }
        assertEquals(BigInteger.ZERO, mt.nextBits(0));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        // negative control for the tests above: they would pass by accident if seeding were ignored
        assertNotEquals(seeded(BigInteger.ONE).nextDouble(), seeded(BigInteger.TWO).nextDouble());
    }
}
