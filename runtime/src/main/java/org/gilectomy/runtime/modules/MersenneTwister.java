package org.gilectomy.runtime.modules;

import java.math.BigInteger;

/**
 * MT19937, the generator behind CPython's {@code random}, seeded as CPython's
 * {@code init_by_array}, so a program that seeds with the same int draws the same numbers as
 * under CPython. Not thread-safe: the {@code random} module calls it under its object's lock.
 */
final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti = N + 1;

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    /** CPython's init_by_array over 32-bit words, least significant first. */
    void seedByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
    }

    /** {@code random.seed(n)} for an int: its absolute value, split into 32-bit words. */
    void seed(BigInteger n) {
        BigInteger v = n.abs();
        int words = Math.max(1, (v.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int w = 0; w < words; w++) {
            key[w] = v.shiftRight(32 * w).intValue();
        }
        seedByArray(key);
    }

    /** The next 32 random bits (as an unsigned value in an int). */
    int nextInt32() {
        int y;
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            for (; kk < N - 1; kk++) {
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            mti = 0;
        }
        y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random()}: 53 random bits as a float in [0, 1). */
    double nextDouble() {
        long a = (nextInt32() & 0xffffffffL) >>> 5;
        long b = (nextInt32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)}, k &gt;= 0: 32-bit words filled least significant first. */
    BigInteger nextBits(int k) {
        if (k <= 32) {
            return k == 0 ? BigInteger.ZERO : BigInteger.valueOf((nextInt32() & 0xffffffffL) >>> (32 - k));
        }
        int words = (k - 1) / 32 + 1;
        byte[] bigEndian = new byte[words * 4 + 1]; // a leading zero byte keeps it positive
        for (int i = 0; i < words; i++, k -= 32) {
            long r = nextInt32() & 0xffffffffL;
            if (k < 32) {
                r >>>= 32 - k;
            }
            int at = bigEndian.length - 4 * (i + 1);
            bigEndian[at] = (byte) (r >>> 24);
            bigEndian[at + 1] = (byte) (r >>> 16);
            bigEndian[at + 2] = (byte) (r >>> 8);
            bigEndian[at + 3] = (byte) r;
        }
        return new BigInteger(bigEndian);
    }
}
